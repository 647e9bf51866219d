// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { readFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/vilt-vqa" });
const data = new Blob([readFileSync("cat.png")]);

const result = await client.visualQuestionAnswering({
    inputs: {question: "How many cats are lying down?", image: data},
});
console.log(result);
