/**
 * Analyze counts with Excel's COUNTIFS (issue 16) only where that is proven equal to reading the cells.
 * These tests hold it to the domain's own counts on every kind of messy cell, and check that the
 * fast path really is taken on a messy report whose spellings are the usual ones.
 */
import fc from "fast-check";
import { actions, createSession } from ".";
import { analyzeReport } from "../domain/analysis";
import { detectLayout } from "../domain/layout";
import type { CellValue } from "../domain/types";
import { createFakeExcel } from "../preview/fake-excel";
import { generateReport } from "../preview/sample-report";
import { TODAY } from "../../test/support/workbooks";
import { messyCellRows, reportWith } from "../../test/support/messyCells";

/** What the domain counts when every cell is read. */
function countsFromCells(rows: CellValue[][], headerRow: number) {
  const detection = detectLayout(rows.slice(0, 220));
  if (!detection.ok) throw new Error(detection.reason);
  const data = new Map<number, CellValue[]>();
  for (let c = 0; c < rows[headerRow].length; c++)
    data.set(
      c,
      rows.slice(headerRow + 1).map((row) => row[c] ?? ""),
    );
  return analyzeReport(detection.layout, data, rows.length - headerRow - 1);
}

async function analyzeInExcel(rows: CellValue[][]) {
  const fake = createFakeExcel({ limits: "web" });
  fake.workbook.addSheet("Report", rows);
  const session = createSession(fake, () => TODAY);
  fake.resetStats();
  const outcome = await session.run(actions.analyzeSheet, undefined);
  if (outcome.status !== "done") throw new Error(outcome.message);
  return { analysis: outcome.data.analysis, stats: fake.stats };
}

describe("Analyze sheet counts with COUNTIFS only where proven", () => {
  it("gives the counts of reading every cell, whatever the cluster and identity cells hold", async () => {
    await fc.assert(
      fc.asyncProperty(messyCellRows, async (cells) => {
        const { rows, headerRow } = reportWith(
          cells.map(([cluster]) => cluster),
          cells.map(([, identity]) => identity),
        );
        const expected = countsFromCells(rows, headerRow);
        const { analysis } = await analyzeInExcel(rows);
        expect(analysis.blankRowCount).toBe(expected.blankRowCount);
        expect(analysis.products.map((p) => p.counts)).toEqual(expected.products.map((p) => p.counts));
      }),
      { numRuns: 80, seed: 16 },
    );
  });

  it("counts a messy report in two syncs (the sheet with its setting, then COUNTIFS) without reading its cluster or cohort columns", async () => {
    const report = generateReport({ layout: "ai-business", rows: 3_000, seed: 7, messy: true });
    const expected = countsFromCells(report.rows, report.truth.headerRow);
    const { analysis, stats } = await analyzeInExcel(report.rows);
    expect(analysis.products.map((p) => p.counts)).toEqual(expected.products.map((p) => p.counts));
    expect(analysis.blankRowCount).toBe(expected.blankRowCount);
    // Spellings such as "act now " and "  Educate" are counted, not read.
    expect(expected.products.some((p) => p.counts.Unknown > 0)).toBe(true);
    expect(stats.syncs).toBeLessThanOrEqual(2);
    // The header block and sample (about 220 rows) is all that is read.
    expect(stats.cellsRead).toBeLessThanOrEqual(220 * report.rows[0].length);
    expect(analysis.cohorts.every((c) => c.valuesPending)).toBe(true);
  });

  it("reads a cluster column when a spelling there can't be proven by counting", async () => {
    const clusters: CellValue[] = Array.from({ length: 40 }, (_, i) =>
      i === 7 ? "Act\u200BNow" : "Evaluate",
    );
    const { rows, headerRow } = reportWith(clusters, Array<CellValue>(40).fill("Contoso"));
    const { analysis, stats } = await analyzeInExcel(rows);
    expect(analysis.products[0].counts["Act Now"]).toBe(1);
    expect(analysis.products[0].counts.Unknown).toBe(
      countsFromCells(rows, headerRow).products[0].counts.Unknown,
    );
    // One more sync than counting alone: the read of that column.
    expect(stats.syncs).toBeGreaterThan(2);
  });
});
