/**
 * BenchRow figures for the actions added after the main flow (issue 16): Open report file… ("import"),
 * Compare with last month ("compare"), Match to CRM ("crmMatch") and Seller lists ("sellerLists"),
 * one click each at a given report size, against the in-memory Excel in web-limits mode.
 *
 * Each click counts what the pane runs for it (bench/benchRow.ts paneClick): all four cards pass
 * refreshAfter: true, so the action, then analyzeSheet, then describeWorkbook; except that after
 * Compare the pane updates itself from the action's result (usePane UPDATED_FROM_RESULT): the action alone.
 *
 * floorBytes is computed from the data, not from what the action did: the bytes it cannot avoid
 * moving (see each function). The printed ratio bytesMoved / floorBytes is the target
 * (within 1.5x the floor); over it prints "OVER 1.5x FLOOR" but does not fail the run.
 */
import { actions, createSession } from "../src/actions";
import { prepareFile } from "../src/actions/openReportFile";
import { COLUMN_GROUPS, SHEET_TITLES } from "../src/domain/addinArtifacts";
import {
  compareReports,
  currentColumnsNeeded,
  currentIdentityColumn,
  planComparison,
  previousColumnsNeeded,
  previousNameColumn,
  rowsBlankInEveryColumn,
} from "../src/domain/compare";
import { matchCustomers, type CrmAccounts, type ReportCustomers } from "../src/domain/crmMatch";
import { HEADER_SEARCH_ROWS, SAMPLE_ROWS } from "../src/domain/headers";
import { detectLayout } from "../src/domain/layout";
import { sellerColumns, sellerColumnsNeeded, splitBySeller } from "../src/domain/sellers";
import type { CellValue } from "../src/domain/types";
import { cellJsonBytes } from "../src/excel/payload";
import { createFakeExcel, type FakeExcel } from "../src/preview/fake-excel";
import { generateReport, reportToCsv } from "../src/preview/sample-report";
import { MAX_TEXT_FILE_BYTES } from "../src/domain/textFile";
import { generateCrmSample } from "../src/preview/sample-report/crmSample";
import { deriveLastMonth } from "../src/preview/sample-report/lastMonth";
import { reportFile } from "../test/support/reportFiles";
import {
  benchRow,
  columnBytes,
  headerBlockBytes,
  MB,
  measureClick,
  paneClick,
  REFRESH_AND_DESCRIBE,
  FROM_RESULT,
  type BenchRow,
} from "./benchRow";
import { distinctCustomers } from "./crm";

const COLUMNS = 150;
const SELLERS = 50;
export const FLOOR_TARGET = 1.5;
const today = () => new Date(Date.UTC(2026, 10, 24));
const web = () => createFakeExcel({ limits: "web", apiVersion: "1.17" });

function report(rows: number) {
  return generateReport({ layout: "ai-business", rows, columns: COLUMNS, seed: 7, messy: true });
}

function medianMs(work: () => unknown): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    work();
    runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[1];
}

function sheetRows(fake: FakeExcel, name: string): CellValue[][] {
  const sheet = fake.workbook.sheet(name);
  const used = sheet?.usedRange();
  if (!sheet || !used) throw new Error(`bench: no sheet ${name}`);
  return sheet.values(0, 0, used.row + used.rowCount, used.column + used.columnCount);
}

/** JSON bytes of the cells below the header row in the columns headed by `headers` (read back after the run). */
function writtenColumnBytes(rows: CellValue[][], headerRow: number, headers: readonly string[]): number {
  const header = rows[headerRow].map(String);
  const columns = headers.map((h) => header.lastIndexOf(h));
  if (columns.some((c) => c < 0)) throw new Error(`bench: columns ${headers.join(", ")} were not written`);
  return columnBytes(rows, headerRow, columns) + headers.reduce((sum, h) => sum + cellJsonBytes(h), 0);
}

function done(name: string, outcome: { status: string; message: string }) {
  if (outcome.status !== "done") throw new Error(`${name}: ${outcome.message}`);
}

