// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

const API_URL: &str = "https://xyz.endpoints.huggingface.cloud/vit-base";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", std::env::var("HF_TOKEN")?))
        .header("Content-Type", "image/jpeg")
        .body(std::fs::read("cats.jpg")?)
        .send()?
        .error_for_status()?;
    println!("{}", response.text()?);
    Ok(())
}
