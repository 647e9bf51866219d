//! Every option of curl 8: long and short names, and which take a value.
//!
//! The table follows curl's own parser (`src/tool_getparam.c`, curl 8.17), under the names
//! `curl --help all` and the manual show: `--no-buffer` (`-N`), `--no-progress-meter` and the
//! other options documented in their negative form are listed that way. Left out: the debug-build
//! options (`--test-event`, `--test-duphandle`), the Watt-32 `--wdebug`, and the `--expand-`
//! prefix, which is not an option of its own.

use Action::{
    Compressed, ConnectTimeout, Cookie, Data, DataUrlencode, Form, FormString, Get, Head, Header,
    Insecure, Location, MaxTime, Method, OAuth2Bearer, ProtoDefault, Proxy, Range, Referer,
    UploadFile, Url, UrlQuery, User, UserAgent,
};
use Kind::{Harmless, Request, Unsupported};

/// One curl command-line option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Opt {
    /// The long name, without the leading `--`.
    pub long: &'static str,
    /// The single-letter name, without the leading `-`.
    pub short: Option<char>,
    /// Whether the option consumes the next word (or the rest of a short-option cluster).
    pub takes_value: bool,
    /// What the converter does with the option.
    pub kind: Kind,
}

/// What the converter does with the option (the parser matches on this).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Changes the request a converter must reproduce: method, URL, headers, body,
    /// credentials; the action says how.
    Request(Action),
    /// Accepted with nothing to reproduce: output, verbosity, progress, retries, timeouts,
    /// redirects, TLS tuning, connection tuning.
    Harmless,
    /// Understood but not representable in a snippet: proxies, name resolution, client
    /// certificates, non-Basic authentication, cookie jars, several transfers, non-HTTP
    /// protocols. The parser warns.
    Unsupported,
}

/// What an option of [`Kind::Request`] does to the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// `-X`: the method.
    Method,
    /// `--url`: one more URL.
    Url,
    /// `-H`: a header line, or `@file` of them.
    Header,
    /// `-A`: the User-Agent header.
    UserAgent,
    /// `-e`: the Referer header.
    Referer,
    /// `-b`: the Cookie header (or a cookie file).
    Cookie,
    /// `-d` and its kin: a part of the body.
    Data(DataOption),
    /// `--data-urlencode`: a part of the body, percent-encoded.
    DataUrlencode,
    /// `--url-query`: a part of the query.
    UrlQuery,
    /// `-F`: a multipart part, `@file` and `<file` read.
    Form,
    /// `--form-string`: a multipart part taken as it is.
    FormString,
    /// `-r`: the Range header.
    Range,
    /// `--proto-default`: the scheme of a URL without one.
    ProtoDefault,
    /// `-T`: a file uploaded as the body.
    UploadFile,
    /// `-u`: Basic credentials.
    User,
    /// `--oauth2-bearer`: the bearer token.
    OAuth2Bearer,
    /// `-G`: the data goes into the query.
    Get,
    /// `-I`: a HEAD request.
    Head,
    /// `-k`: the server's certificate is not checked.
    Insecure,
    /// `-m`: the most seconds the whole transfer may take.
    MaxTime,
    /// `--connect-timeout`: the most seconds connecting may take.
    ConnectTimeout,
    /// `-x`: the proxy to go through.
    Proxy,
    /// `--compressed`: ask for a compressed answer and decode it.
    Compressed,
    /// `-L`: follow redirects.
    Location,
}

/// How a `-d`-family option treats its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DataOption {
    /// `-d`, `--data-ascii`: `@file` is read with its line breaks dropped.
    Ascii,
    /// `--data-binary`: `@file` is read as it is.
    Binary,
    /// `--data-raw`: a leading `@` is text.
    Raw,
    /// `--json`: as `--data-binary`, parts joined without `&`, JSON headers added.
    Json,
}

impl Opt {
    const fn letter(self, c: char) -> Self {
        Opt {
            short: Some(c),
            ..self
        }
    }
}

/// An option that takes no value.
const fn flag(long: &'static str, kind: Kind) -> Opt {
    Opt {
        long,
        short: None,
        takes_value: false,
        kind,
    }
}

/// An option that takes a value.
const fn arg(long: &'static str, kind: Kind) -> Opt {
    Opt {
        long,
        short: None,
        takes_value: true,
        kind,
    }
}

