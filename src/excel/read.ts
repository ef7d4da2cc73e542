import { normaliseCriterion } from "../domain/filters";
import type { CellValue } from "../domain/types";
import { HEADER_SEARCH_ROWS, SAMPLE_ROWS } from "../domain/headers";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { a1, contiguousRuns, type Area } from "./address";
import { errorCode, UserFacingError } from "./errors";
import { estimateBytesPerRow, rowsPerBlock, MIN_ROWS_PER_BLOCK } from "./payload";
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
