// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }, serde_json = "1"

use std::io::{BufRead, BufReader, Write};

const API_URL: &str = "https://router.huggingface.co/hf-inference/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", env("HF_TOKEN")?))
        .header("Content-Type", "application/json")
        .body(r#"{
    "model": "HuggingFaceTB/SmolLM3-3B",
    "messages": [
        {"role": "user", "content": "Tell me a story"}
    ],
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
        let chunk: serde_json::Value = serde_json::from_str(data)?;
        for choice in chunk["choices"].as_array().into_iter().flatten() {
            write!(stdout, "{}", choice["delta"]["content"].as_str().unwrap_or(""))?;
        }
        stdout.flush()?;
    }
    writeln!(stdout)?;
    Ok(())
}

/// The environment variable `name`, or an error that names it.
fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set"))
}
