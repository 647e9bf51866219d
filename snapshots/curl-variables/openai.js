// npm install openai

import OpenAI from "openai";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");
if (process.env.ENDPOINT_URL === undefined) throw new Error("ENDPOINT_URL is not set");
if (process.env.API_KEY === undefined) throw new Error("API_KEY is not set");
if (process.env.PROMPT === undefined) throw new Error("PROMPT is not set");
if (process.env.MAX_TOKENS === undefined) throw new Error("MAX_TOKENS is not set");

const client = new OpenAI({
    baseURL: `${process.env.ENDPOINT_URL}/v1`,
    apiKey: process.env.HF_TOKEN,
    defaultHeaders: {
        "x-api-key": process.env.API_KEY,
    },
    maxRetries: 0, // send once, as curl does (the SDK retries failures twice)
});

const completion = await client.chat.completions.create({
    model: (process.env.MODEL || "tgi"),
    messages: [
        {role: "user", content: process.env.PROMPT},
    ],
    max_tokens: JSON.parse(process.env.MAX_TOKENS),
});
console.log(completion.choices[0].message.content);
