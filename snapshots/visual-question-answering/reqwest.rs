// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

const API_URL: &str = "https://xyz.endpoints.huggingface.cloud/vilt-vqa";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", env("HF_TOKEN")?))
        .header("Content-Type", "application/json")
        .body(format!("{{\n    \"inputs\": {{\n        \"question\": \"How many cats are lying down?\",\n        \"image\": \"{}\"\n    }}\n}}", base64_file("cat.png")?))
        .send()?
        .error_for_status()?;
    println!("{}", response.text()?);
    Ok(())
}

/// The environment variable `name`, or an error that names it.
fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set"))
}

/// The bytes of the file at `path` in standard padded base64.
fn base64_file(path: &str) -> std::io::Result<String> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = std::fs::read(path)?;
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let mut group = 0u32;
        for (index, byte) in chunk.iter().enumerate() {
            group |= u32::from(*byte) << (16 - 8 * index);
        }
        for index in 0..4 {
            if index <= chunk.len() {
                out.push(char::from(ALPHABET[((group >> (18 - 6 * index)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    Ok(out)
}
