//! The encoding curl applies to `--data-urlencode` and `--url-query` values.

use crate::text::Escapes;

/// Encodes `text` as curl's `--data-urlencode` and `--url-query` do (since curl
/// 7.77): unreserved characters (letters, digits, `-._~`) stay, a space becomes
/// `+`, every other byte becomes `%XX`, its hex digits in the case of `escapes`.
pub(crate) fn percent(text: &str, escapes: Escapes) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte == b' ' {
            out.push('+');
        } else if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else if escapes == Escapes::Lowercase {
            out.push_str(&format!("%{byte:02x}"));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding() {
        assert_eq!(
            percent("a b&c=d/é~+", Escapes::Uppercase),
            "a+b%26c%3Dd%2F%C3%A9~%2B"
        );
        assert_eq!(percent("*é", Escapes::Lowercase), "%2a%c3%a9");
    }
}
