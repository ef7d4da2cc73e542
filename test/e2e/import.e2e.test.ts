// Open report file… in the browser preview (dist-preview, served and built when missing by ./preview),
// driven by playwright-core with Debian's chromium: a generated report file goes through the pane's file
// input "Report file" (found by its label, not by layout), and the new sheet holds the file's IDs and leading
// zeros. Every request the page makes must go to 127.0.0.1: the file never leaves the machine.
// Screenshots: test-results/.
import { join } from "path";
import type { Page } from "playwright-core";
import { generateReport } from "../../src/preview/sample-report";
import { reportFile } from "../support/reportFiles";
import {
  errorsOf,
  goToStep,
  openPreview,
  RESULTS,
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
  expect(preview.foreignRequests).toEqual([]);
});

/**
 * The preview on its sample report, at the Report step with "Open another report file" unfolded: the
 * file input sits there once a report is open.
 */
async function openReportStep(): Promise<Page> {
  const page = await openPreview(preview);
  await goToStep(page, "report");
  await page.getByRole("button", { name: "Open another report file" }).click();
  return page;
}

const sheetTabs = (page: Page) => page.getByTestId("sheet-tab").allTextContents();

describe("Open report file… in the browser preview", () => {
  test("a file picked through the pane's input becomes a new sheet with IDs and leading zeros intact", async () => {
    const page = await openReportStep();
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

    // The pane's status says what was opened (the picker folds away once the new sheet is analysed).
    const result = pane.locator('[data-testid="outcome"][data-status="done"]');
    await result.waitFor({ timeout: 60000 });
    const customers = report.truth.dataRows - report.truth.blankRows.length;
    expect(await result.textContent()).toContain(
      `Opened ${customers} customers from CloudAscent renewal.csv; 7 ID columns kept as text. Read as Windows-1252`,
    );

    // The new sheet is active and analysed.
    await expect(sheetTabs(page)).resolves.toEqual([...tabsBefore, "Agreement renewal 2026-11"]);
    await waitUntilIdle(page);
    await expect(page.getByTestId("report-type").textContent()).resolves.toContain("Agreement renewal");
    await expect(page.getByTestId("done-opened").textContent()).resolves.toContain(
      "Opened CloudAscent renewal.csv",
    );

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
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  });

  test("a workbook file given as a CSV is refused and no sheet is added", async () => {
    const page = await openReportStep();
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
