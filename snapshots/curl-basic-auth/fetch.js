const response = await fetch("https://xyz.endpoints.huggingface.cloud/settings", {
    method: "PATCH",
    headers: {
        Authorization: `Basic ${Buffer.from("admin:s3cret!").toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
        "User-Agent": "docs-bot/1.0",
        Cookie: "session=abc; theme=dark",
    },
    body: "replicas=2&scale_to_zero=true",
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.text());
