import type { ExcelHost } from "./host";
import type { QueuedWrite } from "./state";
import type { Capabilities } from "./requirements";
import { a1, type Area } from "./address";
import { errorCode } from "./errors";
import { suspendUntilSync, TEXT_FORMAT } from "./write";
import {
  addinSheetsAmong,
  SHEET_TITLES,
  type AddinSheet,
  type AddinSheetKind,
  type SheetTitle,
} from "../domain/addinArtifacts";

/** Sorts whole rows of an area by one of its columns (offset inside the area). */
export async function sortRows(
  host: ExcelHost,
  sheetName: string,
  area: Area,
  keyColumn: number,
  ascending: boolean,
): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets
      .getItem(sheetName)
      .getRange(a1(area))
      .sort.apply([{ key: keyColumn, ascending }], false, false, "Rows");
    await context.sync();
  });
}

/** Queues putting back the frozen rows (undefined: leave them) and column widths Prepare recorded. */
export function queueRestoreSheetLayout(
  context: Excel.RequestContext,
  sheetName: string,
  frozenRows: number | undefined,
  widths: readonly { column: number; width: number }[],
): void {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  if (frozenRows !== undefined) {
    if (frozenRows > 0) sheet.freezePanes.freezeRows(frozenRows);
    else sheet.freezePanes.unfreeze();
  }
  for (const { column, width } of widths) {
    sheet.getRange(a1({ row: 0, column, rowCount: 1, columnCount: 1 })).format.columnWidth = width;
  }
}

/** Rows frozen at the top and the widths of the given columns, in one sync (what Prepare records first). */
export async function sheetLayoutBefore(
  host: ExcelHost,
  capabilities: Capabilities,
  sheetName: string,
  columns: readonly number[],
): Promise<{ frozenRowsBefore: number; columnWidths: { column: number; width: number }[] }> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const location = capabilities.has("freezePanes") ? sheet.freezePanes.getLocationOrNullObject() : null;
    location?.load("rowCount, rowIndex, columnCount");
    const ranges = columns.map((column) => {
      const range = sheet.getRange(a1({ row: 0, column, rowCount: 1, columnCount: 1 }));
      range.format.load("columnWidth");
      return { column, range };
    });
    await context.sync();
    return {
      frozenRowsBefore: !location || location.isNullObject ? 0 : location.rowIndex + location.rowCount,
      columnWidths: ranges.map(({ column, range }) => ({ column, width: range.format.columnWidth })),
    };
  });
}

/** What Prepare for sellers sets on the report sheet, queued and sent in one sync. */
export interface SellerFormatting {
  freezeRows?: number;
  autofit?: { rows: { row: number; rowCount: number }; columns: readonly number[] };
  colourRules: { area: Area; rules: readonly TextColourRule[] }[];
}

export async function formatForSellers(
  host: ExcelHost,
  sheetName: string,
  plan: SellerFormatting,
  /** A write to go first in the same batch (the record of the layout before, so Reset finds it). */
  first?: QueuedWrite,
  /** A write to go last in the same batch (the About sheet). */
  last?: (context: Excel.RequestContext) => (() => void) | void,
): Promise<void> {
  await host.run(async (context) => {
    const done = first?.(context);
    const sheet = context.workbook.worksheets.getItem(sheetName);
    if (plan.freezeRows !== undefined) sheet.freezePanes.freezeRows(plan.freezeRows);
    if (plan.autofit) {
      for (const column of plan.autofit.columns)
        sheet.getRange(a1({ ...plan.autofit.rows, column, columnCount: 1 })).format.autofitColumns();
    }
    for (const { area, rules } of plan.colourRules) queueTextColourRules(sheet.getRange(a1(area)), rules);
    const lastDone = last?.(context);
    await context.sync();
    done?.();
    lastDone?.();
  });
}

/** Text -> fill colour rules for cluster cells; the first rule that matches wins. */
export interface TextColourRule {
  beginsWith: string;
  fill: string;
}

/** Queues the colour rules on a range without syncing, so several sheets can share one sync. */
export function queueTextColourRules(range: Excel.Range, rules: readonly TextColourRule[]): void {
  range.conditionalFormats.clearAll();
  rules.forEach(({ beginsWith, fill }, priority) => {
    const format = range.conditionalFormats.add("ContainsText");
    format.textComparison.format.fill.color = fill;
    format.textComparison.rule = { operator: "BeginsWith", text: beginsWith };
    format.priority = priority;
    format.stopIfTrue = true;
  });
}

/** Queues clearing values and formats (conditional formats included) of an area. */
export function queueClearArea(context: Excel.RequestContext, sheetName: string, area: Area): void {
  const range = context.workbook.worksheets.getItem(sheetName).getRange(a1(area));
  range.conditionalFormats.clearAll();
  range.clear("All");
}

/** Removes conditional formats from an area (a table column's go with it only in some hosts). */
export function queueClearConditionalFormats(
  context: Excel.RequestContext,
  sheetName: string,
  area: Area,
): void {
  context.workbook.worksheets.getItem(sheetName).getRange(a1(area)).conditionalFormats.clearAll();
}

