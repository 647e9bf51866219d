// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN);

for await (const chunk of client.chatCompletionStream({
    model: "HuggingFaceTB/SmolLM3-3B",
    messages: [
        {role: "user", content: "Tell me a story"},
    ],
    provider: "hf-inference",
})) {
    for (const choice of chunk.choices) {
        process.stdout.write(choice.delta?.content ?? "");
    }
}
process.stdout.write("\n");
