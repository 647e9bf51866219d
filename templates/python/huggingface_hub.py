{%- if needs_base64 %}
import base64
{%- endif %}
{%- if needs_os %}
import os
{%- endif %}
{%- if needs_base64 || needs_os %}
{% endif %}
from huggingface_hub import InferenceClient

client = InferenceClient(
{%- if let Some(url) = url %}
    {{ url }},
    token={{ token }},
{%- else %}
{%- if let Some(provider) = provider %}
    provider={{ provider }},
{%- endif %}
    api_key={{ token }},
{%- endif %}
{%- if let Some(bill_to) = bill_to %}
    bill_to={{ bill_to }},
{%- endif %}
{%- if !headers.is_empty() %}
    headers={
{%- for (name, value) in headers %}
        {{ name }}: {{ value }},
{%- endfor %}
    },
{%- endif %}
{%- if let Some(timeout) = timeout %}
    timeout={{ timeout }},
{%- endif %}
)

{% if call.args.len() == 1 -%}
{{ call.result }} = client.{{ call.method }}({{ call.args[0] }})
{%- else -%}
{{ call.result }} = client.{{ call.method }}(
{%- for arg in call.args %}
    {{ arg }},
{%- endfor %}
)
{%- endif %}
{%- match call.output %}
{%- when Output::Print %}
print({{ call.result }})
{%- when Output::ChatContent %}
print({{ call.result }}.choices[0].message.content)
{%- when Output::ChatStream %}
for chunk in {{ call.result }}:
    for choice in chunk.choices:
        print(choice.delta.content or "", end="", flush=True)
print()
{%- when Output::TokenStream %}
for token in {{ call.result }}:
    print(token, end="", flush=True)
print()
{%- when Output::SaveImage %}
{{ call.result }}.save({{ output_file }})
{%- when Output::SaveBytes %}
with open({{ output_file }}, "wb") as f:
    f.write({{ call.result }})
{%- when Output::SaveAudios %}
for index, item in enumerate({{ call.result }}):
    with open({{ output_files }}, "wb") as f:
        f.write(item.blob)
{%- else %}
{%- endmatch %}
