{%- if needs_base64 %}
import base64
{%- endif %}
{%- if needs_json %}
import json
{%- endif %}
{%- if needs_os %}
import os
{%- endif %}
{%- if url_query_encode.is_some() %}
import re
{%- endif %}
{%- if needs_quote_plus %}
from urllib.parse import quote_plus
{%- endif %}

import requests
{%- if let Some(helper) = url_query_encode %}


{{ helper }}
{%- endif %}
{%- if url_query_encode.is_some() %}
{% endif %}

API_URL = {{ url }}
{%- if !headers.is_empty() %}
headers = {
{%- for (name, value) in headers %}
    {{ name }}: {{ value }},
{%- endfor %}
}
{%- endif %}
{%- if let Some(json) = body.json %}
payload = {{ json }}
{%- endif %}
{%- if let Some(text) = body.text %}
data = {{ text }}.encode()
{%- endif %}
{%- if let Some((path, read)) = body.file %}

with open({{ path }}, "rb") as f:
    data = {{ read }}
{%- endif %}
{%- if !body.parts.is_empty() %}
files = [
{%- for part in body.parts %}
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
{%- if let Some(output_file) = output_file %}

with open({{ output_file }}, "wb") as f:
    f.write(response.content)
{%- endif %}
{%- when Response::Json %}
print(response.json())
{%- when Response::Text %}
print(response.text)
{%- endmatch %}
