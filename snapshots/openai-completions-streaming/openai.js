// npm install openai

import OpenAI from "openai";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new OpenAI({
    baseURL: "https://xyz.endpoints.huggingface.cloud/v1",
    apiKey: process.env.HF_TOKEN,
    maxRetries: 0, // send once, as curl does (the SDK retries failures twice)
});

const stream = await client.completions.create({
    model: "tgi",
    prompt: "The answer to the universe is",
    max_tokens: 32,
    stream: true,
});
for await (const chunk of stream) {
    for (const choice of chunk.choices) {
        process.stdout.write(choice.text);
    }
}
process.stdout.write("\n");
