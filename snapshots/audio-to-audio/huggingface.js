// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { readFileSync, writeFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/sepformer" });
const data = new Blob([readFileSync("mixture.flac")], { type: "audio/flac" });

const output = await client.audioToAudio({ data });
for (const [index, item] of output.entries()) {
    writeFileSync(`audio-to-audio-${index}.flac`, Buffer.from(item.blob, "base64"));
}