/** Import: the floor is every cell of the file, written, plus the header block read to find the report. */
async function benchImportRow(rowCount: number, papaparseMs: number): Promise<BenchRow> {
  const generated = report(rowCount);
  const picked = { name: "ai-business.csv", bytes: reportFile(generated).bytes };
  let cellBytes = 0;
  for (const row of generated.rows) for (const cell of row) cellBytes += cellJsonBytes(cell);
  const headerBytes = headerBlockBytes(generated.rows);
  // The pane's own work alone (decode, parse, plan), median of three.
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await prepareFile(picked);
    runs.push(performance.now() - start);
  }
  const domainMs = runs.sort((a, b) => a - b)[1];

  const fake = web();
  fake.workbook.addSheet("Sheet1");
  const session = createSession(fake, today);
  const figures = await measureClick(fake, () =>
    paneClick(session, actions.openReportFile, { files: [picked] }, REFRESH_AND_DESCRIBE),
  );
  done("import", figures.outcome);
  return benchRow(fake, figures, {
    rows: rowCount,
    action: "import",
    neededBytes: headerBytes,
    floorBytes: cellBytes + headerBytes,
    domainMs,
    papaparseMs,
  });
}

/**
 * Compare: the floor is both sheets' header blocks, the key and cluster columns of both, the cells
 * that decide the rest (this month's account name on rows blank in every read column, last month's
 * names of the customers no longer in the report), plus what it writes: the three columns (Last
 * Month, Change, Change Details) and the What Changed sheet, their cells read back after the run.
 */
export async function benchCompareRow(rowCount: number, papaparseMs: number): Promise<BenchRow> {
  const current = report(rowCount);
  const last = deriveLastMonth(current, { seed: 8 });
  const now = detectLayout(current.rows.slice(0, HEADER_SEARCH_ROWS + SAMPLE_ROWS));
  const before = detectLayout(last.rows.slice(0, HEADER_SEARCH_ROWS + SAMPLE_ROWS));
  if (!now.ok || !before.ok) throw new Error("bench: the generated reports were not recognised");
  const planned = planComparison(now.layout, before.layout, "all");
  if (!planned.ok) throw new Error(planned.reason);
  const plan = planned.plan;
  const currentKeyColumns = [now.layout.roles[plan.key]!, ...plan.products.map((p) => p.current)];
  const previousKeyColumns = [before.layout.roles[plan.key]!, ...plan.products.map((p) => p.previous)];
  const columnsOf = (rows: CellValue[][], headerRow: number, columns: number[]) =>
    new Map(columns.map((c) => [c, rows.slice(headerRow + 1).map((row) => row[c] ?? "")]));
  const currentData = columnsOf(current.rows, now.layout.headerRow, currentColumnsNeeded(now.layout, plan));
  const previousData = columnsOf(
    last.rows,
    before.layout.headerRow,
    previousColumnsNeeded(before.layout, plan),
  );
  const currentSide = { layout: now.layout, columns: currentData, rowCount: current.truth.dataRows };
  const previousSide = {
    layout: before.layout,
    columns: previousData,
    rowCount: last.rows.length - last.headerRow - 1,
  };
  const domainMs = medianMs(() => compareReports(currentSide, previousSide, plan));
  // The cells that decide what the key and cluster columns leave open, at the rows they decide.
  const cellAt = (rows: CellValue[][], headerRow: number, column: number | undefined, row: number) =>
    column === undefined ? 0 : cellJsonBytes(rows[headerRow + 1 + row][column]);
  const identity = currentIdentityColumn(now.layout, plan);
  const oldNames = previousNameColumn(before.layout, plan);
  const deciding =
    rowsBlankInEveryColumn(currentSide).reduce(
      (sum, r) => sum + cellAt(current.rows, now.layout.headerRow, identity, r),
      0,
    ) +
    compareReports(currentSide, previousSide, plan).gone.reduce(
      (sum, g) => sum + cellAt(last.rows, before.layout.headerRow, oldNames, g.row),
      0,
    );
  const needed =
    headerBlockBytes(current.rows) +
    headerBlockBytes(last.rows) +
    columnBytes(current.rows, now.layout.headerRow, currentKeyColumns) +
    columnBytes(last.rows, before.layout.headerRow, previousKeyColumns) +
    deciding;

  const fake = web();
  fake.workbook.addSheet("Report", current.rows);
  fake.workbook.addSheet("October", last.rows);
  const session = createSession(fake, today);
  const figures = await measureClick(fake, () =>
    paneClick(session, actions.compareLastMonth, { source: { sheetName: "October" } }, FROM_RESULT),
  );
  done("compare", figures.outcome);
  const written =
    writtenColumnBytes(sheetRows(fake, "Report"), now.layout.headerRow, COLUMN_GROUPS.lastMonth) +
    sheetRows(fake, SHEET_TITLES.whatChanged).reduce(
      // Its filled cells only: the blanks padding its rows need not be written.
      (sum, row) =>
        sum + row.reduce((cells: number, cell) => cells + (cell === "" ? 0 : cellJsonBytes(cell)), 0),
      0,
    );
  return benchRow(fake, figures, {
    rows: rowCount,
    action: "compare",
    neededBytes: needed,
    floorBytes: needed + written,
    domainMs,
    papaparseMs,
  });
}

