//! The curl parser through the public API: each option, each shell form, and the
//! errors and warnings a user sees.

use inference_snippets::{
    CurlOptions, FileBytes, PartContent, Payload, Request, Shell, Task, Text, Token, parse_curl,
};
use serde_json::json;

/// Headers as `(name, value)` literals, to compare.
fn literal_headers(request: &Request) -> Vec<(String, String)> {
    request
        .headers
        .iter()
        .map(|(name, value)| (name.clone(), value.to_string()))
        .collect()
}

fn parse(command: &str) -> (Request, Vec<String>) {
    let parsed = parse_curl(command, "test", &CurlOptions::default())
        .unwrap_or_else(|err| panic!("{command}\n{err}"));
    let warnings = parsed.warnings.iter().map(ToString::to_string).collect();
    (parsed.request, warnings)
}

fn error(command: &str) -> String {
    parse_curl(command, "test", &CurlOptions::default())
        .expect_err(command)
        .to_string()
}

const URL: &str = "https://x.cloud/m";

#[test]
fn the_seed_commands() {
    let (request, warnings) = parse(
        "curl https://uu149rez6gw9ehej.eu-west-1.aws.endpoints.huggingface.cloud/distilbert-sentiment \\\n\t-X POST \\\n\t-d '{\"inputs\": \"Deploying my first endpoint was an amazing experience.\"}' \\\n\t-H \"Authorization: Bearer <Token>\"",
    );
    // The page's own likely mistake, and its placeholder, reported.
    assert_eq!(
        warnings,
        [
            "test:3:2: the body looks like JSON, and without a Content-Type curl sends it as form data (application/x-www-form-urlencoded); add -H 'Content-Type: application/json' or use --json",
            "test:4:5: placeholder <Token> in the header Authorization is kept as written; replace it with its value before running the snippet"
        ]
    );
    assert_eq!(request.token, Token::Placeholder("<Token>".into()));
    assert_eq!(request.method, None);
    // No Content-Type header: curl sends the JSON text as a form.
    assert_eq!(
        request.payload,
        Payload::Text {
            body: "{\"inputs\": \"Deploying my first endpoint was an amazing experience.\"}".into(),
            content_type: Some("application/x-www-form-urlencoded".into())
        }
    );
    let (request, _) = parse(
        "curl --request POST \\\n  --url https://uu149rez6gw9ehej.eu-west-1.aws.endpoints.huggingface.cloud/wav2vec-asr \\\n  --header 'Authorization: Bearer <Token>' \\\n  --header 'Content-Type: audio/x-flac' \\\n  --data-binary '@sample1.flac'",
    );
    assert_eq!(
        request.payload,
        Payload::File {
            path: "sample1.flac".into(),
            content_type: Some("audio/x-flac".into()),
            bytes: FileBytes::AsIs
        }
    );
    assert!(request.headers.is_empty());
}

#[test]
fn json_with_its_content_type_is_json() {
    let (request, _) = parse(&format!(
        "curl {URL} -H 'Content-Type: application/json' -H \"Authorization: Bearer ${{HF_TOKEN}}\" -d '{{\"inputs\": \"hi\"}}'"
    ));
    assert_eq!(request.payload, Payload::Json(json!({"inputs": "hi"})));
    assert_eq!(request.token, Token::Env("HF_TOKEN".into()));
    assert!(request.headers.is_empty());
}

#[test]
fn json_option_sets_both_headers_and_concatenates() {
    let (request, _) = parse(&format!("curl {URL} --json '{{\"a\":' --json ' 1}}'"));
    assert_eq!(request.payload, Payload::Json(json!({"a": 1})));
    assert_eq!(
        literal_headers(&request),
        vec![("Accept".to_string(), "application/json".to_string())]
    );
}

#[test]
fn data_forms() {
    let (request, _) = parse(&format!(
        "curl {URL} -d a=1 --data-ascii b=2 --data-raw @c --data-urlencode 'q=a b&c' --data-urlencode =x/y"
    ));
    assert_eq!(
        request.payload,
        Payload::Text {
            body: "a=1&b=2&@c&q=a+b%26c&x%2Fy".into(),
            content_type: Some("application/x-www-form-urlencoded".into())
        }
    );
    let message = error(&format!(
        "curl {URL} --data-urlencode name@no/such/file.txt"
    ));
    assert!(
        message.contains("cannot read no/such/file.txt"),
        "{message}"
    );
}

