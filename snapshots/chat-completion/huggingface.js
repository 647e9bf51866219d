// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/llama/v1/chat/completions" });

const completion = await client.chatCompletion({
    model: "tgi",
    messages: [
        {role: "system", content: "You are a helpful assistant."},
        {role: "user", content: "What is deep learning?"},
    ],
    max_tokens: 500,
    temperature: 0.2,
});
console.log(completion.choices[0].message.content);
