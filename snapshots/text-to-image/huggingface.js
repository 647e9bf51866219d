// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { writeFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/sdxl" });

const image = await client.textToImage({
    inputs: "Astronaut riding a horse",
    parameters: {num_inference_steps: 25, guidance_scale: 7.5},
});
writeFileSync("text-to-image.png", Buffer.from(await image.arrayBuffer()));
