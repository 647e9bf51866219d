// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/qwen-vl/v1/chat/completions" });

const completion = await client.chatCompletion({
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
