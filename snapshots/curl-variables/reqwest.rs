// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let api_url = format!("{}/v1/chat/completions", env("ENDPOINT_URL")?);
    let response = reqwest::blocking::Client::new()
        .post(&api_url)
        .header("Authorization", format!("Bearer {}", env("HF_TOKEN")?))
        .header("Content-Type", "application/json")
        .header("x-api-key", env("API_KEY")?)
        .body(format!("{{\n    \"model\": \"{}\",\n    \"messages\": [\n        {{\"role\": \"user\", \"content\": \"{}\"}}\n    ],\n    \"max_tokens\": {}\n}}", env_or("MODEL", "tgi"), env("PROMPT")?, env("MAX_TOKENS")?))
        .send()?
        .error_for_status()?;
    println!("{}", response.text()?);
    Ok(())
}

/// The environment variable `name`, or an error that names it.
fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set"))
}

/// The environment variable `name`, or `default` when it is unset or empty.
fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|value| !value.is_empty())
        .unwrap_or_else(|| default.to_owned())
}
