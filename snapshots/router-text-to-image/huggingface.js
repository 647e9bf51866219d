// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { writeFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN);

const image = await client.textToImage({
    model: "black-forest-labs/FLUX.1-schnell",
    inputs: "Astronaut riding a horse",
    parameters: {num_inference_steps: 4},
    provider: "hf-inference",
});
writeFileSync("text-to-image.png", Buffer.from(await image.arrayBuffer()));
