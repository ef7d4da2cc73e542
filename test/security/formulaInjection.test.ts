/**
 * Issue 10, security: every cell the add-in writes from report text is written as text, so an
 * account name such as =HYPERLINK("http://x","y") never becomes a live formula, whichever action
 * writes it (helper columns, summary keys, the About sheet, any later sheet).
 *
 * Mutation-checked: with TEXT_FORMAT removed from src/excel/write.ts (or the neutralisation in
 * writeGrid removed), these tests fail.
 */
import { actions, type Session } from "../../src/actions";
import type { CellValue } from "../../src/domain/types";
import { createFakeExcel, type FakeExcel } from "../../src/preview/fake-excel";
import { createSession } from "../../src/actions";
import { TODAY } from "../support/workbooks";

/** Texts Excel would turn into formulas if typed, or written through `range.values` into a General cell. */
const HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(1,2)", "=1+1", "+Retail", "-Retail"];

const HEADER = [
  "AccountName",
  "Industry",
  "SubSegment",
  "Cohort Name",
  "AzureCluster",
  "AzureFit",
  "AzureIntent",
  "Azure Potential Revenue",
  "Transacted in the last 36 months",
];
const CLUSTERS = ["Act Now", "Evaluate", "Nurture", "Educate"];

function hostileReport(rows = 40): CellValue[][] {
  const data: CellValue[][] = [HEADER];
  for (let i = 0; i < rows; i++) {
    const hostile = HOSTILE[i % HOSTILE.length];
    data.push([
      `${hostile}${i}`,
      HOSTILE[(i + 1) % HOSTILE.length],
      i % 2 ? "SMB - Upper Medium" : HOSTILE[(i + 2) % HOSTILE.length],
      i % 3 ? "Cohort 1 - Migrate to Cloud" : HOSTILE[(i + 3) % HOSTILE.length],
      CLUSTERS[i % 4],
      [80, 60, 40, 10][i % 4],
      [90, 60, 40, 10][(i >> 2) % 4],
      1000 * (i + 1),
      i % 2 ? "Yes" : "No",
    ]);
  }
  return data;
}

const isHostile = (v: unknown) => typeof v === "string" && HOSTILE.some((h) => v.includes(h));

interface Loaded {
  fake: FakeExcel;
  session: Session;
}

function load(apiVersion?: string): Loaded {
  const fake = createFakeExcel(apiVersion ? { apiVersion } : {});
  fake.workbook.addSheet("Report", hostileReport());
  return { fake, session: createSession(fake, () => TODAY) };
}

function expectDone(outcome: { status: string; message: string }, step: string): void {
  if (outcome.status !== "done") throw new Error(`${step}: ${outcome.message}`);
}

/** The whole flow a user runs; filtering needs ExcelApi 1.9, so below it those steps are left out. */
async function runEverything({ session }: Loaded, filters = true): Promise<void> {
  const analysis = await session.run(actions.analyzeSheet, undefined);
  if (analysis.status !== "done") throw new Error(analysis.message);
  if (filters) {
    expectDone(await session.run(actions.showActNowEvaluate, { product: "any" }), "Act Now + Evaluate");
    const cohort = analysis.data.analysis.cohorts[0];
    if (cohort) {
      const listed = await session.run(actions.countColumnValues, { column: cohort.column, kind: "cohort" });
      if (listed.status !== "done") throw new Error(listed.message);
      const values = [listed.data.values[0].value];
      expectDone(await session.run(actions.applyValueFilter, { column: cohort.column, values }), "cohort");
    }
    expectDone(await session.run(actions.clearFilters, { all: false }), "clear");
  }
  expectDone(await session.run(actions.addHelperColumns, {}), "helpers");
  expectDone(await session.run(actions.sortByPriority, undefined), "sort");
  expectDone(await session.run(actions.addHelperColumns, {}), "helpers again");
  expectDone(await session.run(actions.buildSummaries, undefined), "summaries");
  expectDone(await session.run(actions.prepareForSellers, undefined), "prepare");
}

/** Every cell of every sheet, with its position and format. */
function* cells(fake: FakeExcel) {
  for (const sheet of fake.workbook.sheets) {
    const used = sheet.usedRange(false);
    if (!used) continue;
    for (let r = 0; r < used.row + used.rowCount; r++) {
      for (let c = 0; c < used.column + used.columnCount; c++) {
        yield { sheet: sheet.name, row: r, column: c, ...sheet.cell(r, c) };
      }
    }
  }
}

describe("report text is never written as a formula", () => {
  it("the in-memory Excel turns an '=' string written through values into a formula (as Excel does), unless the cell is text", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Sheet1", [[""]]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C1").values = [['=HYPERLINK("http://x","y")', "+1+1", "-2+3"]];
      const text = sheet.getRange("A2:C2");
      text.numberFormat = [["@", "@", "@"]];
      text.values = [['=HYPERLINK("http://x","y")', "+1+1", "-2+3"]];
      await context.sync();
    });
    const sheet = fake.workbook.sheet("Sheet1")!;
    expect([0, 1, 2].map((c) => sheet.getFormula(0, c))).toEqual([
      '=HYPERLINK("http://x","y")',
      "=+1+1",
      "=-2+3",
    ]);
    expect([0, 1, 2].map((c) => sheet.getFormula(1, c))).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    ["PivotTables (ExcelApi 1.8+)", undefined],
    ["static summary tables (ExcelApi 1.7)", "1.7"],
  ])(
    "after every action, with %s: no formula anywhere, and every report-derived text cell is text",
    async (_, api) => {
      const loaded = load(api);
      await runEverything(loaded, api === undefined);
      const { fake } = loaded;
      const reportWidth = HEADER.length;
      const sheetNames = fake.workbook.sheets.map((s) => s.name);
      expect(sheetNames.length).toBeGreaterThan(1);

      const formulas = [...cells(fake)].filter((cell) => cell.formula !== undefined);
      expect(formulas.map((f) => `${f.sheet}!R${f.row + 1}C${f.column + 1}: ${f.formula}`)).toEqual([]);

      const pivotCells = new Set(
        fake.workbook.sheets.flatMap((sheet) => (sheet.pivotTables.length > 0 ? [sheet.name] : [])),
      );
      // Cells the add-in wrote that carry report text: outside the report's own columns, or on its sheets.
      const written = [...cells(fake)].filter(
        (cell) => isHostile(cell.value) && !(cell.sheet === "Report" && cell.column < reportWidth),
      );
      // The hostile text did reach add-in cells (Score Reasons, summary keys), or this test proves nothing.
      const checked = written.filter((cell) => !pivotCells.has(cell.sheet));
      if (api === "1.7") expect(checked.some((cell) => cell.sheet !== "Report")).toBe(true);
      const notText = checked.filter((cell) => cell.numberFormat !== "@");
      expect(
        notText.map(
          (c) => `${c.sheet}!R${c.row + 1}C${c.column + 1} (${c.numberFormat}): ${String(c.value)}`,
        ),
      ).toEqual([]);
    },
  );

  it("the report's own hostile cells are left exactly as they were (values, no formula)", async () => {
    const loaded = load("1.7");
    await runEverything(loaded, false);
    const sheet = loaded.fake.workbook.sheet("Report")!;
    const names = sheet
      .values(1, 0, 40, 1)
      .map(([v]) => v)
      .sort();
    expect(names).toEqual(
      hostileReport()
        .slice(1)
        .map((row) => row[0])
        .sort(),
    );
  });
});
