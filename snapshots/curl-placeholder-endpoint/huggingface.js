// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://<endpoint-url>/v1/chat/completions" });

const completion = await client.chatCompletion({
    model: "tgi",
    messages: [
        {role: "user", content: "Hello"},
    ],
});
console.log(completion.choices[0].message.content);
