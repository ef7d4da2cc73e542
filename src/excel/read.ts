import { normaliseCriterion } from "../domain/filters";
import type { CellValue } from "../domain/types";
import { HEADER_SEARCH_ROWS, SAMPLE_ROWS } from "../domain/headers";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { a1, contiguousRuns, type Area } from "./address";
import { errorCode, UserFacingError } from "./errors";
import {
  BLOCK_TARGET_BYTES,
  cellJsonBytes,
  estimateBytesPerRow,
  MAX_ROWS_PER_BLOCK,
  MIN_ROWS_PER_BLOCK,
  rowsPerBlock,
} from "./payload";
import { formatCount, throwIfCancelled, yieldToHost, type WorkOptions } from "./progress";

export interface SheetTop {
  sheetName: string;
  /** The worksheet's id: stays the same when the sheet is renamed. */
  sheetId: string;
  /** The used area (values only); null for an empty sheet. */
  area: Area | null;
  isProtected: boolean;
  /** The first rows of the used area, all columns: header search rows plus a sample of data rows. */
  block: CellValue[][];
  /** The sheet AutoFilter, when the host supports the API (ExcelApi 1.9). */
  autoFilter: SheetAutoFilter | null;
  /** Excel tables on the sheet. */
  tables: { name: string; area: Area }[];
  /** The add-in's workbook setting as read with the sheet, when asked for and the host has settings. */
  setting?: StoredSetting;
  /** Every sheet's name in order, when read in the same batch (see sheetTitles). */
  sheetNames?: string[];
}

/** A workbook setting's value as read (null when the setting is not there). */
export interface StoredSetting {
  value: unknown;
}

export interface SheetAutoFilter {
  enabled: boolean;
  isDataFiltered: boolean;
  area: Area | null;
  /**
   * Per column of the filter range: its criteria normalised (null properties dropped), or an empty
   * object when the column is not filtered. Excel's raw read-back can't be applied again (office-js#1226).
   */
  criteria: Excel.FilterCriteria[];
}

const EMPTY_TOP = {
  sheetName: "",
  sheetId: "",
  area: null,
  isProtected: false,
  block: [],
  autoFilter: null,
  tables: [],
};

/** Criteria read back from Excel, each made safe to apply again (see normaliseCriterion). */
export function usableCriteria(raw: readonly unknown[] | null | undefined): Excel.FilterCriteria[] {
  return (raw ?? []).map((entry) => (normaliseCriterion(entry) ?? {}) as Excel.FilterCriteria);
}

function areaOf(range: Excel.Range): Area {
  return {
    row: range.rowIndex,
    column: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  };
}

/** Columns beyond this are not read in the header block: no report has that many, and the read must stay small. */
const MAX_HEADER_COLUMNS = 1024;

/**
 * Reads where the data is and its first rows, whatever the sheet's size: one sync (issue 16) when
 * the sheet has data and no table, else the frame first and the block after it.
 */
export async function readSheetTop(
  host: ExcelHost,
  capabilities: Capabilities,
  options: { settingKey?: string } = {},
): Promise<SheetTop> {
  const once = await readSheetTopOnce(host, capabilities, options.settingKey);
  if (once.top) return once.top;
  const top = await readSheetFrame(host, capabilities);
  const setting = options.settingKey ? await readSetting(host, capabilities, options.settingKey) : undefined;
  if (setting) top.setting = setting;
  if (!top.area) return top;
  if (!top.area) return top;
  // The first rows, all columns, read like any other columns: one sync unless Excel finds it too large
  // (very long texts), in which case the block is split.
  const rowCount = Math.min(top.area.rowCount, HEADER_SEARCH_ROWS + SAMPLE_ROWS);
  const columnCount = Math.min(top.area.columnCount, MAX_HEADER_COLUMNS);
  const columns = Array.from({ length: columnCount }, (_, i) => i);
  const read = await readColumns(host, {
    sheetName: top.sheetName,
    firstRow: top.area.row,
    originColumn: top.area.column,
    rowCount,
    columns,
    property: "values",
    sample: [],
    // Excel found the block too large in one piece: start with halves rather than be refused again.
    ...(once.tooLarge ? { maxBlockRows: Math.ceil(rowCount / 2) } : {}),
  });
  const block = Array.from({ length: rowCount }, (_, r) => columns.map((c) => read.get(c)![r]));
  return { ...top, block };
}