/// Every curl 8 option, sorted by long name.
pub(crate) static OPTIONS: &[Opt] = &[
    arg("abstract-unix-socket", Unsupported),
    arg("alt-svc", Harmless),
    flag("anyauth", Unsupported),
    flag("append", Unsupported).letter('a'),
    arg("aws-sigv4", Unsupported),
    flag("basic", Harmless),
    flag("ca-native", Harmless),
    arg("cacert", Unsupported),
    arg("capath", Unsupported),
    arg("cert", Unsupported).letter('E'),
    flag("cert-status", Harmless),
    arg("cert-type", Unsupported),
    arg("ciphers", Harmless),
    flag("compressed", Request(Compressed)),
    flag("compressed-ssh", Harmless),
    arg("config", Unsupported).letter('K'),
    arg("connect-timeout", Request(ConnectTimeout)),
    arg("connect-to", Unsupported),
    arg("continue-at", Unsupported).letter('C'),
    arg("cookie", Request(Cookie)).letter('b'),
    arg("cookie-jar", Unsupported).letter('c'),
    flag("create-dirs", Harmless),
    arg("create-file-mode", Harmless),
    flag("crlf", Unsupported),
    arg("crlfile", Harmless),
    arg("curves", Harmless),
    arg("data", Request(Data(DataOption::Ascii))).letter('d'),
    arg("data-ascii", Request(Data(DataOption::Ascii))),
    arg("data-binary", Request(Data(DataOption::Binary))),
    arg("data-raw", Request(Data(DataOption::Raw))),
    arg("data-urlencode", Request(DataUrlencode)),
    arg("delegation", Unsupported),
    flag("digest", Unsupported),
    flag("disable", Harmless).letter('q'),
    flag("disable-eprt", Unsupported),
    flag("disable-epsv", Unsupported),
    flag("disallow-username-in-url", Harmless),
    arg("dns-interface", Unsupported),
    arg("dns-ipv4-addr", Unsupported),
    arg("dns-ipv6-addr", Unsupported),
    arg("dns-servers", Unsupported),
    flag("doh-cert-status", Harmless),
    flag("doh-insecure", Harmless),
    arg("doh-url", Unsupported),
    flag("dump-ca-embed", Harmless),
    arg("dump-header", Harmless).letter('D'),
    arg("ech", Harmless),
    arg("egd-file", Harmless),
    arg("engine", Unsupported),
    flag("eprt", Unsupported),
    flag("epsv", Unsupported),
    arg("etag-compare", Unsupported),
    arg("etag-save", Harmless),
    arg("expect100-timeout", Harmless),
    flag("fail", Harmless).letter('f'),
    flag("fail-early", Harmless),
    flag("fail-with-body", Harmless),
    flag("false-start", Harmless),
    flag("follow", Harmless),
    arg("form", Request(Form)).letter('F'),
    flag("form-escape", Unsupported),
    arg("form-string", Request(FormString)),
    arg("ftp-account", Unsupported),
    arg("ftp-alternative-to-user", Unsupported),
    flag("ftp-create-dirs", Unsupported),
    arg("ftp-method", Unsupported),
    flag("ftp-pasv", Unsupported),
    arg("ftp-port", Unsupported).letter('P'),
    flag("ftp-pret", Unsupported),
    flag("ftp-skip-pasv-ip", Unsupported),
    flag("ftp-ssl", Unsupported),
    flag("ftp-ssl-ccc", Unsupported),
    arg("ftp-ssl-ccc-mode", Unsupported),
    flag("ftp-ssl-control", Unsupported),
    flag("ftp-ssl-reqd", Unsupported),
    flag("get", Request(Get)).letter('G'),
    flag("globoff", Harmless).letter('g'),
    arg("happy-eyeballs-timeout-ms", Harmless),
    arg("haproxy-clientip", Unsupported),
    flag("haproxy-protocol", Unsupported),
    flag("head", Request(Head)).letter('I'),
    arg("header", Request(Header)).letter('H'),
    // curl 8 reads an optional category after --help; a converter never needs it.
    flag("help", Harmless).letter('h'),
    arg("hostpubmd5", Unsupported),
    arg("hostpubsha256", Unsupported),
    arg("hsts", Harmless),
    flag("http0.9", Harmless),
    flag("http1.0", Harmless).letter('0'),
    flag("http1.1", Harmless),
    flag("http2", Harmless),
    flag("http2-prior-knowledge", Harmless),
    flag("http3", Harmless),
    flag("http3-only", Harmless),
    flag("ignore-content-length", Harmless),
    // -i moved to --show-headers in curl 8.10; --include stays as its long alias.
    flag("include", Harmless),
    flag("insecure", Request(Insecure)).letter('k'),
    arg("interface", Unsupported),
    arg("ip-tos", Harmless),
    arg("ipfs-gateway", Unsupported),
    flag("ipv4", Harmless).letter('4'),
    flag("ipv6", Harmless).letter('6'),
    arg("json", Request(Data(DataOption::Json))),
    flag("junk-session-cookies", Harmless).letter('j'),
    arg("keepalive-cnt", Harmless),
    arg("keepalive-time", Harmless),
    arg("key", Unsupported),
    arg("key-type", Unsupported),
    arg("knownhosts", Unsupported),
    arg("krb", Unsupported),
    arg("krb4", Unsupported),
    arg("libcurl", Harmless),
    arg("limit-rate", Harmless),
    flag("list-only", Unsupported).letter('l'),
    arg("local-port", Unsupported),
    flag("location", Request(Location)).letter('L'),
    flag("location-trusted", Request(Location)),
    arg("login-options", Unsupported),
    arg("mail-auth", Unsupported),
    arg("mail-from", Unsupported),
    arg("mail-rcpt", Unsupported),
    flag("mail-rcpt-allowfails", Unsupported),
    flag("manual", Harmless).letter('M'),
    arg("max-filesize", Harmless),
    arg("max-redirs", Harmless),
    arg("max-time", Request(MaxTime)).letter('m'),
    flag("metalink", Harmless),
    flag("mptcp", Harmless),
    flag("negotiate", Unsupported),
    flag("netrc", Unsupported).letter('n'),
    arg("netrc-file", Unsupported),
    flag("netrc-optional", Unsupported),
    flag("next", Unsupported).letter(':'),
    flag("no-alpn", Harmless),
    flag("no-buffer", Harmless).letter('N'),
    flag("no-clobber", Harmless),
    flag("no-keepalive", Harmless),
    flag("no-npn", Harmless),
    flag("no-progress-meter", Harmless),
    flag("no-sessionid", Harmless),
    arg("noproxy", Harmless),
    flag("ntlm", Unsupported),
    flag("ntlm-wb", Unsupported),
    arg("oauth2-bearer", Request(OAuth2Bearer)),
    flag("out-null", Harmless),
    arg("output", Harmless).letter('o'),
    arg("output-dir", Harmless),
    flag("parallel", Harmless).letter('Z'),
    flag("parallel-immediate", Harmless),
    arg("parallel-max", Harmless),
    arg("parallel-max-host", Harmless),
    arg("pass", Unsupported),
    flag("path-as-is", Harmless),
    arg("pinnedpubkey", Harmless),
    flag("post301", Harmless),
    flag("post302", Harmless),
    flag("post303", Harmless),
    arg("preproxy", Unsupported),
    flag("progress-bar", Harmless).letter('#'),
    arg("proto", Harmless),
    // Gives a scheme-less URL its scheme.
    arg("proto-default", Request(ProtoDefault)),
    arg("proto-redir", Harmless),
    arg("proxy", Request(Proxy)).letter('x'),
    flag("proxy-anyauth", Unsupported),
    flag("proxy-basic", Unsupported),
    flag("proxy-ca-native", Unsupported),
    arg("proxy-cacert", Unsupported),
    arg("proxy-capath", Unsupported),
    arg("proxy-cert", Unsupported),
    arg("proxy-cert-type", Unsupported),
    arg("proxy-ciphers", Unsupported),
    arg("proxy-crlfile", Unsupported),
    flag("proxy-digest", Unsupported),
    arg("proxy-header", Unsupported),
    flag("proxy-http2", Unsupported),
    flag("proxy-insecure", Unsupported),
    arg("proxy-key", Unsupported),
    arg("proxy-key-type", Unsupported),
    flag("proxy-negotiate", Unsupported),
    flag("proxy-ntlm", Unsupported),
    arg("proxy-pass", Unsupported),
    arg("proxy-pinnedpubkey", Unsupported),
    arg("proxy-service-name", Unsupported),
    flag("proxy-ssl-allow-beast", Unsupported),
    flag("proxy-ssl-auto-client-cert", Unsupported),
    arg("proxy-tls13-ciphers", Unsupported),
    arg("proxy-tlsauthtype", Unsupported),
    arg("proxy-tlspassword", Unsupported),
    arg("proxy-tlsuser", Unsupported),
    flag("proxy-tlsv1", Unsupported),
    arg("proxy-user", Unsupported).letter('U'),
    arg("proxy1.0", Unsupported),
    flag("proxytunnel", Unsupported).letter('p'),
    arg("pubkey", Unsupported),
    arg("quote", Unsupported).letter('Q'),
    arg("random-file", Harmless),
    // Sent as a Range header.
    arg("range", Request(Range)).letter('r'),
    arg("rate", Harmless),
    flag("raw", Harmless),
    arg("referer", Request(Referer)).letter('e'),
    flag("remote-header-name", Harmless).letter('J'),
    flag("remote-name", Harmless).letter('O'),
    flag("remote-name-all", Harmless),
    flag("remote-time", Harmless).letter('R'),
    flag("remove-on-error", Harmless),
    arg("request", Request(Method)).letter('X'),
    arg("request-target", Unsupported),
    arg("resolve", Unsupported),
    arg("retry", Unsupported),
    flag("retry-all-errors", Harmless),
    flag("retry-connrefused", Harmless),
    arg("retry-delay", Harmless),
    arg("retry-max-time", Harmless),
    arg("sasl-authzid", Unsupported),
    flag("sasl-ir", Unsupported),
    arg("service-name", Unsupported),
    flag("show-error", Harmless).letter('S'),
    flag("show-headers", Harmless).letter('i'),
    arg("sigalgs", Harmless),
    flag("silent", Harmless).letter('s'),
    flag("skip-existing", Harmless),
    arg("socks4", Unsupported),
    arg("socks4a", Unsupported),
    arg("socks5", Unsupported),
    flag("socks5-basic", Unsupported),
    flag("socks5-gssapi", Unsupported),
    flag("socks5-gssapi-nec", Unsupported),
    arg("socks5-gssapi-service", Unsupported),
    arg("socks5-hostname", Unsupported),
    arg("speed-limit", Harmless).letter('Y'),
    arg("speed-time", Harmless).letter('y'),
    flag("ssl", Unsupported),
    flag("ssl-allow-beast", Harmless),
    flag("ssl-auto-client-cert", Unsupported),
    flag("ssl-no-revoke", Harmless),
    flag("ssl-reqd", Unsupported),
    flag("ssl-revoke-best-effort", Harmless),
    arg("ssl-sessions", Harmless),
    flag("sslv2", Harmless).letter('2'),
    flag("sslv3", Harmless).letter('3'),
    arg("stderr", Harmless),
    flag("styled-output", Harmless),
    flag("suppress-connect-headers", Harmless),
    flag("tcp-fastopen", Harmless),
    flag("tcp-nodelay", Harmless),
    arg("telnet-option", Unsupported).letter('t'),
    arg("tftp-blksize", Unsupported),
    flag("tftp-no-options", Unsupported),
    arg("time-cond", Unsupported).letter('z'),
    flag("tls-earlydata", Harmless),
    arg("tls-max", Harmless),
    arg("tls13-ciphers", Harmless),
    arg("tlsauthtype", Unsupported),
    arg("tlspassword", Unsupported),
    arg("tlsuser", Unsupported),
    flag("tlsv1", Harmless).letter('1'),
    flag("tlsv1.0", Harmless),
    flag("tlsv1.1", Harmless),
    flag("tlsv1.2", Harmless),
    flag("tlsv1.3", Harmless),
    flag("tr-encoding", Harmless),
    arg("trace", Harmless),
    arg("trace-ascii", Harmless),
    arg("trace-config", Harmless),
    flag("trace-ids", Harmless),
    flag("trace-time", Harmless),
    arg("unix-socket", Unsupported),
    arg("upload-file", Request(UploadFile)).letter('T'),
    arg("upload-flags", Unsupported),
    arg("url", Request(Url)),
    arg("url-query", Request(UrlQuery)),
    flag("use-ascii", Unsupported).letter('B'),
    arg("user", Request(User)).letter('u'),
    arg("user-agent", Request(UserAgent)).letter('A'),
    // Only useful with --expand-*, which the converter does not resolve.
    arg("variable", Unsupported),
    flag("verbose", Harmless).letter('v'),
    flag("version", Harmless).letter('V'),
    arg("vlan-priority", Harmless),
    arg("write-out", Harmless).letter('w'),
    flag("xattr", Harmless),
];

