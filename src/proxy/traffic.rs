//! What a session records: each request as it arrived (`Recorded`) and how it came
//! (`Via`); `Traffic` holds them with what clients got wrong on the way.

/// How a request reached the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Via {
    /// In absolute form (`GET http://host/path`), as clients send plain HTTP to a proxy.
    Absolute,
    /// Inside a `CONNECT` tunnel (TLS, usually).
    Connect,
    /// To the listener itself, as to a server (a client that was given its address).
    Direct,
}

/// One request as it arrived, and what it was answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// As sent: `POST`.
    pub method: String,
    /// The absolute URL: `https://router.huggingface.co/v1/chat/completions`. A proxy
    /// request's target as sent; else the tunnel's host and port (a default port
    /// left out) or the `Host` header, with the target as sent.
    pub url: String,
    /// In wire order, names as sent, values without surrounding whitespace.
    pub headers: Vec<(String, String)>,
    /// Decoded from its framing.
    pub body: Vec<u8>,
    /// How it reached the session.
    pub via: Via,
    /// Answered by an auxiliary rule (a lookup before the call), not as the endpoint.
    pub auxiliary: bool,
    /// The status it was answered with.
    pub status: u16,
}

impl Recorded {
    /// Every value sent for `name` (ASCII case-insensitive), in order.
    pub fn values(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// The URL's scheme: `https`.
    pub fn scheme(&self) -> &str {
        self.url.split_once("://").map_or("", |(scheme, _)| scheme)
    }

    /// The URL's host and port as written: `router.huggingface.co`, `h:8080`.
    pub fn authority(&self) -> &str {
        let rest = self.url.split_once("://").map_or("", |(_, rest)| rest);
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        &rest[..end]
    }

    /// The URL's host, without the port: `router.huggingface.co`, `[::1]`.
    pub fn host(&self) -> &str {
        let authority = self.authority();
        let authority = authority
            .rsplit_once('@')
            .map_or(authority, |(_, host)| host);
        match authority.rfind(':') {
            Some(colon) if !authority[colon..].contains(']') => &authority[..colon],
            _ => authority,
        }
    }

    /// The path and query: `/v1/chat/completions?x=1`; `/` when the URL has none.
    pub fn path_and_query(&self) -> &str {
        let rest = self.url.split_once("://").map_or("", |(_, rest)| rest);
        let start = rest.find(['/', '?']).unwrap_or(rest.len());
        match &rest[start..] {
            "" => "/",
            path => path,
        }
    }

    /// The path without the query.
    pub fn path(&self) -> &str {
        let path = self.path_and_query();
        path.split_once('?').map_or(path, |(path, _)| path)
    }
}

/// What a session received since the last [`Session::take`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Traffic {
    /// Every request, in the order they were answered.
    pub requests: Vec<Recorded>,
    /// What clients got wrong on the way, in words: a malformed request, a TLS
    /// handshake that failed (the client did not trust the CA), a bound reached.
    pub problems: Vec<String>,
}

impl Traffic {
    /// The requests that were not auxiliary: the calls the snippet was written for.
    pub fn calls(&self) -> impl Iterator<Item = &Recorded> {
        self.requests.iter().filter(|request| !request.auxiliary)
    }
}