/**
 * Match to CRM: the floor is the report's header block and match-key columns (name, domain, customer
 * id, TPID, tenant id), the CRM sheet's mapped columns, plus the four columns it writes (read back).
 * SCALED: the CRM sheet has customers / 2 accounts at every size (50,000 at 100,000 rows), as
 * bench/crm.ts has at 100,000.
 */
async function benchCrmRow(rowCount: number, papaparseMs: number): Promise<BenchRow> {
  const generated = report(rowCount);
  distinctCustomers(generated);
  const accountCount = Math.round(rowCount / 2);
  const crm = generateCrmSample(generated, { seed: 3, inCrm: 0.4 });
  const crmRows: CellValue[][] = crm.rows.slice(0, accountCount + 1);
  while (crmRows.length < accountCount + 1)
    crmRows.push(crm.rows[1 + (crmRows.length % (crm.rows.length - 1))]);

  const headerRow = generated.truth.headerRow;
  const header = generated.rows[headerRow];
  const keyRoles = ["accountName", "domain", "customerId", "tpid", "tenantId"] as const;
  const keyColumns = keyRoles
    .map((role) => header.indexOf(generated.truth.roles[role]))
    .filter((c) => c >= 0);
  // The Salesforce-flavoured sample's mapped columns: Account ID, Account Name, Website, Owner, MS ID, Tenant ID.
  const crmColumns = [0, 1, 2, 3, 5, 6];
  const needed =
    headerBlockBytes(generated.rows) +
    columnBytes(generated.rows, headerRow, keyColumns) +
    crmRows[0].reduce((sum: number, cell) => sum + cellJsonBytes(cell), 0) +
    columnBytes(crmRows, 0, crmColumns);

  const data = generated.rows.slice(headerRow + 1);
  const column = (role: string) => {
    const c = header.indexOf(generated.truth.roles[role]);
    return c < 0 ? undefined : data.map((row) => row[c]);
  };
  const customers: ReportCustomers = {
    count: data.length,
    name: column("accountName"),
    domain: column("domain"),
    customerId: column("customerId"),
    tpid: column("tpid"),
    tenantId: column("tenantId"),
  };
  const body = crmRows.slice(1);
  const accounts: CrmAccounts = {
    count: body.length,
    accountId: body.map((r) => r[0]),
    name: body.map((r) => r[1]),
    website: body.map((r) => r[2]),
    owner: body.map((r) => r[3]),
    msId: body.map((r) => r[5]),
    tenantId: body.map((r) => r[6]),
  };
  const domainMs = medianMs(() => matchCustomers(customers, accounts));

  const fake = web();
  fake.workbook.addSheet("Report", generated.rows);
  fake.workbook.addSheet("CRM", crmRows);
  const session = createSession(fake, today);
  const figures = await measureClick(fake, () =>
    paneClick(session, actions.matchCrm, {}, REFRESH_AND_DESCRIBE),
  );
  done("crmMatch", figures.outcome);
  const written = writtenColumnBytes(sheetRows(fake, "Report"), headerRow, COLUMN_GROUPS.crm);
  return benchRow(fake, figures, {
    rows: rowCount,
    action: "crmMatch",
    neededBytes: needed,
    floorBytes: needed + written,
    domainMs,
    papaparseMs,
  });
}

/**
 * Seller lists: a report with the CRM match's columns (50 owners) and the helper columns, every row
 * visible. The floor is the header block and the columns the split reads, plus the seller sheets'
 * cells (the visible rows' chosen columns, read back after the run; their few title cells included).
 */
