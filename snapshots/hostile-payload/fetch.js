if (process.env.HF_TOKEN === undefined) throw new Error("HF_TOKEN is not set");

const response = await fetch("https://xyz.endpoints.huggingface.cloud/distilbert-sentiment?lang=en&q=a%20b", {
    method: "POST",
    headers: {
        Authorization: `Bearer ${process.env.HF_TOKEN}`,
        "Content-Type": "application/json",
    },
    body: JSON.stringify({
        inputs: "It's \"quoted\" \\ back\\slash $(touch /tmp/pwned) `id` ${HOME} !event\nnew line\r\ttab \x00 nul \x7f 🤗 中文 \u202eevil\u2028 </script> {braces} %s",
    }),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.json());
