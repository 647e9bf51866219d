// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { readFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN);
const data = new Blob([readFileSync("sample1.flac")], { type: "audio/flac" });

const result = await client.automaticSpeechRecognition({
    model: "openai/whisper-large-v3",
    data,
    provider: "hf-inference",
});
console.log(result);
