// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/roberta-squad" });

const result = await client.questionAnswering({
    inputs: {
        question: "What is my name?",
        context: "My name is Clara and I live in Berkeley.",
    },
});
console.log(result);
