{%- if needs_base64 %}
import base64
{%- endif %}
{%- if needs_json %}
import json
{%- endif %}
{%- if needs_os %}
import os
{%- endif %}
{%- if needs_base64 || needs_json || needs_os %}
{% endif %}
from openai import OpenAI

client = OpenAI(
    base_url={{ base_url }},
    api_key={{ api_key }},
{%- if !headers.is_empty() %}
    default_headers={
{%- for (name, value) in headers %}
        {{ name }}: {{ value }},
{%- endfor %}
    },
{%- endif %}
{%- if let Some(timeout) = timeout %}
    timeout={{ timeout }},
{%- endif %}
    max_retries=0,  # send once, as curl does (the SDK retries failures twice)
)

{{ result }} = client.{{ resource }}.create(
{%- for arg in args %}
    {{ arg }},
{%- endfor %}
)
{%- match output %}
{%- when Output::ChatContent %}
print({{ result }}.choices[0].message.content)
{%- when Output::ChatMessage %}
print({{ result }}.choices[0].message)
{%- when Output::ChatStream %}
for chunk in {{ result }}:
    for choice in chunk.choices:
        print(choice.delta.content or "", end="", flush=True)
print()
{%- when Output::Completion %}
print({{ result }}.choices[0].text)
{%- when Output::CompletionStream %}
for chunk in {{ result }}:
    for choice in chunk.choices:
        print(choice.text, end="", flush=True)
print()
{%- when Output::Embeddings %}
for item in {{ result }}.data:
    print(item.embedding)
{%- else %}
{%- endmatch %}