#[test]
fn data_file_strips_line_breaks_and_data_binary_does_not() {
    let (request, warnings) = parse(&format!(
        "curl {URL} -H 'Content-Type: application/json' -d @body.json"
    ));
    assert_eq!(
        request.payload,
        Payload::File {
            path: "body.json".into(),
            content_type: Some("application/json".into()),
            bytes: FileBytes::StripLineBreaks
        }
    );
    assert_eq!(warnings, Vec::<String>::new());
    let (binary, _) = parse(&format!("curl {URL} --data-binary @body.json"));
    assert!(matches!(
        binary.payload,
        Payload::File {
            bytes: FileBytes::AsIs,
            ..
        }
    ));
}

#[test]
fn get_moves_data_to_the_query() {
    let (request, warnings) = parse(&format!(
        "curl -G {URL} -d a=1 --data-urlencode 'b=x y*' --url-query c=d"
    ));
    // curl's URL parser (before curl 8.20) writes the escapes it adds in lowercase;
    // with -G data, it leaves --url-query out.
    assert_eq!(request.url, "https://x.cloud/m?a=1&b=x+y%2a");
    assert_eq!(request.payload, Payload::None);
    assert_eq!(request.method(), "GET");
    assert_eq!(
        warnings,
        ["test:1:9: --url-query is left out: with -G, curl builds the query from the data alone"]
    );
    let (request, _) = parse(&format!("curl -G {URL} --url-query 'c=d*'"));
    assert_eq!(request.url, "https://x.cloud/m?c=d%2a");
}

#[test]
fn methods() {
    assert_eq!(parse(&format!("curl -XPUT {URL} -d x")).0.method(), "PUT");
    assert_eq!(parse(&format!("curl -X post {URL} -d x")).0.method, None);
    assert_eq!(parse(&format!("curl -I {URL}")).0.method(), "HEAD");
    let (upload, _) = parse(&format!("curl -T audio.flac {URL}"));
    assert_eq!(upload.method(), "PUT");
    assert_eq!(
        upload.payload,
        Payload::File {
            path: "audio.flac".into(),
            content_type: None,
            bytes: FileBytes::AsIs
        }
    );
}

#[test]
fn short_clusters_and_attached_values() {
    let (request, _) = parse(&format!("curl -sSLk -H'X-A: 1' -XDELETE {URL}"));
    assert_eq!(request.method(), "DELETE");
    assert_eq!(
        literal_headers(&request),
        vec![("X-A".to_string(), "1".to_string())]
    );
}

#[test]
fn headers_user_agent_referer_cookie_range_and_basic_auth() {
    let (request, warnings) = parse(&format!(
        "curl {URL} -A 'agent/1' -e 'https://r.example/;auto' -b 'a=1; b=2' -r 0-99 -u user:pa:ss -H 'X-Empty;'"
    ));
    assert_eq!(warnings, Vec::<String>::new());
    let headers = literal_headers(&request);
    let headers: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        headers,
        vec![
            ("User-Agent", "agent/1"),
            ("Referer", "https://r.example/"),
            ("Cookie", "a=1; b=2"),
            ("Range", "bytes=0-99"),
            ("X-Empty", ""),
        ]
    );
    // curl makes `Basic` and the base64 of `user:pa:ss`; the clients do it alike.
    assert_eq!(
        request.token,
        Token::Basic {
            user: Text::from("user"),
            password: Text::from("pa:ss"),
        }
    );
}

#[test]
fn removing_content_type_sends_none() {
    let (request, _) = parse(&format!(
        "curl {URL} -H 'Content-Type:' --data-binary @x.bin"
    ));
    assert_eq!(
        request.payload,
        Payload::File {
            path: "x.bin".into(),
            content_type: None,
            bytes: FileBytes::AsIs
        }
    );
}