/// Options without a value that curl still refuses in a `--no-` form: the rest are booleans.
const NOT_NEGATABLE: &[&str] = &[
    "anyauth",
    "dump-ca-embed",
    "ftp-pasv",
    "http1.0",
    "http1.1",
    "http2",
    "http2-prior-knowledge",
    "http3",
    "http3-only",
    "ipv4",
    "ipv6",
    "next",
    "proxy-tlsv1",
    "sslv2",
    "sslv3",
    "tlsv1",
    "tlsv1.0",
    "tlsv1.1",
    "tlsv1.2",
    "tlsv1.3",
];

fn exact(name: &str) -> Option<&'static Opt> {
    OPTIONS
        .binary_search_by(|o| o.long.cmp(name))
        .ok()
        .map(|i| &OPTIONS[i])
}

fn is_boolean(opt: &Opt) -> bool {
    !opt.takes_value && !NOT_NEGATABLE.contains(&opt.long)
}

/// The option with this long name (without the leading `--`).
///
/// A boolean also answers to its opposite, as in curl: `no-compressed` gives `compressed`, and
/// `buffer` gives `no-buffer` (listed under the name the manual uses).
pub(crate) fn long(name: &str) -> Option<&'static Opt> {
    if let Some(opt) = exact(name) {
        return Some(opt);
    }
    if let Some(base) = name.strip_prefix("no-") {
        // curl strips one "no-" only, so "no-no-buffer" is unknown.
        return exact(base).filter(|o| is_boolean(o) && !o.long.starts_with("no-"));
    }
    OPTIONS
        .iter()
        .find(|o| o.long.strip_prefix("no-") == Some(name) && is_boolean(o))
}

