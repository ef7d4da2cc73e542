// Shared by the browser e2e tests: the preview (dist-preview, built by `npm run build:preview`; built here
// when missing) served by scripts/serve.mjs on 127.0.0.1, Debian's chromium through playwright-core, and
// helpers to drive the task pane's steps. Every request a page makes must go to 127.0.0.1.
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { existsSync, mkdirSync } from "fs";
import { join } from "path";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

export const ROOT = join(__dirname, "..", "..");
const PREVIEW = join(ROOT, "dist-preview");
export const RESULTS = join(ROOT, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type StepId = "report" | "focus" | "enrich" | "share";

/** Starts scripts/serve.mjs on a free port and resolves with the URL it prints. */
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

export interface Preview {
  browser: Browser;
  baseUrl: string;
  /** Requests to anything but the preview's own server, by any page opened so far. */
  foreignRequests: string[];
  close(): Promise<void>;
}

/**
 * Serves dist-preview (the pane's preview and the contract page; built first when either is missing) and
 * launches chromium. Every e2e test file that opens the preview starts here.
 */
export async function startPreview(): Promise<Preview> {
  if (!existsSync(join(PREVIEW, "index.html")) || !existsSync(join(PREVIEW, "contract.html"))) {
    const build = spawnSync("npx", ["webpack", "--mode", "development", "--env", "preview"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("The preview build failed.");
  }
  mkdirSync(RESULTS, { recursive: true });
  const { child, url } = await startServer();
  const browser = await chromium.launch({
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
  return {
    browser,
    baseUrl: url,
    foreignRequests: [],
    async close() {
      await browser.close();
      if (child.pid && child.exitCode === null) child.kill("SIGTERM");
    },
  };
}

export interface OpenOptions {
  theme?: "light" | "dark" | "highContrast";
  /** The task pane's width in px (default 350). */
  width?: number;
  viewport?: { width: number; height: number };
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * A fresh page in its own context (axe-core's AxeBuilder needs one; closing the page closes it), its
 * requests to anything but the preview's server noted in preview.foreignRequests and its script errors
 * kept for errorsOf.
 */
export async function newPage(preview: Preview, contextOptions: BrowserContextOptions = {}): Promise<Page> {
  const context = await preview.browser.newContext({
    viewport: { width: 1400, height: 900 },
    ...contextOptions,
  });
  const page = await context.newPage();
  // The browser may be closing already (the suite's end): a context that is gone needs no closing.
  page.on("close", () => void context.close().catch(() => undefined));
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("request", (request) => {
    if (!isLocal(request.url())) preview.foreignRequests.push(request.url());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return page;
}

/** Script errors the page has thrown so far. */
export function errorsOf(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

/** A fresh page with the default sample (ai-business, 500 rows, messy, seed 42) analysed. */
export async function openPreview(preview: Preview, options: OpenOptions = {}): Promise<Page> {
  const page = await newPage(preview, { viewport: options.viewport ?? { width: 1400, height: 900 } });
  const errors = errorsOf(page);
  const query = new URLSearchParams();
  if (options.theme) query.set("theme", options.theme);
  if (options.width) query.set("width", String(options.width));
  await page.goto(`${preview.baseUrl}${query.size ? `?${query}` : ""}`);
  // The analysis is done when the Report step names the report (it may not be the step shown).
  await page.getByTestId("report-type").waitFor({ state: "attached", timeout: 60000 });
  await waitUntilIdle(page);
  if (errors.length) throw new Error(`Page errors: ${errors.join("; ")}`);
  return page;
}

/** Waits for the running action and the quiet re-analysis after it. */
export async function waitUntilIdle(page: Page): Promise<void> {
  await page.getByTestId("progress").waitFor({ state: "detached", timeout: 120000 });
  await page.getByTestId("refreshing").waitFor({ state: "detached", timeout: 120000 });
}

/** Clicks a step's tab and waits for its panel. */
export async function goToStep(page: Page, step: StepId): Promise<void> {
  await page.getByTestId(`step-${step}`).click();
  await page.getByTestId(`panel-${step}`).waitFor({ state: "visible" });
}

/** The step whose tab is selected. */
export async function selectedStep(page: Page): Promise<string | null> {
  const testId = await page
    .locator('[data-testid="steps"] [role="tab"][aria-selected="true"]')
    .getAttribute("data-testid");
  return testId?.replace(/^step-/, "") ?? null;
}
