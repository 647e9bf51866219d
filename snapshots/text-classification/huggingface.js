import { InferenceClient } from "@huggingface/inference";

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment" });

const result = await client.textClassification({
    inputs: "Deploying my first endpoint was an amazing experience.",
});
console.log(result);
