// Hugging Face's own snippets for each case read on standard input (a JSON list of
// {name, id, pipeline_tag, tags, provider, providerId, task, options}, the options
// being getInferenceSnippets' own: billTo, streaming): a JSON object on
// standard output, {name: {"huggingface_hub", "huggingface.js", "curl"}}, each the
// snippet's text or null when their generator writes none for that client.
import { snippets } from "@huggingface/inference";

const WANTED = ["huggingface_hub", "huggingface.js", "curl"];

let input = "";
for await (const chunk of process.stdin) input += chunk;
const report = {};
for (const c of JSON.parse(input)) {
  const model = { id: c.id, pipeline_tag: c.pipeline_tag, tags: c.tags, inference: "" };
  const mapping = {
    provider: c.provider,
    hfModelId: c.id,
    providerId: c.providerId,
    status: "live",
    task: c.task,
  };
  const written = snippets.getInferenceSnippets(model, c.provider, mapping, c.options);
  report[c.name] = Object.fromEntries(
    WANTED.map((client) => [client, written.find((s) => s.client === client)?.content ?? null]),
  );
}
console.log(JSON.stringify(report));
