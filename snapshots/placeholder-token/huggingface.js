// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

const client = new InferenceClient("hf_***", { endpointUrl: "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment" });

const result = await client.textClassification({
    inputs: "I like you. I love you",
});
console.log(result);
