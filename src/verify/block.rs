//! A code block of a page as verify sees it: what runs it (a [`Language`], by its
//! fence's info string and, for a shell block, whether it holds a curl command), the
//! variables and files it reads, and the packages it declares.

use crate::Language;

/// What a fence's info string says about running the block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A language with a runtime entry (a shell block holding a curl command is
    /// [`Language::Curl`]).
    Runs(Language),
    /// A shell block without a curl command: an install line, a setup step.
    Shell,
    /// Data or output shown beside the code (`json`, `text`, `yaml`...): not a tab.
    Data,
    /// A language verify has no runtime for (`kotlin`, `csharp`...), or an info
    /// string it does not know.
    Other(String),
}

/// One fenced block of a group.
#[derive(Clone, Debug)]
pub struct Block {
    /// The info string's first word, as written.
    pub info: String,
    /// The code, without the fence's indentation.
    pub code: String,
    /// The page line of the opening fence (1-based).
    pub line: usize,
    /// The column the code's lines start at (1-based).
    pub column: usize,
    /// The byte offset of the opening fence in the page.
    pub offset: usize,
    /// The tab it is in (`<hfoption id=...>`, `<TabItem value=...>`), when the group
    /// has tabs: install lines are looked for in the same tab.
    pub tab: Option<usize>,
}

const SHELLS: &[&str] = &[
    "sh",
    "bash",
    "shell",
    "zsh",
    "console",
    "curl",
    "shell-session",
];
const PYTHON: &[&str] = &["py", "python", "python3"];
const JAVASCRIPT: &[&str] = &["js", "javascript", "mjs", "node", "ts", "typescript", "jsx"];
const DATA: &[&str] = &[
    "",
    "json",
    "jsonc",
    "json5",
    "text",
    "txt",
    "yaml",
    "yml",
    "toml",
    "output",
    "plaintext",
    "diff",
    "xml",
    "html",
    "md",
    "markdown",
    "csv",
    "ini",
    "env",
    "dockerfile",
    "log",
];

impl Block {
    /// How the block runs.
    pub fn kind(&self) -> Kind {
        let info = self.info.to_ascii_lowercase();
        if SHELLS.contains(&info.as_str()) {
            return if has_curl(&self.code) {
                Kind::Runs(Language::Curl)
            } else {
                Kind::Shell
            };
        }
        if PYTHON.contains(&info.as_str()) {
            return Kind::Runs(Language::Python);
        }
        if JAVASCRIPT.contains(&info.as_str()) {
            return Kind::Runs(Language::JavaScript);
        }
        for language in [
            Language::Rust,
            Language::Go,
            Language::Java,
            Language::Php,
            Language::Ruby,
        ] {
            if language.names().any(|name| name == info) {
                return Kind::Runs(language);
            }
        }
        if DATA.contains(&info.as_str()) {
            return Kind::Data;
        }
        Kind::Other(self.info.clone())
    }

    /// Whether the block is TypeScript, which Node before 22.6 cannot run.
    pub fn typescript(&self) -> bool {
        matches!(self.info.to_ascii_lowercase().as_str(), "ts" | "typescript")
    }

    /// The name summaries count the block under: its language's, or its info string.
    pub fn label(&self) -> String {
        match self.kind() {
            Kind::Runs(language) if self.typescript() && language == Language::JavaScript => {
                "typescript".to_owned()
            }
            Kind::Runs(language) => language.name().to_owned(),
            Kind::Shell => "shell".to_owned(),
            Kind::Data | Kind::Other(_) => self.info.to_ascii_lowercase(),
        }
    }
}

/// Whether `code` runs curl: a line whose first word (after a prompt) is `curl`.
pub(crate) fn has_curl(code: &str) -> bool {
    code.lines().any(|line| {
        let line = line.trim_start();
        let line = line
            .strip_prefix("$ ")
            .or_else(|| line.strip_prefix("% "))
            .unwrap_or(line);
        line == "curl"
            || line.starts_with("curl ")
            || line.starts_with("curl\t")
            || line.contains("$(curl ")
            || line.contains("| curl ")
    })
}

