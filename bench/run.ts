/**
 * npm run bench [-- --rows 10000,100000 --json FILE --skip-new --skip-crm --details]
 * Runs each action on generated reports against the in-memory Excel in web-limits mode and prints
 * syncs, payload sizes, bytes read versus bytes needed, domain time, memory and the longest stretch
 * the pane's thread was busy, next to papaparse's parse time of the same report as CSV.
 *
 * Each action's figures count every sync the pane makes for the click (bench/benchRow.ts paneClick):
 * the re-analysis the pane runs after the actions it passes refreshAfter: true, and the
 * describeWorkbook read it runs where it does not update its check marks from the action's result. The new actions (import, compare,
 * crmMatch, sellerLists) come from bench/newActions.ts; --skip-new leaves them out. estimatedWebSeconds is a MODEL,
 * not a measurement: no published figure exists for one round trip on Excel on the web, so it assumes
 * ROUND_TRIP_SECONDS per sync plus bytes moved at WEB_BYTES_PER_SECOND.
 * Match to CRM at 100,000 customers x 50,000 accounts (bench/crm.ts: domain work and peak memory
 * against issue 14's targets) runs in a child process after the sizes; --skip-crm leaves it out.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import Papa from "papaparse";
import { actions, createSession } from "../src/actions";
import type { ActionDefinition } from "../src/actions";
import { detectLayout } from "../src/domain/layout";
import { analysisColumnsNeeded, analyzeReport } from "../src/domain/analysis";
import { formatColumnsNeeded } from "../src/domain/columnFormats";
import { summarize, summaryColumnsNeeded } from "../src/domain/summaries";
import { clusterFilterValues } from "../src/domain/filters";
import { computeHelperRows, DEFAULT_SCORE_SETTINGS, helperColumnsNeeded } from "../src/domain/score";
import { HEADER_SEARCH_ROWS, SAMPLE_ROWS } from "../src/domain/headers";
import { cellJsonBytes } from "../src/excel/payload";
import type { CellValue } from "../src/domain/types";
import { createFakeExcel } from "../src/preview/fake-excel";
import { generateReport, reportToCsv } from "../src/preview/sample-report";
import { benchCompare } from "./compare";
import { benchImport } from "./import";
import { benchSellers, printSellerResults, type SellerBenchRow } from "./sellers";
import type { CrmBenchResult } from "./crm";
import {
  benchRow,
  estimatedWebSeconds,
  MB,
  measureClick,
  paneClick,
  ROUND_TRIP_SECONDS,
  WEB_BYTES_PER_SECOND,
  type AfterClick,
  type BenchRow,
} from "./benchRow";

const NOTHING_AFTER: AfterClick = { refresh: false, describe: false };
import { benchNewActions, FLOOR_TARGET, printFloorRatios } from "./newActions";

/** The actions of the monthly main flow, summed in the printed total. */
const MAIN_FLOW = ["analyze", "filter", "helperColumns", "summaries", "prepare"];

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (option("rows") ?? "10000,100000,300000").split(",").map(Number);
const jsonFile = option("json");
const COLUMNS = 150;

function time<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

/** Median of three runs: the domain is deterministic, and one run mostly measures JIT warm-up. */
function domainTime(work: () => unknown): { ms: number } {
  const runs = [time(work).ms, time(work).ms, time(work).ms].sort((a, b) => a - b);
  return { ms: runs[1] };
}

/**
 * Bytes an action can't avoid reading, as Excel would send them: the header block (to find the
 * report) plus the columns it needs for every data row. The floor for "bytes read".
 */
function neededBytes(
  rows: readonly (readonly CellValue[])[],
  headerRow: number,
  columns: readonly number[],
): number {
  let bytes = 0;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS + SAMPLE_ROWS))
    for (const cell of row) bytes += cellJsonBytes(cell);
  for (let r = headerRow + 1; r < rows.length; r++)
    for (const c of columns) bytes += cellJsonBytes(rows[r][c]);
  return bytes;
}

