// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

const API_URL: &str = "https://x.cloud/form";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(std::fs::read("form.txt")?
            .into_iter()
            .filter(|byte| !matches!(byte, b'\r' | b'\n'))
            .collect::<Vec<u8>>())
        .send()?
        .error_for_status()?;
    println!("{}", response.text()?);
    Ok(())
}
