{%- if !form.is_empty() %}
use reqwest::blocking::multipart::{Form, Part};
{%- endif %}
{%- if response.streams() %}
use std::io::{BufRead, BufReader, Write};
{%- endif %}

{%- if url_is_const %}

const API_URL: &str = {{ url }};
{%- endif %}

fn main() -> Result<(), Box<dyn std::error::Error>> {
{%- if !url_is_const %}
    let api_url = {{ url }};
{%- endif %}
{%- if !form.is_empty() %}
    let form = Form::new()
{%- for call in form %}
        {{ call }}
{%- endfor %};
{%- endif %}
{%- if builder.is_empty() %}
    let response = reqwest::blocking::Client::new()
{%- else %}
    let response = reqwest::blocking::Client::builder()
{%- for call in builder %}
        .{{ call }}
{%- endfor %}
        .build()?
{%- endif %}
        .{{ call }}
{%- if let Some((user, password)) = basic_auth %}
        .basic_auth({{ user }}, Some({{ password }}))
{%- endif %}
{%- for (name, value) in headers %}
        .header({{ name }}, {{ value }})
{%- endfor %}
{%- if let Some(body) = body %}
        .body({{ body }})
{%- endif %}
{%- if !form.is_empty() %}
        .multipart(form)
{%- endif %}
        .send()?
        .error_for_status()?;
{%- match response %}
{%- when Response::ChatStream | Response::TokenStream | Response::EventStream %}
    // Server-sent events: each `data:` line is printed as it arrives.
    let mut stdout = std::io::stdout();
    for line in BufReader::new(response).lines() {
        let line = line?;
        let Some(data) = line.strip_prefix("data:").map(str::trim) else {
            continue;
        };
        if data == "[DONE]" {
            break;
        }
{%- if response == Response::ChatStream %}
        let chunk: serde_json::Value = serde_json::from_str(data)?;
        for choice in chunk["choices"].as_array().into_iter().flatten() {
            write!(stdout, "{}", choice["delta"]["content"].as_str().unwrap_or(""))?;
        }
        stdout.flush()?;
{%- else if response == Response::TokenStream %}
        let chunk: serde_json::Value = serde_json::from_str(data)?;
        write!(stdout, "{}", chunk["token"]["text"].as_str().unwrap_or(""))?;
        stdout.flush()?;
{%- else %}
        writeln!(stdout, "{data}")?;
{%- endif %}
    }
{%- if response != Response::EventStream %}
    writeln!(stdout)?;
{%- endif %}
{%- when Response::Bytes %}
{%- if let Some(output_file) = output_file %}
    std::fs::write({{ output_file }}, response.bytes()?)?;
{%- endif %}
{%- when Response::Json | Response::Text %}
    println!("{}", response.text()?);
{%- endmatch %}
    Ok(())
}
{%- for helper in env_helpers %}

{{ helper }}
{%- endfor %}
