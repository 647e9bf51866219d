// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }
use std::io::{BufRead, BufReader};

const API_URL: &str = "https://xyz.endpoints.huggingface.cloud/llama/v1/chat/completions";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", std::env::var("HF_TOKEN")?))
        .header("Content-Type", "application/json")
        .body(r#"{
    "model": "tgi",
    "messages": [
        {"role": "user", "content": "What is deep learning?"}
    ],
    "max_tokens": 500,
    "stream": true
}"#)
        .send()?
        .error_for_status()?;
    // Each server-sent event is printed as it arrives.
    for line in BufReader::new(response).lines() {
        let line = line?;
        if let Some(data) = line.strip_prefix("data:") {
            let data = data.trim();
            if data == "[DONE]" {
                break;
            }
            println!("{data}");
        }
    }
    Ok(())
}