/**
 * The frame, the first rows and the add-in's setting in one batch: the block is the used range's
 * top-left corner resized and cut to the used range, so its size needn't be known first. Null when
 * that batch can't answer (an empty sheet, whose used range throws ItemNotFound; a block Excel finds
 * too large; a block past the sheet's edge) or the sheet has tables (their ranges need a second
 * sync): the caller then reads in steps. Nothing is changed, so trying costs one round trip at most.
 */
async function readSheetTopOnce(
  host: ExcelHost,
  capabilities: Capabilities,
  settingKey: string | undefined,
): Promise<{ top: SheetTop | null; tooLarge?: boolean }> {
  if (!capabilities.has("valuesOnlyUsedRange")) return { top: null };
  try {
    const top = await host.run(async (context): Promise<SheetTop | null> => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name, id, protection/protected");
      // Not the OrNullObject form: a range derived from a null object is not defined in the docs.
      const used = sheet.getUsedRange(true);
      used.load("rowIndex, columnIndex, rowCount, columnCount");
      const corner = used
        .getCell(0, 0)
        .getResizedRange(HEADER_SEARCH_ROWS + SAMPLE_ROWS - 1, MAX_HEADER_COLUMNS - 1);
      const blockRange = used.getIntersection(corner);
      blockRange.load("values");
      // tables is a navigation property (no load needed); the lint rule takes it for a scalar read.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const tables = sheet.tables;
      tables.load("items/name");
      const autoFilterRead = queueAutoFilterRead(sheet, capabilities);
      const sheets = context.workbook.worksheets.load("items/name");
      const setting =
        settingKey && capabilities.has("settings")
          ? context.workbook.settings.getItemOrNullObject(settingKey).load("value")
          : null;
      await context.sync();
      if (tables.items.length > 0) return null;
      return {
        sheetName: sheet.name,
        sheetId: sheet.id,
        area: areaOf(used),
        isProtected: sheet.protection.protected,
        block: (blockRange.values as CellValue[][]).map((row) => [...row]),
        autoFilter: autoFilterRead(),
        tables: [],
        sheetNames: sheets.items.map((item) => item.name),
        ...(setting ? { setting: { value: setting.isNullObject ? null : setting.value } } : {}),
      };
    });
    return { top };
  } catch (error) {
    // Whatever stopped the one batch, the step-by-step read meets it again and says what it is.
    return { top: null, tooLarge: errorCode(error) === "ResponsePayloadSizeLimitExceeded" };
  }
}

/** The add-in's setting alone (one sync), for the step-by-step read. */
async function readSetting(
  host: ExcelHost,
  capabilities: Capabilities,
  key: string,
): Promise<StoredSetting | undefined> {
  if (!capabilities.has("settings")) return undefined;
  return host.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(key).load("value");
    await context.sync();
    return { value: setting.isNullObject ? null : setting.value };
  });
}

/** Where the data is, protection, filter and tables: one or two syncs. */
/**
 * Queues the loads of the sheet's AutoFilter (ExcelApi 1.9) in the caller's batch; the returned
 * function gives it after that batch's sync (null when the host has no AutoFilter API).
 */
function queueAutoFilterRead(
  sheet: Excel.Worksheet,
  capabilities: Capabilities,
): () => SheetAutoFilter | null {
  const filter = capabilities.has("autoFilter") ? sheet.autoFilter : null;
  filter?.load("enabled, isDataFiltered, criteria");
  const filterRange = filter?.getRangeOrNullObject();
  filterRange?.load("rowIndex, columnIndex, rowCount, columnCount");
  return () =>
    filter && filterRange
      ? {
          enabled: filter.enabled,
          isDataFiltered: filter.isDataFiltered,
          area: filterRange.isNullObject ? null : areaOf(filterRange),
          criteria: usableCriteria(filter.criteria),
        }
      : null;
}

