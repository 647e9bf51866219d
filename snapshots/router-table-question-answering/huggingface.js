// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN);

const result = await client.tableQuestionAnswering({
    model: "google/tapas-base-finetuned-wtq",
    inputs: {
        query: "How many stars does the transformers repository have?",
        table: {
            Repository: ["Transformers", "Datasets", "Tokenizers"],
            Stars: ["36542", "4512", "3934"],
        },
    },
    parameters: {truncation: true},
    provider: "hf-inference",
});
console.log(result);
