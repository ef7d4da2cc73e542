/**
 * Seller lists at scale: a generated 150-column report with the CRM match's columns and 50 owners,
 * split into 50 seller sheets against the in-memory Excel in web-limits mode (5 MB per request and
 * per response). Measures syncs, payload sizes, bytes moved, wall time and the longest busy stretch;
 * the web time is a model (0.25 s per round trip plus transfer at 4 MB/s), not a measurement.
 * Run by bench/run.ts; alone: node --import tsx bench/sellers.ts --rows 100000
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { actions, createSession, type ActionDefinition } from "../src/actions";
import { COLUMN_GROUPS } from "../src/domain/addinArtifacts";
import type { CellValue } from "../src/domain/types";
import { createFakeExcel } from "../src/preview/fake-excel";
import { generateReport } from "../src/preview/sample-report";

const SELLERS = 50;
const COLUMNS = 150;
const MB = 1024 * 1024;
const SECONDS_PER_SYNC = 0.25;
const BYTES_PER_SECOND = 4 * 1024 * 1024; // the issue-16 cost model: 4 MB/s

export interface SellerBenchRow {
  rows: number;
  step: string;
  sheets: number;
  customers: number;
  syncs: number;
  maxRequestMB: string;
  maxResponseMB: string;
  movedMB: string;
  wallMs: number;
  longestBlockMs: number;
  modelledWebSeconds: string;
}

export async function benchSellers(rowCount: number): Promise<SellerBenchRow[]> {
  const report = generateReport({
    layout: "ai-business",
    rows: rowCount,
    columns: COLUMNS,
    seed: 7,
    messy: true,
  });
  const headerRow = report.truth.headerRow;
  const rows: CellValue[][] = report.rows.map((row, r) =>
    r < headerRow
      ? row
      : r === headerRow
        ? [...row, ...COLUMN_GROUPS.crm]
        : row.every((cell) => cell === "" || cell === null)
          ? [...row, "", "", "", ""] // a blank row stays blank: it is not a customer
          : [...row, `CRM-${r}`, `Account ${r}`, `Seller ${((r * 7919) % SELLERS) + 1}`, "Domain"],
  );
  const fake = createFakeExcel({ limits: "web", apiVersion: "1.17" });
  fake.workbook.addSheet("Report", rows);
  const session = createSession(fake, () => new Date(Date.UTC(2026, 10, 24)));
  const prepare = async (action: ActionDefinition<never, unknown>, input: unknown) => {
    const outcome = await session.run(action, input as never);
    if (outcome.status !== "done") throw new Error(`${action.id}: ${outcome.message}`);
  };
  await prepare(actions.analyzeSheet as ActionDefinition<never, unknown>, undefined);
  await prepare(actions.addHelperColumns as ActionDefinition<never, unknown>, {});

  const results: SellerBenchRow[] = [];
  const measure = async (step: string, run: () => Promise<{ sheets: number; customers: number }>) => {
    fake.resetStats();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const start = performance.now();
    const { sheets, customers } = await run();
    const wallMs = Math.round(performance.now() - start);
    loop.disable();
    const s = fake.stats;
    results.push({
      rows: rowCount,
      step,
      sheets,
      customers,
      syncs: s.syncs,
      maxRequestMB: (s.maxRequestBytes / MB).toFixed(2),
      maxResponseMB: (s.maxResponseBytes / MB).toFixed(2),
      movedMB: (s.bytesMoved / MB).toFixed(1),
      wallMs,
      longestBlockMs: Math.round(loop.max / 1e6),
      modelledWebSeconds: (s.syncs * SECONDS_PER_SYNC + s.bytesMoved / BYTES_PER_SECOND).toFixed(1),
    });
  };
  let largestSheet = "";
  const split = async () => {
    const outcome = await session.run(actions.buildSellerLists, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    largestSheet = outcome.data.sellers[0].sheetName;
    return { sheets: outcome.data.sellers.length + 1, customers: outcome.data.customers };
  };
  await measure("split, every row visible", split);
  await prepare(actions.showActNowEvaluate as ActionDefinition<never, unknown>, { product: "any" });
  await measure("rerun after Act now + Evaluate", split);
  await measure("open largest as workbook", async () => {
    const opened = await session.run(actions.openSellerWorkbook, { sheetName: largestSheet });
    if (opened.status !== "done") throw new Error(opened.message);
    return { sheets: 1, customers: opened.data.customers };
  });
  return results;
}

export function printSellerResults(results: readonly SellerBenchRow[]): boolean {
  console.log(
    `Seller lists: ${SELLERS} sellers, web limits (modelled web time: ${SECONDS_PER_SYNC} s per sync + 4 MB/s)`,
  );
  console.table(results);
  const over = results.filter((r) => Number(r.maxRequestMB) > 4 || Number(r.maxResponseMB) > 4);
  console.log(
    over.length
      ? `SELLER LISTS OVER 4 MB: ${JSON.stringify(over)}`
      : "Seller lists: no request or response above 4 MB.",
  );
  return over.length === 0;
}

if (process.argv[1]?.endsWith("sellers.ts")) {
  const i = process.argv.indexOf("--rows");
  const sizes = (i >= 0 ? process.argv[i + 1] : "100000").split(",").map(Number);
  (async () => {
    const all: SellerBenchRow[] = [];
    for (const size of sizes) all.push(...(await benchSellers(size)));
    if (!printSellerResults(all)) process.exitCode = 1;
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
