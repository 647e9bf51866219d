const response = await fetch("https://router.huggingface.co/v1/chat/completions", {
    method: "POST",
    headers: {
        Authorization: "Bearer hf_***",
        "Content-Type": "application/json",
        accept: "*/*",
    },
    body: JSON.stringify({
        model: "openai/gpt-oss-120b:groq",
        messages: [
            {role: "user", content: "Say \"hi\" & wave"},
        ],
        stream: true,
    }),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

const decoder = new TextDecoder();
let buffered = "";
for await (const bytes of response.body) {
    buffered += decoder.decode(bytes, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop();
    for (const line of lines) {
        if (!line.startsWith("data:")) continue;
        const data = line.slice("data:".length).trim();
        if (data === "[DONE]") continue;
        for (const choice of JSON.parse(data).choices ?? []) {
            process.stdout.write(choice.delta?.content ?? "");
        }
    }
}
process.stdout.write("\n");
