/**
 * Excel side of the seller lists: read the rows a filter leaves visible, find the sheets the add-in
 * made before, write many small sheets in few syncs, and read one back to build its own workbook.
 */
import { addinSheetsAmong, SHEET_TITLES } from "../domain/addinArtifacts";
import { SELLER_SHEET_HEADER_ROW } from "../domain/sellers";
import type { CellValue } from "../domain/types";
import { a1, contiguousRuns, type Area } from "./address";
import { errorCode, UserFacingError } from "./errors";
import type { ExcelHost } from "./host";
import {
  BLOCK_TARGET_BYTES,
  cellJsonBytes,
  estimateBytesPerRow,
  MIN_ROWS_PER_BLOCK,
  rowsPerBlock,
} from "./payload";
import { formatCount, throwIfCancelled, yieldToHost, type WorkOptions } from "./progress";
import { readColumns } from "./read";
import type { OpenedReport } from "./report";
import type { Capabilities } from "./requirements";
import { queueTextColourRules, sheetTitles, type TextColourRule } from "./sheetOps";
import { suspendUntilSync, TEXT_FORMAT, writeGrid } from "./write";

export interface VisibleRows {
  /** Report column offset -> its values on the visible rows, top to bottom. */
  data: Map<number, CellValue[]>;
  rowCount: number;
  /** Asked-for columns the user hid: a visible view leaves them out, so they are not read. */
  hiddenColumns: number[];
  /** The host cannot tell visible rows (ExcelApi below 1.3): every row was read. */
  allRows: boolean;
}

/**
 * The given report columns on the rows currently visible (after the user's filter and hidden rows),
 * read in row blocks through `getVisibleView()`, one sync per block, never loading cell addresses.
 */
export async function readVisibleRows(
  host: ExcelHost,
  capabilities: Capabilities,
  report: OpenedReport,
  columns: readonly number[],
  options: WorkOptions = {},
): Promise<VisibleRows> {
  if (!capabilities.has("visibleView")) {
    const data = await readColumns(
      host,
      {
        sheetName: report.sheetName,
        firstRow: report.headerSheetRow + 1,
        originColumn: report.area.column,
        rowCount: report.dataRowCount,
        columns,
        property: "values",
        sample: report.sample,
      },
      options,
    );
    return { data, rowCount: report.dataRowCount, hiddenColumns: [], allRows: true };
  }
  const hiddenColumns = await hiddenAmong(host, report, columns);
  const visible = columns.filter((c) => !hiddenColumns.includes(c));
  const data = new Map<number, CellValue[]>(visible.map((c) => [c, []]));
  const runs = contiguousRuns(visible);
  let rowCount = 0;
  let blockRows = rowsPerBlock(estimateBytesPerRow(report.sample, visible), Math.max(1, visible.length));
  for (let start = 0; start < report.dataRowCount && runs.length;) {
    throwIfCancelled(options.signal);
    const rows = Math.min(blockRows, report.dataRowCount - start);
    options.onProgress?.({
      message: `Reading visible rows ${formatCount(start + 1)}-${formatCount(start + rows)} of ${formatCount(report.dataRowCount)}`,
      done: start,
      total: report.dataRowCount,
    });
    let grids: CellValue[][][];
    try {
      grids = await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(report.sheetName);
        const views = runs.map((run) => {
          const view = sheet
            .getRange(
              a1({
                row: report.headerSheetRow + 1 + start,
                column: report.area.column + run.start,
                rowCount: rows,
                columnCount: run.count,
              }),
            )
            .getVisibleView();
          view.load("values, rowCount");
          return view;
        });
        // One sync per block of rows or batch of sheets (Microsoft's guidance), never per row.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        return views.map((view) => (view.rowCount === 0 ? [] : ((view.values ?? []) as CellValue[][])));
      });
    } catch (error) {
      if (errorCode(error) === "ResponsePayloadSizeLimitExceeded" && blockRows > MIN_ROWS_PER_BLOCK) {
        blockRows = Math.max(MIN_ROWS_PER_BLOCK, Math.floor(rows / 2));
        continue;
      }
      throw error;
    }
    const visibleRows = grids[0].length;
    if (grids.some((grid) => grid.length !== visibleRows)) {
      throw new UserFacingError(
        "Excel returned different visible rows for the columns of one block. Try again.",
      );
    }
    runs.forEach((run, i) => {
      for (let c = 0; c < run.count; c++) {
        const target = data.get(run.start + c)!;
        for (const line of grids[i]) target.push(line[c]);
      }
    });
    rowCount += visibleRows;
    start += rows;
    await yieldToHost();
  }
  return { data, rowCount, hiddenColumns, allRows: false };
}

