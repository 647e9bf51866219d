// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { writeFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/instruct-pix2pix" });
const data = new Blob([Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64")]);

const image = await client.imageToImage({
    inputs: data,
    parameters: {
        prompt: "Turn the cat into a tiger",
        num_inference_steps: 20,
    },
});
writeFileSync("image-to-image.png", Buffer.from(await image.arrayBuffer()));
