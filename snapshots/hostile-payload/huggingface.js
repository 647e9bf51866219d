// npm install @huggingface/inference

import { InferenceClient } from "@huggingface/inference";

if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const client = new InferenceClient(process.env.HF_TOKEN, { endpointUrl: "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment?lang=en&q=a%20b" });

const result = await client.textClassification({
    inputs: "It's \"quoted\" \\ back\\slash $(touch /tmp/pwned) `id` ${HOME} !event\nnew line\r\ttab \x00 nul \x7f 🤗 中文 \u202eevil\u2028 </script> {braces} %s",
});
console.log(result);