async function hiddenAmong(
  host: ExcelHost,
  report: OpenedReport,
  columns: readonly number[],
): Promise<number[]> {
  if (!columns.length) return [];
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(report.sheetName);
    const cells = columns.map((column) => {
      const cell = sheet.getRange(
        a1({ row: report.headerSheetRow, column: report.area.column + column, rowCount: 1, columnCount: 1 }),
      );
      cell.load("columnHidden");
      return { column, cell };
    });
    await context.sync();
    return cells.filter(({ cell }) => cell.columnHidden === true).map(({ column }) => column);
  });
}

export interface WorkbookSheets {
  /** Every sheet's name, in tab order. */
  names: string[];
  /** Sheets the add-in made for seller lists of this report (title in A1, this report in A2). */
  sellerSheets: { name: string; kind: "sellerList" | "sellersIndex" }[];
  /** Every sheet whose A1 is one of the add-in's sheet titles (any report's). */
  addinSheets: string[];
}

/** The workbook's sheets and which of them are this report's seller lists: two syncs. */
export async function findSellerSheets(host: ExcelHost, reportSheetName: string): Promise<WorkbookSheets> {
  const titles = await sheetTitles(host);
  const sellerSheets = addinSheetsAmong(titles, reportSheetName).flatMap(({ name, kind }) =>
    kind === "sellerList" || kind === "sellersIndex" ? [{ name, kind }] : [],
  );
  const known: readonly unknown[] = Object.values(SHEET_TITLES);
  const addinSheets = titles.filter(({ a1 }) => known.includes(a1)).map(({ name }) => name);
  return { names: titles.map((t) => t.name), sellerSheets, addinSheets };
}

/** One sheet to write: title lines in column A, then a table whose header row is frozen and filtered. */
export interface SheetPlan {
  name: string;
  /** A1, A2, A3...: written as text. */
  lines: string[];
  headers: readonly string[];
  numberFormats: readonly string[];
  rows: readonly (readonly CellValue[])[];
  /** Columns (offsets in the table) whose widths are fitted. */
  fitColumns: readonly number[];
  /** Conditional colour rules per table column. */
  colours: readonly { column: number; rules: readonly TextColourRule[] }[];
  /** In-workbook links: table row, table column, target sheet (its A1). */
  links?: readonly { row: number; column: number; sheet: string; reference: string }[];
}

export interface SheetsWritten {
  syncs: number;
  warnings: string[];
}

/** Request bytes of a sheet: measured on up to 200 rows spread over the sheet, scaled with headroom. */
function planBytes(plan: SheetPlan): number {
  const SAMPLE = 200;
  const step = Math.max(1, Math.floor(plan.rows.length / SAMPLE));
  let sampled = 0;
  let bytes = 0;
  for (let r = 0; r < plan.rows.length; r += step, sampled++) {
    for (const cell of plan.rows[r]) bytes += cellJsonBytes(cell);
    bytes += plan.numberFormats.reduce((sum, format) => sum + format.length + 3, 0);
  }
  const rows = sampled ? (bytes / sampled) * plan.rows.length * 1.25 : 0;
  return rows + plan.lines.reduce((sum, line) => sum + line.length + 8, 0) + plan.headers.length * 32;
}

/**
 * Adds the sheets, many small ones per sync (each batch near the block target), a large one with its
 * rows in blocks. Every cell of report text is written under the text format, so none becomes a formula.
 */
