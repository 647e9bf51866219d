// npm install openai

import OpenAI from "openai";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new OpenAI({
    baseURL: "https://xyz.endpoints.huggingface.cloud/qwen-vl/v1",
    apiKey: process.env.HF_TOKEN,
    maxRetries: 0, // send once, as curl does (the SDK retries failures twice)
});

const completion = await client.chat.completions.create({
    model: "tgi",
    messages: [
        {
            role: "user",
            content: [
                {type: "text", text: "Describe this image in one sentence."},
                {
                    type: "image_url",
                    image_url: {
                        url: "https://cdn.britannica.com/61/93061-050-99147DCE/Statue-of-Liberty-Island-New-York-Bay.jpg",
                    },
                },
            ],
        },
    ],
    max_tokens: 500,
});
console.log(completion.choices[0].message.content);
