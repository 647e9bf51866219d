import { InferenceClient } from "@huggingface/inference";
{%- if file.is_some() %}
import { readFileSync } from "node:fs";
{%- endif %}
{%- if output == Output::SaveImage %}
import { writeFileSync } from "node:fs";
{%- endif %}

const client = new InferenceClient({{ token }}, { endpointUrl: {{ url }} });
{%- if let Some((path, mime)) = file %}
const data = new Blob([readFileSync({{ path }})], { type: {{ mime }} });
{%- endif %}
{%- match output %}
{%- when Output::Print %}

const result = await client.{{ method }}({{ args }});
console.log(result);
{%- when Output::ChatMessage %}

const completion = await client.{{ method }}({{ args }});
console.log(completion.choices[0].message.content);
{%- when Output::ChatStream %}

for await (const chunk of client.{{ method }}({{ args }})) {
    for (const choice of chunk.choices) {
        process.stdout.write(choice.delta?.content ?? "");
    }
}
process.stdout.write("\n");
{%- when Output::SaveImage %}

const image = await client.{{ method }}({{ args }});
writeFileSync({{ output_file }}, Buffer.from(await image.arrayBuffer()));
{%- endmatch %}