/// The names of the environment variables the code may read: every word of capitals,
/// digits and underscores (`HF_TOKEN`, `$API_KEY`, `process.env.OPENAI_API_KEY`), but
/// those the run sets itself. Giving a dummy value to a word that is not a variable
/// costs nothing.
pub(crate) fn variables(code: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let bytes = code.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let word = |b: u8| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_';
        if bytes[at].is_ascii_uppercase() && (at == 0 || !is_ident(bytes[at - 1])) {
            let start = at;
            while at < bytes.len() && word(bytes[at]) {
                at += 1;
            }
            let followed = at < bytes.len() && is_ident(bytes[at]);
            let name = &code[start..at];
            let variable = name.contains('_') || name.ends_with("TOKEN") || name.ends_with("KEY");
            if !followed
                && variable
                && !RESERVED.contains(&name)
                && !names.iter().any(|n| n == name)
            {
                names.push(name.to_owned());
            }
        } else {
            at += 1;
        }
    }
    names
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Variables the run sets itself, never given a dummy value.
const RESERVED: &[&str] = &[
    "PATH",
    "HOME",
    "LANG",
    "TMPDIR",
    "HF_HOME",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "NO_PROXY",
    "ALL_PROXY",
    "SSL_CERT_FILE",
    "CURL_CA_BUNDLE",
    "REQUESTS_CA_BUNDLE",
    "NODE_EXTRA_CA_CERTS",
    "NODE_OPTIONS",
    "NODE_PATH",
    "NODE_USE_ENV_PROXY",
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONDONTWRITEBYTECODE",
    "HF_HUB_DISABLE_TELEMETRY",
    "HF_HUB_OFFLINE",
    "HF_ENDPOINT",
    "LD_PRELOAD",
    "LD_LIBRARY_PATH",
    "BASH_ENV",
    "ENV",
    "SHELLOPTS",
    "IFS",
    "PS4",
];

/// The dummy value of variable `name`: a URL for what names an endpoint or host, a
/// token-shaped word for the rest. Real values never reach a snippet.
pub(crate) fn dummy(name: &str) -> String {
    let upper = name.to_ascii_uppercase();
    if upper.ends_with("URL") || upper.contains("ENDPOINT") || upper.ends_with("HOST") {
        "https://verify-dummy.endpoints.huggingface.cloud".to_owned()
    } else if upper.contains("MODEL") {
        "verify-dummy/model".to_owned()
    } else if upper.contains("TOKEN") || upper.contains("KEY") || upper.contains("SECRET") {
        "hf_verifydummytoken".to_owned()
    } else {
        "verify-dummy".to_owned()
    }
}

/// File extensions verify provides a sample for, with the sample's bytes.
pub(crate) fn sample(name: &str) -> Option<&'static [u8]> {
    let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "png" | "jpg" | "jpeg" | "webp" | "gif" => crate::proxy::PNG,
        "flac" | "wav" | "mp3" | "ogg" | "m4a" => crate::proxy::FLAC,
        "mp4" | "webm" | "mov" => crate::proxy::MP4,
        "txt" => b"Hello from verify.\n",
        "json" => b"{\"inputs\": \"Hello from verify.\"}\n",
        _ => return None,
    })
}

/// The relative file names the code reads that verify has a sample for: `@cat.jpg`,
/// `open("cat.jpg", "rb")`, `"./audio.flac"`.
pub(crate) fn files(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    for piece in code.split(|c: char| c.is_whitespace() || "\"'`(),=<>[]{};".contains(c)) {
        let piece = piece.trim_start_matches('@').trim_start_matches("./");
        let plain = !piece.is_empty()
            && !piece.contains("://")
            && !piece.starts_with('/')
            && !piece.starts_with('$')
            && !piece.contains("..")
            && piece
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c));
        if plain && sample(piece).is_some() && !names.iter().any(|n| n == piece) {
            names.push(piece.to_owned());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_and_files_a_block_reads() {
        let code = "curl $ENDPOINT_URL -H \"Authorization: Bearer ${HF_TOKEN}\" --data-binary @cat.jpg\n\
                    client = OpenAI(api_key=os.environ[\"OPENAI_API_KEY\"]) # PATH\nopen('./a/b.flac')";
        assert_eq!(
            variables(code),
            ["ENDPOINT_URL", "HF_TOKEN", "OPENAI_API_KEY"]
        );
        assert_eq!(files(code), ["cat.jpg", "a/b.flac"]);
        assert!(dummy("ENDPOINT_URL").starts_with("https://"));
        assert!(has_curl("$ curl https://x"));
        assert!(!has_curl("pip install curl_cffi"));
    }
}
