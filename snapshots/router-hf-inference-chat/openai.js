// npm install openai

import OpenAI from "openai";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new OpenAI({
    baseURL: "https://router.huggingface.co/hf-inference/models/HuggingFaceTB/SmolLM3-3B/v1",
    apiKey: process.env.HF_TOKEN,
    maxRetries: 0, // send once, as curl does (the SDK retries failures twice)
});

const stream = await client.chat.completions.create({
    model: "HuggingFaceTB/SmolLM3-3B",
    messages: [
        {role: "user", content: "Tell me a story"},
    ],
    stream: true,
});
for await (const chunk of stream) {
    for (const choice of chunk.choices) {
        process.stdout.write(choice.delta?.content ?? "");
    }
}
process.stdout.write("\n");