function columnValues(
  rows: readonly (readonly CellValue[])[],
  headerRow: number,
  columns: readonly number[],
) {
  const data = new Map<number, CellValue[]>();
  for (const c of columns)
    data.set(
      c,
      rows.slice(headerRow + 1).map((row) => row[c] ?? ""),
    );
  return data;
}

/**
 * papaparse's time to parse the report as CSV. A 300,000 x 150 CSV is longer than a JavaScript string
 * may be, so it is written and parsed in slices of rows and the parse times are added up.
 */
function papaparseTime(rows: readonly CellValue[][]): number {
  const SLICE = 50_000;
  let ms = 0;
  for (let start = 0; start < rows.length; start += SLICE) {
    const csv = reportToCsv(rows.slice(start, start + SLICE) as CellValue[][]);
    ms += time(() => Papa.parse(csv, { dynamicTyping: true })).ms;
  }
  return ms;
}

async function main() {
  const results: BenchRow[] = [];
  // One small unmeasured pass first, so the first measured size doesn't pay the JIT's warm-up.
  if (!args.includes("--skip-new")) await benchNewActions(2_000, await benchSize(2_000, []));
  else await benchSize(2_000, []);
  for (const rowCount of sizes) {
    const papaparseMs = await benchSize(rowCount, results);
    if (!args.includes("--skip-new")) results.push(...(await benchNewActions(rowCount, papaparseMs)));
  }
  // Match to CRM at 100,000 x 50,000 (issue 14's targets), in a process of its own.
  const crm = args.includes("--skip-crm") ? null : crmBenchInItsOwnProcess();
  printResults(results, crm);
  // --details: the feature benches' own scenarios (seller rerun after a filter and Open as workbook;
  // compare rerun and from a CSV file), at 100,000 rows for compare and import.
  // The JSON rows above already hold each new action's first click at every size.
  if (!args.includes("--details")) return;
  const sellerResults: SellerBenchRow[] = [];
  for (const rowCount of sizes) sellerResults.push(...(await benchSellers(rowCount)));
  if (!printSellerResults(sellerResults)) process.exitCode = 1;
  await benchCompare(100_000);
  await benchImport(100_000, COLUMNS);
}

