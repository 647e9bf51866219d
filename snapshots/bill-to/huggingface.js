// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment", billTo: "my-org" });

const result = await client.textClassification({
    inputs: "Billed to my organisation",
});
console.log(result);
