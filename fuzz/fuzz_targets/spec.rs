//! Any bytes as a JSON request spec: parsing never panics, and a spec that parses
//! renders for every client without panicking.

#![no_main]

use inference_snippets::{parse_spec, render_all};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(request) = parse_spec(text, "fuzz") {
        let _ = render_all(&request);
    }
});
