// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/wine-quality" });

const result = await client.tabularClassification({
    inputs: {
        data: {
            fixed_acidity: ["7.4", "7.8"],
            volatile_acidity: ["0.7", "0.88"],
            alcohol: ["9.4", "9.8"],
        },
    },
});
console.log(result);
