//! An operation's security requirement as credentials read from the environment:
//! every scheme of the first requirement, as the spec combines them (a bearer token
//! and an API key header are both sent), each from a variable named after its scheme.

use serde_json::Value;

use super::Problem;
use super::document::escape;
use super::refs::Refs;
use crate::diagnostic::Field;
use crate::model::Token;
use crate::text::{Text, Var};

/// What the security schemes add to a request.
#[derive(Debug, Default)]
pub(super) struct Auth {
    pub(super) token: Option<Token>,
    /// The scheme that set the token, to name in a conflict.
    by: Option<String>,
    pub(super) headers: Vec<(String, Text)>,
    pub(super) query: Vec<(String, Text)>,
    pub(super) cookies: Vec<(String, Text)>,
}

/// The credentials of the operation at `pointer`: its own `security`, else the
/// document's; `token_env` names the bearer token's variable instead of its scheme.
pub(super) fn auth(
    refs: &Refs<'_>,
    operation: &Value,
    pointer: &str,
    token_env: Option<&str>,
) -> Result<Auth, Problem> {
    let (requirements, at) = match operation.get("security") {
        Some(own) => (own, format!("{pointer}/security")),
        None => match refs.root.get("security") {
            Some(shared) => (shared, "/security".to_owned()),
            None => return Ok(Auth::default()),
        },
    };
    let mut auth = Auth::default();
    // The first alternative: an empty one means the operation may be called without.
    let Some(first) = requirements.get(0) else {
        return Ok(auth);
    };
    let Some(first) = first.as_object() else {
        return Err(Problem::new(
            format!("{at}/0"),
            "a security requirement must be an object",
        ));
    };
    for name in first.keys() {
        let here = format!("{at}/0/{}", escape(name));
        let scheme_at = format!("/components/securitySchemes/{}", escape(name));
        let Some(scheme) = refs.root.pointer(&scheme_at) else {
            return Err(Problem::new(
                here,
                format!("security scheme {name:?} is not in components.securitySchemes"),
            ));
        };
        let scheme = refs.resolve(scheme, &scheme_at)?;
        auth.add(name, scheme.value, &scheme.pointer, token_env)?;
    }
    Ok(auth)
}

impl Auth {
    fn add(
        &mut self,
        name: &str,
        scheme: &Value,
        at: &str,
        token_env: Option<&str>,
    ) -> Result<(), Problem> {
        let kind = scheme
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let env = env_name(name);
        match kind {
            "http" => {
                let http = scheme
                    .get("scheme")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                match http.to_ascii_lowercase().as_str() {
                    "bearer" => self.set_token(name, at, bearer(&env, token_env)),
                    "basic" => self.set_token(
                        name,
                        at,
                        Token::Basic {
                            user: Text::var(Var::new(format!("{env}_USER"))),
                            password: Text::var(Var::new(format!("{env}_PASSWORD"))),
                        },
                    ),
                    other => Err(Problem::new(
                        format!("{at}/scheme"),
                        format!("HTTP authentication scheme {other:?} is not one a snippet sends"),
                    )
                    .about(Field::Token)
                    .advice("bearer and basic are")),
                }
            }
            "oauth2" | "openIdConnect" => self.set_token(name, at, bearer(&env, token_env)),
            "apiKey" => {
                let Some(key) = scheme.get("name").and_then(Value::as_str) else {
                    return Err(Problem::new(
                        at.to_owned(),
                        format!("API key scheme {name:?} has no name"),
                    ));
                };
                let value = Text::var(Var::new(env));
                match scheme.get("in").and_then(Value::as_str) {
                    Some("header") if key.eq_ignore_ascii_case("authorization") => {
                        if let Some(by) = &self.by {
                            return Err(conflict(by, name, at));
                        }
                        self.by = Some(name.to_owned());
                        self.headers.push((key.to_owned(), value));
                        Ok(())
                    }
                    Some("header") => {
                        self.headers.push((key.to_owned(), value));
                        Ok(())
                    }
                    Some("query") => {
                        self.query.push((key.to_owned(), value));
                        Ok(())
                    }
                    Some("cookie") => {
                        self.cookies.push((key.to_owned(), value));
                        Ok(())
                    }
                    _ => Err(Problem::new(
                        format!("{at}/in"),
                        format!(
                            "API key scheme {name:?} must be in a header, the query or a cookie"
                        ),
                    )),
                }
            }
            other => Err(Problem::new(
                format!("{at}/type"),
                format!("security scheme type {other:?} is not one a snippet sends"),
            )
            .about(Field::Token)
            .advice("http (bearer, basic), apiKey, oauth2 and openIdConnect are")),
        }
    }