#[test]
fn tokens() {
    let token = |command: &str| parse(command).0.token;
    assert_eq!(
        token(&format!("curl {URL} -H 'Authorization: Bearer hf_***'")),
        Token::Placeholder("hf_***".into())
    );
    assert_eq!(
        token(&format!(
            "curl {URL} -H \"Authorization: Bearer $MY_TOKEN\""
        )),
        Token::Env("MY_TOKEN".into())
    );
    assert_eq!(
        token(&format!("curl {URL} --oauth2-bearer hf_xyz")),
        Token::Placeholder("hf_xyz".into())
    );
    assert_eq!(token(&format!("curl {URL}")), Token::None);
    let real = "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH";
    let (request, warnings) = parse(&format!("curl {URL} -H 'Authorization: Bearer {real}'"));
    assert_eq!(request.token, Token::Env("HF_TOKEN".into()));
    assert!(
        warnings[0].contains("replaced by $HF_TOKEN"),
        "{warnings:?}"
    );
    let kept = parse_curl(
        &format!("curl {URL} -H 'Authorization: Bearer {real}'"),
        "t",
        &CurlOptions {
            keep_token: true,
            ..CurlOptions::default()
        },
    )
    .unwrap();
    assert_eq!(kept.request.token, Token::Placeholder(real.into()));
}

#[test]
fn chat_urls_name_their_task() {
    let (request, _) = parse(
        "curl https://x.cloud/v1/chat/completions -H 'Content-Type: application/json' -d '{\"model\": \"tgi\", \"messages\": []}'",
    );
    assert_eq!(request.task, Some(Task::ChatCompletion));
}

#[test]
fn warnings_for_what_is_not_reproduced() {
    let (_, warnings) = parse(&format!("curl --retry 3 -k {URL} https://second.example"));
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(
        warnings[0].contains("--retry: the snippets send the request once"),
        "{warnings:?}"
    );
    assert!(warnings[1].contains("--insecure"), "{warnings:?}");
    assert!(warnings[2].contains("only the first URL"), "{warnings:?}");
}

#[test]
fn errors_are_located() {
    let cases = [
        (
            "curl https://x.cloud --dat x",
            "test:1:22: unknown option --dat; did you mean --data?",
        ),
        (
            r#"curl https://x.cloud -d {"a":1,"b":2}"#,
            "test:1:25: bash expands the unquoted braces of {a:1,b:2} into several words; quote the word, as it was surely meant to be sent whole",
        ),
        (
            "curl https://x.cloud \\\n  -H",
            "test:2:3: option -H needs a value",
        ),
        (
            "curl -s",
            "test:1:1: the curl command has no URL; add the endpoint's URL after curl",
        ),
        (
            "echo hi",
            "test:1:1: no curl command found (this one runs echo); paste a command that starts with curl",
        ),
        ("", "test:1:1: no curl command found: the input is empty"),
        (
            "curl https://x.cloud \\\n  -d 'a\0b'",
            "test:2:8: NUL byte in the command, which no shell can pass to curl; remove it",
        ),
        (
            "curl https://x.cloud -d 'open",
            "test:1:30: unterminated single quote opened at line 1, column 25",
        ),
        (
            "curl https://x.cloud -u user",
            "test:1:22: -u user: curl would prompt for the password; write user:password",
        ),
        (
            "curl \"$(date)/x\"",
            "test:1:6: the URL holds $(date), which only a shell can run; write its value out",
        ),
    ];
    for (command, expected) in cases {
        let message = error(command);
        assert!(message.starts_with(expected), "{command}\n{message}");
    }
}

#[test]
fn windows_cmd_and_powershell() {
    let cmd = "curl \"https://x.cloud/m\" ^\n  -H \"Content-Type: application/json\" ^\n  --data-raw \"{^\\\"inputs^\\\":^\\\"hi^\\\"}\"";
    let (request, _) = parse(cmd);
    assert_eq!(request.payload, Payload::Json(json!({"inputs": "hi"})));
    let powershell = "curl.exe `\n  -H 'Content-Type: application/json' `\n  -d '{\"inputs\": \"hi\"}' `\n  https://x.cloud/m";
    let (request, _) = parse(powershell);
    assert_eq!(request.payload, Payload::Json(json!({"inputs": "hi"})));
    let forced = parse_curl(
        "curl https://x.cloud/m",
        "t",
        &CurlOptions {
            shell: Some(Shell::Cmd),
            ..CurlOptions::default()
        },
    );
    assert!(forced.is_ok());
}

