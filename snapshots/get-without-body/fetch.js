const response = await fetch("https://xyz.endpoints.huggingface.cloud/health?verbose=true&name=a%2Fb", {
    method: "GET",
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.text());
