if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const response = await fetch("https://xyz.endpoints.huggingface.cloud/raw", {
    method: "POST",
    headers: {
        Authorization: `Bearer ${process.env.HF_TOKEN}`,
    },
    body: new TextEncoder().encode("just bytes"),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.text());