export async function writeSheets(
  host: ExcelHost,
  capabilities: Capabilities,
  plans: readonly SheetPlan[],
  options: WorkOptions = {},
): Promise<SheetsWritten> {
  const warnings = new Set<string>();
  let syncs = 0;
  let batch: SheetPlan[] = [];
  let batchBytes = 0;
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    const sheets = batch;
    batch = [];
    batchBytes = 0;
    throwIfCancelled(options.signal);
    options.onProgress?.({
      message: `Writing sheets ${done + 1}-${done + sheets.length} of ${plans.length}`,
      done,
      total: plans.length,
    });
    await host.run(async (context) => {
      suspendUntilSync(context, capabilities);
      for (const plan of sheets) {
        const sheet = context.workbook.worksheets.add(plan.name);
        queueFrame(sheet, plan);
        queueRows(sheet, plan, 0, plan.rows.length);
        queueFinish(sheet, plan, capabilities, warnings);
      }
      await context.sync();
    });
    syncs++;
    done += sheets.length;
    await yieldToHost();
  };
  for (const plan of plans) {
    const bytes = planBytes(plan);
    if (bytes > BLOCK_TARGET_BYTES) {
      await flush();
      await host.run(async (context) => {
        queueFrame(context.workbook.worksheets.add(plan.name), plan);
        // One sync per block of rows or batch of sheets (Microsoft's guidance), never per row.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      });
      await writeGrid(
        host,
        capabilities,
        {
          sheetName: plan.name,
          row: SHEET_TABLE_ROW + 1,
          column: 0,
          rows: plan.rows,
          numberFormats: plan.numberFormats,
        },
        options,
      );
      await host.run(async (context) => {
        queueFinish(context.workbook.worksheets.getItem(plan.name), plan, capabilities, warnings);
        // One sync per block of rows or batch of sheets (Microsoft's guidance), never per row.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      });
      syncs += 2 + Math.ceil(bytes / BLOCK_TARGET_BYTES);
      done++;
      continue;
    }
    if (batchBytes + bytes > BLOCK_TARGET_BYTES) await flush();
    batch.push(plan);
    batchBytes += bytes;
  }
  await flush();
  return { syncs, warnings: [...warnings] };
}

/** Row of the table's header on every seller sheet (after the title lines). */
const SHEET_TABLE_ROW = SELLER_SHEET_HEADER_ROW;

function tableArea(plan: SheetPlan, rows: number): Area {
  return { row: SHEET_TABLE_ROW, column: 0, rowCount: rows, columnCount: plan.headers.length };
}

function queueFrame(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const lines = sheet.getRange(a1({ row: 0, column: 0, rowCount: plan.lines.length, columnCount: 1 }));
  lines.numberFormat = plan.lines.map(() => [TEXT_FORMAT]);
  lines.values = plan.lines.map((line) => [line]);
  const title = sheet.getRange("A1");
  title.format.font.bold = true;
  title.format.font.size = 14;
  const header = sheet.getRange(a1({ ...tableArea(plan, 1) }));
  header.numberFormat = [plan.headers.map(() => TEXT_FORMAT)];
  header.values = [plan.headers as string[]];
  header.format.font.bold = true;
}

function queueRows(sheet: Excel.Worksheet, plan: SheetPlan, start: number, count: number): void {
  if (!count) return;
  const range = sheet.getRange(
    a1({ row: SHEET_TABLE_ROW + 1 + start, column: 0, rowCount: count, columnCount: plan.headers.length }),
  );
  const formats: string[][] = [];
  const values: CellValue[][] = [];
  for (let r = start; r < start + count; r++) {
    formats.push(plan.numberFormats as string[]);
    values.push(plan.rows[r] as CellValue[]);
  }
  range.numberFormat = formats;
  range.values = values as Excel.Range["values"];
}

function queueFinish(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  capabilities: Capabilities,
  warnings: Set<string>,
): void {
  const table = tableArea(plan, plan.rows.length + 1);
  if (capabilities.has("hyperlinks")) {
    for (const link of plan.links ?? []) {
      sheet.getRange(
        a1({ row: SHEET_TABLE_ROW + 1 + link.row, column: link.column, rowCount: 1, columnCount: 1 }),
      ).hyperlink = {
        documentReference: link.reference,
        textToDisplay: link.sheet,
        screenTip: `Go to ${link.sheet}`,
      };
    }
  } else if (plan.links?.length) warnings.add(capabilities.missingMessage("hyperlinks"));
  if (capabilities.has("freezePanes")) sheet.freezePanes.freezeRows(SHEET_TABLE_ROW + 1);
  else warnings.add(capabilities.missingMessage("freezePanes"));
  if (capabilities.has("autoFilter")) sheet.autoFilter.apply(sheet.getRange(a1(table)));
  else warnings.add(capabilities.missingMessage("autoFilter"));
  if (capabilities.has("conditionalFormats") && plan.rows.length) {
    for (const { column, rules } of plan.colours) {
      queueTextColourRules(
        sheet.getRange(a1({ row: SHEET_TABLE_ROW + 1, column, rowCount: plan.rows.length, columnCount: 1 })),
        rules,
      );
    }
  } else if (!capabilities.has("conditionalFormats"))
    warnings.add(capabilities.missingMessage("conditionalFormats"));
  if (capabilities.has("autofitColumns")) {
    for (const column of plan.fitColumns) {
      sheet.getRange(a1({ ...table, column, columnCount: 1 })).format.autofitColumns();
    }
  }
}

export interface SheetContent {
  name: string;
  /** Every used cell from A1, row by row. */
  rows: CellValue[][];
}

/** Reads a whole (add-in made, so modest) sheet from A1, in row blocks. */
export async function readSheet(
  host: ExcelHost,
  capabilities: Capabilities,
  name: string,
): Promise<SheetContent> {
  const used = await host.run(async (context) => {
    const range = context.workbook.worksheets
      .getItem(name)
      .getUsedRange(capabilities.has("valuesOnlyUsedRange") ? true : undefined);
    range.load("rowIndex, columnIndex, rowCount, columnCount");
    await context.sync();
    return { rows: range.rowIndex + range.rowCount, columns: range.columnIndex + range.columnCount };
  });
  const columns = Array.from({ length: used.columns }, (_, i) => i);
  const read = await readColumns(host, {
    sheetName: name,
    firstRow: 0,
    originColumn: 0,
    rowCount: used.rows,
    columns,
    property: "values",
    sample: [],
  });
  return { name, rows: Array.from({ length: used.rows }, (_, r) => columns.map((c) => read.get(c)![r])) };
}

export interface ActiveSellerPlace {
  sheetName: string;
  /** A1 and A2 of the active sheet. */
  title: string;
  reportLine: unknown;
  /** On the index: the Sheet column of the selected row (blank elsewhere). */
  selectedSheet: string;
}

/** Where the user is: the active sheet's title lines and, on the index, the sheet named on the selected row. */
export async function activeSellerPlace(
  host: ExcelHost,
  indexSheetColumn: number,
): Promise<ActiveSellerPlace> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const top = sheet.getRange("A1:A2");
    top.load("values");
    const active = context.workbook.getActiveCell();
    active.load("rowIndex");
    await context.sync();
    const cell = sheet.getRange(
      a1({ row: active.rowIndex, column: indexSheetColumn, rowCount: 1, columnCount: 1 }),
    );
    cell.load("values");
    await context.sync();
    return {
      sheetName: sheet.name,
      title: String(top.values[0][0]),
      reportLine: top.values[1][0],
      selectedSheet: active.rowIndex > SHEET_TABLE_ROW ? String(cell.values[0][0] ?? "") : "",
    };
  });
}

/** Opens a new workbook from a base64 .xlsx (ExcelApi 1.8). */
export async function openNewWorkbook(
  host: ExcelHost,
  capabilities: Capabilities,
  base64: string,
): Promise<void> {
  if (!capabilities.has("createWorkbook") || !host.createWorkbook) {
    throw new UserFacingError(capabilities.missingMessage("createWorkbook"));
  }
  await host.createWorkbook(base64);
}
