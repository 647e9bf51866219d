// Cargo.toml: reqwest = { version = "0.13", features = ["blocking", "multipart"] }

use reqwest::blocking::multipart::{Form, Part};

const API_URL: &str = "https://microsoft-trellis-2.hf.space/gradio_api/upload";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let form = Form::new()
        .part("files", Part::bytes(std::fs::read("chair.png")?).file_name("chair.png").mime_str("image/png")?)
        .part("audio", Part::bytes(std::fs::read("takes; two.flac")?).file_name("take2.flac").mime_str("audio/x-flac")?)
        .text("note", "@not a file; it's text");
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
