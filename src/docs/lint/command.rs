//! The curl commands of a shell block: which blocks a reader pastes into a shell,
//! which lines start a curl command (after a prompt, an assignment or `export`), and
//! where each command ends (quotes, continuations and heredocs followed as the shell
//! would). The other statements of a block are not curl's, and are not read.

use std::ops::Range;

use crate::curl::Shell;

/// Whether a block with info string `info` (lowercased first word) is pasted into a
/// shell, and which. A block without an info string, or `text`, is when one of its
/// lines starts with curl.
pub(super) fn shell_of(info: &str, code: &str) -> Option<Shell> {
    match info {
        "bash" | "sh" | "shell" | "zsh" | "console" | "terminal" | "shell-session"
        | "shellsession" => Some(Shell::Bash),
        "powershell" | "pwsh" | "ps1" | "ps" => Some(Shell::PowerShell),
        "cmd" | "bat" | "batch" => Some(Shell::Cmd),
        "" | "text" | "txt" | "plaintext" => {
            let starts_with_curl = code
                .lines()
                .any(|line| curl_line(line).is_some_and(|found| found.rest_is_empty));
            starts_with_curl.then(|| crate::curl::lex::detect(code))
        }
        _ => None,
    }
}

/// A prompt pasted before curl on the line a command starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Prompt {
    /// The prompt as written (`$`, `~`, `user@host:~$`).
    pub text: String,
    /// Its bytes in the line.
    pub range: Range<usize>,
    /// Whether doc-builder's copy button strips it (`$ `, `>>> `): harmless. Any
    /// other prompt is pasted and run by the shell.
    pub stripped_on_copy: bool,
}

/// A curl command of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct CurlCommand {
    /// The block's lines it spans, 0-based.
    pub lines: Range<usize>,
    /// A prompt before it on its first line.
    pub prompt: Option<Prompt>,
}

/// The curl commands of a block's `code` in `shell`.
pub(super) fn curl_commands(code: &str, shell: Shell) -> Vec<CurlCommand> {
    let lines: Vec<&str> = code.lines().collect();
    let mut commands = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        let Some(found) = curl_line(line) else {
            // Another statement: only where it ends matters, so that its later lines
            // are not taken for commands. Its quotes are not followed (a console
            // block's output is no shell text).
            at = other_statement_end(&lines, at, shell);
            continue;
        };
        let end = command_end(&lines, at, shell);
        commands.push(CurlCommand {
            lines: at..end,
            prompt: found.prompt,
        });
        at = end;
    }
    commands
}

/// What a line that starts a curl command holds before curl.
struct CurlLine {
    prompt: Option<Prompt>,
    /// Nothing but the prompt comes before curl.
    rest_is_empty: bool,
}

/// Whether `line` starts a curl command: `curl` or `curl.exe` in a command's place,
/// after an optional prompt, assignments, `export ... &&`, `sudo`, `$(`.
fn curl_line(line: &str) -> Option<CurlLine> {
    let at = curl_word(line)?;
    // `curl = curl_easy_init();` is C, `curl.setopt(...)` Python: a program's variable.
    let after = line[at..].trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let next = after.trim_start();
    if next.starts_with(['=', ';', '(', ')']) || next.starts_with("->") {
        return None;
    }
    let before = &line[..at];
    let trimmed = before.trim_start();
    if trimmed.starts_with('#') || trimmed.starts_with("//") || trimmed.starts_with("REM ") {
        return None;
    }
    let (prompt, rest) = prompt(before);
    let rest_trimmed = rest.trim();
    let in_command_place = rest_trimmed.is_empty()
        || [
            "|", "&&", "||", ";", "$(", "\"$(", "`", "(", "!", "{", "then", "do", "else",
        ]
        .iter()
        .any(|end| rest_trimmed.ends_with(end))
        || rest_trimmed.split_whitespace().all(|word| {
            ["export", "sudo", "time", "env", "command", "exec", "nohup"].contains(&word)
                || word.split_once('=').is_some_and(|(name, _)| {
                    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                })
        });
    in_command_place.then_some(CurlLine {
        prompt,
        rest_is_empty: rest_trimmed.is_empty(),
    })
}

