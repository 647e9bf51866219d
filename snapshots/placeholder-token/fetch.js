const response = await fetch("https://xyz.endpoints.huggingface.cloud/distilbert-sentiment", {
    method: "POST",
    headers: {
        Authorization: "Bearer hf_***",
        "Content-Type": "application/json",
    },
    body: JSON.stringify({
        inputs: "I like you. I love you",
    }),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.json());
