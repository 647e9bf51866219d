// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN);

const result = await client.featureExtraction({
    model: "intfloat/multilingual-e5-large",
    inputs: "Today is a sunny day and I will get some ice cream.",
    provider: "hf-inference",
});
console.log(result);
