/**
 * Reading a report on a sheet other than the active one (last month's report copied into this
 * workbook): where its data is, its header block, then only the columns a comparison needs, in blocks.
 */
import { SHEET_TITLES } from "../domain/addinArtifacts";
import { HEADER_SEARCH_ROWS, SAMPLE_ROWS } from "../domain/headers";
import { detectLayout } from "../domain/layout";
import { isBlank } from "../domain/values";
import type { CellValue, ReportLayout } from "../domain/types";
import type { Area } from "./address";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { errorCode } from "./errors";
import { readColumns, type ColumnRead } from "./read";

/** A report found on a named sheet. */
export interface SheetReportTop {
  sheetName: string;
  area: Area;
  layout: ReportLayout;
  headerSheetRow: number;
  dataRowCount: number;
  /** Rows above the header (title rows), as read. */
  titleRows: CellValue[][];
  sample: CellValue[][];
}

export type SheetReading = { ok: true; report: SheetReportTop } | { ok: false; reason: string };

/** Columns read in the header block; no report has more. */
const MAX_HEADER_COLUMNS = 1024;

const ADDIN_TITLES: ReadonlySet<string> = new Set(Object.values(SHEET_TITLES));

async function usedArea(
  host: ExcelHost,
  capabilities: Capabilities,
  sheetName: string,
): Promise<{ area: Area | null; a1: CellValue }> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const canBeNull = capabilities.has("settings");
    const used = canBeNull
      ? sheet.getUsedRangeOrNullObject(true)
      : sheet.getUsedRange(capabilities.has("valuesOnlyUsedRange") ? true : undefined);
    used.load("rowIndex, columnIndex, rowCount, columnCount");
    const first = sheet.getRange("A1");
    first.load("values");
    try {
      await context.sync();
    } catch (error) {
      if (errorCode(error) === "ItemNotFound") return { area: null, a1: "" };
      throw error;
    }
    if (canBeNull && used.isNullObject) return { area: null, a1: first.values[0][0] as CellValue };
    return {
      area: {
        row: used.rowIndex,
        column: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
      },
      a1: first.values[0][0] as CellValue,
    };
  });
}

/**
 * The used area, A1 and the first rows of a named sheet in one batch (issue 16), as readSheetTopOnce
 * reads the active sheet: the block is the used range's top-left corner cut to the used range. Null
 * when that batch can't answer (a blank sheet, whose used range is A1; a block Excel finds too large;
 * a sheet gone): the caller reads in steps, which meets the same and says what it is.
 */
async function sheetTopOnce(
  host: ExcelHost,
  capabilities: Capabilities,
  sheetName: string,
): Promise<{ area: Area; a1: CellValue; block: CellValue[][] } | null> {
  if (!capabilities.has("valuesOnlyUsedRange")) return null;
  try {
    return await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const used = sheet.getUsedRange(true);
      used.load("rowIndex, columnIndex, rowCount, columnCount");
      const corner = used
        .getCell(0, 0)
        .getResizedRange(HEADER_SEARCH_ROWS + SAMPLE_ROWS - 1, MAX_HEADER_COLUMNS - 1);
      const block = used.getIntersection(corner);
      block.load("values");
      const first = sheet.getRange("A1");
      first.load("values");
      await context.sync();
      // A blank sheet's used range is A1 (excel.d.ts: it does not throw): the step-by-step read says so.
      if (used.rowCount === 1 && used.columnCount === 1 && isBlank(first.values[0][0])) return null;
      return {
        area: {
          row: used.rowIndex,
          column: used.columnIndex,
          rowCount: used.rowCount,
          columnCount: used.columnCount,
        },
        a1: first.values[0][0] as CellValue,
        block: (block.values as CellValue[][]).map((row) => [...row]),
      };
    });
  } catch {
    return null;
  }
}

/**
 * Finds the report on a named sheet, reading only its first rows: one sync for a sheet the user
 * picked (`picked`: its rows are read with its used range), else two, so that listing the workbook's
 * sheets reads no rows of the sheets the add-in made.
 */
export async function readSheetReportTop(
  host: ExcelHost,
  capabilities: Capabilities,
  sheetName: string,
  options: { picked?: boolean } = {},
): Promise<SheetReading> {
  const once = options.picked ? await sheetTopOnce(host, capabilities, sheetName) : null;
  const { area, a1 } = once ?? (await usedArea(host, capabilities, sheetName));
  if (typeof a1 === "string" && ADDIN_TITLES.has(a1))
    return { ok: false, reason: `"${sheetName}" is a sheet the add-in made, not a report.` };
  if (!area) return { ok: false, reason: `The sheet "${sheetName}" is empty.` };
  const rowCount = Math.min(area.rowCount, HEADER_SEARCH_ROWS + SAMPLE_ROWS);
  const columns = Array.from({ length: Math.min(area.columnCount, MAX_HEADER_COLUMNS) }, (_, i) => i);
  const block = once ? once.block : await readBlock(host, sheetName, area, rowCount, columns);
  const detection = detectLayout(block);
  if (!detection.ok) return { ok: false, reason: detection.reason };
  const { layout } = detection;
  return {
    ok: true,
    report: {
      sheetName,
      area,
      layout,
      headerSheetRow: area.row + layout.headerRow,
      dataRowCount: area.rowCount - layout.headerRow - 1,
      titleRows: block.slice(0, layout.headerRow),
      sample: block.slice(layout.headerRow + 1),
    },
  };
}

async function readBlock(
  host: ExcelHost,
  sheetName: string,
  area: Area,
  rowCount: number,
  columns: number[],
): Promise<CellValue[][]> {
  const read = await readColumns(host, {
    sheetName,
    firstRow: area.row,
    originColumn: area.column,
    rowCount,
    columns,
    property: "values",
    sample: [],
  });
  return Array.from({ length: rowCount }, (_, r) => columns.map((c) => read.get(c)![r]));
}

/** The read of the given columns of a report found on a named sheet, for every data row. */
export function sheetReportColumnRead(report: SheetReportTop, columns: readonly number[]): ColumnRead {
  return {
    sheetName: report.sheetName,
    firstRow: report.headerSheetRow + 1,
    originColumn: report.area.column,
    rowCount: report.dataRowCount,
    columns,
    property: "values",
    sample: report.sample,
  };
}

/** Names of the workbook's sheets, in tab order. */
export async function sheetNames(host: ExcelHost): Promise<string[]> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((sheet) => sheet.name);
  });
}

/** Every other sheet that holds a CloudAscent report, with what it is (sheets the add-in made are skipped). */
export async function otherReportSheets(
  host: ExcelHost,
  capabilities: Capabilities,
  except: string,
  knownNames?: readonly string[],
): Promise<SheetReportTop[]> {
  const names = (knownNames ?? (await sheetNames(host))).filter(
    (name) => name.toLowerCase() !== except.toLowerCase(),
  );
  const found: SheetReportTop[] = [];
  for (const name of names) {
    const reading = await readSheetReportTop(host, capabilities, name);
    if (reading.ok) found.push(reading.report);
  }
  return found;
}
