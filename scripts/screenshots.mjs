// Screenshots of every step of the task pane, light and dark, at 320 and 450 px, from the browser
// preview (the real pane on the in-memory Excel with the default sample report). For the README:
//   npm run screenshots            (builds the preview first)
//   node scripts/screenshots.mjs   (uses dist-preview as it is)
// Writes docs/screenshots/<step>-<theme>-<width>.png. Chromium: CHROMIUM_PATH, else /usr/bin/chromium.
import { Buffer } from "node:buffer";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveFolder } from "./serve.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "docs", "screenshots");
const THEMES = ["light", "dark"];
const WIDTHS = [320, 450];
/** A task pane about as tall as in Excel on a laptop. */
const VIEWPORT = { width: 1280, height: 860 };

async function idle(page) {
  await page.getByTestId("progress").waitFor({ state: "detached", timeout: 180000 });
  await page.getByTestId("refreshing").waitFor({ state: "detached", timeout: 180000 });
}

async function step(page, id) {
  await page.getByTestId(`step-${id}`).click();
  await page.getByTestId(`panel-${id}`).waitFor({ state: "visible" });
}

async function shot(page, name) {
  // No pointer over the pane, so no tooltip covers it; the pane scrolled to its top.
  await page.mouse.move(5, 5);
  await page
    .getByRole("tooltip")
    .waitFor({ state: "detached" })
    .catch(() => {});
  await page.getByTestId("pane-body").evaluate((el) => el.scrollTo(0, 0));
  const path = join(OUT, `${name}.png`);
  await page.getByTestId("task-pane").screenshot({ path });
  console.log(`wrote ${path}`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await serveFolder(join(ROOT, "dist-preview"), 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  try {
    for (const theme of THEMES) {
      for (const width of WIDTHS) {
        const suffix = `${theme}-${width}`;
        const page = await browser.newPage({ viewport: VIEWPORT });
        await page.goto(`${server.url}?theme=${theme}&width=${width}`);
        await page.getByTestId("report-type").waitFor({ state: "attached", timeout: 180000 });
        await idle(page);

        await step(page, "report");
        await shot(page, `1-report-${suffix}`);

        await step(page, "focus");
        await page.getByTestId("act-now-evaluate").click();
        await page.getByTestId("showing").waitFor({ timeout: 180000 });
        await idle(page);
        await shot(page, `2-focus-${suffix}`);

        await step(page, "enrich");
        await page.getByTestId("add-helpers").click();
        await page.getByTestId("helpers-result").waitFor({ timeout: 180000 });
        await idle(page);
        await shot(page, `3-enrich-${suffix}`);

        await step(page, "share");
        await page.getByTestId("prepare-sellers").click();
        await page.getByTestId("prepared-result").waitFor({ timeout: 180000 });
        await idle(page);
        await shot(page, `4-share-${suffix}`);

        // A sheet that is not a report: straight to Report, the file picker first.
        await page.getByTestId("csv-input").setInputFiles({
          name: "budget-2026.csv",
          mimeType: "text/csv",
          buffer: Buffer.from("Department,Quarter,Budget\r\nMarketing,Q1,120000\r\nSales,Q1,250000\r\n"),
        });
        await page.getByTestId("refusal").waitFor({ timeout: 180000 });
        await shot(page, `0-not-a-report-${suffix}`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
