//! The headers a snippet sends and the token among them, decided once for every
//! client: a bearer token is the first header, `Authorization: Bearer ...`; a user
//! and password go to the client's own basic auth, or into that header where the
//! language's clients do not encode them; an SDK takes the token alone as its key.
//! Each language writes the headers through its [`Syntax`].

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

/// The headers of a generic client in its language: the token's `Authorization`
/// first, then [`Request::wire_headers`].
pub(crate) struct Headers<'a, H> {
    /// Each header as the language writes it ([`Syntax::Header`]).
    pub list: Vec<H>,
    /// The user and password of a token that is one, for the client's own basic auth
    /// (requests' `auth=`, reqwest's `basic_auth`, curl's `-u`); where the language
    /// writes the header itself ([`Syntax::basic_header`]), it is in the list instead.
    pub basic: Option<(&'a Text, &'a Text)>,
}

impl<'a, H> Headers<'a, H> {
    /// The headers of `request` written in `syntax`.
    pub(crate) fn of(request: &'a Request, syntax: &impl Syntax<Header = H>) -> Self {
        let wire = request.wire_headers();
        let mut list = Vec::with_capacity(wire.len() + 1);
        let mut basic = None;
        match &request.token {
            Token::Env(name) => list.push(syntax.bearer_header(name)),
            Token::Basic { user, password } => {
                match syntax.basic_header(&credentials(user, password)) {
                    Some(header) => list.push(header),
                    None => basic = Some((user, password)),
                }
            }
            token => {
                list.extend(bearer(token).map(|bearer| syntax.header("Authorization", &bearer)))
            }
        }
        list.extend(wire.iter().map(|(name, value)| syntax.header(name, value)));
        Headers { list, basic }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::{
        go::Go, java::Java, js::Js, php::Php, python::Python, ruby::Ruby, rust::Rust, shell::Shell,
    };

    /// The token's header in `syntax` (the request's own are left out), and whether
    /// the client is left its basic auth.
    fn authorization<H>(token: Token, syntax: &impl Syntax<Header = H>) -> (Option<H>, bool) {
        let request = Request::new("https://x.cloud")
            .token(token)
            .header("X-A", "1");
        let headers = Headers::of(&request, syntax);
        let basic = headers.basic.is_some();
        let mut list = headers.list;
        list.pop();
        (list.pop(), basic)
    }

    fn pair(name: &str, value: &str) -> Option<(String, String)> {
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
        let quoted = "\"Authorization\"";
        let cases = [
            (
                authorization(env(), &Python),
                (pair(quoted, "f\"Bearer {os.environ['HF_TOKEN']}\""), false),
            ),
            (
                authorization(env(), &Js),
                (
                    pair("Authorization", "`Bearer ${process.env.HF_TOKEN}`"),
                    false,
                ),
            ),
            (
                authorization(env(), &Rust),
                (
                    pair(quoted, "format!(\"Bearer {}\", env(\"HF_TOKEN\")?)"),
                    false,
                ),
            ),
            (
                authorization(placeholder(), &Python),
                (pair(quoted, "\"Bearer hf_***\""), false),
            ),
            (authorization(basic(), &Python), (None, true)),
            (
                authorization(basic(), &Js),
                (
                    pair(
                        "Authorization",
                        "`Basic ${Buffer.from(`me:${process.env.PASS}`).toString(\"base64\")}`",
                    ),
                    false,
                ),
            ),
            (authorization(basic(), &Rust), (None, true)),
            (
                authorization(env(), &Go),
                (pair(quoted, "\"Bearer \"+os.Getenv(\"HF_TOKEN\")"), false),
            ),
            (authorization(basic(), &Go), (None, true)),
            (
                authorization(env(), &Java),
                (
                    pair(quoted, "\"Bearer \" + System.getenv(\"HF_TOKEN\")"),
                    false,
                ),
            ),
            (
                authorization(basic(), &Java),
                (
                    pair(
                        quoted,
                        "\"Basic \" + Base64.getEncoder().encodeToString((\"me:\" + System.getenv(\"PASS\")).getBytes(StandardCharsets.UTF_8))",
                    ),
                    false,
                ),
            ),
            (authorization(Token::None, &Js), (None, false)),
            (
                authorization(env(), &Php),
                (
                    pair("'Authorization'", "'Bearer ' . getenv('HF_TOKEN')"),
                    false,
                ),
            ),
            (authorization(basic(), &Php), (None, true)),
            (
                authorization(env(), &Ruby),
                (pair(quoted, "\"Bearer #{ENV.fetch(\"HF_TOKEN\")}\""), false),
            ),
            (authorization(basic(), &Ruby), (None, true)),
        ];
        for (index, (found, expected)) in cases.into_iter().enumerate() {
            assert_eq!(found, expected, "case {index}");
        }
        let words = [
            (env(), Some("\"Authorization: Bearer ${HF_TOKEN:?}\"")),
            (placeholder(), Some("'Authorization: Bearer hf_***'")),
            (basic(), None),
        ];
        for (token, expected) in words {
            assert_eq!(authorization(token, &Shell).0.as_deref(), expected);
        }
    }

    #[test]
    fn each_language_writes_the_bearer_text() {
        fn check<H: PartialEq + std::fmt::Debug>(syntax: &impl Syntax<Header = H>) {
            for name in ["HF_TOKEN", "_x9"] {
                let text = bearer(&Token::Env(name.into())).expect("a bearer token");
                let header = syntax.header("Authorization", &text);
                assert_eq!(syntax.bearer_header(name), header, "{name}");
            }
        }
        check(&Python);
        check(&Js);
        check(&Rust);
        check(&Go);
        check(&Java);
        check(&Shell);
        check(&Php);
        check(&Ruby);
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
