// The task pane in the browser preview (dist-preview, built by `npx webpack --mode development --env preview`;
// built here when missing), driven by playwright-core with Debian's chromium. Clicks the pane's buttons and
// checks the simulated sheet. Every request the page makes must go to 127.0.0.1. Screenshots: test-results/.
import { join } from "path";
import type { Page } from "playwright-core";
import {
  goToStep,
  openPreview as open,
  RESULTS,
  selectedStep,
  startPreview,
  waitUntilIdle,
  type Preview,
} from "./preview";

let preview: Preview;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

afterEach(() => {
  // Security: the preview (and so the pane) calls nothing but the page's own server.
  expect(preview.foreignRequests).toEqual([]);
});

/** A fresh page with the default sample (ai-business, 500 rows, messy, seed 42) analysed. */
const openPreview = () => open(preview);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS, `pane-${name}.png`) });
}

/** A cell's text without the filter button's glyph. */
const cellText = (text: string) => text.replace(/[▾▼]/g, "").trim();

const hiddenRows = (page: Page) => page.locator('[data-testid="grid"] tbody tr[data-hidden="true"]').count();

/** "Showing 385 of 500 customers" -> [385, 500] */
async function showing(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId("showing").textContent()) ?? "";
  const match = /Showing ([\d,]+) of ([\d,]+) customers/.exec(text);
  if (!match) throw new Error(`Unexpected text: ${text}`);
  return [Number(match[1].replace(/,/g, "")), Number(match[2].replace(/,/g, ""))];
}

