// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { billTo: "my-org" });

const result = await client.textClassification({
    model: "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
    inputs: "I like you. I love you",
    provider: "hf-inference",
});
console.log(result);
