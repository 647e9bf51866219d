// Renders a spec decorated with x-codeSamples with Redoc's standalone bundle in
// Debian's chromium, driven by playwright-core (no browser of its own), and reads
// back what a reader sees: for every operation with samples, the request samples'
// tabs and, tab by tab, the code shown.
//
//   node redoc.mjs SPEC [OPERATION_ID SCREENSHOT.png]
//
// The page, the spec and the bundle are served from 127.0.0.1; any other request
// the page makes is refused and listed. Prints one JSON line: per operation, the
// tabs shown and wanted and whether each panel shows its sample's source; the
// page's errors; the refused requests. Exits 1 when an operation's tabs are not
// its samples' labels (a sample's lang where it has none) in order, a panel does
// not show its sample's source, or the page throws; 2 on a usage or read error.
// With OPERATION_ID and SCREENSHOT, saves that operation's request samples panel,
// first tab selected, as a PNG. $CHROMIUM names the browser (default
// /usr/bin/chromium).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const [specPath, shotOperation, shotPath] = process.argv.slice(2);
if (!specPath || (shotOperation && !shotPath)) {
  console.error("usage: node redoc.mjs SPEC [OPERATION_ID SCREENSHOT.png]");
  process.exit(2);
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const specText = await readFile(specPath, "utf8");
const spec = JSON.parse(specText);
// Redoc's section of an operation is named after its operationId.
const operations = Object.values(spec.paths ?? {})
  .flatMap((item) => METHODS.map((method) => item?.[method]))
  .filter((operation) => operation?.operationId && operation["x-codeSamples"]?.length > 0);
if (operations.length === 0) {
  console.error(`${specPath}: no operation with an operationId and x-codeSamples`);
  process.exit(2);
}
const bundle = await readFile(require.resolve("redoc/bundles/redoc.standalone.js"));

// The request payload sample Redoc generates from the schema is hidden, so the
// tabs are exactly the spec's x-codeSamples; the right panel is widened so that a
// line of a sample fits in the screenshot.
const options = {
  hideRequestPayloadSample: true,
  hideDownloadButton: true,
  nativeScrollbars: true,
  theme: { rightPanel: { width: "50%" } },
};
const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>${spec.info?.title ?? "spec"}</title></head>
<body><div id="redoc"></div>
<script src="/redoc.standalone.js"></script>
<script>
  Redoc.init("/openapi.json", ${JSON.stringify(options)}, document.getElementById("redoc"));
</script></body></html>`;
const files = {
  "/": ["text/html; charset=utf-8", page],
  "/openapi.json": ["application/json; charset=utf-8", specText],
  "/redoc.standalone.js": ["text/javascript; charset=utf-8", bundle],
};
const server = createServer((request, response) => {
  const file = files[new URL(request.url, "http://127.0.0.1").pathname];
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": file[0] }).end(file[1]);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// As root chromium needs --no-sandbox; its background services would only knock
// on a closed network. Playwright's own --headless is replaced by the new
// headless mode; the profile is an empty folder of this run.
const profile = await mkdtemp(join(tmpdir(), "redoc-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  ignoreDefaultArgs: ["--headless"],
  args: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1440, height: 900 },
  deviceScaleFactor: 1,
  timeout: 60_000,
});

// What the operation's request samples panel shows, tab by tab.
async function samplesOf(tab, operation, screenshot) {
  const samples = operation["x-codeSamples"];
  const section = tab.locator(`[data-section-id$="operation/${operation.operationId}"]`).first();
  await section.scrollIntoViewIfNeeded({ timeout: 30_000 });
  const panel = section.locator('xpath=.//h3[normalize-space()="Request samples"]/..').first();
  const tabs = panel.locator('[role="tab"]');
  await tabs.first().waitFor();
  const shown = (await tabs.allInnerTexts()).map((text) => text.trim());
  const wanted = samples.map((sample) => sample.label ?? sample.lang);
  const panels = [];
  for (const [index, sample] of samples.entries()) {
    const each = tabs.nth(index);
    await each.click();
    const code = panel.locator(`[id="${await each.getAttribute("aria-controls")}"] pre`);
    const text = await code.innerText();
    // Prism's tokens keep the text; only the source's closing newline is dropped.
    const matches = text.trimEnd() === sample.source.trimEnd();
    panels.push({ label: wanted[index], matches, ...(matches ? {} : { shown: text }) });
  }
  if (screenshot) {
    await tabs.first().click();
    await panel.screenshot({ path: screenshot });
  }
  const ok = JSON.stringify(shown) === JSON.stringify(wanted) && panels.every((p) => p.matches);
  return { operation: operation.operationId, ok, tabs: shown, wanted, panels };
}

const refused = [];
const errors = [];
const checked = [];
try {
  const tab = browser.pages()[0] ?? (await browser.newPage());
  await tab.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    refused.push(url);
    return route.abort();
  });
  tab.on("pageerror", (error) => errors.push(String(error)));
  await tab.goto(`${origin}/`, { waitUntil: "load" });
  for (const operation of operations) {
    const screenshot = operation.operationId === shotOperation ? shotPath : undefined;
    checked.push(await samplesOf(tab, operation, screenshot));
  }
  if (shotOperation && !checked.some((each) => each.operation === shotOperation)) {
    errors.push(`no operation ${shotOperation} with samples to take a screenshot of`);
  }
} catch (error) {
  errors.push(String(error));
} finally {
  await browser.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
const ok =
  checked.length === operations.length && checked.every((each) => each.ok) && errors.length === 0;
console.log(JSON.stringify({ ok, operations: checked, errors, refused }));
process.exit(ok ? 0 : 1);
