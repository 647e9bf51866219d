import { InferenceClient } from "@huggingface/inference";
{%- if !fs_imports.is_empty() %}
import { {{ fs_imports }} } from "node:fs";
{%- endif %}
{%- if !checks.is_empty() %}
{% endif %}
{%- for check in checks %}
{{ check }}
{%- endfor %}

const client = new InferenceClient({{ token }}{{ options }});
{%- if let Some((path, mime)) = call.file %}
{%- if let Some(mime) = mime %}
const data = new Blob([readFileSync({{ path }})], { type: {{ mime }} });
{%- else %}
const data = new Blob([readFileSync({{ path }})]);
{%- endif %}
{%- endif %}
{%- if let Some(base64) = call.base64 %}
const data = new Blob([Buffer.from({{ base64 }}, "base64")]);
{%- endif %}
{%- match call.output %}
{%- when Output::Print %}

const {{ call.result }} = await client.{{ call.method }}({{ call.args }});
console.log({{ call.result }});
{%- when Output::ChatContent %}

const {{ call.result }} = await client.{{ call.method }}({{ call.args }});
console.log({{ call.result }}.choices[0].message.content);
{%- when Output::ChatStream %}

for await (const chunk of client.{{ call.method }}({{ call.args }})) {
    for (const choice of chunk.choices) {
        process.stdout.write(choice.delta?.content ?? "");
    }
}
process.stdout.write("\n");
{%- when Output::SaveBytes %}

const {{ call.result }} = await client.{{ call.method }}({{ call.args }});
writeFileSync({{ output_file }}, Buffer.from(await {{ call.result }}.arrayBuffer()));
{%- when Output::SaveAudios %}

const {{ call.result }} = await client.{{ call.method }}({{ call.args }});
for (const [index, item] of {{ call.result }}.entries()) {
    writeFileSync({{ output_files }}, Buffer.from(item.blob, "base64"));
}
{%- else %}
{%- endmatch %}
