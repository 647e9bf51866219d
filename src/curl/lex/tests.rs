//! Tests of the shell lexer: one group per shell, then the external corpora.

use super::*;

fn run(text: &str, shell: Shell) -> Lexed {
    match lex(text, Some(shell)) {
        Ok(lexed) => lexed,
        Err(e) => panic!("{text:?} as {shell:?}: {e}"),
    }
}

/// Each command's words, as text.
fn argv(text: &str, shell: Shell) -> Vec<Vec<String>> {
    run(text, shell)
        .commands
        .iter()
        .map(|c| c.words.iter().map(|w| w.text().into_owned()).collect())
        .collect()
}

fn bash(text: &str) -> Vec<Vec<String>> {
    argv(text, Shell::Bash)
}

fn one(text: &str, shell: Shell) -> Vec<String> {
    let mut commands = argv(text, shell);
    assert_eq!(commands.len(), 1, "{text:?}: {commands:?}");
    commands.remove(0)
}

fn error(text: &str, shell: Shell) -> String {
    match lex(text, Some(shell)) {
        Ok(lexed) => panic!("{text:?} lexed: {lexed:?}"),
        Err(e) => {
            let place = e.diagnostic().place.expect("a lexer error has a place");
            format!(
                "line {}, column {}: {}",
                place.line,
                place.column,
                e.diagnostic().message_with_hints(&crate::LibraryWords)
            )
        }
    }
}

fn warnings(text: &str, shell: Shell) -> Vec<String> {
    run(text, shell)
        .warnings
        .iter()
        .map(|w| {
            let place = w.place.expect("a lexer warning has a place");
            format!("{}:{} {}", place.line, place.column, w.message)
        })
        .collect()
}

fn pieces(text: &str, shell: Shell) -> Vec<Vec<Piece>> {
    run(text, shell).commands[0]
        .words
        .iter()
        .map(|w| w.pieces.to_vec())
        .collect()
}

fn lit(s: &str) -> Piece {
    Piece::Literal(s.to_string())
}

fn var(s: &str) -> Piece {
    Piece::Var(Box::new(crate::text::Var::new(s)))
}

fn opaque(s: &str) -> Piece {
    Piece::Opaque(s.to_string())
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|s| s.to_string()).collect()
}

// bash

