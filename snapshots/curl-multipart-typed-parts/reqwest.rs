// Cargo.toml: reqwest = { version = "0.13", features = ["blocking", "multipart"] }

use reqwest::blocking::multipart::{Form, Part};

const API_URL: &str = "https://xyz.hf.space/gradio_api/upload";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let form = Form::new()
        .part("meta", Part::text(r#"{"task": "upload"}"#).mime_str("application/json")?)
        .part("file", Part::bytes(std::fs::read("photo.png")?).file_name("photo.png").mime_str("image/png")?)
        .text("note", "plain");
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", env("HF_TOKEN")?))
        .multipart(form)
        .send()?
        .error_for_status()?;
    println!("{}", response.text()?);
    Ok(())
}

/// The environment variable `name`, or an error that names it.
fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set"))
}
