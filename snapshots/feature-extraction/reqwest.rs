// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

const API_URL: &str = "https://xyz.endpoints.huggingface.cloud/bge-small";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", std::env::var("HF_TOKEN")?))
        .header("Content-Type", "application/json")
        .body(r#"{
    "inputs": "Today is a sunny day and I will get some ice cream.",
    "normalize": true
}"#)
        .send()?
        .error_for_status()?;
    println!("{}", response.text()?);
    Ok(())
}
