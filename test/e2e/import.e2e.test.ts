// Open report file… in the browser preview (dist-preview; built here when missing), driven by playwright-core
// with Debian's chromium: a generated report file goes through the pane's file input "Report file" (found by
// its label, not by layout), and the new sheet holds the file's IDs and leading zeros. Every request the page
// makes must go to 127.0.0.1: the file never leaves the machine. Screenshots: test-results/.
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { existsSync, mkdirSync } from "fs";
import { join } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { generateReport } from "../../src/preview/sample-report";
import { reportFile } from "../support/reportFiles";

const ROOT = join(__dirname, "..", "..");
const PREVIEW = join(ROOT, "dist-preview");
const RESULTS = join(ROOT, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let browser: Browser;
let server: ChildProcess;
let baseUrl: string;
const foreignRequests: string[] = [];

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

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === "data:") return true;
  if (parsed.protocol === "blob:") return new URL(parsed.pathname).hostname === "127.0.0.1";
  return parsed.hostname === "127.0.0.1";
}

beforeAll(async () => {
  if (!existsSync(join(PREVIEW, "index.html"))) {
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
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) server.kill("SIGTERM");
});

afterEach(() => {
  expect(foreignRequests).toEqual([]);
});

async function openPreview(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on("request", (request) => {
    if (!isLocal(request.url())) foreignRequests.push(request.url());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(baseUrl);
  // The preview opens on its sample report: the file input sits in the Report step, folded under
  // "Open another report file" once a report is open.
  // Wait for the analysis first: when it lands the pane moves to the first step not done.
  await page.getByTestId("report-type").waitFor({ state: "attached", timeout: 60000 });
  await page.getByTestId("step-report").click();
  await page.getByTestId("report-type").waitFor({ timeout: 60000 });
  await page.getByRole("button", { name: "Open another report file" }).click();
  return { page, errors };
}

const sheetTabs = (page: Page) => page.getByTestId("sheet-tab").allTextContents();

describe("Open report file… in the browser preview", () => {
  test("a file picked through the pane's input becomes a new sheet with IDs and leading zeros intact", async () => {
    const { page, errors } = await openPreview();
    const tabsBefore = await sheetTabs(page);

    const report = generateReport({ layout: "renewal", rows: 120, seed: 11, messy: true });
    const file = reportFile(report, { encoding: "Windows-1252" });
    const pane = page.getByTestId("task-pane");
    await pane.getByLabel("Report file", { exact: true }).setInputFiles({
      name: "CloudAscent renewal.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(file.bytes),
    });
    await pane.getByRole("button", { name: "Open report file…" }).click();

    const result = pane.getByTestId("open-report-result");
    await result.waitFor({ timeout: 60000 });
    expect(await result.getAttribute("data-status")).toBe("done");
    const customers = report.truth.dataRows - report.truth.blankRows.length;
    expect(await result.textContent()).toContain(
      `Opened ${customers} customers from CloudAscent renewal.csv; 7 ID columns kept as text. Read as Windows-1252`,
    );

    // The new sheet is active and analysed.
    await expect(sheetTabs(page)).resolves.toEqual([...tabsBefore, "Agreement renewal 2026-11"]);
    await page.getByTestId("refreshing").waitFor({ state: "detached", timeout: 60000 });
    await expect(page.getByTestId("report-type").textContent()).resolves.toContain("Agreement renewal");

    // The grid shows the file's text: DUNS and postal codes with their leading zeros, long TPIDs.
    const headerRowNumber = report.truth.headerRow + 1;
    const header = file.rows[report.truth.headerRow];
    const gridRow = (n: number) =>
      page
        .locator(`[data-testid="grid"] tr[data-row="${n}"] td`)
        .evaluateAll((tds) => tds.map((td) => (td.textContent ?? "").replace(/[▾▼]/g, "").trim()));
    const shownHeader = await gridRow(headerRowNumber);
    const offset = shownHeader.indexOf("PartnerID");
    expect(offset).toBeGreaterThanOrEqual(0);
    let checked = 0;
    for (let r = report.truth.headerRow + 1; r < report.truth.headerRow + 25; r++) {
      const shown = await gridRow(r + 1);
      for (const name of ["DUNS", "PostalCode", "TPID", "Agreement ID"]) {
        const c = header.indexOf(name);
        expect(shown[offset + c]).toBe(file.rows[r][c]);
        checked++;
      }
    }
    expect(checked).toBe(96);
    expect(
      file.rows
        .slice(report.truth.headerRow + 1, report.truth.headerRow + 25)
        .some((row) => /^0/.test(row[header.indexOf("DUNS")])),
    ).toBe(true);

    await page.mouse.move(5, 5);
    await page.screenshot({ path: join(RESULTS, "import-opened.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a workbook file given as a CSV is refused and no sheet is added", async () => {
    const { page } = await openPreview();
    const tabsBefore = await sheetTabs(page);
    const pane = page.getByTestId("task-pane");
    await pane.getByLabel("Report file", { exact: true }).setInputFiles({
      name: "report.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
    });
    await pane.getByRole("button", { name: "Open report file…" }).click();
    const result = pane.getByTestId("open-report-result");
    await result.waitFor({ timeout: 60000 });
    expect(await result.getAttribute("data-status")).toBe("refused");
    expect(await result.textContent()).toContain("report.csv: This is an Excel workbook (.xlsx)");
    await expect(sheetTabs(page)).resolves.toEqual(tabsBefore);
    await page.close();
  });
});
