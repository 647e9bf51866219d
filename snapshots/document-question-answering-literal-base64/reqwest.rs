// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

const API_URL: &str = "https://xyz.endpoints.huggingface.cloud/layoutlm";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", env("HF_TOKEN")?))
        .header("Content-Type", "application/json")
        .body(r#"{
    "inputs": {
        "image": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "question": "What is the invoice number?"
    },
    "parameters": {"top_k": 2}
}"#)
        .send()?
        .error_for_status()?;
    println!("{}", response.text()?);
    Ok(())
}

/// The environment variable `name`, or an error that names it.
fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set"))
}
