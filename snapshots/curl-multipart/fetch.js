import { readFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const form = new FormData();
form.append("files", new Blob([readFileSync("chair.png")], { type: "image/png" }), "chair.png");
form.append("audio", new Blob([readFileSync("takes; two.flac")], { type: "audio/x-flac" }), "take2.flac");
form.append("note", "@not a file; it's text");

const response = await fetch("https://microsoft-trellis-2.hf.space/gradio_api/upload", {
    method: "POST",
    headers: {
        Authorization: `Bearer ${process.env.HF_TOKEN}`,
    },
    body: form,
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.text());
