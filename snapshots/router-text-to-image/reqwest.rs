// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

const API_URL: &str = "https://router.huggingface.co/hf-inference/models/black-forest-labs/FLUX.1-schnell";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", env("HF_TOKEN")?))
        .header("Content-Type", "application/json")
        .body(r#"{
    "inputs": "Astronaut riding a horse",
    "parameters": {"num_inference_steps": 4}
}"#)
        .send()?
        .error_for_status()?;
    std::fs::write("text-to-image.png", response.bytes()?)?;
    Ok(())
}

/// The environment variable `name`, or an error that names it.
fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set"))
}
