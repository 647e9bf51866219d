// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/llama/v1/chat/completions" });

for await (const chunk of client.chatCompletionStream({
    model: "tgi",
    messages: [
        {role: "user", content: "What is deep learning?"},
    ],
    max_tokens: 500,
})) {
    for (const choice of chunk.choices) {
        process.stdout.write(choice.delta?.content ?? "");
    }
}
process.stdout.write("\n");
