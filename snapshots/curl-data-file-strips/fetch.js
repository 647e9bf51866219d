import { readFileSync } from "node:fs";

const response = await fetch("https://x.cloud/form", {
    method: "POST",
    headers: {
        "Content-Type": "application/x-www-form-urlencoded",
    },
    body: readFileSync("form.txt").filter((byte) => byte !== 10 && byte !== 13),
});
if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
}

console.log(await response.text());
