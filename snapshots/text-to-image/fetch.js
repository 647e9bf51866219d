import { writeFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const response = await fetch("https://xyz.endpoints.huggingface.cloud/sdxl", {
    method: "POST",
    headers: {
        Authorization: `Bearer ${process.env.HF_TOKEN}`,
        "Content-Type": "application/json",
    },
    body: JSON.stringify({
        inputs: "Astronaut riding a horse",
        parameters: {num_inference_steps: 25, guidance_scale: 7.5},
    }),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

writeFileSync("text-to-image.png", Buffer.from(await response.arrayBuffer()));