async function readSheetFrame(host: ExcelHost, capabilities: Capabilities): Promise<SheetTop> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name, id, protection/protected");
    // getUsedRangeOrNullObject arrived with ExcelApi 1.4 (like settings); before it an empty sheet throws ItemNotFound.
    const canBeNull = capabilities.has("settings");
    const used = canBeNull
      ? sheet.getUsedRangeOrNullObject(true)
      : sheet.getUsedRange(capabilities.has("valuesOnlyUsedRange") ? true : undefined);
    used.load("rowIndex, columnIndex, rowCount, columnCount");
    sheet.tables.load("items/name");
    const autoFilterRead = queueAutoFilterRead(sheet, capabilities);
    try {
      await context.sync();
    } catch (error) {
      if (errorCode(error) === "ItemNotFound") return EMPTY_TOP;
      throw error;
    }
    const autoFilter = autoFilterRead();
    const tableRanges = sheet.tables.items.map((table) => {
      const range = table.getRange();
      range.load("rowIndex, columnIndex, rowCount, columnCount");
      return { name: table.name, range };
    });
    if (canBeNull && used.isNullObject) {
      await context.sync();
      return {
        ...EMPTY_TOP,
        sheetName: sheet.name,
        sheetId: sheet.id,
        isProtected: sheet.protection.protected,
        autoFilter,
      };
    }
    const area = areaOf(used);
    await context.sync();
    return {
      sheetName: sheet.name,
      sheetId: sheet.id,
      area,
      isProtected: sheet.protection.protected,
      block: [],
      autoFilter,
      tables: tableRanges.map(({ name, range }) => ({ name, area: areaOf(range) })),
    };
  });
}

export interface ColumnRead {
  sheetName: string;
  /** Absolute sheet row of data row 0 and absolute column of column offset 0. */
  firstRow: number;
  originColumn: number;
  rowCount: number;
  /** Column offsets (relative to originColumn) to read. */
  columns: readonly number[];
  /** "values" for numbers and dates; "text" where the displayed text matters (AutoFilter criteria). */
  property: "values" | "text";
  /** Sample rows (same column offsets) used to size blocks. */
  sample: readonly (readonly CellValue[])[];
  /** No block larger than this many rows (when a read of these cells was already refused as too large). */
  maxBlockRows?: number;
}

/**
 * Reads only the given columns, in row blocks sized to stay under the payload and cell limits, one
 * sync per block. A block Excel still finds too large is split and read again.
 */
export async function readColumns(
  host: ExcelHost,
  request: ColumnRead,
  options: WorkOptions = {},
): Promise<Map<number, CellValue[]>> {
  const runs = contiguousRuns(request.columns);
  const result = new Map<number, CellValue[]>();
  for (const column of request.columns) result.set(column, new Array<CellValue>(request.rowCount));
  if (request.rowCount === 0 || runs.length === 0) return result;

  let blockRows = Math.min(
    rowsPerBlock(estimateBytesPerRow(request.sample, request.columns), request.columns.length),
    Math.max(MIN_ROWS_PER_BLOCK, request.maxBlockRows ?? Number.POSITIVE_INFINITY),
  );
  let start = 0;
  while (start < request.rowCount) {
    throwIfCancelled(options.signal);
    const rows = Math.min(blockRows, request.rowCount - start);
    options.onProgress?.({
      message: `Reading rows ${formatCount(start + 1)}-${formatCount(start + rows)} of ${formatCount(request.rowCount)}`,
      done: start,
      total: request.rowCount,
    });
    try {
      await readBlock(host, request, runs, start, rows, result);
    } catch (error) {
      if (errorCode(error) === "ResponsePayloadSizeLimitExceeded" && blockRows > MIN_ROWS_PER_BLOCK) {
        blockRows = Math.max(MIN_ROWS_PER_BLOCK, Math.floor(rows / 2));
        continue;
      }
      throw error;
    }
    start += rows;
    await yieldToHost();
  }
  options.onProgress?.({ message: "Read complete", done: request.rowCount, total: request.rowCount });
  return result;
}

async function readBlock(
  host: ExcelHost,
  request: ColumnRead,
  runs: { start: number; count: number }[],
  start: number,
  rows: number,
  into: Map<number, CellValue[]>,
): Promise<void> {
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(request.sheetName);
    const ranges = runs.map((run) => {
      const range = sheet.getRange(
        a1({
          row: request.firstRow + start,
          column: request.originColumn + run.start,
          rowCount: rows,
          columnCount: run.count,
        }),
      );
      if (request.property === "values") range.load("values");
      else range.load("text");
      return range;
    });
    await context.sync();
    runs.forEach((run, i) => {
      const grid = (request.property === "values" ? ranges[i].values : ranges[i].text) as
        CellValue[][] | null;
      if (!grid) {
        throw new UserFacingError(
          "Excel returned no data for part of the sheet. Try again; if it persists, report it.",
        );
      }
      for (let c = 0; c < run.count; c++) {
        const target = into.get(run.start + c)!;
        for (let r = 0; r < rows; r++) target[start + r] = grid[r][c];
      }
    });
  });
}

/**
 * Reads several column sets (of one sheet or several) as readColumns reads one, sharing syncs
 * (issue 16): each sync takes rows of the first set with rows left, then of the next, up to the
 * block target, so two reports' columns fill fuller syncs than each alone. A sync Excel still finds
 * too large is read again with half the target. Returns one map per request, in order.
 */
