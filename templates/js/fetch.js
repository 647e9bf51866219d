{%- if !written_form.is_empty() %}
import { randomUUID } from "node:crypto";
{%- endif %}
{%- if reads_file %}
import { readFileSync } from "node:fs";
{%- endif %}
{%- if reads_home %}
import { homedir } from "node:os";
{%- endif %}
{%- if response == Response::Bytes %}
import { writeFileSync } from "node:fs";
{%- endif %}
{%- if reads_file || reads_home || !written_form.is_empty() || response == Response::Bytes %}
{% endif %}
{%- for check in checks %}
{{ check }}
{%- endfor %}
{%- if !checks.is_empty() %}
{% endif %}
{%- if insecure %}
// Like curl --insecure: TLS certificates are not checked.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
{% endif %}
{%- if !form.is_empty() %}
const form = new FormData();
{%- for args in form %}
form.append({{ args }});
{%- endfor %}
{% endif %}
{%- if !written_form.is_empty() %}
const boundary = randomUUID();
const form = multipart(boundary, [
{%- for part in written_form %}
    {{ part }},
{%- endfor %}
]);
{% endif %}
const response = await fetch({{ url }}, {
    method: {{ method }},
{%- if !headers.is_empty() %}
    headers: {
{%- for (name, value) in headers %}
        {{ name }}: {{ value }},
{%- endfor %}
    },
{%- endif %}
{%- if let Some(body) = body %}
    body: {{ body }},
{%- endif %}
{%- if let Some(signal) = signal %}
    signal: {{ signal }},
{%- endif %}
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}
{%- match response %}
{%- when Response::ChatStream | Response::TokenStream | Response::EventStream %}

const decoder = new TextDecoder();
let buffered = "";
for await (const bytes of response.body) {
    buffered += decoder.decode(bytes, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop();
    for (const line of lines) {
        if (!line.startsWith("data:")) continue;
        const data = line.slice("data:".length).trim();
        if (data === "[DONE]") continue;
{%- if response == Response::ChatStream %}
        for (const choice of JSON.parse(data).choices ?? []) {
            process.stdout.write(choice.delta?.content ?? "");
        }
{%- else if response == Response::TokenStream %}
        process.stdout.write(JSON.parse(data).token.text);
{%- else %}
        console.log(data);
{%- endif %}
    }
}
{%- if response != Response::EventStream %}
process.stdout.write("\n");
{%- endif %}
{%- when Response::Bytes %}
{%- if let Some(output_file) = output_file %}

writeFileSync({{ output_file }}, Buffer.from(await response.arrayBuffer()));
{%- endif %}
{%- when Response::Json %}

console.log(await response.json());
{%- when Response::Text %}

console.log(await response.text());
{%- endmatch %}
{%- for helper in helpers %}

{{ helper }}
{%- endfor %}
