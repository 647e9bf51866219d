import { readFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const response = await fetch("https://xyz.endpoints.huggingface.cloud/vilt-vqa", {
    method: "POST",
    headers: {
        Authorization: `Bearer ${process.env.HF_TOKEN}`,
        "Content-Type": "application/json",
    },
    body: JSON.stringify({
        inputs: {
            question: "How many cats are lying down?",
            image: readFileSync("cat.png").toString("base64"),
        },
    }),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.json());
