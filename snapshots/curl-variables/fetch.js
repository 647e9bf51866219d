if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");
if (process.env.ENDPOINT_URL === undefined) throw new Error("ENDPOINT_URL is not set");
if (process.env.API_KEY === undefined) throw new Error("API_KEY is not set");
if (process.env.PROMPT === undefined) throw new Error("PROMPT is not set");
if (process.env.MAX_TOKENS === undefined) throw new Error("MAX_TOKENS is not set");

const response = await fetch(`${process.env.ENDPOINT_URL}/v1/chat/completions`, {
    method: "POST",
    headers: {
        Authorization: `Bearer ${process.env.HF_TOKEN}`,
        "Content-Type": "application/json",
        "x-api-key": process.env.API_KEY,
    },
    body: JSON.stringify({
        model: (process.env.MODEL || "tgi"),
        messages: [
            {role: "user", content: process.env.PROMPT},
        ],
        max_tokens: JSON.parse(process.env.MAX_TOKENS),
    }),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.json());