#[test]
fn heredoc_on_stdin() {
    let (request, _) = parse(&format!(
        "curl {URL} -H 'Content-Type: application/json' --data-binary @- <<'EOF'\n{{\"inputs\": \"hi\"}}\nEOF\n"
    ));
    assert_eq!(request.payload, Payload::Json(json!({"inputs": "hi"})));
    let message = error(&format!("curl {URL} -d @-"));
    assert!(message.contains("standard input"), "{message}");
}

#[test]
fn multipart_forms() {
    let (request, _) = parse(&format!(
        "curl {URL} -F 'files=@img/chair.png' -F 'meta=<notes.txt;type=text/plain' --form-string 'q=@literal;x' -F 'f=@\"a b.flac\";type=audio/x-flac;filename=up.flac'"
    ));
    let Payload::Multipart(parts) = &request.payload else {
        panic!("{:?}", request.payload)
    };
    let summary: Vec<(&str, &PartContent, Option<&str>, Option<&str>)> = parts
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                &p.content,
                p.content_type.as_deref(),
                p.filename.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "files",
                &PartContent::File("img/chair.png".into()),
                Some("image/png"),
                Some("chair.png")
            ),
            (
                "meta",
                &PartContent::FileText("notes.txt".into()),
                Some("text/plain"),
                None
            ),
            ("q", &PartContent::Text("@literal;x".into()), None, None),
            (
                "f",
                &PartContent::File("a b.flac".into()),
                Some("audio/x-flac"),
                Some("up.flac")
            ),
        ]
    );
    assert_eq!(request.method(), "POST");
    let message = error(&format!("curl {URL} -F 'x=1' -d y"));
    assert!(message.contains("-F and -d both give a body"), "{message}");
}

#[test]
fn shell_expansions_only_a_shell_can_run_are_errors() {
    // A variable is read when the snippet runs; `$(id)` would run a command.
    assert_eq!(
        error(&format!("curl {URL} -d \"text=$TEXT&cmd=$(id)\"")),
        "test:1:27: the body holds $(id), which only a shell can run; write its value out"
    );
    for command in [
        format!("curl {URL} -H \"X-A: $((1 + 2))\""),
        format!("curl {URL} -d \"$1\""),
        format!("curl {URL} -d \"${{A#x}}\""),
        format!("curl {URL} -u `whoami`:x"),
    ] {
        let message = error(&command);
        assert!(
            message.contains("which only a shell can run"),
            "{command}: {message}"
        );
    }
}

