// npm install openai

import OpenAI from "openai";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new OpenAI({
    baseURL: "https://router.huggingface.co/v1",
    apiKey: process.env.HF_TOKEN,
    maxRetries: 0, // send once, as curl does (the SDK retries failures twice)
});

const completion = await client.chat.completions.create({
    model: "meta-llama/Llama-3.1-8B-Instruct:novita",
    messages: [
        {role: "user", content: "What is the capital of France?"},
    ],
    max_tokens: 512,
});
console.log(completion.choices[0].message.content);
