// npm install openai

import OpenAI from "openai";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new OpenAI({
    baseURL: "https://<endpoint-url>/v1",
    apiKey: process.env.HF_TOKEN,
    maxRetries: 0, // send once, as curl does (the SDK retries failures twice)
});

const completion = await client.chat.completions.create({
    model: "tgi",
    messages: [
        {role: "user", content: "Hello"},
    ],
});
console.log(completion.choices[0].message.content);
