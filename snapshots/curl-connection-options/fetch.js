if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

// Like curl --insecure: TLS certificates are not checked.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

const response = await fetch("https://xyz.endpoints.huggingface.cloud/distilbert-sentiment", {
    method: "POST",
    headers: {
        Authorization: `Bearer ${process.env.HF_TOKEN}`,
        "Content-Type": "application/json",
    },
    body: JSON.stringify({
        inputs: "I like you",
    }),
    signal: AbortSignal.timeout(30000),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.text());
