//! What each language's runtime reads to send through a session and to trust the
//! run's CA: variables, and arguments before the script. Each line was checked with
//! the runtime on a Linux machine (see the table in each arm); a new language is a
//! new arm of the `match`.

use super::{Session, Trust};
use crate::Language;

/// The Node preload that [`super::Proxy::write_trust`] writes.
pub(super) const NODE_PRELOAD: &str = include_str!("preload/undici.cjs");

/// What a runtime needs to go through the proxy: variables to set in its
/// environment, and arguments to put before the script it runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    /// Names and values; the rest of the environment is the caller's.
    pub vars: Vec<(String, String)>,
    /// Before the script: `node <args> snippet.mjs`.
    pub args: Vec<String>,
}

impl Session {
    /// [`environment`] for this session.
    pub fn environment(&self, language: Language, trust: &Trust) -> Environment {
        environment(language, &self.url(), trust)
    }
}

/// The variables and arguments that send `language`'s requests through the proxy at
/// `proxy` (`http://127.0.0.1:PORT`) and make its runtime trust the CA of `trust`.
///
/// Every language gets the proxy for both schemes in both cases (curl reads only the
/// lowercase `http_proxy`; the others read either) and an empty `NO_PROXY`, so that no
/// host is exempt. Then, as checked on Debian 12 with each runtime through a session:
///
/// | language | CA | notes |
/// |---|---|---|
/// | curl | `CURL_CA_BUNDLE` | curl 7.88 (OpenSSL); it reads `SSL_CERT_FILE` too |
/// | Python | `REQUESTS_CA_BUNDLE` (requests, which ignores `SSL_CERT_FILE`), `SSL_CERT_FILE` (httpx2: huggingface_hub 2, openai 3; urllib) | the bundle replaces certifi's |
/// | JavaScript | `NODE_EXTRA_CA_CERTS` | Node 20's `fetch` ignores the proxy variables, and `NODE_USE_ENV_PROXY=1` (Node 24) too: `--expose-internals --require proxy-preload.cjs` (not allowed in `NODE_OPTIONS`) installs the bundled undici's `EnvHttpProxyAgent`, which tunnels plain http too |
/// | Rust | `SSL_CERT_FILE` | reqwest 0.13 with native-tls (OpenSSL); rustls-native-certs reads it too, webpki-roots nothing |
/// | Go | `SSL_CERT_FILE` | net/http's `ProxyFromEnvironment` (Go 1.19); it never proxies `localhost` or 127.0.0.1, which snippets do not name |
/// | Java | `JAVA_TOOL_OPTIONS`: `-Djavax.net.ssl.trustStore=` the JKS of [`Trust`] | java.net.http (Java 17) reads no proxy variable: the same options give `https.proxyHost`, `http.proxyHost` and their ports, and an empty `http.nonProxyHosts` |
/// | PHP | `-d curl.cainfo=` and `-d openssl.cafile=` before the script | Guzzle 7 reads `HTTPS_PROXY`, and `HTTP_PROXY` under the CLI |
/// | Ruby | `SSL_CERT_FILE` | Net::HTTP reads `https_proxy` / `http_proxy` when no proxy is passed (Ruby 3.1) |
///
/// ```
/// use std::path::PathBuf;
///
/// use inference_snippets::Language;
/// use inference_snippets::proxy::{Trust, environment};
///
/// let trust = Trust {
///     ca_pem: PathBuf::from("/run/ca.pem"),
///     java_truststore: PathBuf::from("/run/ca.jks"),
///     node_preload: PathBuf::from("/run/preload.cjs"),
/// };
/// let curl = environment(Language::Curl, "http://127.0.0.1:4000", &trust);
/// assert!(curl.vars.contains(&("https_proxy".into(), "http://127.0.0.1:4000".into())));
/// assert!(curl.vars.contains(&("CURL_CA_BUNDLE".into(), "/run/ca.pem".into())));
/// let node = environment(Language::JavaScript, "http://127.0.0.1:4000", &trust);
/// assert_eq!(node.args, ["--expose-internals", "--require", "/run/preload.cjs"]);
/// let java = environment(Language::Java, "http://127.0.0.1:4000", &trust);
/// let (_, options) = java.vars.iter().find(|(name, _)| name == "JAVA_TOOL_OPTIONS").unwrap();
/// assert!(options.contains("-Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=4000"));
/// assert!(options.contains("-Djavax.net.ssl.trustStore=/run/ca.jks"));
/// let php = environment(Language::Php, "http://127.0.0.1:4000", &trust);
/// assert_eq!(php.args, ["-d", "curl.cainfo=/run/ca.pem", "-d", "openssl.cafile=/run/ca.pem"]);
/// ```
pub fn environment(language: Language, proxy: &str, trust: &Trust) -> Environment {
    let pem = trust.ca_pem.display().to_string();
    let mut vars: Vec<(String, String)> =
        ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"]
            .iter()
            .map(|name| ((*name).to_owned(), proxy.to_owned()))
            .chain(["no_proxy", "NO_PROXY"].map(|name| (name.to_owned(), String::new())))
            .collect();
    let mut args = Vec::new();
    let mut set = |name: &str, value: &str| vars.push((name.to_owned(), value.to_owned()));
    match language {
        Language::Curl => set("CURL_CA_BUNDLE", &pem),
        Language::Python => {
            set("REQUESTS_CA_BUNDLE", &pem);
            set("SSL_CERT_FILE", &pem);
        }
        Language::JavaScript => {
            set("NODE_EXTRA_CA_CERTS", &pem);
            set("NODE_USE_ENV_PROXY", "1");
            args = vec![
                "--expose-internals".to_owned(),
                "--require".to_owned(),
                trust.node_preload.display().to_string(),
            ];
        }
        Language::Rust => set("SSL_CERT_FILE", &pem),
        Language::Go | Language::Ruby => set("SSL_CERT_FILE", &pem),
        Language::Java => {
            let (host, port) = host_and_port(proxy);
            let options = [
                format!("-Dhttps.proxyHost={host}"),
                format!("-Dhttps.proxyPort={port}"),
                format!("-Dhttp.proxyHost={host}"),
                format!("-Dhttp.proxyPort={port}"),
                // Its default exempts localhost and 127.*: no host is exempt.
                "-Dhttp.nonProxyHosts=".to_owned(),
                format!(
                    "-Djavax.net.ssl.trustStore={}",
                    trust.java_truststore.display()
                ),
                format!(
                    "-Djavax.net.ssl.trustStorePassword={}",
                    Trust::JAVA_PASSWORD
                ),
            ];
            set("JAVA_TOOL_OPTIONS", &options.join(" "));
        }
        Language::Php => {
            args = ["curl.cainfo", "openssl.cafile"]
                .iter()
                .flat_map(|setting| ["-d".to_owned(), format!("{setting}={pem}")])
                .collect();
        }
    }
    Environment { vars, args }
}

/// `127.0.0.1` and `4000` of `http://127.0.0.1:4000`.
fn host_and_port(proxy: &str) -> (&str, &str) {
    let authority = proxy.strip_prefix("http://").unwrap_or(proxy);
    let authority = authority.trim_end_matches('/');
    authority.rsplit_once(':').unwrap_or((authority, "80"))
}
