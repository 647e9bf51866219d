import { InferenceClient } from "@huggingface/inference";

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/bge-small" });

const result = await client.featureExtraction({
    inputs: "Today is a sunny day and I will get some ice cream.",
    normalize: true,
});
console.log(result);
