// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { writeFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/kokoro" });

const audio = await client.textToSpeech({
    inputs: "The answer to the universe is 42",
    parameters: {do_sample: true, speaker: "af_heart"},
});
writeFileSync("text-to-speech.flac", Buffer.from(await audio.arrayBuffer()));