async function benchSellersRow(rowCount: number, papaparseMs: number): Promise<BenchRow> {
  const generated = report(rowCount);
  const headerRow = generated.truth.headerRow;
  const rows: CellValue[][] = generated.rows.map((row, r) =>
    r < headerRow
      ? row
      : r === headerRow
        ? [...row, ...COLUMN_GROUPS.crm]
        : row.every((cell) => cell === "" || cell === null)
          ? [...row, "", "", "", ""] // a blank row stays blank: it is not a customer
          : [...row, `CRM-${r}`, `Account ${r}`, `Seller ${((r * 7919) % SELLERS) + 1}`, "Domain"],
  );
  const fake = web();
  fake.workbook.addSheet("Report", rows);
  const session = createSession(fake, today);
  // Set-up, not measured: the lists are ordered by Priority Score.
  done("analyze", await session.run(actions.analyzeSheet, undefined as never));
  done("helperColumns", await session.run(actions.addHelperColumns, {}));

  const prepared = sheetRows(fake, "Report");
  const detected = detectLayout(prepared.slice(0, HEADER_SEARCH_ROWS + SAMPLE_ROWS));
  if (!detected.ok) throw new Error(detected.reason);
  const layout = detected.layout;
  const columns = sellerColumns(layout);
  const splitColumn = prepared[layout.headerRow].map(String).indexOf(COLUMN_GROUPS.crm[2]);
  const readColumns = sellerColumnsNeeded(layout, columns, splitColumn);
  const needed = headerBlockBytes(prepared) + columnBytes(prepared, layout.headerRow, readColumns);
  const dataRows = prepared.length - layout.headerRow - 1;
  const data = new Map(
    readColumns.map((c) => [c, prepared.slice(layout.headerRow + 1).map((row) => row[c] ?? "")]),
  );
  const domainMs = medianMs(() => splitBySeller(layout, columns, splitColumn, data, dataRows));

  const figures = await measureClick(fake, () =>
    paneClick(session, actions.buildSellerLists, {}, REFRESH_AND_DESCRIBE),
  );
  done("sellerLists", figures.outcome);
  const result = (figures.outcome as { data: { sellers: { sheetName: string }[] } }).data;
  let written = 0;
  for (const seller of result.sellers)
    for (const row of sheetRows(fake, seller.sheetName))
      for (const cell of row) written += cellJsonBytes(cell);
  return benchRow(fake, figures, {
    rows: rowCount,
    action: "sellerLists",
    neededBytes: needed,
    floorBytes: needed + written,
    domainMs,
    papaparseMs,
  });
}

export const NEW_ACTIONS = ["import", "compare", "crmMatch", "sellerLists"];

/** One row per new action at this size; papaparseMs is the size's 150-column report parsed as CSV. */
export async function benchNewActions(rowCount: number, papaparseMs: number): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  for (const bench of [benchImportRow, benchCompareRow, benchCrmRow, benchSellersRow]) {
    if (bench === benchImportRow) {
      const fileBytes = csvFileBytes(report(rowCount).rows);
      if (fileBytes > MAX_TEXT_FILE_BYTES) {
        console.log(
          `import at ${rowCount.toLocaleString("en-US")} rows: the CSV is ${Math.round(fileBytes / MB)} MB, over the ` +
            `${MAX_TEXT_FILE_BYTES / MB} MB Open report file opens (it refuses the file with a message): no row.`,
        );
        continue;
      }
    }
    out.push(await bench(rowCount, papaparseMs));
    global.gc?.();
  }
  return out;
}

/** The UTF-8 size of the report as a CSV file, counted in slices (the whole text may exceed a JS string). */
function csvFileBytes(rows: readonly CellValue[][]): number {
  const SLICE = 50_000;
  let bytes = 0;
  for (let start = 0; start < rows.length; start += SLICE)
    bytes += Buffer.byteLength(reportToCsv(rows.slice(start, start + SLICE) as CellValue[][])) + 2;
  return bytes;
}

/** Prints bytesMoved / floorBytes per new action and flags any above the 1.5x target. */
export function printFloorRatios(results: readonly BenchRow[]): void {
  for (const r of results.filter((row) => NEW_ACTIONS.includes(row.action))) {
    const ratio = r.bytesMoved / r.floorBytes;
    console.log(
      `${r.action} at ${r.rows.toLocaleString("en-US")} rows: ${(r.bytesMoved / MB).toFixed(1)} MB moved / ` +
        `${(r.floorBytes / MB).toFixed(1)} MB floor = ${ratio.toFixed(2)}x` +
        (ratio > FLOOR_TARGET ? `  OVER ${FLOOR_TARGET}x FLOOR` : ""),
    );
  }
}
