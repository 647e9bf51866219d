// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

const API_URL: &str = "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment?lang=en&q=a%20b";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", env("HF_TOKEN")?))
        .header("Content-Type", "application/json")
        .body(r#"{
    "inputs": "It's \"quoted\" \\ back\\slash $(touch /tmp/pwned) `id` ${HOME} !event\nnew line\r\ttab \u0000 nul \u007f 🤗 中文 \u202eevil\u2028 </script> {braces} %s"
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
