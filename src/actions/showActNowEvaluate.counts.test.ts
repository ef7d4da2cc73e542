/**
 * Act Now + Evaluate on one product sets a wildcard criterion instead of a values list, and counts with
 * COUNTIFS, only where that is proven to keep the same rows (issue 16). Held to the domain's reading of
 * every cell, whatever the cells hold.
 */
import fc from "fast-check";
import { actions, createSession } from ".";
import { customerRows } from "../domain/analysis";
import { detectLayout } from "../domain/layout";
import type { CellValue } from "../domain/types";
import { parseCluster } from "../domain/values";
import { createFakeExcel } from "../preview/fake-excel";
import { generateReport } from "../preview/sample-report";
import { TODAY } from "../../test/support/workbooks";
import { messyCellRows, reportWith } from "../../test/support/messyCells";

const WANTED = new Set(["Act Now", "Evaluate"]);

/** What a values filter of every Act Now / Evaluate spelling keeps, and what the counts should say. */
function expectedFilter(rows: CellValue[][], headerRow: number, clusterColumn: number) {
  const detection = detectLayout(rows.slice(0, 220));
  if (!detection.ok) throw new Error(detection.reason);
  const layout = detection.layout;
  const data = rows.slice(headerRow + 1);
  const identity = layout.roles.accountName!;
  const customers = customerRows(
    layout,
    new Map([[identity, data.map((r) => r[identity] ?? "")]]),
    data.length,
  );
  const kept = data.map((row) => WANTED.has(parseCluster(row[clusterColumn]) ?? ""));
  const byCluster = (cluster: string) =>
    data.filter((row, r) => kept[r] && customers[r] && parseCluster(row[clusterColumn]) === cluster).length;
  return {
    hidden: kept.flatMap((keep, r) => (keep ? [] : [headerRow + 1 + r])),
    visible: kept.filter((keep, r) => keep && customers[r]).length,
    total: customers.filter(Boolean).length,
    actNow: byCluster("Act Now"),
    evaluate: byCluster("Evaluate"),
    productKey: layout.products[0].key,
  };
}

async function filterInExcel(rows: CellValue[][], productKey: string) {
  const fake = createFakeExcel({ limits: "web" });
  fake.workbook.addSheet("Report", rows);
  const session = createSession(fake, () => TODAY);
  fake.resetStats();
  const outcome = await session.run(actions.showActNowEvaluate, { product: productKey });
  const sheet = fake.workbook.sheet("Report")!;
  const hidden: number[] = [];
  for (let r = 0; r < rows.length; r++) if (sheet.isRowHidden(r)) hidden.push(r);
  return { outcome, hidden, stats: { ...fake.stats }, fake, session };
}

describe("Show Act now + Evaluate by counting", () => {
  it("hides and counts the rows a values filter would, whatever the cells hold", async () => {
    await fc.assert(
      fc.asyncProperty(messyCellRows, async (cells) => {
        const { rows, headerRow, clusterColumn } = reportWith(
          cells.map(([cluster]) => cluster),
          cells.map(([, identity]) => identity),
        );
        const expected = expectedFilter(rows, headerRow, clusterColumn);
        const { outcome, hidden } = await filterInExcel(rows, expected.productKey);
        if (expected.visible === 0 && expected.hidden.length === cells.length) {
          expect(outcome.status).toBe("refused");
          return;
        }
        if (outcome.status !== "done") throw new Error(outcome.message);
        expect(hidden).toEqual(expected.hidden);
        expect(outcome.data.visible).toBe(expected.visible);
        expect(outcome.data.total).toBe(expected.total);
        expect(outcome.data.visibleByCluster["Act Now"]).toBe(expected.actNow);
        expect(outcome.data.visibleByCluster.Evaluate).toBe(expected.evaluate);
      }),
      { numRuns: 60, seed: 17 },
    );
  });

  it("on a messy report reads no column, and Clear filters knows the criterion as its own", async () => {
    const report = generateReport({ layout: "ai-business", rows: 3_000, seed: 7, messy: true });
    const header = report.rows[report.truth.headerRow];
    const clusterColumn = header.indexOf(report.truth.products[0].clusterHeader);
    const expected = expectedFilter(report.rows, report.truth.headerRow, clusterColumn);
    const { outcome, hidden, stats, session, fake } = await filterInExcel(report.rows, expected.productKey);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(hidden).toEqual(expected.hidden);
    expect(outcome.data.visible).toBe(expected.visible);
    // Open the report (2), count (1), state and filter (4): no read of the column.
    expect(stats.syncs).toBeLessThanOrEqual(7);
    expect(stats.cellsRead).toBeLessThanOrEqual(220 * header.length);
    const cleared = await session.run(actions.clearFilters, { all: false });
    if (cleared.status !== "done") throw new Error(cleared.message);
    expect(cleared.data.leftInPlace).toEqual([]);
    const sheet = fake.workbook.sheet("Report")!;
    expect(report.rows.some((_, r) => sheet.isRowHidden(r))).toBe(false);
  });
});