export async function readColumnsTogether(
  host: ExcelHost,
  requests: readonly ColumnRead[],
  options: WorkOptions = {},
): Promise<Map<number, CellValue[]>[]> {
  if (requests.length === 1) return [await readColumns(host, requests[0], options)];
  const results = requests.map((request) => {
    const result = new Map<number, CellValue[]>();
    for (const column of request.columns) result.set(column, new Array<CellValue>(request.rowCount));
    return result;
  });
  const plans = requests.map((request) => ({
    runs: contiguousRuns(request.columns),
    bytesPerRow: estimateBytesPerRow(request.sample, request.columns),
    maxRows: Math.min(
      rowsPerBlock(estimateBytesPerRow(request.sample, request.columns), request.columns.length),
      Math.max(MIN_ROWS_PER_BLOCK, request.maxBlockRows ?? Number.POSITIVE_INFINITY),
    ),
  }));
  const next = requests.map(() => 0);
  const total = requests.reduce((sum, r) => sum + r.rowCount, 0);
  let target = BLOCK_TARGET_BYTES;
  for (;;) {
    const parts: { request: number; start: number; rows: number }[] = [];
    let room = target;
    requests.forEach((request, i) => {
      const left = plans[i].runs.length ? request.rowCount - next[i] : 0;
      if (left <= 0) return;
      const fit = Math.floor(room / plans[i].bytesPerRow);
      const rows = Math.min(left, plans[i].maxRows, parts.length ? fit : Math.max(MIN_ROWS_PER_BLOCK, fit));
      if (rows <= 0) return;
      parts.push({ request: i, start: next[i], rows });
      room -= rows * plans[i].bytesPerRow;
    });
    if (!parts.length) break;
    throwIfCancelled(options.signal);
    const done = next.reduce((sum, n) => sum + n, 0);
    options.onProgress?.({
      message: `Reading rows ${formatCount(done + 1)}-${formatCount(done + parts.reduce((sum, p) => sum + p.rows, 0))} of ${formatCount(total)}`,
      done,
      total,
    });
    try {
      await host.run(async (context) => {
        const loaded = parts.map((part) => {
          const request = requests[part.request];
          const sheet = context.workbook.worksheets.getItem(request.sheetName);
          return plans[part.request].runs.map((run) =>
            sheet
              .getRange(
                a1({
                  row: request.firstRow + part.start,
                  column: request.originColumn + run.start,
                  rowCount: part.rows,
                  columnCount: run.count,
                }),
              )
              .load(request.property),
          );
        });
        // One sync per block of thousands of rows is Microsoft's guidance; the rule targets per-row syncs.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        parts.forEach((part, p) => {
          const request = requests[part.request];
          plans[part.request].runs.forEach((run, i) => {
            const range = loaded[p][i];
            const grid = (request.property === "values" ? range.values : range.text) as CellValue[][] | null;
            if (!grid) {
              throw new UserFacingError(
                "Excel returned no data for part of the sheet. Try again; if it persists, report it.",
              );
            }
            for (let c = 0; c < run.count; c++) {
              const into = results[part.request].get(run.start + c)!;
              for (let r = 0; r < part.rows; r++) into[part.start + r] = grid[r][c];
            }
          });
        });
      });
    } catch (error) {
      const oneRow = parts.length === 1 && parts[0].rows <= MIN_ROWS_PER_BLOCK;
      if (errorCode(error) === "ResponsePayloadSizeLimitExceeded" && !oneRow) {
        target = Math.max(1, Math.floor(target / 2));
        for (const plan of plans) plan.maxRows = Math.max(MIN_ROWS_PER_BLOCK, Math.floor(plan.maxRows / 2));
        continue;
      }
      throw error;
    }
    for (const part of parts) next[part.request] += part.rows;
    await yieldToHost();
  }
  options.onProgress?.({ message: "Read complete", done: total, total });
  return results;
}

/** Some cells of one column of a report: its data rows read where they matter, not down the whole column. */
export interface CellsRead {
  sheetName: string;
  /** Absolute sheet row of data row 0. */
  firstRow: number;
  /** Absolute sheet column. */
  column: number;
  /** Data rows wanted (0-based below the header), in any order. */
  rows: readonly number[];
  /** Sample cells of the column (data rows), to size the reads. */
  sample: readonly CellValue[];
}

/**
 * What one more range costs beyond its cells, request and response (the load, the address, the
 * result's wrapping): a gap between wanted rows whose cells cost less than this is read through.
 */