/// The byte offset of the first word `curl` or `curl.exe` in `line`.
fn curl_word(line: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = line[from..].find("curl") {
        let at = from + found;
        let after = &line[at + 4..];
        let after = after
            .strip_prefix(".exe")
            .filter(|_| {
                after
                    .get(..4)
                    .is_some_and(|ext| ext.eq_ignore_ascii_case(".exe"))
            })
            .unwrap_or(after);
        let word_before = line[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "(`\"|;&{!".contains(c));
        let word_after = after
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c == '\\');
        if word_before && word_after {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

/// A prompt at the start of `before` (the text before curl), and what follows it.
fn prompt(before: &str) -> (Option<Prompt>, &str) {
    let indent = before.len() - before.trim_start().len();
    let text = &before[indent..];
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return (None, text);
    };
    // `PS C:\Users\me>` is two words.
    let word = match words.next() {
        Some(second) if first == "PS" && second.ends_with('>') => {
            let end = text.find(second).map_or(text.len(), |at| at + second.len());
            &text[..end]
        }
        _ => first,
    };
    let stripped_on_copy = word == "$" || word == ">>>";
    let looks_like_prompt = stripped_on_copy
        || ["%", "~", ">", "#", "➜", "❯", "λ", "→", "»", "PS>"].contains(&word)
        || word.starts_with("PS ")
        || (word.ends_with(['$', '#', '>', '%']) && word.contains(['@', ':', '~', '/', '\\', '[']));
    if !looks_like_prompt {
        return (None, text);
    }
    let start = indent;
    let prompt = Prompt {
        text: word.to_owned(),
        range: start..start + word.len(),
        stripped_on_copy,
    };
    (Some(prompt), &text[word.len()..])
}

/// The line after the statement starting at line `first` that is not a curl
/// command: it goes on while lines end with the shell's continuation character, and
/// over a heredoc's body.
fn other_statement_end(lines: &[&str], first: usize, shell: Shell) -> usize {
    let mut at = first;
    loop {
        let line = lines[at];
        let heredoc = heredoc_delimiter(line);
        at += 1;
        if let Some((delimiter, tabs)) = heredoc {
            at = heredoc_end(lines, at, &delimiter, tabs);
            return at;
        }
        if at >= lines.len() || !ends_with_continuation(line, shell) {
            return at;
        }
    }
}

fn ends_with_continuation(line: &str, shell: Shell) -> bool {
    let trimmed = line.trim_end();
    match shell {
        Shell::Bash => trimmed.ends_with('\\') && !trimmed.ends_with("\\\\"),
        Shell::PowerShell => trimmed.ends_with('`'),
        Shell::Cmd => trimmed.ends_with('^'),
    }
}

/// The delimiter of a heredoc opened on `line` (`<<EOF`, `<<'EOF'`, `<<-EOF`), and
/// whether its body's leading tabs are removed.
fn heredoc_delimiter(line: &str) -> Option<(String, bool)> {
    let at = line.find("<<")?;
    let rest = &line[at + 2..];
    if rest.starts_with('<') {
        return None;
    }
    let (rest, tabs) = match rest.strip_prefix('-') {
        Some(rest) => (rest, true),
        None => (rest, false),
    };
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| !c.is_whitespace() && !";|&)".contains(*c))
        .filter(|c| *c != '\'' && *c != '"' && *c != '\\')
        .collect();
    (!word.is_empty()).then_some((word, tabs))
}

/// The line after a heredoc's closing delimiter line, its body starting at `from`.
fn heredoc_end(lines: &[&str], from: usize, delimiter: &str, tabs: bool) -> usize {
    let closes = |line: &str| {
        let line = line.trim_end_matches('\r');
        let line = if tabs {
            line.trim_start_matches('\t')
        } else {
            line
        };
        line == delimiter
    };
    lines[from..]
        .iter()
        .position(|line| closes(line))
        .map_or(lines.len(), |at| from + at + 1)
}

/// Where a shell's reading of a command is between lines.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    None,
    Single,
    Double,
    /// bash's `$'...'`, where a backslash escapes a quote.
    AnsiC,
}

/// The line after the curl command starting at line `first`: its quotes,
/// continuations and heredocs followed as `shell` reads them.
fn command_end(lines: &[&str], first: usize, shell: Shell) -> usize {
    let mut quote = Quote::None;
    let mut at = first;
    while at < lines.len() {
        let (continued, heredoc) = read_line(lines[at], &mut quote, shell);
        at += 1;
        if let Some((delimiter, tabs)) = heredoc {
            at = heredoc_end(lines, at, &delimiter, tabs);
        }
        if !continued && quote == Quote::None {
            return at;
        }
    }
    lines.len()
}

