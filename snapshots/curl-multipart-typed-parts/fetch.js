import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const boundary = randomUUID();
const form = multipart(boundary, [
    ["meta", "{\"task\": \"upload\"}", { type: "application/json" }],
    ["file", readFileSync("photo.png"), { filename: "photo.png", type: "image/png" }],
    ["note", "plain"],
]);

const response = await fetch("https://xyz.hf.space/gradio_api/upload", {
    method: "POST",
    headers: {
        Authorization: `Bearer ${process.env.HF_TOKEN}`,
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
    },
    body: form,
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.text());

// A multipart/form-data body, each part as curl -F sends it.
function multipart(boundary, parts) {
    const chunks = [];
    for (const [name, value, { filename, type } = {}] of parts) {
        let head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"`;
        if (filename !== undefined) head += `; filename="${filename}"`;
        if (type !== undefined) head += `\r\nContent-Type: ${type}`;
        chunks.push(`${head}\r\n\r\n`, value, "\r\n");
    }
    chunks.push(`--${boundary}--\r\n`);
    return new Blob(chunks);
}
