// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/layoutlm" });
const data = new Blob([Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64")]);

const result = await client.documentQuestionAnswering({
    inputs: {image: data, question: "What is the invoice number?"},
    parameters: {top_k: 2},
});
console.log(result);
