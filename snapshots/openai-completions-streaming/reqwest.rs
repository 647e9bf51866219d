// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

use std::io::{BufRead, BufReader, Write};

const API_URL: &str = "https://xyz.endpoints.huggingface.cloud/v1/completions";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", env("HF_TOKEN")?))
        .header("Content-Type", "application/json")
        .body(r#"{
    "model": "tgi",
    "prompt": "The answer to the universe is",
    "max_tokens": 32,
    "stream": true
}"#)
        .send()?
        .error_for_status()?;
    // Server-sent events: each `data:` line is printed as it arrives.
    let mut stdout = std::io::stdout();
    for line in BufReader::new(response).lines() {
        let line = line?;
        let Some(data) = line.strip_prefix("data:").map(str::trim) else {
            continue;
        };
        if data == "[DONE]" {
            break;
        }
        writeln!(stdout, "{data}")?;
    }
    Ok(())
}

/// The environment variable `name`, or an error that names it.
fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set"))
}
