//! Java string literals, and a request's text as a Java expression (Java 11: no
//! text blocks).

use std::fmt::Write;

use super::{JsonBody, Syntax, double_quoted, double_quoted_into};
use crate::text::{Escapes, Segment, Text, Var};

/// Java, for the shared phases of the views.
pub(crate) struct Java;

impl Syntax for Java {
    /// The arguments of `.header(name, value)`.
    type Header = (String, String);
    fn literal(&self, text: &str) -> String {
        string(text)
    }
    fn header(&self, name: &str, value: &Text) -> (String, String) {
        (string(name), self::text(value))
    }
    fn bearer_header(&self, name: &str) -> (String, String) {
        // A variable's name needs no escaping in a string literal.
        (
            string("Authorization"),
            format!("\"Bearer \" + System.getenv(\"{name}\")"),
        )
    }
    /// HttpClient answers a server's challenge only (an `Authenticator`); curl sends
    /// the credentials at once: the snippet writes the header.
    fn basic_header(&self, credentials: &Text) -> Option<(String, String)> {
        let value = format!(
            "\"Basic \" + Base64.getEncoder().encodeToString(({}).getBytes(StandardCharsets.UTF_8))",
            text(credentials)
        );
        Some((string("Authorization"), value))
    }
}

/// A double-quoted Java string literal holding exactly `text`. Hidden characters
/// are `\uNNNN`, which Java reads before anything else: never a line break (those
/// are `\n` and `\r`), and a backslash is always doubled, so that no `\u` of the
/// text becomes an escape.
pub(crate) fn string(text: &str) -> String {
    double_quoted(text, unicode_escape)
}

fn unicode_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{:04x}", c as u32);
}

/// `text` as a Java expression: a string literal, or the concatenation of its
/// literal pieces and variable reads (`System.getenv("NAME")`; the snippet checks
/// those without a default first, see [`check`]).
pub(crate) fn text(text: &Text) -> String {
    join(text, None)
}

/// [`text`] for a multi-line text: a line of source per line of text, each
/// continuation `+ ` at `indent` levels of four spaces.
pub(crate) fn text_block(text: &Text, indent: usize) -> String {
    join(text, Some(indent))
}

fn join(text: &Text, lines: Option<usize>) -> String {
    // One pass writes the pieces where they go; a text whose pieces pass LONG, rare,
    // is written again in `String.join`'s layout.
    // The literal text, a read per variable, and an eighth more for the quotes,
    // escapes and what joins the pieces: a single allocation, most of the time.
    let len: usize = text
        .segments()
        .iter()
        .map(|segment| match segment {
            Segment::Literal(piece) | Segment::Placeholder(piece) => piece.len(),
            Segment::Var(_) | Segment::File(_) | Segment::FileBase64(_) => 32,
        })
        .sum();
    let capacity = len + len / 8 + 16;
    let mut joined = Joined::new(lines, false, capacity);
    pieces(text, lines.is_some(), &mut joined);
    if joined.long() {
        joined = Joined::new(lines, true, capacity);
        pieces(text, lines.is_some(), &mut joined);
    }
    joined.finish()
}

/// Each piece of `text`, in order, given to `joined`: literals (at most a line of
/// the text each when `by_line`) and variable or file reads.
fn pieces(text: &Text, by_line: bool, joined: &mut Joined) {
    let literal = |joined: &mut Joined, piece: &str| {
        let mut rest = piece;
        while !rest.is_empty() {
            let line_end = if by_line {
                rest.find('\n').map_or(rest.len(), |index| index + 1)
            } else {
                rest.len()
            };
            let (line, after) = rest.split_at(line_end);
            rest = after;
            for chunk in chunks(line) {
                let ends_line = by_line && chunk.ends_with('\n');
                joined.piece(ends_line, |out| {
                    double_quoted_into(out, chunk, unicode_escape)
                });
            }
        }
    };
    match text.without_vars() {
        Some(whole) => literal(joined, &whole),
        None => {
            for segment in text.segments() {
                match segment {
                    Segment::Var(var) => joined.piece(false, |out| out.push_str(&env(var))),
                    Segment::Literal(piece) | Segment::Placeholder(piece) => literal(joined, piece),
                    Segment::File(path) => joined.piece(false, |out| {
                        out.push_str("fileText(");
                        double_quoted_into(out, path, unicode_escape);
                        out.push(')');
                    }),
                    Segment::FileBase64(path) => joined.piece(false, |out| {
                        out.push_str(
                            "Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(",
                        );
                        double_quoted_into(out, path, unicode_escape);
                        out.push_str(")))");
                    }),
                }
            }
        }
    }
}

