// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/fish-weight" });

const result = await client.tabularRegression({
    inputs: {
        data: {
            Height: ["11.52", "12.48"],
            Length1: ["23.2", "24"],
            Width: ["4.02", "4.3056"],
        },
    },
});
console.log(result);
