// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/bart-mnli" });

const result = await client.zeroShotClassification({
    inputs: "Hi, I recently bought a device from your company but it is not working as advertised and I would like to get reimbursed!",
    parameters: {
        candidate_labels: ["refund", "legal", "faq"],
    },
});
console.log(result);
