// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

const API_URL: &str = "https://router.huggingface.co/hf-inference/models/google/tapas-base-finetuned-wtq";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", env("HF_TOKEN")?))
        .header("Content-Type", "application/json")
        .body(r#"{
    "inputs": {
        "query": "How many stars does the transformers repository have?",
        "table": {
            "Repository": ["Transformers", "Datasets", "Tokenizers"],
            "Stars": ["36542", "4512", "3934"]
        }
    },
    "parameters": {"truncation": true}
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