/// Follows one line's quotes: whether it ends with a continuation, and the
/// heredoc it opens.
fn read_line(line: &str, quote: &mut Quote, shell: Shell) -> (bool, Option<(String, bool)>) {
    let (escape, continuation) = match shell {
        Shell::Bash => ('\\', '\\'),
        Shell::PowerShell => ('`', '`'),
        Shell::Cmd => ('^', '^'),
    };
    let line = line.trim_end_matches('\r');
    let mut heredoc = None;
    let mut word_start = true;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match *quote {
            Quote::Single => {
                // PowerShell doubles a quote inside single quotes: two toggles.
                if c == '\'' {
                    *quote = Quote::None;
                }
            }
            Quote::AnsiC => {
                if c == '\\' {
                    chars.next();
                } else if c == '\'' {
                    *quote = Quote::None;
                }
            }
            Quote::Double => {
                if c == escape && shell != Shell::Cmd {
                    chars.next();
                } else if c == '"' {
                    *quote = Quote::None;
                }
            }
            Quote::None => {
                if c == continuation && line[at + c.len_utf8()..].trim().is_empty() {
                    return (true, heredoc);
                }
                match c {
                    '\'' if shell != Shell::Cmd => *quote = Quote::Single,
                    '"' => *quote = Quote::Double,
                    '$' if shell == Shell::Bash
                        && chars.peek().is_some_and(|(_, n)| *n == '\'') =>
                    {
                        chars.next();
                        *quote = Quote::AnsiC;
                    }
                    '#' if word_start && shell != Shell::Cmd => return (false, heredoc),
                    '<' if shell == Shell::Bash && line[at..].starts_with("<<") => {
                        heredoc = heredoc.or_else(|| heredoc_delimiter(&line[at..]));
                        chars.next();
                        if line[at..].starts_with("<<<") {
                            chars.next();
                        }
                    }
                    _ if c == escape => {
                        chars.next();
                    }
                    _ => {}
                }
            }
        }
        word_start = c.is_whitespace() || ";|&(".contains(c);
    }
    (false, heredoc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(code: &str) -> Vec<(Range<usize>, Option<String>)> {
        curl_commands(code, Shell::Bash)
            .into_iter()
            .map(|command| (command.lines, command.prompt.map(|prompt| prompt.text)))
            .collect()
    }

    #[test]
    fn commands_of_a_block() {
        let code = "export TOKEN=x\nORG=\"${1:-org}\"\ncurl https://x.cloud \\\n  -d '{\n \"a\": \"it\"\n}'\nhf upload x\n$ curl https://y.cloud\n{\"it's\": \"output\"}\n";
        assert_eq!(spans(code), vec![(2..6, None), (7..8, Some("$".into()))]);
        // Not curl's: an argument, C code, a comment.
        for code in [
            "apt-get install -y curl\n",
            "RUN apt-get update && apt-get install -y curl wget\n",
            "curl = curl_easy_init();\n",
            "# curl https://x.cloud\n",
            "echo curl\n",
        ] {
            assert_eq!(spans(code), vec![], "{code}");
        }
        // In a command's place.
        for code in [
            "OUT=$(curl -s https://x.cloud)\n",
            "export A=1 && curl https://x.cloud\n",
            "echo '{}' | curl -d @- https://x.cloud\n",
            "~ curl https://x.cloud\n",
            "user@host:~/dir$ curl https://x.cloud\n",
        ] {
            assert_eq!(spans(code).len(), 1, "{code}");
        }
        assert_eq!(spans("~ curl x\n")[0].1.as_deref(), Some("~"));
    }

    #[test]
    fn heredocs_and_continuations() {
        let code = "curl x -d @- <<'EOF'\n{\"it's\": 1}\nEOF\ncurl y \\\n\ncurl z \\";
        assert_eq!(spans(code), vec![(0..3, None), (3..5, None), (5..6, None)]);
        let code = "cat <<EOF\ncurl inside\nEOF\n";
        assert_eq!(spans(code), vec![]);
        let ps = "curl.exe https://x.cloud `\n  -d '{\\\"a\\\": 1}'\nWrite-Host done\n";
        assert_eq!(curl_commands(ps, Shell::PowerShell)[0].lines, 0..2);
    }

    #[test]
    fn shell_blocks() {
        assert!(shell_of("bash", "ls").is_some());
        assert!(shell_of("python", "curl x").is_none());
        assert!(shell_of("", "$ curl x").is_some());
        assert!(shell_of("text", "see curl x").is_none());
        assert!(shell_of("dockerfile", "RUN curl x").is_none());
    }
}