#[test]
fn options_that_read_files_read_them_now() {
    let dir = std::env::temp_dir().join(format!("snippet-curl-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let headers = dir.join("headers.txt");
    std::fs::write(&headers, "X-A: 1\r\nX-B: two words\n\n").unwrap();
    let content = dir.join("q.txt");
    std::fs::write(&content, "a b&c").unwrap();
    let (request, warnings) = parse(&format!(
        "curl {URL} -H @{} --data-urlencode name@{} --data-urlencode @{}",
        headers.display(),
        content.display(),
        content.display()
    ));
    assert_eq!(
        literal_headers(&request),
        vec![
            ("X-A".to_string(), "1".to_string()),
            ("X-B".to_string(), "two words".to_string())
        ]
    );
    assert_eq!(
        request.payload,
        Payload::Text {
            body: "name=a+b%26c&a+b%26c".into(),
            content_type: Some("application/x-www-form-urlencoded".into())
        }
    );
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Places carry the bytes they point at in the command as given, CRLF or not.
#[test]
fn places_point_at_their_bytes() {
    for newline in ["\n", "\r\n"] {
        let command = format!(
            "curl https://x.cloud/é \\{newline}  -H 'X-A: 1' \\{newline}  --retry 2 -d $'caf\\xc3\\xa9'"
        );
        let parsed = parse_curl(&command, "test", &CurlOptions::default());
        let err = parsed.expect_err("the URL is not percent-encoded");
        let place = err.diagnostic().place.expect("placed");
        assert!(command[place.bytes()].is_empty());
        assert!(
            command[place.start..].starts_with("https://x.cloud/é"),
            "{newline:?}"
        );
        let command = command.replace('é', "%C3%A9");
        let parsed = parse_curl(&command, "test", &CurlOptions::default()).expect("parses");
        let proxy = parsed.warnings[0].place.expect("placed");
        assert!(command[proxy.start..].starts_with("--retry"), "{newline:?}");
        let header = parsed
            .places
            .of(&inference_snippets::Field::Header("X-A".into()))
            .expect("placed");
        assert!(
            command[header.start..].starts_with("'X-A: 1'"),
            "{newline:?}"
        );
    }
}

#[test]
fn a_files_base64_in_json_is_read_back_as_the_snippets_write_it() {
    use inference_snippets::Segment;
    let (request, _) = parse(
        r#"curl https://x.cloud/vqa -H 'Content-Type: application/json' -d '{"inputs": {"image": "'"$(base64 < cat.png | tr -d '\n')"'", "other": "'"$(base64 < 'my cat.png' | tr -d '\n')"'"}}'"#,
    );
    let Payload::JsonTemplate(template) = &request.payload else {
        panic!("{:?}", request.payload);
    };
    let files: Vec<&[Segment]> = template
        .slots
        .iter()
        .map(|slot| slot.text.segments())
        .collect();
    assert_eq!(
        files,
        [
            &[Segment::FileBase64("cat.png".into())][..],
            &[Segment::FileBase64("my cat.png".into())][..],
        ]
    );
    // Every path the curl snippets quote reads back.
    for path in [
        "a'b) $(x) |c!.png",
        "~/cat.png",
        "-x.png",
        "é \\ \"q\" `b`.png",
    ] {
        let request = inference_snippets::parse_spec(
            &json!({"url": URL, "json": {}, "base64_files": {"/image": path}}).to_string(),
            "spec.json",
        )
        .unwrap();
        let snippet =
            inference_snippets::render(&request, inference_snippets::Client::Curl).unwrap();
        let (parsed, _) = parse(&snippet);
        assert_eq!(parsed.payload, request.payload, "{snippet}");
    }
    // Anything else is a shell's business; beside other text, or outside a JSON
    // string, it is no place for a file's base64.
    assert!(
        error(r#"curl https://x.cloud -d "$(base64 -w0 < cat.png)""#)
            .contains("only a shell can run")
    );
    assert!(
        error(r#"curl https://x.cloud -H 'Content-Type: application/json' -d '{"a": "data:image/png;base64,'"$(base64 < cat.png | tr -d '\n')"'"}'"#)
            .contains("only a string of a JSON body may")
    );
    assert!(error(r#"curl "https://x.cloud/$(base64 < cat.png | tr -d '\n')""#).contains("base64"));
}

/// An error carries the warnings of the reading before it, from every step: the
/// lexer's (a second command), the options', the assembly's (a token replaced, a
/// second URL); placed in the input's lines, CRLF or not, and named by its source.
#[test]
fn an_error_carries_the_warnings_found_before_it() {
    let warnings = |command: &str| -> (String, Vec<String>) {
        let err = parse_curl(command, "test", &CurlOptions::default()).expect_err(command);
        let warnings = err.warnings().iter().map(ToString::to_string).collect();
        (err.to_string(), warnings)
    };
    let (err, found) =
        warnings("curl --retry 2 https://x.cloud \\\r\n  -k --hedaer 'X: 1'; curl b");
    assert_eq!(
        err,
        "test:2:6: unknown option --hedaer; did you mean --header?"
    );
    assert_eq!(
        found,
        [
            "test:1:6: --retry: the snippets send the request once, without retrying",
            "test:2:3: --insecure: the snippets do not check TLS certificates either",
            "test:2:23: only the first curl command is converted",
        ]
    );
    // Standard input is found unreadable before the URLs and the token are looked at.
    let token = "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH";
    let (err, found) = warnings(&format!(
        "curl https://x.cloud https://y.cloud -H 'Authorization: Bearer {token}' -d @-"
    ));
    assert!(err.contains("standard input"), "{err}");
    assert_eq!(found, Vec::<String>::new());
    // The token is replaced before the request is validated.
    let (err, found) = warnings(&format!(
        "curl 'https://x.cloud/a b' -H 'Authorization: Bearer {token}'"
    ));
    assert!(err.starts_with("test:1:6: "), "{err}");
    assert_eq!(
        found,
        ["test:1:31: a real-looking token was replaced by $HF_TOKEN"]
    );
    // A command that reads well has no error to carry them.
    let parsed = parse_curl(
        "curl --retry 2 https://x.cloud",
        "test",
        &CurlOptions::default(),
    );
    assert_eq!(parsed.map(|parsed| parsed.warnings.len()), Ok(1));
}
