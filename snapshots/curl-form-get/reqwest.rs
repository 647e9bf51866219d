// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

const API_URL: &str = "https://huggingface.co/api/models?search=bert+base&limit=5";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .get(API_URL)
        .send()?
        .error_for_status()?;
    println!("{}", response.text()?);
    Ok(())
}