export const RANGE_COST_BYTES = 256;
/** Ranges queued in one sync at most: a few hundred KB of request. */
export const MAX_RANGES_PER_SYNC = 4_000;

interface CellRun {
  read: number;
  start: number;
  count: number;
}

/**
 * Reads scattered cells (issue 16): each column's wanted rows as few short ranges (near rows joined
 * when the cells between cost less than another range), as many ranges per sync as fit the payload
 * target. One sync when they fit, whichever sheets they are on. Returns, per read, data row -> value.
 */
export async function readCells(
  host: ExcelHost,
  reads: readonly CellsRead[],
  options: WorkOptions = {},
): Promise<Map<number, CellValue>[]> {
  const result = reads.map(() => new Map<number, CellValue>());
  const wanted = reads.map((read) => new Set(read.rows));
  const runs: CellRun[] = [];
  const cellBytes = reads.map((read) =>
    estimateBytesPerRow(
      read.sample.map((cell) => [cell]),
      [0],
    ),
  );
  reads.forEach((read, i) => {
    const rows = [...wanted[i]].sort((a, b) => a - b);
    // Read through a gap whose cells (at the sample's average size) cost less than one more range.
    const averageBytes = read.sample.length
      ? read.sample.reduce((sum: number, cell) => sum + cellJsonBytes(cell), 0) / read.sample.length
      : cellBytes[i];
    const gapRows = Math.floor(RANGE_COST_BYTES / Math.max(8, averageBytes));
    const maxRun = Math.min(MAX_ROWS_PER_BLOCK, Math.max(1, Math.floor(BLOCK_TARGET_BYTES / cellBytes[i])));
    let run: CellRun | null = null;
    for (const row of rows) {
      if (run && row - (run.start + run.count) <= gapRows && row - run.start < maxRun) {
        run.count = row - run.start + 1;
      } else {
        run = { read: i, start: row, count: 1 };
        runs.push(run);
      }
    }
  });
  const batches: CellRun[][] = [];
  let batch: CellRun[] = [];
  let bytes = 0;
  for (const run of runs) {
    const runBytes = run.count * cellBytes[run.read] + RANGE_COST_BYTES;
    if (batch.length && (batch.length >= MAX_RANGES_PER_SYNC || bytes + runBytes > BLOCK_TARGET_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(run);
    bytes += runBytes;
  }
  if (batch.length) batches.push(batch);
  for (const [i, next] of batches.entries()) {
    throwIfCancelled(options.signal);
    if (i > 0) await yieldToHost();
    await readCellRuns(host, reads, next, wanted, result);
  }
  return result;
}

/** One sync of cell runs; a response Excel finds too large is read again in halves. */
async function readCellRuns(
  host: ExcelHost,
  reads: readonly CellsRead[],
  runs: readonly CellRun[],
  wanted: readonly ReadonlySet<number>[],
  into: Map<number, CellValue>[],
): Promise<void> {
  try {
    await host.run(async (context) => {
      const ranges = runs.map((run) => {
        const read = reads[run.read];
        return context.workbook.worksheets
          .getItem(read.sheetName)
          .getRange(
            a1({ row: read.firstRow + run.start, column: read.column, rowCount: run.count, columnCount: 1 }),
          )
          .load("values");
      });
      await context.sync();
      runs.forEach((run, i) => {
        const grid = ranges[i].values as CellValue[][] | null;
        if (!grid) {
          throw new UserFacingError(
            "Excel returned no data for part of the sheet. Try again; if it persists, report it.",
          );
        }
        // Rows between wanted ones were read through (cheaper than another range): not returned.
        for (let r = 0; r < run.count; r++)
          if (wanted[run.read].has(run.start + r)) into[run.read].set(run.start + r, grid[r][0]);
      });
    });
  } catch (error) {
    if (errorCode(error) !== "ResponsePayloadSizeLimitExceeded") throw error;
    const halves: CellRun[][] =
      runs.length > 1
        ? [runs.slice(0, runs.length >> 1), runs.slice(runs.length >> 1)]
        : runs[0].count > 1
          ? [
              [{ ...runs[0], count: runs[0].count >> 1 }],
              [
                {
                  ...runs[0],
                  start: runs[0].start + (runs[0].count >> 1),
                  count: runs[0].count - (runs[0].count >> 1),
                },
              ],
            ]
          : [];
    if (!halves.length) throw error;
    for (const half of halves) await readCellRuns(host, reads, half, wanted, into);
  }
}
