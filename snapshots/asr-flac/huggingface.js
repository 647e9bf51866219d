// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { readFileSync } from "node:fs";

const client = new InferenceClient("hf_***", { endpointUrl: "https://xyz.endpoints.huggingface.cloud/wav2vec-asr" });
const data = new Blob([readFileSync("sample1.flac")], { type: "audio/x-flac" });

const result = await client.automaticSpeechRecognition({ data });
console.log(result);
