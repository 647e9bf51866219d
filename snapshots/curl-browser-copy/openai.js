// npm install openai

import OpenAI from "openai";

const client = new OpenAI({
    baseURL: "https://router.huggingface.co/v1",
    apiKey: "hf_***",
    defaultHeaders: {
        accept: "*/*",
    },
    maxRetries: 0, // send once, as curl does (the SDK retries failures twice)
});

const stream = await client.chat.completions.create({
    model: "openai/gpt-oss-120b:groq",
    messages: [
        {role: "user", content: "Say \"hi\" & wave"},
    ],
    stream: true,
});
for await (const chunk of stream) {
    for (const choice of chunk.choices) {
        process.stdout.write(choice.delta?.content ?? "");
    }
}
process.stdout.write("\n");
