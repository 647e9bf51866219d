//! Any text as a curl command: parsing never panics, a parsed command renders for
//! every client without panicking, and the curl client's command parses again.

#![no_main]

use inference_snippets::{Client, CurlOptions, parse_curl, render_all};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(parsed) = parse_curl(text, "fuzz", &CurlOptions::default()) else {
        return;
    };
    let Ok(snippets) = render_all(&parsed.request) else {
        return;
    };
    for snippet in snippets.iter().filter(|s| s.client == Client::Curl) {
        if let Err(err) = parse_curl(&snippet.content, "rendered", &CurlOptions::default()) {
            panic!(
                "the rendered curl command does not parse: {err}\n--- input\n{text}\n--- rendered\n{}",
                snippet.content
            );
        }
    }
});