    fn set_token(&mut self, name: &str, at: &str, token: Token) -> Result<(), Problem> {
        if let Some(by) = &self.by {
            return Err(conflict(by, name, at));
        }
        self.by = Some(name.to_owned());
        self.token = Some(token);
        Ok(())
    }
}

fn bearer(env: &str, token_env: Option<&str>) -> Token {
    Token::Env(token_env.unwrap_or(env).to_owned())
}

fn conflict(first: &str, second: &str, at: &str) -> Problem {
    Problem::new(
        at.to_owned(),
        format!(
            "security schemes {first:?} and {second:?} both send the Authorization header; a request sends one"
        ),
    )
    .about(Field::Token)
}

/// The environment variable a scheme's secret is read from: its name in upper snake
/// case (`bearerAuth` → `BEARER_AUTH`, `api-key` → `API_KEY`).
pub(super) fn env_name(scheme: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = scheme.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            continue;
        }
        let previous = index.checked_sub(1).map(|at| chars[at]);
        let next = chars.get(index + 1);
        let word_starts = c.is_ascii_uppercase()
            && previous.is_some_and(|p| {
                p.is_ascii_lowercase()
                    || p.is_ascii_digit()
                    // The last capital of an acronym of two or more: `HFToken`.
                    || (p.is_ascii_uppercase()
                        && index >= 2
                        && chars[index - 2].is_ascii_uppercase()
                        && next.is_some_and(char::is_ascii_lowercase))
            });
        if word_starts && !out.ends_with('_') {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    let out = out.trim_end_matches('_').to_owned();
    match out.chars().next() {
        None => "TOKEN".to_owned(),
        Some(first) if first.is_ascii_digit() => format!("_{out}"),
        Some(_) => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn env_names_are_upper_snake_case() {
        for (scheme, env) in [
            ("bearerAuth", "BEARER_AUTH"),
            ("HF_TOKEN", "HF_TOKEN"),
            ("api-key", "API_KEY"),
            ("HFToken", "HF_TOKEN"),
            ("OAuth2", "OAUTH2"),
            ("2fa", "_2FA"),
            ("!!", "TOKEN"),
        ] {
            assert_eq!(env_name(scheme), env, "{scheme}");
        }
    }

    fn auth_of(root: &Value, operation: &Value) -> Result<Auth, Problem> {
        auth(&Refs { root }, operation, "/paths/~1x/post", None)
    }

    #[test]
    fn every_scheme_of_the_first_requirement() {
        let root = json!({
            "security": [{"bearerAuth": [], "orgKey": [], "regionKey": []}, {"basic": []}],
            "components": {"securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "Bearer"},
                "orgKey": {"type": "apiKey", "in": "header", "name": "X-Org"},
                "regionKey": {"$ref": "#/components/securitySchemes/region"},
                "region": {"type": "apiKey", "in": "query", "name": "region"},
                "basic": {"type": "http", "scheme": "basic"},
                "session": {"type": "apiKey", "in": "cookie", "name": "sid"},
            }},
        });
        let shared = auth_of(&root, &json!({})).unwrap();
        assert_eq!(shared.token, Some(Token::Env("BEARER_AUTH".into())));
        assert_eq!(
            shared.headers,
            vec![("X-Org".into(), Text::var(Var::new("ORG_KEY")))]
        );
        assert_eq!(
            shared.query,
            vec![("region".into(), Text::var(Var::new("REGION_KEY")))]
        );
        let own = auth_of(&root, &json!({"security": [{"basic": [], "session": []}]})).unwrap();
        assert_eq!(
            own.token,
            Some(Token::Basic {
                user: Text::var(Var::new("BASIC_USER")),
                password: Text::var(Var::new("BASIC_PASSWORD")),
            })
        );
        assert_eq!(
            own.cookies,
            vec![("sid".into(), Text::var(Var::new("SESSION")))]
        );
        let open = auth_of(&root, &json!({"security": []})).unwrap();
        assert_eq!(open.token, None);
        let optional = auth_of(&root, &json!({"security": [{}, {"basic": []}]})).unwrap();
        assert_eq!(optional.token, None);
        let both = auth_of(
            &root,
            &json!({"security": [{"bearerAuth": [], "basic": []}]}),
        );
        assert!(
            both.unwrap_err()
                .message
                .contains("both send the Authorization header")
        );
        let unknown = auth_of(&root, &json!({"security": [{"nope": []}]})).unwrap_err();
        assert_eq!(unknown.pointer, "/paths/~1x/post/security/0/nope");
    }
}
