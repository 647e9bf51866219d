//! Percent-encoding of the values a reader puts in a URL: a path segment keeps what
//! RFC 3986 allows there, a query value only the unreserved characters.

/// `text` as one path segment.
pub(super) fn path(text: &str) -> String {
    encode(text, |b| b"!$&'()*+,;=:@".contains(&b))
}

/// `text` as a query name or value (a space as `%20`, which every server reads).
pub(super) fn query(text: &str) -> String {
    encode(text, |_| false)
}

fn encode(text: &str, keep: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep(byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn reserved_characters_are_escaped() {
        assert_eq!(super::path("a b/c:d"), "a%20b%2Fc:d");
        assert_eq!(super::query("a b&c=é"), "a%20b%26c%3D%C3%A9");
    }
}
