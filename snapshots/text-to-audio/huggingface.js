// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { writeFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/musicgen" });

const audio = await client.textToAudio({
    inputs: "liquid drum and bass, atmospheric synths, airy sounds",
});
writeFileSync("text-to-audio.flac", Buffer.from(await audio.arrayBuffer()));
