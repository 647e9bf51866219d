// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { readFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/layoutlm" });
const data = new Blob([readFileSync("invoice.png")]);

const result = await client.documentQuestionAnswering({
    inputs: {question: "What is the invoice number?", image: data},
    parameters: {top_k: 2},
});
console.log(result);
