// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

const API_URL: &str = "https://xyz.endpoints.huggingface.cloud/settings";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .patch(API_URL)
        .basic_auth("admin", Some("s3cret!"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("User-Agent", "docs-bot/1.0")
        .header("Cookie", "session=abc; theme=dark")
        .body("replicas=2&scale_to_zero=true")
        .send()?
        .error_for_status()?;
    println!("{}", response.text()?);
    Ok(())
}
