/**
 * Reading a CRM accounts export that sits on a sheet of this workbook (the active sheet is the
 * report, so this reads other sheets by name), and keeping the column mapping in the workbook.
 */
import { SHEET_TITLES } from "../domain/addinArtifacts";
import type { CrmMappingByHeader } from "../domain/crmColumns";
import type { CellValue } from "../domain/types";
import { a1, type Area } from "./address";
import type { ExcelHost } from "./host";
import type { WorkOptions } from "./progress";
import { readColumns } from "./read";
import type { Capabilities } from "./requirements";

/** Rows and columns read from the top of each sheet to recognise it. */
const TOP_ROWS = 40;
const TOP_COLUMNS = 80;

export interface SheetTopBlock {
  name: string;
  visible: boolean;
  /** Used area (values only), null for an empty sheet. */
  area: Area | null;
  /** The first rows of the used area (at most TOP_ROWS x TOP_COLUMNS). */
  block: CellValue[][];
}

/** Every sheet's used area and first rows: three syncs, whatever the workbook's size. */
export async function readSheetTops(host: ExcelHost): Promise<SheetTopBlock[]> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name, items/visibility");
    await context.sync();
    const used = sheets.items.map((sheet) => {
      const range = sheet.getUsedRangeOrNullObject(true);
      range.load("rowIndex, columnIndex, rowCount, columnCount");
      return range;
    });
    await context.sync();
    const tops = sheets.items.map((sheet, i) => {
      const range = used[i];
      if (range.isNullObject) return null;
      const area = {
        row: range.rowIndex,
        column: range.columnIndex,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
      };
      const top = sheet.getRange(
        a1({
          row: area.row,
          column: area.column,
          rowCount: Math.min(TOP_ROWS, area.rowCount),
          columnCount: Math.min(TOP_COLUMNS, area.columnCount),
        }),
      );
      top.load("values");
      return { area, top };
    });
    await context.sync();
    return sheets.items.map((sheet, i) => {
      const found = tops[i];
      return {
        name: sheet.name,
        visible: sheet.visibility === "Visible",
        area: found?.area ?? null,
        block: (found?.top.values as CellValue[][] | undefined) ?? [],
      };
    });
  });
}

/** True for a sheet the add-in made (summary, About, What Changed, seller lists): never a CRM export. */
export function isAddinSheet(top: SheetTopBlock): boolean {
  const a1Value = top.block[0]?.[0];
  return Object.values(SHEET_TITLES).some((title) => title === a1Value);
}

/** Reads the given columns (offsets from the used area's first column) of a sheet's data rows. */
export function readSheetColumns(
  host: ExcelHost,
  sheet: SheetTopBlock & { area: Area },
  headerRow: number,
  columns: readonly number[],
  options: WorkOptions = {},
): Promise<Map<number, CellValue[]>> {
  return readColumns(
    host,
    {
      sheetName: sheet.name,
      firstRow: sheet.area.row + headerRow + 1,
      originColumn: sheet.area.column,
      rowCount: sheet.area.rowCount - headerRow - 1,
      columns,
      property: "values",
      sample: sheet.block.slice(headerRow + 1).map((row) => columns.map((c) => row[c] ?? "")),
    },
    options,
  );
}

/** Settings key of the CRM column mapping (one per export header row). */
export const CRM_MAPPING_KEY = "PropensityPane.crmMapping";

export interface StoredCrmMappings {
  version: 1;
  /** Header signature -> mapping by header text. */
  mappings: Record<string, CrmMappingByHeader>;
}

/** The stored mappings; null when settings are unsupported, missing or unreadable (they can be lost). */
export async function loadCrmMappings(
  host: ExcelHost,
  capabilities: Capabilities,
): Promise<StoredCrmMappings | null> {
  if (!capabilities.has("settings")) return null;
  return host.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(CRM_MAPPING_KEY);
    setting.load("value");
    await context.sync();
    if (setting.isNullObject) return null;
    try {
      const value: unknown = typeof setting.value === "string" ? JSON.parse(setting.value) : setting.value;
      const stored = value as StoredCrmMappings;
      return stored && stored.version === 1 && typeof stored.mappings === "object" ? stored : null;
    } catch {
      return null;
    }
  });
}

export async function saveCrmMapping(
  host: ExcelHost,
  capabilities: Capabilities,
  signature: string,
  mapping: CrmMappingByHeader,
): Promise<void> {
  if (!capabilities.has("settings")) return;
  const stored = (await loadCrmMappings(host, capabilities)) ?? { version: 1, mappings: {} };
  stored.mappings[signature] = mapping;
  await host.run(async (context) => {
    context.workbook.settings.add(CRM_MAPPING_KEY, JSON.stringify(stored));
    await context.sync();
  });
}
