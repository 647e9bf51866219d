// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }

const API_URL: &str = "https://xyz.endpoints.huggingface.cloud/custom";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .post(API_URL)
        .header("Authorization", format!("Bearer {}", env("HF_TOKEN")?))
        .header("Content-Type", "application/json")
        .body(r#"{
    "__proto__": {"polluted": true},
    "it's": "a'b",
    "\"dq\"": null,
    "big": 12345678901234567890,
    "small": -9007199254740993,
    "float": 1.5e-10,
    "nested": {
        "list": [
            1,
            [
                2,
                [
                    3,
                    {}
                ]
            ],
            [],
            "x"
        ]
    },
    "emoji 🤗": "中文"
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
