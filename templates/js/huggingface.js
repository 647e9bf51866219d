import { InferenceClient } from "@huggingface/inference";
{%- if call.file.is_some() %}
import { readFileSync } from "node:fs";
{%- endif %}
{%- if call.output == Output::SaveImage %}
import { writeFileSync } from "node:fs";
{%- endif %}
{%- if !checks.is_empty() %}
{% endif %}
{%- for check in checks %}
{{ check }}
{%- endfor %}

const client = new InferenceClient({{ token }}, {{ options }});
{%- if let Some((path, mime)) = call.file %}
{%- if let Some(mime) = mime %}
const data = new Blob([readFileSync({{ path }})], { type: {{ mime }} });
{%- else %}
const data = new Blob([readFileSync({{ path }})]);
{%- endif %}
{%- endif %}
{%- match call.output %}
{%- when Output::Print %}

const result = await client.{{ call.method }}({{ call.args }});
console.log(result);
{%- when Output::ChatMessage %}

const completion = await client.{{ call.method }}({{ call.args }});
console.log(completion.choices[0].message.content);
{%- when Output::ChatStream %}

for await (const chunk of client.{{ call.method }}({{ call.args }})) {
    for (const choice of chunk.choices) {
        process.stdout.write(choice.delta?.content ?? "");
    }
}
process.stdout.write("\n");
{%- when Output::SaveImage %}

const image = await client.{{ call.method }}({{ call.args }});
writeFileSync({{ output_file }}, Buffer.from(await image.arrayBuffer()));
{%- endmatch %}
