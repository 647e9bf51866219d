{%- if needs_json %}
import json
{%- endif %}
{%- if needs_os %}
import os
{%- endif %}
{%- if needs_quote_plus %}
from urllib.parse import quote_plus
{%- endif %}

import requests

API_URL = {{ url }}
{%- if !headers.is_empty() %}
headers = {
{%- for (name, value) in headers %}
    {{ name }}: {{ value }},
{%- endfor %}
}
{%- endif %}
{%- if let Some(json) = json %}
payload = {{ json }}
{%- endif %}
{%- if let Some(text) = text %}
data = {{ text }}.encode()
{%- endif %}
{%- if let Some(file) = file %}

with open({{ file }}, "rb") as f:
{%- if strip_line_breaks %}
    data = f.read().replace(b"\r", b"").replace(b"\n", b"")
{%- else if trim_trailing_newlines %}
    data = f.read().rstrip(b"\n")
{%- else %}
    data = f.read()
{%- endif %}
{%- endif %}
{%- if !parts.is_empty() %}
files = [
{%- for part in parts %}
    {{ part }},
{%- endfor %}
]
{%- endif %}

{% if one_line -%}
response = requests.{{ function }}(
{%- for arg in args %}{% if !loop.first %}, {% endif %}{{ arg }}{% endfor -%}
)
{%- else -%}
response = requests.{{ function }}(
{%- for arg in args %}
    {{ arg }},
{%- endfor %}
)
{%- endif %}
response.raise_for_status()
{%- match response %}
{%- when Response::ChatStream | Response::TokenStream | Response::EventStream %}
for line in response.iter_lines():
    if not line.startswith(b"data:"):
        continue
    data = line[len(b"data:"):].strip()
    if data == b"[DONE]":
        break
{%- if response == Response::ChatStream %}
    for choice in json.loads(data).get("choices", []):
        print(choice["delta"].get("content") or "", end="", flush=True)
print()
{%- else if response == Response::TokenStream %}
    print(json.loads(data)["token"]["text"], end="", flush=True)
print()
{%- else %}
    print(data.decode(), flush=True)
{%- endif %}
{%- when Response::Bytes %}

with open({{ output_file }}, "wb") as f:
    f.write(response.content)
{%- when Response::Json %}
print(response.json())
{%- when Response::Text %}
print(response.text)
{%- endmatch %}
