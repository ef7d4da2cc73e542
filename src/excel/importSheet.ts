/**
 * Writes an imported report to a new sheet: number formats before values ("@" for text, so nothing
 * becomes a formula), in blocks under the web's payload limit with progress and Cancel. A cancel or
 * failure part-way deletes the half-written sheet; at the end the sheet is activated.
 */
import type { CellValue } from "../domain/types";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import type { WorkOptions } from "./progress";
import { readColumns, readSheetTop } from "./read";
import { TEXT_FORMAT, writeGrid } from "./write";

/** Names of every sheet in the workbook, in tab order. */
export async function sheetNames(host: ExcelHost): Promise<string[]> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((sheet) => sheet.name);
  });
}

export interface ImportedSheet {
  /** A free, valid sheet name (see uniqueSheetName in the domain). */
  name: string;
  /** Title rows and the header row, written as text. */
  topRows: readonly (readonly string[])[];
  /** Data rows, already typed per column. */
  dataRows: readonly (readonly CellValue[])[];
  /** One number format per column for the data rows. */
  numberFormats: readonly string[];
}

/** Adds the sheet and writes it; on any error (Cancel included) removes what it added, then rethrows. */
export async function createImportedSheet(
  host: ExcelHost,
  capabilities: Capabilities,
  sheet: ImportedSheet,
  options: WorkOptions = {},
): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.add(sheet.name);
    await context.sync();
  });
  try {
    const width = sheet.numberFormats.length;
    await writeGrid(host, capabilities, {
      sheetName: sheet.name,
      row: 0,
      column: 0,
      rows: sheet.topRows,
      numberFormats: new Array<string>(width).fill(TEXT_FORMAT),
    });
    await writeGrid(
      host,
      capabilities,
      {
        sheetName: sheet.name,
        row: sheet.topRows.length,
        column: 0,
        rows: sheet.dataRows,
        numberFormats: sheet.numberFormats,
      },
      options,
    );
  } catch (error) {
    await deleteSheetQuietly(host, sheet.name);
    throw error;
  }
}

/** Freezes the rows down to the header and activates the sheet. */
export async function showImportedSheet(
  host: ExcelHost,
  capabilities: Capabilities,
  name: string,
  headerRows: number,
): Promise<void> {
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    if (capabilities.has("freezePanes") && headerRows > 0) sheet.freezePanes.freezeRows(headerRows);
    sheet.activate();
    await context.sync();
  });
}

/** Removes a sheet this run added; a failure here must not hide the error that caused it. */
export async function deleteSheetQuietly(host: ExcelHost, name: string): Promise<void> {
  try {
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (!sheet.isNullObject) sheet.delete();
      await context.sync();
    });
  } catch {
    // The original error is what the user needs to see.
  }
}

/**
 * The active sheet's used range as values (for Split into columns), read in blocks sized from the
 * first rows so each response stays under the web's payload limit.
 */
export async function readActiveSheetValues(
  host: ExcelHost,
  capabilities: Capabilities,
  options: WorkOptions = {},
): Promise<{ sheetName: string; rows: CellValue[][] }> {
  const top = await readSheetTop(host, capabilities);
  if (!top.area) return { sheetName: top.sheetName, rows: [] };
  const { area } = top;
  const columns = Array.from({ length: area.columnCount }, (_, i) => i);
  const read = await readColumns(
    host,
    {
      sheetName: top.sheetName,
      firstRow: area.row,
      originColumn: area.column,
      rowCount: area.rowCount,
      columns,
      property: "values",
      sample: top.block,
    },
    options,
  );
  const rows: CellValue[][] = [];
  for (let r = 0; r < area.rowCount; r++) rows.push(columns.map((c) => read.get(c)?.[r] ?? ""));
  return { sheetName: top.sheetName, rows };
}
