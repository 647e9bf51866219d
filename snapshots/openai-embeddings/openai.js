// npm install openai

import OpenAI from "openai";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new OpenAI({
    baseURL: "https://xyz.endpoints.huggingface.cloud/v1",
    apiKey: process.env.HF_TOKEN,
    maxRetries: 0, // send once, as curl does (the SDK retries failures twice)
});

const response = await client.embeddings.create({
    model: "BAAI/bge-small-en-v1.5",
    input: ["Today is a sunny day.", "I will get some ice cream."],
    encoding_format: "float",
});
for (const item of response.data) {
    console.log(item.embedding);
}
