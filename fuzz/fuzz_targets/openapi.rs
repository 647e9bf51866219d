//! Any bytes as an OpenAPI document: reading never panics, hangs or blows up (deep
//! nesting, `$ref` cycles, YAML aliases), and every request read renders for every
//! client without panicking; the samples of every operation are written into the
//! document (or refused) and as an overlay without panicking either.

#![no_main]

use inference_snippets::{OpenApiOptions, SampleOptions, openapi_samples, parse_openapi, render_all};
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
    if let Ok(samples) = openapi_samples(text, "fuzz", &SampleOptions::default()) {
        let _ = samples.written();
        let _ = samples.overlay(true);
    }
});
