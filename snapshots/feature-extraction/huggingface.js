// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/bge-small" });

const result = await client.featureExtraction({
    inputs: "Today is a sunny day and I will get some ice cream.",
    normalize: true,
});
console.log(result);
