/**
 * Compare with last month at scale: this month's report (messy, 150 columns) against last month's,
 * 100,000 rows each, in the in-memory Excel under the web limits (5 MB per request and response).
 * Last month comes from another sheet, then (a rerun) the same sheet, then from a CSV file; then the
 * New Act Now / Evaluate filter. estimatedWebSeconds is a model, not a measurement: 0.25 s per sync
 * plus bytes moved at 4 MB/s (excel-notes.md: no published figure exists for a sync on the web).
 */
import { actions, createSession, type ActionDefinition } from "../src/actions";
import {
  compareReports,
  currentColumnsNeeded,
  planComparison,
  previousColumnsNeeded,
} from "../src/domain/compare";
import { HEADER_SEARCH_ROWS, SAMPLE_ROWS } from "../src/domain/headers";
import { detectLayout } from "../src/domain/layout";
import type { CellValue } from "../src/domain/types";
import { createFakeExcel, type FakeExcel } from "../src/preview/fake-excel";
import { generateReport, reportToCsv } from "../src/preview/sample-report";
import { deriveLastMonth } from "../src/preview/sample-report/lastMonth";

const MB = 1024 * 1024;
const SYNC_SECONDS = 0.25;
const BYTES_PER_SECOND = 4 * MB;

export interface CompareBenchRow {
  step: string;
  syncs: number;
  maxRequestMB: number;
  maxResponseMB: number;
  bytesMovedMB: number;
  wallMs: number;
  estimatedWebSeconds: number;
}

function columnsOf(rows: readonly (readonly CellValue[])[], headerRow: number, columns: readonly number[]) {
  const data = new Map<number, CellValue[]>();
  for (const c of columns)
    data.set(
      c,
      rows.slice(headerRow + 1).map((row) => row[c] ?? ""),
    );
  return data;
}

async function measure(
  fake: FakeExcel,
  step: string,
  run: () => Promise<{ status: string; message: string }>,
): Promise<CompareBenchRow> {
  fake.resetStats();
  const start = performance.now();
  const outcome = await run();
  const wallMs = performance.now() - start;
  if (outcome.status !== "done") throw new Error(`${step}: ${outcome.message}`);
  const s = fake.stats;
  return {
    step,
    syncs: s.syncs,
    maxRequestMB: Number((s.maxRequestBytes / MB).toFixed(2)),
    maxResponseMB: Number((s.maxResponseBytes / MB).toFixed(2)),
    bytesMovedMB: Number((s.bytesMoved / MB).toFixed(1)),
    wallMs: Math.round(wallMs),
    estimatedWebSeconds: Number((s.syncs * SYNC_SECONDS + s.bytesMoved / BYTES_PER_SECOND).toFixed(1)),
  };
}

export async function benchCompare(rowCount = 100_000): Promise<CompareBenchRow[]> {
  const report = generateReport({
    layout: "ai-business",
    rows: rowCount,
    columns: 150,
    seed: 7,
    messy: true,
  });
  const last = deriveLastMonth(report, { seed: 8 });
  const today = () => new Date(Date.UTC(2026, 10, 24));
  const as = (action: unknown) => action as ActionDefinition<unknown, unknown>;
  const rows: CompareBenchRow[] = [];

  // Domain work alone, on columns taken straight from the rows.
  const current = detectLayout(report.rows.slice(0, HEADER_SEARCH_ROWS + SAMPLE_ROWS));
  const previous = detectLayout(last.rows.slice(0, HEADER_SEARCH_ROWS + SAMPLE_ROWS));
  if (!current.ok || !previous.ok) throw new Error("bench: the generated reports were not recognised");
  const planned = planComparison(current.layout, previous.layout, "all");
  if (!planned.ok) throw new Error(planned.reason);
  const currentData = columnsOf(
    report.rows,
    current.layout.headerRow,
    currentColumnsNeeded(current.layout, planned.plan),
  );
  const previousData = columnsOf(
    last.rows,
    previous.layout.headerRow,
    previousColumnsNeeded(previous.layout, planned.plan),
  );
  const domainStart = performance.now();
  const comparison = compareReports(
    { layout: current.layout, columns: currentData, rowCount: report.truth.dataRows },
    { layout: previous.layout, columns: previousData, rowCount: last.rows.length - last.headerRow - 1 },
    planned.plan,
  );
  const domainMs = Math.round(performance.now() - domainStart);

  const fake = createFakeExcel({ limits: "web", apiVersion: "1.17" });
  fake.workbook.addSheet("Report", report.rows);
  fake.workbook.addSheet("October", last.rows);
  const session = createSession(fake, today);
  rows.push(await measure(fake, "compare (from sheet)", () => session.run(as(actions.compareLastMonth), {})));
  rows.push(
    await measure(fake, "compare again (in place)", () =>
      session.run(as(actions.compareLastMonth), { source: { sheetName: "October" } }),
    ),
  );
  rows.push(
    await measure(fake, "New Act Now / Evaluate", () =>
      session.run(as(actions.showNewActNowEvaluate), undefined),
    ),
  );

  const bytes = new TextEncoder().encode(reportToCsv(last.rows));
  const fromFile = createFakeExcel({ limits: "web", apiVersion: "1.17" });
  fromFile.workbook.addSheet("Report", report.rows);
  const fileSession = createSession(fromFile, today);
  rows.push(
    await measure(fromFile, `compare (from ${(bytes.length / MB).toFixed(0)} MB CSV file)`, () =>
      fileSession.run(as(actions.compareLastMonth), {
        source: { file: { name: "CloudAscent 2026-10.csv", bytes } },
      }),
    ),
  );

  console.log(
    `Compare with last month: ${rowCount.toLocaleString("en-US")} rows against ` +
      `${(last.rows.length - last.headerRow - 1).toLocaleString("en-US")}, 150 columns, web limits. ` +
      `${comparison.keyLabel}: matched ${comparison.matched.toLocaleString("en-US")}, ` +
      `${comparison.newCustomers.toLocaleString("en-US")} new, ${comparison.gone.length.toLocaleString("en-US")} gone; ` +
      `domain compare ${domainMs} ms.`,
  );
  console.table(rows);
  const over = rows.filter((r) => r.maxRequestMB > 4 || r.maxResponseMB > 4);
  console.log(
    over.length ? `OVER LIMITS: ${JSON.stringify(over)}` : "Compare: no request or response above 4 MB.",
  );
  if (over.length) process.exitCode = 1;
  return rows;
}
