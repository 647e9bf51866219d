const response = await fetch("https://huggingface.co/api/models?search=bert+base&limit=5", {
    method: "GET",
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.text());
