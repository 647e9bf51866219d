// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }, serde_json = "1"

use std::io::{BufRead, BufReader, Write};

const API_URL: &str = "https://router.huggingface.co/v1/chat/completions";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", "Bearer hf_***")
        .header("Content-Type", "application/json")
        .header("accept", "*/*")
        .body(r#"{
    "model": "openai/gpt-oss-120b:groq",
    "messages": [
        {"role": "user", "content": "Say \"hi\" & wave"}
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
