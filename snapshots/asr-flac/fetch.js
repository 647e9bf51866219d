import { readFileSync } from "node:fs";

const response = await fetch("https://xyz.endpoints.huggingface.cloud/wav2vec-asr", {
    method: "POST",
    headers: {
        Authorization: "Bearer hf_***",
        "Content-Type": "audio/x-flac",
    },
    body: readFileSync("sample1.flac"),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.json());