/** The first rows of the grid as cell texts (filter glyphs removed), by grid column. */
async function gridTexts(page: Page, rows: number): Promise<string[][]> {
  return page
    .locator('[data-testid="grid"] tbody tr')
    .evaluateAll(
      (trs, count) =>
        trs
          .slice(0, count as number)
          .map((tr) =>
            [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").replace(/[▾▼]/g, "").trim()),
          ),
      rows,
    );
}

/** Moves the pointer off the pane so no tooltip covers what a screenshot should show. */
async function calmShot(page: Page, name: string): Promise<void> {
  await page.mouse.move(5, 5);
  await page.getByRole("tooltip").waitFor({ state: "detached" });
  await shot(page, name);
}

const sheetTabs = (page: Page) => page.getByTestId("sheet-tab").allTextContents();

/** Rows compared before the first action and after Reset: the title rows, the header and 27 customers. */
const FIRST_ROWS = 30;

describe("task pane in the browser preview", () => {
  test("opens with the sample report analysed: type, rows, product bars", async () => {
    const page = await openPreview();
    // A report not worked on yet opens on Focus, with Report checked.
    expect(await selectedStep(page)).toBe("focus");
    await expect(page.getByTestId("step-report").getAttribute("data-done")).resolves.toBe("true");
    await goToStep(page, "report");
    await expect(page.getByTestId("report-type").textContent()).resolves.toContain("AI Business Solutions");
    await expect(page.getByTestId("report-header-row").textContent()).resolves.toBe("Header found on row 3");
    await expect(page.getByTestId("report-rows").textContent()).resolves.toMatch(/^500 rows/);
    const bars = page.locator('[data-testid="product-bars"] [role="img"]');
    expect(await bars.count()).toBeGreaterThanOrEqual(2);
    const label = (await bars.first().getAttribute("aria-label")) ?? "";
    expect(label).toMatch(/^Microsoft 365: Act Now \d+, Evaluate \d+, Nurture \d+, Educate \d+, Blank \d+/);
    // The grid shows the sample: header row 3 with the report's columns, nothing hidden yet.
    await expect(page.locator('[data-testid="grid"] tr[data-row="3"]').textContent()).resolves.toContain(
      "AccountName",
    );
    expect(await hiddenRows(page)).toBe(0);
    await shot(page, "1-analysed");
    await page.close();
  });

  test("Show Act now + Evaluate for one product hides the other rows in the grid", async () => {
    const page = await openPreview();
    await page.getByTestId("product-select").click();
    await page.getByRole("option", { name: "Microsoft 365", exact: true }).click();
    await page.getByTestId("act-now-evaluate").click();
    await page.getByTestId("showing").waitFor();
    const [visible, total] = await showing(page);
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(total);
    const bar = (await page.getByTestId("visible-clusters-bar").getAttribute("aria-label")) ?? "";
    expect(bar).toMatch(/Nurture 0, Educate 0, Blank 0/);
    expect(await hiddenRows(page)).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="filter-button"][data-filtered="true"]').count()).toBe(1);
    // Rows left visible in the grid are Act Now or Evaluate in the M365 cluster column.
    const header = await page.locator('[data-testid="grid"] tr[data-row="3"] td').allTextContents();
    const clusterColumn = header.findIndex((text) => cellText(text) === "M365Cluster");
    expect(clusterColumn).toBeGreaterThanOrEqual(0);
    const shown = await page
      .locator('[data-testid="grid"] tbody tr:not([data-hidden]):not([data-header])')
      .evaluateAll(
        (rows, column) =>
          rows
            .filter((row) => Number(row.getAttribute("data-row")) > 3)
            .map((row) => row.querySelectorAll("td")[column as number]?.textContent ?? ""),
        clusterColumn,
      );
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown)
      expect(text.trim().toLowerCase().replace(/\s+/g, " ")).toMatch(/^(act now|evaluate)$/);
    await shot(page, "2-act-now-m365");

    // A cohort filter combines with it (AND across columns).
    await page.getByTestId("cohort-value").first().click();
    await page.getByTestId("apply-cohort").click();
    await waitUntilIdle(page);
    const [afterCohort] = await showing(page);
    expect(afterCohort).toBeLessThanOrEqual(visible);
    expect(await page.locator('[data-testid="filter-button"][data-filtered="true"]').count()).toBe(2);
    await shot(page, "3-cohort");

    // Clear filters restores every row.
    await page.getByTestId("clear-filters").click();
    await waitUntilIdle(page);
    await expect(page.getByTestId("outcome").textContent()).resolves.toContain("Cleared the filter");
    expect(await hiddenRows(page)).toBe(0);
    expect(await page.getByTestId("showing").count()).toBe(0);
    await page.close();
  });

  test("Any product filters on Best Cluster (added first) and the pane shows Showing X of Y", async () => {
    const page = await openPreview();
    await page.getByTestId("act-now-evaluate").click();
    await page.getByTestId("showing").waitFor();
    const [visible, total] = await showing(page);
    expect(visible).toBeLessThan(total);
    await expect(page.getByTestId("outcome").textContent()).resolves.toContain(
      "Best Cluster helper column was added",
    );
    expect(await hiddenRows(page)).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="grid"] th[data-helper]').count()).toBe(5);
    await page.close();
  });

  test("Add helper columns shows the five helper headers in the grid", async () => {
    const page = await openPreview();
    expect(await page.locator('[data-testid="grid"] th[data-helper]').count()).toBe(0);
    await goToStep(page, "enrich");
    await page.getByTestId("add-helpers").click();
    await page.getByTestId("helpers-result").waitFor();
    expect(await page.locator('[data-testid="grid"] th[data-helper]').count()).toBe(5);
    const header = await page.locator('[data-testid="grid"] tr[data-row="3"] td').allTextContents();
    for (const name of ["Best Cluster", "Cluster Band", "Top Products", "Priority Score", "Score Reasons"]) {
      expect(header.map(cellText)).toContain(name);
    }
    await page.getByTestId("grid-scroller").evaluate((el) => el.scrollTo(el.scrollWidth, 0));
    await shot(page, "4-helper-columns");
    await page.close();
  });

  test("helper columns, sort, summaries, prepare for sellers, then Reset puts the report back", async () => {
    const page = await openPreview();
    const reportTab = (await page.getByTestId("sheet-tab").first().textContent()) ?? "";
    const before = await gridTexts(page, FIRST_ROWS);
    expect(before.length).toBe(FIRST_ROWS);
    expect(before[2]).toContain("AccountName");
    const tabsBefore = await sheetTabs(page);

    // Add helper columns, with the saved settings path (score settings left as they are).
    await goToStep(page, "enrich");
    await page.getByTestId("add-helpers").click();
    await page.getByTestId("helpers-result").waitFor();
    await waitUntilIdle(page);
    expect(await page.locator('[data-testid="grid"] th[data-helper]').count()).toBe(5);
    await expect(page.getByTestId("add-helpers").textContent()).resolves.toBe("Update helper columns");

    // Sort by priority: the first data row has the highest Priority Score.
    await page.getByTestId("sort-priority").click();
    await page.locator('[data-testid="outcome"][data-status="done"]').waitFor();
    await expect(page.getByTestId("outcome").textContent()).resolves.toContain("Sorted 500 customers");
    await waitUntilIdle(page);
    const header = (await gridTexts(page, 3))[2];
    const scoreColumn = header.indexOf("Priority Score");
    expect(scoreColumn).toBeGreaterThanOrEqual(0);
    const scores = (await gridTexts(page, 200))
      .slice(3)
      .map((row) => row[scoreColumn])
      .filter((text) => text !== "")
      .map(Number);
    expect(scores.length).toBeGreaterThan(100);
    expect(scores[0]).toBe(Math.max(...scores));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await page.getByTestId("grid-scroller").evaluate((el) => el.scrollTo(el.scrollWidth, 0));
    await calmShot(page, "9-sorted");

    // Build summaries: a "Propensity Summary" sheet.
    await goToStep(page, "share");
    await page.getByTestId("build-summaries").click();
    await page.getByTestId("summaries-result").waitFor();
    await waitUntilIdle(page);
    await expect(page.getByTestId("summaries-sheet").textContent()).resolves.toBe("Propensity Summary");
    await expect(page.getByTestId("summaries-mode").textContent()).resolves.toBe("PivotTables");
    expect(await sheetTabs(page)).toContain("Propensity Summary");
    await page.getByTestId("sheet-tab").filter({ hasText: "Propensity Summary" }).click();
    await expect(page.locator('[data-testid="grid"] tr[data-row="1"]').textContent()).resolves.toContain(
      "Propensity Summary",
    );
    await calmShot(page, "10-summary-sheet");
    await page.getByTestId("sheet-tab").filter({ hasText: reportTab }).click();

    // Prepare for sellers: an "About this report" sheet.
    await page.getByTestId("prepare-sellers").click();
    await page.getByTestId("prepared-result").waitFor();
    await waitUntilIdle(page);
    expect(await sheetTabs(page)).toContain("About this report");
    await page.getByTestId("share").scrollIntoViewIfNeeded();
    // The helper columns, coloured by cluster, beside the pane.
    await page.getByTestId("grid-scroller").evaluate((el) => {
      const first = el.querySelector<HTMLElement>("th[data-helper]");
      el.scrollTo((first?.offsetLeft ?? el.scrollWidth) - 64, 0);
    });
    expect(await page.locator('[data-testid="grid"] td[data-fill]').count()).toBeGreaterThan(0);
    await calmShot(page, "11-prepared-pane");
    await page.getByTestId("sheet-tab").filter({ hasText: "About this report" }).click();
    await expect(page.locator('[data-testid="grid"] tr[data-row="1"]').textContent()).resolves.toContain(
      "About this report",
    );
    await calmShot(page, "12-about-sheet");
    await page.getByTestId("sheet-tab").filter({ hasText: reportTab }).click();

    // Reset, confirmed: the report is as it was, and the added sheets are gone.
    await page.getByTestId("reset-sheet").click();
    const dialog = page.getByTestId("reset-dialog");
    await expect(dialog.textContent()).resolves.toContain(
      "Remove everything Propensity Pane added? Your own filters stay.",
    );
    // The dialog fades in: wait until it is fully shown.
    await page.waitForFunction(
      () => {
        const surface = document.querySelector('[data-testid="reset-dialog"]');
        return surface !== null && getComputedStyle(surface).opacity === "1";
      },
      null,
      { timeout: 5000 },
    );
    await shot(page, "13-reset-confirm");
    await dialog.getByTestId("reset-confirm").click();
    await page.locator('[data-testid="outcome"][data-status="done"]').waitFor();
    await waitUntilIdle(page);
    await expect(page.getByTestId("outcome").textContent()).resolves.toContain("Reset: removed");
    // The steps forget what Reset took out.
    // (The pane reads what is left in the background: wait for it.)
    await page.locator('[data-testid="done-prepared"][data-done="false"]').waitFor({ state: "attached" });
    await goToStep(page, "enrich");
    await page.getByTestId("add-helpers").getByText("Add helper columns").waitFor();
    expect(await page.locator('[data-testid="grid"] th[data-helper]').count()).toBe(0);
    expect(await sheetTabs(page)).toEqual(tabsBefore);
    expect(await gridTexts(page, FIRST_ROWS)).toEqual(before);
    await calmShot(page, "14-after-reset");
    await page.close();
  });

  test("Office 2019 (ExcelApi 1.7): filters are unavailable and say why", async () => {
    const page = await openPreview();
    await page.getByTestId("excel-version").selectOption("2019");
    await expect(page.getByTestId("filters-unavailable").textContent({ timeout: 30000 })).resolves.toContain(
      "ExcelApi 1.9",
    );
    const button = page.getByTestId("act-now-evaluate");
    await expect(button.getAttribute("aria-disabled")).resolves.toBe("true");
    await expect(button.getAttribute("data-unavailable-reason")).resolves.toMatch(
      /Filtering needs ExcelApi 1\.9/,
    );
    await button.click({ force: true });
    expect(await page.getByTestId("showing").count()).toBe(0);
    expect(await hiddenRows(page)).toBe(0);
    // Helper columns still work there.
    await expect(page.getByTestId("add-helpers").getAttribute("aria-disabled")).resolves.not.toBe("true");
    await page.getByTestId("filters").scrollIntoViewIfNeeded();
    await shot(page, "5-office-2019");
    await page.close();
  });

  test("a CSV that is not a report gets the plain refusal and nothing else", async () => {
    const page = await openPreview();
    const budget = [
      "Department,Quarter,Budget,Actual",
      "Marketing,Q1,120000,118500",
      "Sales,Q1,250000,261200",
      "Engineering,Q1,400000,389900",
    ].join("\r\n");
    await page.getByTestId("csv-input").setInputFiles({
      name: "budget-2026.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(budget),
    });
    await page.getByTestId("refusal").waitFor({ timeout: 30000 });
    // Not a report: straight to Report.
    expect(await selectedStep(page)).toBe("report");
    await expect(page.getByTestId("refusal").textContent()).resolves.toContain(
      "doesn't look like a CloudAscent report",
    );
    expect(await page.getByTestId("report-summary").count()).toBe(0);
    expect(await page.getByTestId("filters").count()).toBe(0);
    await expect(page.getByTestId("sheet-tab").first().textContent()).resolves.toBe("budget-2026");
    await expect(page.locator('[data-testid="grid"] tr[data-row="2"]').textContent()).resolves.toContain(
      "Marketing",
    );
    await shot(page, "6-not-a-report");
    await page.close();
  });

  test("a long action on 100,000 rows shows progress and Cancel stops it", async () => {
    const page = await openPreview();
    await page.getByTestId("sample-rows").selectOption("100000");
    await page.getByTestId("load-sample").click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="report-rows"]')?.textContent?.startsWith("100,000"),
      null,
      { timeout: 60000 },
    );
    await expect(page.getByTestId("grid-note").textContent()).resolves.toContain("of 100,003");
    await waitUntilIdle(page);
    await goToStep(page, "enrich");
    await page.getByTestId("add-helpers").click();
    await expect(page.getByTestId("progress").textContent()).resolves.toContain("Add helper columns");
    await shot(page, "8-progress");
    await page.getByTestId("cancel").click();
    await page.locator('[data-testid="outcome"][data-status="cancelled"]').waitFor({ timeout: 30000 });
    // A cancelled new helper column is removed again, and nothing is hidden.
    expect(await page.locator('[data-testid="grid"] th[data-helper]').count()).toBe(0);
    expect(await hiddenRows(page)).toBe(0);
    await page.close();
  });

  test("dark theme", async () => {
    const page = await openPreview();
    await page.getByTestId("theme").selectOption("dark");
    await shot(page, "7-dark");
    const background = await page.getByTestId("pane").evaluate((el) => getComputedStyle(el).backgroundColor);
    // webDarkTheme's neutral background 2 is dark.
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await page.close();
  });
});
