//! The headers a snippet sends and the token among them, decided once for every
//! client: a bearer token is the first header, `Authorization: Bearer ...`; a user
//! and password go to the client's own basic auth, or into that header where the
//! language's clients do not encode them; an SDK takes the token alone as its key.

use std::borrow::Cow;

use crate::model::{Request, Token};
use crate::quote::Syntax;
use crate::text::{Text, Var};

/// The token alone, as an SDK takes its API key: the variable it is read from, or
/// the placeholder. `None` for a user and password, or no token.
pub(crate) fn api_key(token: &Token) -> Option<Text> {
    match token {
        Token::Env(name) => Some(Text::var(Var::new(name.as_str()))),
        Token::Placeholder(text) => Some(Text::from(text.as_str())),
        Token::Basic { .. } | Token::None => None,
    }
}

/// The `Authorization` value of a bearer token: `Bearer ` and the [`api_key`].
pub(crate) fn bearer(token: &Token) -> Option<Text> {
    let key = api_key(token)?;
    let mut value = Text::from("Bearer ");
    value.extend(key);
    Some(value)
}

/// `user:password`, what basic auth encodes.
pub(crate) fn credentials(user: &Text, password: &Text) -> Text {
    let mut credentials = user.clone();
    credentials.push_str(":");
    credentials.extend(password.clone());
    credentials
}

/// Every header the request sends with its token: `Authorization` of a bearer
/// token first, then [`Request::wire_headers`]. A user and password are not
/// among them: see [`Headers`].
pub(crate) fn sent(request: &Request) -> Vec<(&str, Cow<'_, Text>)> {
    let mut headers = request.wire_headers();
    if let Some(bearer) = bearer(&request.token) {
        headers.insert(0, ("Authorization", Cow::Owned(bearer)));
    }
    headers
}

/// The headers of a generic client, as expressions of its language.
pub(crate) struct Headers {
    /// Names and values: [`sent`], with the basic-auth header first where the
    /// language writes it ([`Syntax::basic_header`]).
    pub list: Vec<(String, String)>,
    /// The user and password, for the client's own basic auth (requests' `auth=`,
    /// reqwest's `basic_auth`).
    pub basic: Option<(String, String)>,
}

impl Headers {
    /// The headers of `request` written in `syntax`.
    pub(crate) fn of(request: &Request, syntax: &impl Syntax) -> Headers {
        let mut list: Vec<(String, String)> = sent(request)
            .iter()
            .map(|(name, value)| syntax.header(name, value))
            .collect();
        let mut basic = None;
        if let Token::Basic { user, password } = &request.token {
            match syntax.basic_header(&credentials(user, password)) {
                Some(value) => list.insert(0, (syntax.header_name("Authorization"), value)),
                None => basic = Some((syntax.text(user), syntax.text(password))),
            }
        }
        Headers { list, basic }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::{js::Js, python::Python, rust::Rust};

    /// A header, or a user and password, as expressions.
    type Pair = Option<(String, String)>;

    /// The first header and the basic auth of `token` in `syntax`.
    fn first(token: Token, syntax: &impl Syntax) -> (Pair, Pair) {
        let request = Request::new("https://x.cloud")
            .token(token)
            .header("X-A", "1");
        let headers = Headers::of(&request, syntax);
        let first = headers
            .list
            .into_iter()
            .next()
            .filter(|(_, value)| value != "\"1\"");
        (first, headers.basic)
    }

    fn pair(name: &str, value: &str) -> Pair {
        Some((name.to_owned(), value.to_owned()))
    }

    #[test]
    fn tokens_in_every_language() {
        let env = || Token::Env("HF_TOKEN".into());
        let placeholder = || Token::Placeholder("hf_***".into());
        let basic = || Token::Basic {
            user: Text::from("me"),
            password: Text::var(Var::new("PASS")),
        };
        let authorization = "\"Authorization\"";
        let cases = [
            (
                first(env(), &Python),
                (
                    pair(authorization, "f\"Bearer {os.environ['HF_TOKEN']}\""),
                    None,
                ),
            ),
            (
                first(env(), &Js),
                (
                    pair("Authorization", "`Bearer ${process.env.HF_TOKEN}`"),
                    None,
                ),
            ),
            (
                first(env(), &Rust),
                (
                    pair(authorization, "format!(\"Bearer {}\", env(\"HF_TOKEN\")?)"),
                    None,
                ),
            ),
            (
                first(placeholder(), &Python),
                (pair(authorization, "\"Bearer hf_***\""), None),
            ),
            (
                first(basic(), &Python),
                (None, pair("\"me\"", "os.environ[\"PASS\"]")),
            ),
            (
                first(basic(), &Js),
                (
                    pair(
                        "Authorization",
                        "`Basic ${Buffer.from(`me:${process.env.PASS}`).toString(\"base64\")}`",
                    ),
                    None,
                ),
            ),
            (
                first(basic(), &Rust),
                (None, pair("\"me\"", "env(\"PASS\")?")),
            ),
            (first(Token::None, &Js), (None, None)),
        ];
        for (index, (found, expected)) in cases.into_iter().enumerate() {
            assert_eq!(found, expected, "case {index}");
        }
    }

    #[test]
    fn an_sdk_takes_the_token_alone() {
        assert_eq!(
            api_key(&Token::Env("HF_TOKEN".into())),
            Some(Text::var(Var::new("HF_TOKEN")))
        );
        assert_eq!(
            api_key(&Token::Placeholder("<key>".into())),
            Some(Text::from("<key>"))
        );
        assert_eq!(api_key(&Token::None), None);
    }
}