/// A Java expression being written piece by piece: `"a" + "b"` (a line of source per
/// line of text when `lines` says at what indent), or `String.join("", "a", "b")`
/// for a text javac could not fold (`run_time`).
struct Joined {
    out: String,
    lines: Option<usize>,
    run_time: bool,
    /// The characters of the pieces alone, without what joins them.
    pieces_len: usize,
    /// Whether the last piece ended a line of the text.
    ended: bool,
}

impl Joined {
    fn new(lines: Option<usize>, run_time: bool, capacity: usize) -> Self {
        let mut out = String::with_capacity(capacity);
        if run_time {
            out.push_str("String.join(\"\"");
        }
        Self {
            out,
            lines,
            run_time,
            pieces_len: 0,
            ended: false,
        }
    }

    fn piece(&mut self, ends_line: bool, write: impl FnOnce(&mut String)) {
        let indent = self.lines;
        if self.run_time {
            self.out.push_str(",\n");
            self.out
                .extend(std::iter::repeat_n("    ", indent.unwrap_or(3)));
        } else if !self.out.is_empty() {
            match indent {
                Some(indent) if self.ended => {
                    self.out.push('\n');
                    self.out.extend(std::iter::repeat_n("    ", indent));
                    self.out.push_str("+ ");
                }
                _ => self.out.push_str(" + "),
            }
        }
        let before = self.out.len();
        write(&mut self.out);
        self.pieces_len += self.out.len() - before;
        self.ended = ends_line;
    }

    /// javac folds `"a" + "b"` into one constant, which may not pass 65535 bytes: a
    /// long text is joined when the snippet runs.
    fn long(&self) -> bool {
        !self.run_time && self.pieces_len > LONG
    }

    fn finish(mut self) -> String {
        if self.run_time {
            self.out.push(')');
        } else if self.out.is_empty() {
            self.out.push_str("\"\"");
        }
        self.out
    }
}

/// Source characters past which a text is joined at run time, not by javac.
const LONG: usize = 16_000;

/// `text` in pieces of at most 2000 characters: a literal of one is at most 12000
/// bytes in a class file, whatever its characters.
fn chunks(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // Fewer bytes than the limit are fewer characters: nothing to count.
        if rest.len() <= 2000 {
            return Some(std::mem::take(&mut rest));
        }
        let end = rest
            .char_indices()
            .nth(2000)
            .map_or(rest.len(), |(index, _)| index);
        let (chunk, after) = rest.split_at(end);
        rest = after;
        Some(chunk)
    })
}

/// The value of `var`: `System.getenv("NAME")`, `envOr("NAME", "default")` for an
/// unset or empty one (as the shell's `${NAME:-default}`), form-encoded as asked.
pub(crate) fn env(var: &Var) -> String {
    let read = match &var.default {
        None => format!("System.getenv({})", string(&var.name)),
        Some(default) => format!("envOr({}, {})", string(&var.name), string(default)),
    };
    match var.form_encoded {
        None => read,
        Some(Escapes::Uppercase) => format!("formEncode({read})"),
        Some(Escapes::Lowercase) => format!("urlQueryEncode({read})"),
    }
}

/// The lines that stop the snippet, naming `name`, when the variable is unset,
/// before it sends anything.
pub(crate) fn check(name: &str) -> String {
    format!(
        "if (System.getenv(\"{name}\") == null) {{\n            throw new IllegalStateException(\"{name} is not set\");\n        }}"
    )
}

/// A JSON body as the text sent, a line of source per line of JSON (the JDK has
/// no JSON encoder).
pub(crate) fn json(body: JsonBody, indent: usize) -> String {
    text_block(&body.text(0), indent)
}

/// The function [`env`] calls for a variable with a default.
pub(crate) const ENV_OR: &str = r#"    /** The environment variable name, or fallback when it is unset or empty. */
    static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }"#;

/// The function [`env`] calls for a form-encoded variable.
pub(crate) const FORM_ENCODE: &str = r#"    /**
     * The value encoded as curl's --data-urlencode does: letters, digits and -._~
     * kept, a space as +, every other byte as %XX (URLEncoder keeps * and encodes ~).
     */
    static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
            .replace("*", "%2A")
            .replace("%7E", "~");
    }"#;

