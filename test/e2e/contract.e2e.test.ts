// The contract page (runner 2) end to end in Chromium, against the in-memory Excel of the browser preview
// (dist-preview/contract.html; built here when missing): it runs every case with progress, leaves no trace
// in the workbook, and saves a recording that equals what runner 1 (jest, Node) observes.
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { existsSync, mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { chromium, type Browser } from "playwright-core";
import { CONTRACT_CASES } from "../../src/preview/contract/cases";
import { differences } from "../../src/preview/contract/compare";
import { recordInMemory } from "../../src/preview/contract/inMemory";
import type { ContractRecording } from "../../src/preview/contract/types";

const ROOT = join(__dirname, "..", "..");
const PREVIEW = join(ROOT, "dist-preview");
const RESULTS = join(ROOT, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let browser: Browser;
let server: ChildProcess;
let baseUrl: string;

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts", "serve.mjs"), PREVIEW, "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no URL: ${output}`)), 15000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`serve.mjs exited (${code}): ${output}`)));
  });
}

beforeAll(async () => {
  if (!existsSync(join(PREVIEW, "contract.html"))) {
    const build = spawnSync("npx", ["webpack", "--mode", "development", "--env", "preview"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("The preview build failed.");
  }
  mkdirSync(RESULTS, { recursive: true });
  const started = await startServer();
  server = started.child;
  baseUrl = started.url;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) server.kill("SIGTERM");
});

test("the contract page runs every case against the in-memory Excel, leaves no trace and saves the recording", async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.hostname !== "127.0.0.1")
      foreign.push(request.url());
  });
  await page.goto(`${baseUrl}contract.html`);
  await expect(page.getByTestId("contract-host").textContent()).resolves.toBe(
    "in-memory Excel on OfficeOnline, build in-memory, ExcelApi 1.17",
  );
  await expect(page.getByTestId("contract-save").isDisabled()).resolves.toBe(true);
  const before = await page.evaluate(() =>
    (window as unknown as { contractWorkbook: () => unknown }).contractWorkbook(),
  );

  // Progress: the status names the running case while the run goes on.
  const seen = new Set<string>();
  await page.exposeFunction("noteStatus", (text: string) => seen.add(text));
  await page.evaluate(() => {
    const status = document.querySelector('[data-testid="contract-status"]')!;
    new MutationObserver(() =>
      (window as unknown as { noteStatus: (t: string) => void }).noteStatus(status.textContent ?? ""),
    ).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await page.getByTestId("contract-run").click();
  await page.getByText(/^Done: \d+ checks\./).waitFor({ timeout: 60000 });
  const status = (await page.getByTestId("contract-status").textContent()) ?? "";
  expect(status).toBe(`Done: ${CONTRACT_CASES.length} checks. No trace left in the workbook.`);
  expect([...seen].some((s) => /^Running \d+ of \d+: /.test(s))).toBe(true);
  await expect(page.locator('[data-testid="contract-results"] li').count()).resolves.toBe(
    CONTRACT_CASES.length,
  );
  await expect(page.locator("progress").evaluate((p) => (p as HTMLProgressElement).value)).resolves.toBe(
    CONTRACT_CASES.length,
  );
  const after = await page.evaluate(() =>
    (window as unknown as { contractWorkbook: () => unknown }).contractWorkbook(),
  );
  expect(after).toEqual(before);
  await page.screenshot({ path: join(RESULTS, "contract-done.png"), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("contract-save").click(),
  ]);
  expect(download.suggestedFilename()).toBe("OfficeOnline-in-memory.json");
  const saved = JSON.parse(readFileSync((await download.path())!, "utf8")) as ContractRecording;
  expect(saved.format).toBe(1);
  expect(saved.host.apiSets).toEqual({ ExcelApi: "1.17" });
  expect(Object.keys(saved.cases)).toEqual(CONTRACT_CASES.map((c) => c.id));
  // The page in a browser observes exactly what the Node runner observes.
  expect(differences(saved, await recordInMemory())).toEqual([]);
  // The same JSON is on the page to copy where a webview blocks downloads.
  expect(JSON.parse(await page.getByTestId("contract-json").inputValue())).toEqual(saved);

  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await context.close();
});
