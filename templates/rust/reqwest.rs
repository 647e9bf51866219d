// Cargo.toml: reqwest = { version = "0.13", features = ["blocking"] }
{%- if response.streams() %}
use std::io::{BufRead, BufReader};
{%- endif %}

const API_URL: &str = {{ url }};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response = reqwest::blocking::Client::new()
        .{{ call }}
{%- if let Some(token) = token %}
        .header("Authorization", {{ token }})
{%- endif %}
{%- for (name, value) in headers %}
        .header({{ name }}, {{ value }})
{%- endfor %}
{%- if let Some(body) = body %}
        .body({{ body }})
{%- endif %}
        .send()?
        .error_for_status()?;
{%- match response %}
{%- when Response::ChatStream | Response::TokenStream | Response::EventStream %}
    // Each server-sent event is printed as it arrives.
    for line in BufReader::new(response).lines() {
        let line = line?;
        if let Some(data) = line.strip_prefix("data:") {
            let data = data.trim();
            if data == "[DONE]" {
                break;
            }
            println!("{data}");
        }
    }
{%- when Response::Bytes %}
    std::fs::write({{ output_file }}, response.bytes()?)?;
{%- when Response::Json | Response::Text %}
    println!("{}", response.text()?);
{%- endmatch %}
    Ok(())
}
