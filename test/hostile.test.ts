import { actions } from "../src/actions";
import type { CellValue } from "../src/domain/types";
import { workbookSnapshot } from "../src/preview/fake-excel";
import { generateReport, openCsvLikeExcel, reportToCsv } from "../src/preview/sample-report";
import { loadRows, loadSample } from "./support/workbooks";

const HEADER = [
  "AccountName",
  "SubSegment",
  "AzureCluster",
  "AzureFit",
  "AzureIntent",
  "Transacted in the last 36 months",
];

describe("hostile and odd input", () => {
  it("a header-only report is recognised with no data rows", async () => {
    const { session } = loadRows([HEADER]);
    const outcome = await session.run(actions.analyzeSheet, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.analysis.dataRowCount).toBe(0);
  });

  it("a comma CSV opened in a semicolon locale (one column) is refused with the fix", async () => {
    const csv = reportToCsv(generateReport({ layout: "azure", rows: 20, seed: 1 }));
    const { fake, session } = loadRows(openCsvLikeExcel(csv, { listSeparator: ";" }));
    const before = workbookSnapshot(fake.workbook);
    const outcome = await session.run(actions.analyzeSheet, undefined);
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(/single column/i);
    expect(workbookSnapshot(fake.workbook)).toEqual(before);
  });

  it("merged cells above and in the header (Excel returns the value in the first cell, blanks in the rest)", async () => {
    const { session } = loadRows([
      ["CloudAscent - Cloud & AI Platform", "", "", "", "", ""],
      ["Customer", "", "Azure propensity", "", "", "Recency"],
      ["AccountName", "", "AzureCluster", "AzureFit", "AzureIntent", "Transacted in the last 36 months"],
      ["Contoso", "", "Act Now", 80, 90, "Yes"],
      ["Fabrikam", "", "Evaluate", 60, 40, "No"],
    ]);
    const outcome = await session.run(actions.analyzeSheet, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.headerRowNumber).toBe(3);
    expect(outcome.data.analysis.products[0].counts).toMatchObject({ "Act Now": 1, Evaluate: 1 });
    // The blank header under a merged cell gets a name, so PivotTables and messages can refer to it.
    expect(outcome.warnings.join(" ")).toMatch(/Column 2/);
  });

  it("error cells, numbers as text and band labels are read without failing", async () => {
    const { session, fake } = loadRows([
      HEADER,
      ["Contoso", "Upper Medium", "#N/A", "#VALUE!", "80", "Yes"],
      ["Fabrikam", "Medium", " act now ", "High", "Medium", "Y"],
      ["Tailspin", "Small", "Evaluate", "60.0", "#N/A", "no"],
    ]);
    const analysis = await session.run(actions.analyzeSheet, undefined);
    if (analysis.status !== "done") throw new Error(analysis.message);
    expect(analysis.data.analysis.products[0].counts).toMatchObject({
      "Act Now": 1,
      Evaluate: 1,
      Blank: 1,
      Unknown: 0,
    });
    const helpers = await session.run(actions.addHelperColumns, {});
    if (helpers.status !== "done") throw new Error(helpers.message);
    expect(fake.workbook.sheet("Sheet1")!.values(1, 6, 3, 2)).toEqual([
      ["", ""],
      ["Act Now", "A2"],
      ["Evaluate", "E"],
    ]);
  });

  it("very long texts and formula-like names pass through: a block Excel refuses as too large is split", async () => {
    const long = "x".repeat(30_000);
    const rows: CellValue[][] = [HEADER];
    for (let i = 0; i < 400; i++)
      rows.push([i % 2 ? `=HYPERLINK("${long}")` : `@${long}`, "Small", "Act Now", 90, 90, "Yes"]);
    const { fake, session } = loadRows(rows);
    const outcome = await session.run(actions.showActNowEvaluate, { product: "Azure" });
    if (outcome.status !== "done") throw new Error(outcome.message);
    const helpers = await session.run(actions.addHelperColumns, {});
    if (helpers.status !== "done") throw new Error(helpers.message);
    expect(fake.stats.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
    // Only each action's first, unsized read of the header block may be refused (about 6.6 MB of
    // text, with the sheet in one batch); it is then read in halves. Every other response stays under the limit.
    const refused = fake.stats.responseBytes.filter((bytes) => bytes > 5 * 1024 * 1024);
    expect(refused.length).toBeLessThanOrEqual(2);
    expect(fake.workbook.sheet("Sheet1")!.getFormula(2, 0)).toBeUndefined();
  });

  it("a report filling all 1,048,576 rows is read in blocks and filtered", async () => {
    const rows: CellValue[][] = [HEADER];
    const clusters = ["Act Now", "Evaluate", "Nurture", "Educate"];
    for (let i = 1; i < 1_048_576; i++) rows.push([`C${i}`, "Small", clusters[i % 4], "", "", "Yes"]);
    const { fake, session } = loadRows(rows);
    fake.resetStats();
    const outcome = await session.run(actions.showActNowEvaluate, { product: "Azure" });
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.total).toBe(1_048_575);
    // Rows 1..1,048,575 cycle through the four clusters; Act Now (i % 4 = 0) and Evaluate (i % 4 = 1).
    expect(outcome.data.visible).toBe(262_143 + 262_144);
    expect(fake.stats.maxCellsPerRead).toBeLessThan(5_000_000);
    expect(fake.stats.maxResponseBytes).toBeLessThan(4 * 1024 * 1024);
  }, 120_000);

  it("a cancelled helper-column write leaves no half-written column", async () => {
    // Enough rows for the write to take more than one block of 3.5 MB.
    const { fake, session } = loadSample({ layout: "ai-business", rows: 70_000, seed: 90 });
    const before = workbookSnapshot(fake.workbook);
    const controller = new AbortController();
    const outcome = await session.run(
      actions.addHelperColumns,
      {},
      {
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.message.startsWith("Writing") && progress.done > 0) controller.abort();
        },
      },
    );
    expect(outcome.status).toBe("cancelled");
    const after = workbookSnapshot(fake.workbook);
    expect({ ...after, settings: undefined }).toEqual({ ...before, settings: undefined });
  }, 60_000);
});
