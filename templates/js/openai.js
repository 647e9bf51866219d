{%- if reads_file %}
import { readFileSync } from "node:fs";
{%- endif %}
import OpenAI from "openai";
{%- if !checks.is_empty() %}
{% endif %}
{%- for check in checks %}
{{ check }}
{%- endfor %}

const client = new OpenAI({
    baseURL: {{ base_url }},
    apiKey: {{ api_key }},
{%- if !headers.is_empty() %}
    defaultHeaders: {
{%- for (name, value) in headers %}
        {{ name }}: {{ value }},
{%- endfor %}
    },
{%- endif %}
    maxRetries: 0, // send once, as curl does (the SDK retries failures twice)
});

const {{ result }} = await client.{{ resource }}.create({{ body }});
{%- match output %}
{%- when Output::ChatContent %}
console.log({{ result }}.choices[0].message.content);
{%- when Output::ChatMessage %}
console.log({{ result }}.choices[0].message);
{%- when Output::ChatStream %}
for await (const chunk of {{ result }}) {
    for (const choice of chunk.choices) {
        process.stdout.write(choice.delta?.content ?? "");
    }
}
process.stdout.write("\n");
{%- when Output::Completion %}
console.log({{ result }}.choices[0].text);
{%- when Output::CompletionStream %}
for await (const chunk of {{ result }}) {
    for (const choice of chunk.choices) {
        process.stdout.write(choice.text);
    }
}
process.stdout.write("\n");
{%- when Output::Embeddings %}
for (const item of {{ result }}.data) {
    console.log(item.embedding);
}
{%- else %}
{%- endmatch %}
