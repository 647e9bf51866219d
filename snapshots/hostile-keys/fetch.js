if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const response = await fetch("https://xyz.endpoints.huggingface.cloud/custom", {
    method: "POST",
    headers: {
        Authorization: `Bearer ${process.env.HF_TOKEN}`,
        "Content-Type": "application/json",
    },
    body: "{\n    \"__proto__\": {\"polluted\": true},\n    \"it's\": \"a'b\",\n    \"\\\"dq\\\"\": null,\n    \"big\": 12345678901234567890,\n    \"small\": -9007199254740993,\n    \"float\": 1.5e-10,\n    \"nested\": {\n        \"list\": [\n            1,\n            [\n                2,\n                [\n                    3,\n                    {}\n                ]\n            ],\n            [],\n            \"x\"\n        ]\n    },\n    \"emoji 🤗\": \"中文\"\n}",
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.text());
