if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const response = await fetch("https://xyz.endpoints.huggingface.cloud/layoutlm", {
    method: "POST",
    headers: {
        Authorization: `Bearer ${process.env.HF_TOKEN}`,
        "Content-Type": "application/json",
    },
    body: JSON.stringify({
        inputs: {
            image: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
            question: "What is the invoice number?",
        },
        parameters: {top_k: 2},
    }),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.json());
