// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";
import { readFileSync, writeFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/controlnet" });
const data = new Blob([readFileSync("cat.png")], { type: "image/png" });

const image = await client.imageToImage({ inputs: data });
writeFileSync("image-to-image.png", Buffer.from(await image.arrayBuffer()));