/** Removes columns from an Excel table by header name (cells to the right shift left within the table). */
export function queueDeleteTableColumns(
  context: Excel.RequestContext,
  tableName: string,
  names: readonly string[],
): void {
  const table = context.workbook.tables.getItem(tableName);
  for (const name of names) table.columns.getItemOrNullObject(name).delete();
}

/** Names of sheets whose A1 holds one of the given titles (how the add-in finds its own sheets). */
export async function sheetsTitled(host: ExcelHost, titles: readonly string[]): Promise<string[]> {
  return (await sheetTitles(host))
    .filter(({ a1 }) => titles.includes(String(a1 ?? "")))
    .map(({ name }) => name);
}

/** Every sheet's name with its A1 and A2 values: two syncs whatever the sheet count. Reads only. */
export async function sheetTitles(host: ExcelHost, knownNames?: readonly string[]): Promise<SheetTitle[]> {
  if (knownNames?.length) {
    const guessed = await titlesOfKnownSheets(host, knownNames);
    if (guessed) return guessed;
  }
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const cells = sheets.items.map((sheet) => {
      const cell = sheet.getRange("A1:A2");
      cell.load("values");
      return { name: sheet.name, cell };
    });
    await context.sync();
    return cells.map(({ name, cell }) => ({ name, a1: cell.values[0]?.[0], a2: cell.values[1]?.[0] }));
  });
}

/**
 * The titles in one sync when the sheets' names are known (read with the report): the list is read
 * in the same batch to check them. Null when a name is gone (getItem fails the batch) or the list
 * differs: the caller then lists the sheets first.
 */
async function titlesOfKnownSheets(host: ExcelHost, names: readonly string[]): Promise<SheetTitle[] | null> {
  try {
    return await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const cells = names.map((name) => ({
        name,
        cell: context.workbook.worksheets.getItem(name).getRange("A1:A2").load("values"),
      }));
      await context.sync();
      const listed = sheets.items.map((sheet) => sheet.name);
      if (listed.length !== names.length || listed.some((name, i) => name !== names[i])) return null;
      return cells.map(({ name, cell }) => ({ name, a1: cell.values[0]?.[0], a2: cell.values[1]?.[0] }));
    });
  } catch {
    return null;
  }
}

/** The add-in's sheets made from one report sheet (see addinSheetsAmong). */
export async function addinSheetsFor(
  host: ExcelHost,
  reportSheetName: string,
  knownNames?: readonly string[],
): Promise<AddinSheet[]> {
  return addinSheetsAmong(await sheetTitles(host, knownNames), reportSheetName);
}

/**
 * Where an add-in sheet of one kind goes for a report sheet: its existing sheet (replaced), else the
 * first free name among "Title", "Title (2)", ... (a user's sheet of that name is never touched).
 */
export async function chooseAddinSheet(
  host: ExcelHost,
  kind: AddinSheetKind,
  reportSheetName: string,
  knownNames?: readonly string[],
): Promise<{ name: string; replace: boolean }> {
  const titles = await sheetTitles(host, knownNames);
  const ours = addinSheetsAmong(titles, reportSheetName).find((sheet) => sheet.kind === kind);
  if (ours) return { name: ours.name, replace: true };
  const taken = new Set(titles.map(({ name }) => name.toLowerCase()));
  const base = SHEET_TITLES[kind];
  for (let n = 1; ; n++) {
    // Excel's 31-character limit on sheet names: shorten the title, keep the number.
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return { name, replace: false };
  }
}

/**
 * Deletes sheets by name: in one sync when they are all there (names just listed), else checking
 * each first. `alongside` travels with the deletions (the add-in's record, on Reset).
 */
export async function deleteSheets(
  host: ExcelHost,
  names: readonly string[],
  alongside?: QueuedWrite,
): Promise<void> {
  if (!names.length && !alongside) return;
  try {
    await host.run(async (context) => {
      for (const name of names) context.workbook.worksheets.getItem(name).delete();
      const done = alongside?.(context);
      await context.sync();
      done?.();
    });
    return;
  } catch (error) {
    // A sheet gone meanwhile stops the batch there (what came before it is done): check each, then delete.
    if (errorCode(error) !== "ItemNotFound" || !names.length) throw error;
  }
  await host.run(async (context) => {
    const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    await context.sync();
    for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
    const done = alongside?.(context);
    await context.sync();
    done?.();
  });
}

/** Queues replacing (or adding) a sheet holding lines of text in column A, written as text. */
export function queueTextSheet(
  context: Excel.RequestContext,
  capabilities: Capabilities,
  name: string,
  replace: boolean,
  lines: readonly string[],
): void {
  if (replace) context.workbook.worksheets.getItem(name).delete();
  const sheet = context.workbook.worksheets.add(name);
  suspendUntilSync(context, capabilities);
  const range = sheet.getRange(a1({ row: 0, column: 0, rowCount: lines.length, columnCount: 1 }));
  range.numberFormat = lines.map(() => [TEXT_FORMAT]);
  range.values = lines.map((line) => [line]);
  // One wide, wrapping column reads like a page, on screen and printed.
  range.format.wrapText = true;
  sheet.getRange("A:A").format.columnWidth = 640;
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A1").format.font.size = 14;
}