/// The function [`env`] calls for a variable curl's `--url-query` encodes.
pub(crate) const URL_QUERY_ENCODE: &str = r#"    /** As curl's --url-query before curl 8.20: formEncode, its escapes in lowercase hex. */
    static String urlQueryEncode(String value) {
        return Pattern.compile("%[0-9A-F]{2}")
            .matcher(formEncode(value))
            .replaceAll(escape -> escape.group().toLowerCase());
    }"#;

/// The function a text calls for the text of a file (`$(cat FILE)`).
pub(crate) const FILE_TEXT: &str = r#"    /**
     * The text of the file at path without its last line breaks, as the shell's
     * $(cat path) reads it (~/ is the home folder).
     */
    static String fileText(String path) throws IOException {
        if (path.startsWith("~/")) {
            path = System.getenv("HOME") + path.substring(1);
        }
        return Files.readString(Path.of(path)).replaceAll("\n+$", "");
    }"#;

/// The function that adds a part to a multipart form.
pub(crate) const ADD_PART: &str = r#"    /** Adds a part with these headers (a type or null) and content to the form. */
    static void addPart(ByteArrayOutputStream form, String boundary, String disposition,
            String type, byte[] content) throws IOException {
        String head = "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
            + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
        form.write(head.getBytes(StandardCharsets.UTF_8));
        form.write(content);
        form.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }"#;

/// The function that reads a string out of a streamed JSON chunk.
pub(crate) const JSON_STRING: &str = r#"    /**
     * The string value of the first "key" in a JSON text, "" when there is none:
     * the JDK has no JSON parser, and each event's text is all that is printed.
     */
    static String jsonString(String json, String key) {
        Matcher match = Pattern.compile("\"" + key + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
            .matcher(json);
        if (!match.find()) {
            return "";
        }
        String escaped = match.group(1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char next = escaped.charAt(++i);
            switch (next) {
                case 'n': text.append('\n'); break;
                case 'r': text.append('\r'); break;
                case 't': text.append('\t'); break;
                case 'b': text.append('\b'); break;
                case 'f': text.append('\f'); break;
                case 'u':
                    text.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                default: text.append(next);
            }
        }
        return text.toString();
    }"#;

/// The function that makes a TLS context that checks no certificate.
pub(crate) const INSECURE: &str = r#"    /** A TLS context that accepts any certificate, as curl --insecure. */
    static SSLContext insecure() throws GeneralSecurityException {
        TrustManager[] trustAll = {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String type) {}
            public void checkServerTrusted(X509Certificate[] chain, String type) {}
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustAll, new SecureRandom());
        return context;
    }"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_strings() {
        let cases = [
            ("plain", r#""plain""#),
            (r#"say "hi" \u0022 \"#, r#""say \"hi\" \\u0022 \\""#),
            ("a\nb\rc\td\0", r#""a\nb\rc\td\u0000""#),
            ("\u{85}\u{2028}\u{202e}", r#""\u0085\u2028\u202e""#),
            ("$x %s #{y} 🤗 中文", r#""$x %s #{y} 🤗 中文""#),
        ];
        for (text, expected) in cases {
            assert_eq!(string(text), expected, "{text:?}");
        }
    }

    #[test]
    fn a_text_javac_cannot_fold_is_joined_at_run_time() {
        let text = Text::from(format!("{}\n{}", "a".repeat(9000), "b".repeat(9000)).as_str());
        let mut pieces = vec!["a".repeat(2000); 4];
        pieces.push(format!("{}\\n", "a".repeat(1000)));
        pieces.extend(vec!["b".repeat(2000); 4]);
        pieces.push("b".repeat(1000));
        let expected = pieces
            .iter()
            .fold("String.join(\"\"".to_owned(), |out, piece| {
                format!("{out},\n        \"{piece}\"")
            })
            + ")";
        assert_eq!(text_block(&text, 2), expected);
        assert!(self::text(&Text::from("short")).starts_with('"'));
    }

    #[test]
    fn multi_line_texts() {
        let mut text = Text::from("{\n    \"a\": \"");
        text.push(Segment::Var(Var::new("A")));
        text.push_str("\"\n}");
        assert_eq!(
            text_block(&text, 3),
            "\"{\\n\"\n            + \"    \\\"a\\\": \\\"\" + System.getenv(\"A\") + \"\\\"\\n\"\n            + \"}\""
        );
    }
}