#[test]
fn bash_quotes_and_escapes() {
    let cases: &[(&str, &[&str])] = &[
        ("curl 'a b' \"c d\"", &["curl", "a b", "c d"]),
        (r#"x "a\"b\\c\$d\`e\f""#, &["x", r#"a"b\c$d`e\f"#]),
        ("x \"a\\\nb\"", &["x", "ab"]),
        (r"x a\ b \$HOME \q", &["x", "a b", "$HOME", "q"]),
        ("x 'it'\\''s'", &["x", "it's"]),
        ("x '' \"\"", &["x", "", ""]),
        ("x 'a\nb'", &["x", "a\nb"]),
        ("x a'b'\"c\"d", &["x", "abcd"]),
        ("x $\"loc\"", &["x", "loc"]),
        ("x\ty\t\tz", &["x", "y", "z"]),
        ("x a#b # comment", &["x", "a#b"]),
        ("x a$ $ $/", &["x", "a$", "$", "$/"]),
    ];
    for (text, expected) in cases {
        assert_eq!(one(text, Shell::Bash), strings(expected), "{text:?}");
    }
}

#[test]
fn bash_ansi_c_quoting() {
    let text = r#"x $'a\nb\tc\r\\\'\"\x41\u00e9\U0001F600\101\a\b\e\f\v\?\cA\q\x'"#;
    let expected = "a\nb\tc\r\\'\"A\u{e9}\u{1F600}A\u{7}\u{8}\u{1b}\u{c}\u{b}?\u{1}\\q\\x";
    assert_eq!(one(text, Shell::Bash), strings(&["x", expected]));
    // Escapes make bytes: two of them can make one UTF-8 character.
    assert_eq!(one(r"x $'\xc3\xa9'", Shell::Bash)[1], "é");
    let lexed = run(r"x $'\xff'", Shell::Bash);
    assert_eq!(lexed.commands[0].words[1].text(), "\u{fffd}");
    assert_eq!(lexed.warnings.len(), 1);
    assert_eq!(one(r"x $'ab\0cd'", Shell::Bash)[1], "ab");
}

#[test]
fn bash_variables() {
    let text = r#"curl -H "Authorization: Bearer $HF_TOKEN" ${URL}/v1 $A_1x"#;
    assert_eq!(
        pieces(text, Shell::Bash),
        [
            vec![lit("curl")],
            vec![lit("-H")],
            vec![lit("Authorization: Bearer "), var("HF_TOKEN")],
            vec![var("URL"), lit("/v1")],
            vec![var("A_1x")],
        ]
    );
    let lexed = run(
        r#"x "${A:-b}" $1 $@ "${B:?not set}" "${C#x}" "${D:-$E}""#,
        Shell::Bash,
    );
    let words = &lexed.commands[0].words;
    let with_default = crate::text::Var::with_default("A", "b");
    assert_eq!(words[1].pieces[..], [Piece::Var(Box::new(with_default))]);
    assert_eq!(words[2].pieces[..], [opaque("$1")]);
    assert_eq!(words[3].pieces[..], [opaque("$@")]);
    // `:?` stops the shell on an unset variable: a variable without a default.
    assert_eq!(words[4].pieces[..], [var("B")]);
    // What a snippet cannot read stays opaque, for the parser to refuse.
    assert_eq!(words[5].pieces[..], [opaque("${C#x}")]);
    assert_eq!(words[6].pieces[..], [opaque("${D:-$E}")]);
    assert!(lexed.warnings.is_empty(), "{:?}", lexed.warnings);
    // `'` inside double quotes is literal, `$` inside single quotes too.
    assert_eq!(one(r#"x "'$A'" '$A'"#, Shell::Bash), ["x", "'$A'", "$A"]);
    assert_eq!(pieces("x '$A'", Shell::Bash)[1], [lit("$A")]);
}

#[test]
fn bash_command_substitution() {
    let text = r#"curl -H "Authorization: Bearer $(cat "a)b" | tr -d '()' $(x))" `date`"#;
    let lexed = run(text, Shell::Bash);
    let words = &lexed.commands[0].words;
    assert_eq!(
        words[2].pieces[..],
        [
            lit("Authorization: Bearer "),
            opaque(r#"$(cat "a)b" | tr -d '()' $(x))"#)
        ]
    );
    assert_eq!(words[3].pieces[..], [opaque("`date`")]);
    // Kept as written, never run, and not a warning of the lexer: the parser refuses
    // it where a snippet would need its value.
    assert!(warnings(text, Shell::Bash).is_empty());
    assert_eq!(words[2].literal(), None);
    assert_eq!(one("x $((1 + (2)))", Shell::Bash)[1], "$((1 + (2)))");
    assert_eq!(
        one("x <(echo a) >(b)", Shell::Bash),
        ["x", "<(echo a)", ">(b)"]
    );
}

#[test]
fn bash_line_continuations() {
    let expected = vec![strings(&["curl", "-X", "POST", "url"])];
    assert_eq!(bash("curl \\\n  -X POST \\\n  url\n"), expected);
    assert_eq!(bash("curl \\\r\n  -X POST \\\r\n  url\r\n"), expected);
    // A line of its own with only a backslash continues too.
    assert_eq!(bash("curl \\\n  \\\n  -X POST url"), expected);
    assert_eq!(bash("cu\\\nrl -X POST url"), expected);
    let text = "curl \\  \n -X POST \\\t\n url";
    assert_eq!(bash(text), expected);
    assert_eq!(
        warnings(text, Shell::Bash),
        [
            "1:6 spaces after a line-continuation backslash ignored",
            "2:10 spaces after a line-continuation backslash ignored"
        ]
    );
    for text in [
        "curl -X POST url \\",
        "curl -X POST url \\\n",
        "curl -X POST url \\ \n",
    ] {
        assert_eq!(bash(text), expected, "{text:?}");
        let warnings = warnings(text, Shell::Bash);
        assert_eq!(
            warnings.last().map(String::as_str),
            Some("1:18 backslash at the end of the input continues nothing; ignored"),
            "{text:?}"
        );
    }
}

#[test]
fn bash_commands_and_operators() {
    let text = "a 1; b 2 && c 3 || d 4 | e 5 & f 6\n\n# comment\n  g 7 |& h (i) ;; j";
    assert_eq!(
        bash(text),
        [
            strings(&["a", "1"]),
            strings(&["b", "2"]),
            strings(&["c", "3"]),
            strings(&["d", "4"]),
            strings(&["e", "5"]),
            strings(&["f", "6"]),
            strings(&["g", "7"]),
            strings(&["h"]),
            strings(&["i"]),
            strings(&["j"]),
        ]
    );
    let piped: Vec<bool> = run("a | b |& c; d", Shell::Bash)
        .commands
        .iter()
        .map(|c| c.piped)
        .collect();
    assert_eq!(piped, [false, true, true, false]);
    assert!(run("", Shell::Bash).commands.is_empty());
    assert!(
        run(" \n\t\n# only a comment\n", Shell::Bash)
            .commands
            .is_empty()
    );
}

#[test]
fn bash_redirections() {
    let lexed = run(
        "curl -d @- url < body.json > out.txt 2>&1 2> err &>all >>log",
        Shell::Bash,
    );
    let command = &lexed.commands[0];
    assert_eq!(
        command.words.iter().map(Word::text).collect::<Vec<_>>(),
        ["curl", "-d", "@-", "url"]
    );
    assert_eq!(
        command.stdin_file.as_ref().map(Word::text).as_deref(),
        Some("body.json")
    );
    // Digits written with quotes are an argument, not a file descriptor.
    assert_eq!(one("x '2'>f", Shell::Bash), ["x", "2"]);
    assert_eq!(one("x a2>f", Shell::Bash), ["x", "a2"]);
}

#[test]
fn bash_heredocs_and_here_strings() {
    let text = "curl -d @- url <<EOF\n{\"a\": $X}\n  EOF\nEOF\ncurl next";
    let lexed = run(text, Shell::Bash);
    assert_eq!(lexed.commands.len(), 2);
    assert_eq!(
        lexed.commands[0].stdin.as_deref(),
        Some("{\"a\": $X}\n  EOF\n")
    );
    assert_eq!(lexed.commands[1].words[1].text(), "next");

    let text = "curl -d @- url <<-'END' | jq .\n\t\tline\n\tEND\n";
    let lexed = run(text, Shell::Bash);
    assert_eq!(lexed.commands[0].stdin.as_deref(), Some("line\n"));
    assert_eq!(lexed.commands[1].words[0].text(), "jq");

    // The body belongs to the command that opened it, even after a pipe.
    let text = "cat <<\"EOF\" | curl -d @- url\nbody\nEOF\n";
    let lexed = run(text, Shell::Bash);
    assert_eq!(lexed.commands[0].stdin.as_deref(), Some("body\n"));
    assert_eq!(lexed.commands[1].stdin, None);
    assert!(lexed.commands[1].piped);

    let lexed = run("curl -d @- url <<< '{\"a\": 1}'", Shell::Bash);
    assert_eq!(lexed.commands[0].stdin.as_deref(), Some("{\"a\": 1}\n"));
    assert_eq!(lexed.commands[0].words.len(), 4);
}

#[test]
fn bash_assignments() {
    let lexed = run("HF_TOKEN=hf_x A+=1 curl url B=2", Shell::Bash);
    let command = &lexed.commands[0];
    assert_eq!(
        command.words.iter().map(Word::text).collect::<Vec<_>>(),
        ["curl", "url", "B=2"]
    );
    assert_eq!(command.assignments[0].name, "HF_TOKEN");
    assert_eq!(command.assignments[0].value.text(), "hf_x");
    assert_eq!(command.assignments[0].value.at.column, 10);
    assert_eq!(command.assignments[1].name, "A");
    // Quoted names are not assignments.
    assert_eq!(one("'A=1' x", Shell::Bash), ["A=1", "x"]);

    let text = "RESPONSE=$(curl -s -X POST https://huggingface.co/oauth/device \\\n  -d \"client_id=$CLIENT_ID\")\necho done";
    let lexed = run(text, Shell::Bash);
    assert_eq!(lexed.commands.len(), 3);
    assert!(lexed.commands[0].words.is_empty());
    assert_eq!(lexed.commands[0].assignments[0].name, "RESPONSE");
    let curl = &lexed.commands[1];
    assert_eq!(
        curl.words.iter().map(Word::text).collect::<Vec<_>>(),
        [
            "curl",
            "-s",
            "-X",
            "POST",
            "https://huggingface.co/oauth/device",
            "-d",
            "client_id=$CLIENT_ID"
        ]
    );
    // Positions inside the substitution are positions in the pasted text.
    assert_eq!((curl.words[0].at.line, curl.words[0].at.column), (1, 12));
    assert_eq!((curl.words[6].at.line, curl.words[6].at.column), (2, 6));
    assert_eq!(lexed.commands[2].words[0].text(), "echo");
    assert!(
        warnings(text, Shell::Bash)
            .contains(&"1:12 curl command taken from inside $(...)".to_string())
    );

    let lexed = run("OUT=\"$(curl -s url)\"; A=\"x$(curl y)\"", Shell::Bash);
    assert_eq!(lexed.commands.len(), 3);
    assert_eq!(lexed.commands[1].words[2].text(), "url");

    let lexed = run("OUT=`curl -s url` ; OTHER=$(date)", Shell::Bash);
    assert_eq!(lexed.commands.len(), 3);
    assert_eq!(lexed.commands[1].words[2].text(), "url");
    assert!(lexed.commands[2].words.is_empty());
}

#[test]
fn bash_repairs() {
    let text = "$ curl -H\u{a0}x \u{201c}a b\u{201d} \u{2018}c d\u{2019} -d=\u{201c}e\u{201d} don\u{2019}t";
    assert_eq!(
        one(text, Shell::Bash),
        ["curl", "-H", "x", "a b", "c d", "-d=e", "don\u{2019}t"]
    );
    assert_eq!(
        warnings(text, Shell::Bash),
        [
            "1:1 prompt `$` removed",
            "1:10 non-breaking space read as a space",
            "1:13 typographic quote \u{201c} read as \"",
            "1:19 typographic quote \u{2018} read as '",
            "1:28 typographic quote \u{201c} read as \"",
        ]
    );
    let text = ">>> curl url \\\n...   -H \"a: b\"\n  ~ curl two\n> curl three";
    assert_eq!(
        bash(text),
        [
            strings(&["curl", "url", "-H", "a: b"]),
            strings(&["curl", "two"]),
            // Not after a continuation, `>` is a redirection.
            strings(&["three"]),
        ]
    );
    assert_eq!(
        warnings(text, Shell::Bash),
        [
            "1:1 prompt `>>>` removed",
            "2:1 prompt `...` removed",
            "3:3 prompt `~` removed",
        ]
    );
}

#[test]
fn bash_positions() {
    let lexed = run("  é curl\n\t'x'  \\\n  \"y\"", Shell::Bash);
    let places: Vec<(usize, usize)> = lexed.commands[0]
        .words
        .iter()
        .map(|w| (w.at.line, w.at.column))
        .collect();
    assert_eq!(places, [(1, 3), (1, 5)]);
    let places: Vec<(usize, usize)> = lexed.commands[1]
        .words
        .iter()
        .map(|w| (w.at.line, w.at.column))
        .collect();
    assert_eq!(places, [(2, 2), (3, 3)]);
}

#[test]
fn bash_errors() {
    let cases = [
        (
            "curl -d '{\n  \"a\": 1}\n",
            "line 2, column 10: unterminated single quote opened at line 1, column 9",
        ),
        (
            "curl \"abc",
            "line 1, column 10: unterminated double quote opened at line 1, column 6",
        ),
        (
            "curl $(echo 'a)' \n",
            "line 1, column 18: unterminated $( opened at line 1, column 6",
        ),
        (
            "curl $(echo 'a) \n",
            "line 1, column 17: unterminated single quote opened at line 1, column 13",
        ),
        (
            "curl ${A",
            "line 1, column 9: unterminated ${ opened at line 1, column 6",
        ),
        (
            "curl `a",
            "line 1, column 8: unterminated backquote opened at line 1, column 6",
        ),
        (
            "curl $'a",
            "line 1, column 9: unterminated $' quote opened at line 1, column 6",
        ),
        (
            "curl -d @- u <<EOF\nbody\n",
            "line 1, column 14: unterminated heredoc <<EOF (no line EOF)",
        ),
        (
            "curl -d @- u <<-EOF",
            "line 1, column 14: unterminated heredoc <<-EOF (no line EOF)",
        ),
        (
            "curl u >\nx",
            "line 1, column 8: expected a file name or word after `>`, found end of line",
        ),
        (
            "curl u < | x",
            "line 1, column 8: expected a file name or word after `<`, found `|`",
        ),
        (
            "curl u > > x",
            "line 1, column 8: expected a file name or word after `>`, found >",
        ),
        (
            "curl \u{201c}abc",
            "line 1, column 10: unterminated typographic quote \u{201c} opened at line 1, column 6",
        ),
        (
            "A=$(curl 'x\n)",
            "line 2, column 2: unterminated single quote opened at line 1, column 10",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(error(text, Shell::Bash), expected, "{text:?}");
    }
}

// cmd

#[test]
fn cmd_browser_output() {
    // What Chrome's "Copy as cURL (cmd)" writes.
    let text = "curl ^\"https://example.com/api?a=1^&b=2^\" ^\r\n  -H ^\"accept: */*^\" ^\r\n  --data-raw ^\"^{^\\^\"inputs^\\^\":^\\^\"50^%^ off^\\^\"^}^\" ^\r\n  --compressed\r\n";
    assert_eq!(
        one(text, Shell::Cmd),
        [
            "curl",
            "https://example.com/api?a=1&b=2",
            "-H",
            "accept: */*",
            "--data-raw",
            "{\"inputs\":\"50% off\"}",
            "--compressed"
        ]
    );
    // The older form, with carets inside plain quotes.
    assert_eq!(
        one("curl \"https://x\" --data \"{^\\\"a^\\\":1}\"", Shell::Cmd),
        ["curl", "https://x", "--data", "{\"a\":1}"]
    );
    // A line break inside an argument: `^` and two line breaks.
    assert_eq!(
        one("curl --data-raw ^\"a^\n\nb^\"", Shell::Cmd),
        ["curl", "--data-raw", "a\nb"]
    );
}

#[test]
fn cmd_rules() {
    let cases: &[(&str, &[&str])] = &[
        ("x ^^ a^&b ^<c^>", &["x", "^", "a&b", "<c>"]),
        ("x \"a b\" \"a\"\"b\" \"\"", &["x", "a b", "a\"b", ""]),
        (
            r#"x a\b a\\"b c" a\\\"b"#,
            &["x", r"a\b", r"a\b c", r#"a\"b"#],
        ),
        ("x %^2 100%", &["x", "%2", "100%"]),
        ("x ^ \n y", &["x", "y"]),
    ];
    for (text, expected) in cases {
        assert_eq!(one(text, Shell::Cmd), strings(expected), "{text:?}");
    }
    assert_eq!(
        pieces("x \"Bearer %HF_TOKEN%\"", Shell::Cmd)[1],
        [lit("Bearer "), var("HF_TOKEN")]
    );
    assert_eq!(
        argv("a 1 && b \"x&y\" | c > out.txt 2>&1 & d", Shell::Cmd),
        [
            strings(&["a", "1"]),
            strings(&["b", "x&y"]),
            strings(&["c"]),
            strings(&["d"])
        ]
    );
    assert_eq!(
        warnings("x ^  \ny ^", Shell::Cmd),
        [
            "1:3 spaces after a line-continuation caret ignored",
            "2:3 caret at the end of the input continues nothing; ignored"
        ]
    );
    assert_eq!(
        error("curl \"abc\ncurl x", Shell::Cmd),
        "line 1, column 10: unterminated double quote opened at line 1, column 6"
    );
}

// PowerShell

#[test]
fn powershell_rules() {
    let text = "curl.exe -H \"Authorization: Bearer $env:HF_TOKEN\" `\r\n  -d '{\"it''s\": 1}' `\n  -H \"a`tb `\"q`\" \"\"r\"\" `$x\" $TOKEN ${env:X}";
    let lexed = run(text, Shell::PowerShell);
    let words = &lexed.commands[0].words;
    assert_eq!(
        words.iter().map(Word::text).collect::<Vec<_>>(),
        [
            "curl.exe",
            "-H",
            "Authorization: Bearer $HF_TOKEN",
            "-d",
            "{\"it's\": 1}",
            "-H",
            "a\tb \"q\" \"r\" $x",
            "$TOKEN",
            "$X"
        ]
    );
    assert_eq!(
        words[2].pieces[..],
        [lit("Authorization: Bearer "), var("HF_TOKEN")]
    );
    assert_eq!(words[6].pieces[..], [lit("a\tb \"q\" \"r\" $x")]);
    assert_eq!(words[7].pieces[..], [var("TOKEN")]);
    let cases: &[(&str, &[&str])] = &[
        ("x a`nb \"a`nb\" `u{e9}", &["x", "anb", "a\nb", "u{e9}"]),
        ("x \"`u{e9}\" 'a\"b'", &["x", "\u{e9}", "a\"b"]),
        ("& curl.exe url # comment", &["curl.exe", "url"]),
        (
            "x \u{201c}a b\u{201d} \u{2018}c\u{2019}",
            &["x", "a b", "c"],
        ),
        ("x > out.txt 2>&1", &["x"]),
    ];
    for (text, expected) in cases {
        assert_eq!(one(text, Shell::PowerShell), strings(expected), "{text:?}");
    }
    let lexed = run("x \"$(Get-Date)\"", Shell::PowerShell);
    assert_eq!(
        lexed.commands[0].words[1].pieces[..],
        [opaque("$(Get-Date)")]
    );
    assert_eq!(
        argv("a; b | c && d", Shell::PowerShell),
        [
            strings(&["a"]),
            strings(&["b"]),
            strings(&["c"]),
            strings(&["d"])
        ]
    );
    assert_eq!(
        warnings("x ` \ny `", Shell::PowerShell),
        [
            "1:3 spaces after a line-continuation backtick ignored",
            "2:3 backtick at the end of the input continues nothing; ignored"
        ]
    );
    assert_eq!(
        error("x 'abc", Shell::PowerShell),
        "line 1, column 7: unterminated single quote opened at line 1, column 3"
    );
    assert_eq!(
        error("x \"abc`", Shell::PowerShell),
        "line 1, column 8: unterminated double quote opened at line 1, column 3"
    );
}

#[test]
fn detection() {
    let cases = [
        ("curl ^\"https://x^\"", Shell::Cmd),
        ("curl https://x ^\n  -H a", Shell::Cmd),
        ("curl https://x ^\r\n  -H a", Shell::Cmd),
        ("curl https://x `\n  -H a", Shell::PowerShell),
        ("curl -d @- u < `echo file`", Shell::Bash),
        ("curl.exe https://x", Shell::PowerShell),
        ("curl -H \"a: $env:TOKEN\" https://x", Shell::PowerShell),
        ("curl https://x \\\n  -H 'a: b'", Shell::Bash),
        ("", Shell::Bash),
    ];
    for (text, shell) in cases {
        assert_eq!(lex(text, None).map(|l| l.shell), Ok(shell), "{text:?}");
    }
}

#[test]
fn word_accessors() {
    let word = Word {
        pieces: vec![lit("a "), var("B"), opaque("$(c)")].into(),
        at: Place::at(1, 1),
    };
    assert_eq!(word.text(), "a $B$(c)");
    assert_eq!(word.literal(), None);
    let word = Word {
        pieces: vec![lit("a")].into(),
        at: Place::at(1, 1),
    };
    assert_eq!(word.literal().as_deref(), Some("a"));
}

#[test]
fn never_panics_on_odd_input() {
    let alphabet = [
        "\\", "'", "\"", "$", "(", ")", "{", "}", "`", "^", "%", "<", ">", "<<", "|", "&", ";",
        "\n", "\r\n", " ", "\t", "#", "=", "A", "1", "$'", "\u{201c}", "\u{2019}", "\u{a0}", "é",
        "\\x", "EOF", "${", "$(", "env:", "-",
    ];
    // Every string of up to three pieces, in all three shells and detected.
    let n = alphabet.len();
    for i in 0..n * n * n {
        let text = format!(
            "{}{}{}",
            alphabet[i % n],
            alphabet[i / n % n],
            alphabet[i / n / n % n]
        );
        for shell in [
            None,
            Some(Shell::Bash),
            Some(Shell::Cmd),
            Some(Shell::PowerShell),
        ] {
            if let Err(e) = lex(&text, shell) {
                let place = e.diagnostic().place.expect("placed");
                assert!(place.line >= 1 && place.column >= 1, "{text:?}: {e}");
            }
        }
    }
}

#[test]
fn deep_nesting_is_bounded() {
    let text = format!("{}{}", "A=$(curl x; ".repeat(50), ")".repeat(50));
    let lexed = run(&text, Shell::Bash);
    assert!(
        lexed
            .warnings
            .iter()
            .any(|w| w.message.contains("too deep"))
    );
    let text = format!("x {}{}", "\"$(".repeat(100_000), ")\"".repeat(100_000));
    assert_eq!(run(&text, Shell::Bash).commands[0].words.len(), 2);
}

// The external corpora

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

/// Fixtures whose standard input curlconverter reads differently from bash.
const KNOWN_STDIN_DIFFERENCES: [(&str, &str); 2] = [
    (
        "bash_redirect_herestring.sh",
        "`<<< $VAR`: curlconverter gives no text; ours is `$VAR` and the newline bash adds",
    ),
    (
        "redirect_variable_and_string_data.sh",
        "`$\"end\"` is bash's locale quoting of `end`; curlconverter reads `$end`",
    ),
];

/// curlconverter's fixtures and the argv a real bash gives for them.
#[test]
fn corpus_curlconverter_argv() {
    let path = format!("{CORPUS}/curlconverter/argv.json");
    let Ok(json) = std::fs::read_to_string(&path) else {
        println!("corpus absent: ../shared/corpus not found, skipping");
        return;
    };
    let fixtures: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&json).expect("argv.json is a JSON object");
    let (mut accepted, mut matched, mut skipped, mut rejected) = (0, 0, 0, 0);
    let mut mismatches = Vec::new();
    for (name, fixture) in &fixtures {
        let src = fixture["src"].as_str().expect("src");
        let expected = fixture["commands"].as_array().expect("commands");
        if expected.iter().any(|c| c["hasShellExpansion"] == true) {
            skipped += 1;
            continue;
        }
        let lexed = match lex(src, None) {
            Ok(lexed) => lexed,
            Err(e) => {
                println!("rejected {name}: {e}");
                rejected += 1;
                continue;
            }
        };
        accepted += 1;
        // curlconverter converts the first curl of each pipeline.
        let mut curls = Vec::new();
        let mut pipeline_has_curl = false;
        for command in &lexed.commands {
            if !command.piped {
                pipeline_has_curl = false;
            }
            let is_curl = command.words.first().map(Word::text).as_deref() == Some("curl");
            if is_curl && !pipeline_has_curl {
                curls.push(command);
                pipeline_has_curl = true;
            }
        }
        let want: Vec<&serde_json::Value> =
            expected.iter().filter(|c| c["argv"][0] == "curl").collect();
        let got_argv: Vec<Vec<String>> = curls
            .iter()
            .map(|c| c.words.iter().map(|w| w.text().into_owned()).collect())
            .collect();
        let want_argv: Vec<serde_json::Value> = want.iter().map(|c| c["argv"].clone()).collect();
        if serde_json::json!(got_argv) == serde_json::json!(want_argv) {
            matched += 1;
        } else {
            mismatches.push(format!(
                "{name}:\n  got  {got_argv:?}\n  want {want_argv:?}"
            ));
            continue;
        }
        // Standard input, where bash and curlconverter agree.
        if KNOWN_STDIN_DIFFERENCES.iter().any(|(file, _)| file == name) {
            continue;
        }
        for (command, want) in curls.iter().zip(&want) {
            let got = serde_json::json!({
                "stdin": command.stdin,
                "stdinFile": command.stdin_file.as_ref().map(Word::text),
            });
            let want = serde_json::json!({"stdin": want["stdin"], "stdinFile": want["stdinFile"]});
            if got != want {
                mismatches.push(format!("{name} stdin:\n  got  {got}\n  want {want}"));
            }
        }
    }
    println!(
        "curlconverter corpus: {} fixtures, {accepted} accepted, {matched} matched, \
         {skipped} skipped (shell expansion), {rejected} rejected",
        fixtures.len()
    );
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// Every curl block of the Hugging Face docs lexes without a panic, and a refusal has a place.
#[test]
fn corpus_hf_docs() {
    let dir = format!("{CORPUS}/hf-docs/curl");
    let Ok(index) = std::fs::read_to_string(format!("{dir}/index.tsv")) else {
        println!("corpus absent: ../shared/corpus not found, skipping");
        return;
    };
    let (mut files, mut accepted, mut with_curl) = (0, 0, 0);
    let mut errors = Vec::new();
    for row in index.lines().skip(1) {
        let Some(file) = row.split('\t').next() else {
            continue;
        };
        let text = std::fs::read_to_string(format!("{dir}/{file}")).expect("indexed file");
        files += 1;
        match lex(&text, None) {
            Ok(lexed) => {
                accepted += 1;
                let curl = lexed.commands.iter().any(|c| {
                    c.words
                        .first()
                        .is_some_and(|w| w.text() == "curl" || w.text() == "curl.exe")
                });
                if curl {
                    with_curl += 1;
                }
            }
            Err(e) => {
                let lines = text.lines().count().max(1);
                let place = e.diagnostic().place.expect("placed");
                assert!(
                    place.line >= 1 && place.line <= lines + 1 && place.column >= 1,
                    "{file}: {e}"
                );
                errors.push(format!("{file}: {e}"));
            }
        }
    }
    println!(
        "hf-docs corpus: {files} files, {accepted} accepted ({with_curl} with a curl command), {} refused",
        errors.len()
    );
    for e in &errors {
        println!("  refused {e}");
    }
    assert!(files > 0);
}

/// A text placed in a page (a fenced block in a list item, its lines starting at
/// column 4) gives the page's lines and columns, in errors and in their messages.
#[test]
fn placed_text_gives_page_places() {
    let text = "curl https://x.cloud \\\n  -d 'open";
    let err = super::lex_placed(text, None, Place::at(10, 4)).unwrap_err();
    let err = err.diagnostic();
    // The end of the input, past `open`; the quote is the sixth character of its line.
    let place = err.place.expect("placed");
    assert_eq!((place.line, place.column), (11, 14));
    assert_eq!(
        err.message,
        "unterminated single quote opened at line 11, column 9"
    );
    let nul = super::lex_placed("curl x \\\n -d a\0", None, Place::at(10, 4)).unwrap_err();
    let place = nul.diagnostic().place.expect("placed");
    assert_eq!((place.line, place.column), (11, 9));
    let words = super::lex_placed("curl \\\n  https://x.cloud", None, Place::at(3, 5)).unwrap();
    let url = &words.commands[0].words[1];
    assert_eq!((url.at.line, url.at.column), (4, 7));
}