/** bench/crm.ts in a child process: its figures, printed there and returned for the JSON. */
function crmBenchInItsOwnProcess(): CrmBenchResult {
  const output = execFileSync(
    process.execPath,
    ["--max-old-space-size=8192", "--import", "tsx", "bench/crm.ts", "--json-line"],
    { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  const lines = output.split("\n");
  const json = lines.find((line) => line.startsWith("CRM_BENCH_JSON "));
  if (!json) throw new Error(`bench/crm.ts printed no figures:\n${output}`);
  const printed = lines.find((line) => line.startsWith("Match to CRM"));
  if (printed) console.log(printed);
  return JSON.parse(json.slice("CRM_BENCH_JSON ".length)) as CrmBenchResult;
}

async function benchSize(rowCount: number, results: BenchRow[]): Promise<number> {
  const report = generateReport({
    layout: "ai-business",
    rows: rowCount,
    columns: COLUMNS,
    seed: 7,
    messy: true,
  });
  const papaparseMs = papaparseTime(report.rows);

  // Domain work alone, on values taken straight from the generated rows.
  const detection = detectLayout(report.rows.slice(0, HEADER_SEARCH_ROWS + SAMPLE_ROWS));
  if (!detection.ok) throw new Error(detection.reason);
  const layout = detection.layout;
  const dataRows = report.rows.length - layout.headerRow - 1;
  const quickColumns = (["transacted36", "subSegment", "industry", "country"] as const).flatMap((role) =>
    layout.roles[role] === undefined ? [] : [layout.roles[role]!],
  );
  const analysisColumns = [
    ...new Set([...analysisColumnsNeeded(layout), ...quickColumns, ...formatColumnsNeeded(layout)]),
  ];
  const helperColumns = helperColumnsNeeded(layout, DEFAULT_SCORE_SETTINGS);
  const clusterColumn = layout.products[0].cluster;
  // Column arrays as the Excel layer hands them to the domain; built outside the timed work.
  const analysisData = columnValues(report.rows, layout.headerRow, analysisColumns);
  const helperData = columnValues(report.rows, layout.headerRow, helperColumns);
  const clusterTexts = report.rows.slice(layout.headerRow + 1).map((row) => String(row[clusterColumn] ?? ""));
  const summaryColumns = summaryColumnsNeeded(layout);
  const summaryData = columnValues(report.rows, layout.headerRow, summaryColumns);
  const helperRows = computeHelperRows(
    layout,
    helperData,
    dataRows,
    DEFAULT_SCORE_SETTINGS,
    new Date(Date.UTC(2026, 10, 24)),
  ).rows;
  const domain: Record<string, number> = {
    analyze: domainTime(() => analyzeReport(layout, analysisData, dataRows)).ms,
    filter: domainTime(() => clusterFilterValues(clusterTexts, ["Act Now", "Evaluate"])).ms,
    helperColumns: domainTime(() =>
      computeHelperRows(
        layout,
        helperData,
        dataRows,
        DEFAULT_SCORE_SETTINGS,
        new Date(Date.UTC(2026, 10, 24)),
      ),
    ).ms,
    summaries: domainTime(() =>
      summarize(
        layout,
        summaryData,
        helperRows.map((row) => row.bestCluster),
        dataRows,
      ),
    ).ms,
    prepare: 0,
    reset: 0,
  };
  const needed: Record<string, number> = {
    // Analyze and a one-product filter let Excel count (COUNTIFS): only the header block must move.
    analyze: neededBytes(report.rows, layout.headerRow, []),
    filter: neededBytes(report.rows, layout.headerRow, []),
    helperColumns: neededBytes(report.rows, layout.headerRow, helperColumns),
    // Summaries with PivotTables (ExcelApi 1.17 here) count with COUNTIFS over the PivotTables' items:
    // only the header block must move (static tables would read their columns and Best Cluster).
    summaries: neededBytes(report.rows, layout.headerRow, []),
    prepare: neededBytes(report.rows, layout.headerRow, []),
    reset: neededBytes(report.rows, layout.headerRow, []),
  };
  // Cells an action must write: the helper columns' values (and one number format each per column).
  let helperWriteBytes = 0;
  for (const row of helperRows)
    for (const cell of [row.bestCluster, row.band, row.topProducts, row.score, row.reasons])
      helperWriteBytes += cellJsonBytes(cell) + 4;
  const written: Record<string, number> = { helperColumns: helperWriteBytes };

  const fake = createFakeExcel({ limits: "web", apiVersion: "1.17" });
  fake.workbook.addSheet("Report", report.rows);
  const session = createSession(fake, () => new Date(Date.UTC(2026, 10, 24)));
  const as = (action: unknown) => action as ActionDefinition<never, unknown>;
  // The fourth field: what the pane runs after the click (usePane.ts): Analyze reads the check marks
  // again; a one-product filter, helper columns, summaries, Prepare and Reset update the pane from
  // their own result (Reset through reportAfterReset).
  const steps: [string, ActionDefinition<never, unknown>, unknown, AfterClick][] = [
    ["analyze", as(actions.analyzeSheet), undefined, { refresh: false, describe: true }],
    ["filter", as(actions.showActNowEvaluate), { product: layout.products[0].key }, NOTHING_AFTER],
    ["helperColumns", as(actions.addHelperColumns), {}, NOTHING_AFTER],
    ["summaries", as(actions.buildSummaries), undefined, NOTHING_AFTER],
    ["prepare", as(actions.prepareForSellers), undefined, NOTHING_AFTER],
    ["reset", as(actions.resetSheet), {}, NOTHING_AFTER],
  ];
  for (const [name, action, input, after] of steps) {
    const figures = await measureClick(fake, () => paneClick(session, action, input, after));
    if (figures.outcome.status !== "done") throw new Error(`${name}: ${figures.outcome.message}`);
    results.push(
      benchRow(fake, figures, {
        rows: rowCount,
        action: name,
        neededBytes: needed[name],
        floorBytes: needed[name] + (written[name] ?? 0),
        domainMs: domain[name],
        papaparseMs,
      }),
    );
  }
  return papaparseMs;
}

function printResults(results: BenchRow[], crm: CrmBenchResult | null): void {
  const table = results.map((r) => ({
    rows: r.rows,
    action: r.action,
    syncs: r.syncs,
    "moved MB": (r.bytesMoved / MB).toFixed(1),
    "floor MB": (r.floorBytes / MB).toFixed(1),
    "est. web s": r.estimatedWebSeconds,
    "wall ms": r.wallMs,
    "max req MB": (r.maxRequestBytes / MB).toFixed(2),
    "max resp MB": (r.maxResponseBytes / MB).toFixed(2),
    "read/needed": r.neededBytes ? (r.bytesRead / r.neededBytes).toFixed(2) : "-",
    "max cells/read": r.maxCellsPerRead,
    "domain ms": r.domainMs,
    "papaparse ms": r.papaparseMs,
    "peak RSS MB": r.peakRssMb,
    "longest block ms": r.longestBlockMs,
  }));
  console.table(table);
  printFloorRatios(results);
  // The summary: every action at every size, its syncs and bytes next to the floor.
  console.table(
    results.map((r) => ({
      action: r.action,
      rows: r.rows,
      syncs: r.syncs,
      "MB moved": Number((r.bytesMoved / MB).toFixed(1)),
      "floor MB": Number((r.floorBytes / MB).toFixed(1)),
      ratio:
        Number((r.bytesMoved / r.floorBytes).toFixed(2)) +
        (r.bytesMoved / r.floorBytes > FLOOR_TARGET ? " !" : ""),
      "est. web s": r.estimatedWebSeconds,
    })),
  );
  for (const rows of sizes) {
    const flow = results.filter((r) => r.rows === rows && MAIN_FLOW.includes(r.action));
    const syncs = flow.reduce((sum, r) => sum + r.syncs, 0);
    const moved = flow.reduce((sum, r) => sum + r.bytesMoved, 0);
    console.log(
      `${rows.toLocaleString("en-US")} rows: main flow (${MAIN_FLOW.join(", ")}) ${syncs} syncs, ` +
        `${(moved / MB).toFixed(1)} MB moved, estimatedWebSeconds ${estimatedWebSeconds(syncs, moved)} ` +
        `(model: ${ROUND_TRIP_SECONDS} s per sync + ${WEB_BYTES_PER_SECOND / MB} MB/s)`,
    );
  }
  const overLimit = results.filter(
    (r) => r.maxRequestBytes > 4 * MB || r.maxResponseBytes > 4 * MB || r.maxCellsPerRead > 5_000_000,
  );
  for (const rows of sizes) {
    const ofSize = results.filter((r) => r.rows === rows);
    const domainTotal = ofSize.reduce((sum, r) => sum + r.domainMs, 0);
    console.log(
      `${rows.toLocaleString("en-US")} rows: domain work for all actions ${domainTotal.toFixed(1)} ms = ` +
        `${(domainTotal / ofSize[0].papaparseMs).toFixed(3)} x papaparse (${ofSize[0].papaparseMs} ms)`,
    );
  }
  console.log(
    overLimit.length
      ? `OVER LIMITS: ${JSON.stringify(overLimit)}`
      : "No request or response above 4 MB; no read above 5,000,000 cells.",
  );
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ results, ...(crm ? { crm } : {}) }, null, 2));
  if (overLimit.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
