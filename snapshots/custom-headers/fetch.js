if (process.env.MY_HF_TOKEN === undefined) throw new Error("MY_HF_TOKEN is not set");

const response = await fetch("https://xyz.endpoints.huggingface.cloud/distilbert-sentiment", {
    method: "POST",
    headers: {
        Authorization: `Bearer ${process.env.MY_HF_TOKEN}`,
        "Content-Type": "application/json",
        "X-Use-Cache": "false",
        "X-Wait-For-Model": "true",
        Accept: "application/json",
        "X-Trace": "a=1; b=2: c",
        "X-Empty": "",
    },
    body: JSON.stringify({
        inputs: "I like you",
    }),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.json());