/// The option with this single-letter name.
pub(crate) fn short(c: char) -> Option<&'static Opt> {
    OPTIONS.iter().find(|o| o.short == Some(c))
}

/// The known long option closest to `name` (without `--`), for "did you mean --data-binary?".
///
/// A unique prefix wins (curl 7 accepted `--sil` for `--silent`); otherwise the nearest name
/// by edit distance, counting a swap of two neighbours as one edit, within a third of the length.
pub(crate) fn suggest(name: &str) -> Option<&'static str> {
    let name = name.trim_start_matches('-');
    if name.is_empty() {
        return None;
    }
    let mut prefixed = OPTIONS.iter().filter(|o| o.long.starts_with(name));
    if let (Some(only), None) = (prefixed.next(), prefixed.next()) {
        return Some(only.long);
    }
    let limit = (name.chars().count() / 3).max(1);
    crate::suggest::closest(name, OPTIONS.iter().map(|o| o.long), limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    #[test]
    fn table_is_sorted_without_duplicates() {
        assert!(OPTIONS.len() >= 250, "only {} options", OPTIONS.len());
        for pair in OPTIONS.windows(2) {
            assert!(
                pair[0].long < pair[1].long,
                "{} / {}",
                pair[0].long,
                pair[1].long
            );
        }
        let mut letters = BTreeSet::new();
        for opt in OPTIONS {
            if let Some(c) = opt.short {
                assert!(letters.insert(c), "-{c} given twice");
            }
        }
        for name in NOT_NEGATABLE {
            assert!(exact(name).is_some_and(|o| !o.takes_value), "{name}");
        }
    }

    #[test]
    fn long_names() {
        let binary = long("data-binary").expect("data-binary");
        assert!(binary.takes_value);
        assert_eq!(binary.kind, Kind::Request(Action::Data(DataOption::Binary)));
        assert_eq!(
            long("no-progress-meter").map(|o| o.long),
            Some("no-progress-meter")
        );
        assert_eq!(
            long("progress-meter").map(|o| o.long),
            Some("no-progress-meter")
        );
        assert_eq!(long("buffer").and_then(|o| o.short), Some('N'));
        assert_eq!(long("no-compressed").map(|o| o.long), Some("compressed"));
        assert_eq!(
            long("no-location-trusted").map(|o| o.long),
            Some("location-trusted")
        );
        // --no- only goes with booleans.
        assert_eq!(long("no-data"), None);
        assert_eq!(long("no-http2"), None);
        assert_eq!(long("no-no-buffer"), None);
        // noproxy is an option of its own, not --no-proxy.
        assert!(long("noproxy").is_some_and(|o| o.takes_value));
        assert_eq!(long("no-proxy"), None);
        assert_eq!(long("data-binry"), None);
        assert_eq!(long("expand-header"), None);
    }

    #[test]
    fn short_names() {
        assert!(short('d').is_some_and(|o| o.takes_value && o.long == "data"));
        assert!(short('s').is_some_and(|o| !o.takes_value && o.long == "silent"));
        assert_eq!(short('i').map(|o| o.long), Some("show-headers"));
        assert_eq!(short(':').map(|o| o.long), Some("next"));
        assert!(short('h').is_some_and(|o| !o.takes_value));
        for c in "AbcCdDeEFHKmoPQrtTuUwxXyYz".chars() {
            assert!(short(c).is_some_and(|o| o.takes_value), "-{c}");
        }
        for c in "012346#:aBfgGhiIjJklLMnNOpqRsSvVZ".chars() {
            assert!(short(c).is_some_and(|o| !o.takes_value), "-{c}");
        }
        assert_eq!(short('W'), None);
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("data-binry"), Some("data-binary"));
        assert_eq!(suggest("hedaer"), Some("header"));
        assert_eq!(suggest("--requset"), Some("request"));
        assert_eq!(suggest("sil"), Some("silent"));
        assert_eq!(suggest("compresed"), Some("compressed"));
        assert_eq!(suggest("zzzzzzzz"), None);
        assert_eq!(suggest(""), None);
    }

    /// Words in the fixtures that start with `--` without being curl 8 options.
    const NOT_CURL_OPTIONS: &[&str] = &[
        // curl 7 accepted unambiguous prefixes; curl 8 looks names up exactly and rejects it.
        "sil",
        // Arguments of other programs in the same snippet: `bash -s -- --exclude-skill`,
        // `cargo install --locked`, `apt-get install --no-install-recommends`.
        "exclude-skill",
        "locked",
        "no-install-recommends",
    ];

    /// Every `--word` that starts a shell word in the file (so `------WebKitFormBoundary`
    /// inside a body does not count), up to `=` for `--name=value`.
    fn long_words(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        let mut rest = text;
        let mut before = None;
        while let Some(at) = rest.find("--") {
            let prev = rest[..at].chars().next_back().or(before);
            let tail = &rest[at + 2..];
            let starts_word = prev.is_none_or(|c| c.is_whitespace() || "'\"=".contains(c));
            if starts_word && tail.starts_with(|c: char| c.is_ascii_alphabetic()) {
                let end = tail
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
                    .unwrap_or(tail.len());
                words.push(tail[..end].to_string());
            }
            before = Some('-');
            rest = tail;
        }
        words
    }

    #[test]
    fn corpus_options_are_known() {
        let corpus = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
        if !corpus.is_dir() {
            println!("skipped: no corpus at {}", corpus.display());
            return;
        }
        let mut unknown = BTreeSet::new();
        let mut seen = 0;
        for dir in ["curlconverter/curl_commands", "hf-docs/curl"] {
            let entries = std::fs::read_dir(corpus.join(dir)).expect("corpus folder");
            for entry in entries {
                let path = entry.expect("corpus entry").path();
                if path.extension().is_none_or(|e| e != "sh") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("corpus file");
                for word in long_words(&text) {
                    seen += 1;
                    if long(&word).is_none() && !NOT_CURL_OPTIONS.contains(&word.as_str()) {
                        unknown.insert(format!("--{word} in {}", path.display()));
                    }
                }
            }
        }
        assert!(seen > 100, "only {seen} options found: is the scan broken?");
        assert!(unknown.is_empty(), "unknown options: {unknown:#?}");
    }
}
