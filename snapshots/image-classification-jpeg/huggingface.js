import { InferenceClient } from "@huggingface/inference";
import { readFileSync } from "node:fs";

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/vit-base" });
const data = new Blob([readFileSync("cats.jpg")], { type: "image/jpeg" });

const result = await client.imageClassification({ data });
console.log(result);
