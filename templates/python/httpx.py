{%- if parts.needs_base64 %}
import base64
{%- endif %}
{%- if parts.needs_json %}
import json
{%- endif %}
{%- if parts.needs_os %}
import os
{%- endif %}
{%- if parts.url_query_encode.is_some() %}
import re
{%- endif %}
{%- if parts.needs_quote_plus %}
from urllib.parse import quote_plus
{%- endif %}

import httpx
{%- if let Some(helper) = parts.url_query_encode %}


{{ helper }}
{%- endif %}
{%- if parts.url_query_encode.is_some() %}
{% endif %}

API_URL = {{ parts.url }}
{%- if !parts.headers.is_empty() %}
headers = {
{%- for (name, value) in parts.headers %}
    {{ name }}: {{ value }},
{%- endfor %}
}
{%- endif %}
{%- if let Some(json) = parts.body.json %}
payload = {{ json }}
{%- endif %}
{%- if let Some(text) = parts.body.text %}
content = {{ text }}.encode()
{%- endif %}
{%- if let Some((path, read)) = parts.body.file %}

with open({{ path }}, "rb") as f:
    content = {{ read }}
{%- endif %}
{%- if !parts.body.parts.is_empty() %}
files = [
{%- for part in parts.body.parts %}
    {{ part }},
{%- endfor %}
]
{%- endif %}

{{ call }}
{%- match parts.response %}
{%- when Response::ChatStream | Response::TokenStream | Response::EventStream %}
    response.raise_for_status()
    for line in response.iter_lines():
        if not line.startswith("data:"):
            continue
        data = line[len("data:"):].strip()
        if data == "[DONE]":
            break
{%- if parts.response == Response::ChatStream %}
        for choice in json.loads(data).get("choices", []):
            print(choice["delta"].get("content") or "", end="", flush=True)
print()
{%- else if parts.response == Response::TokenStream %}
        print(json.loads(data)["token"]["text"], end="", flush=True)
print()
{%- else %}
        print(data, flush=True)
{%- endif %}
{%- when Response::Bytes %}
response.raise_for_status()
{%- if let Some(output_file) = parts.output_file %}

with open({{ output_file }}, "wb") as f:
    f.write(response.content)
{%- endif %}
{%- when Response::Json %}
response.raise_for_status()
print(response.json())
{%- when Response::Text %}
response.raise_for_status()
print(response.text)
{%- endmatch %}
