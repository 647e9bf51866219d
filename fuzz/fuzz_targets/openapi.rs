//! Any bytes as an OpenAPI document: reading never panics, hangs or blows up (deep
//! nesting, `$ref` cycles, YAML aliases), and every request read renders for every
//! client without panicking.

#![no_main]

use inference_snippets::{OpenApiOptions, parse_openapi, render_all};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(read) = parse_openapi(text, "fuzz", &OpenApiOptions::default()) {
        for operation in &read.operations {
            let _ = render_all(&operation.request);
        }
    }
});
