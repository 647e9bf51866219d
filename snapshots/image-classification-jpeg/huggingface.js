// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { readFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/vit-base" });
const data = new Blob([readFileSync("cats.jpg")], { type: "image/jpeg" });

const result = await client.imageClassification({ data });
console.log(result);
