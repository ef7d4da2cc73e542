import { detectLayout } from "../domain/layout";
import type { CellValue, ReportLayout } from "../domain/types";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { a1, type Area } from "./address";
import type { SheetTitle } from "../domain/addinArtifacts";
import { identityColumn } from "../domain/analysis";
import type { CountQuery } from "../domain/clusterCounts";
import { countAndLookUp, countIfs } from "./countIfs";
import type { FoundCell, LookupQuery } from "../domain/summaryCounts";
import { UserFacingError } from "./errors";
import {
  readColumns,
  readSheetTop,
  usableCriteria,
  type ColumnRead,
  type SheetAutoFilter,
  type StoredSetting,
} from "./read";
import { STATE_KEY } from "./state";
import type { WorkOptions } from "./progress";

/** The active sheet understood as a CloudAscent report: where its header and data are, and what its columns mean. */
export interface OpenedReport {
  sheetName: string;
  /** The worksheet's id: the key of the add-in's stored record for this report sheet. */
  sheetId: string;
  isProtected: boolean;
  /** The used area of the sheet. */
  area: Area;
  layout: ReportLayout;
  /**
   * The header row's cells as Excel holds them (not trimmed), one per column of the used area:
   * PivotTable field names are these texts, not the cleaned layout headers.
   */
  headerCells: CellValue[];
  /** Absolute 0-based sheet row of the header. */
  headerSheetRow: number;
  /** Rows below the header to the end of the used area, blank rows included. */
  dataRowCount: number;
  /** Data rows read with the header (column offsets as in the layout), used to size read blocks. */
  sample: CellValue[][];
  /** Rows above the header (title rows such as "Downloaded 2026-11-25"), as read with it. */
  titleRows: CellValue[][];
  /** The sheet's AutoFilter (null when the host has no AutoFilter API). */
  autoFilter: SheetAutoFilter | null;
  /** The Excel table holding the report, when it is formatted as one. */
  table: { name: string; area: Area } | null;
  /**
   * The add-in's stored setting as read with the sheet (absent without settings): loadState and
   * saveState use it instead of reading it again, and saveState keeps it current.
   */
  setting?: StoredSetting;
  /** Every sheet's name in order, as read with the report (absent when it was read in steps). */
  sheetNames?: string[];
}

export class NotAReportError extends UserFacingError {
  constructor(message: string) {
    super(message, "NotAReport");
  }
}

/**
 * Finds the report on the active sheet, reading only the first rows and the add-in's setting: one
 * sync for a sheet with data and no table (see readSheetTop).
 */
export async function openReport(host: ExcelHost, capabilities: Capabilities): Promise<OpenedReport> {
  const top = await readSheetTop(host, capabilities, { settingKey: STATE_KEY });
  if (!top.area) {
    throw new NotAReportError(
      "The active sheet is empty. Open the CloudAscent CSV you downloaded from Partner Center and try again.",
    );
  }
  const detection = detectLayout(top.block);
  if (!detection.ok) throw new NotAReportError(detection.reason);
  const { layout } = detection;
  const headerSheetRow = top.area.row + layout.headerRow;
  const table =
    // The table whose header row is the report's and which spans the report's first column.
    top.tables.find(
      (t) =>
        t.area.row === headerSheetRow &&
        t.area.column <= top.area!.column &&
        t.area.column + t.area.columnCount > top.area!.column,
    ) ?? null;
  // A table's filters play the part of the sheet AutoFilter: read them in the same shape.
  const autoFilter = table ? await tableFilter(host, table) : top.autoFilter;
  return {
    sheetName: top.sheetName,
    sheetId: top.sheetId,
    isProtected: top.isProtected,
    area: top.area,
    layout,
    headerCells: [...(top.block[layout.headerRow] ?? [])],
    headerSheetRow,
    dataRowCount: top.area.rowCount - layout.headerRow - 1,
    sample: top.block.slice(layout.headerRow + 1),
    titleRows: top.block.slice(0, layout.headerRow),
    autoFilter,
    table,
    ...(top.setting ? { setting: top.setting } : {}),
    ...(top.sheetNames ? { sheetNames: top.sheetNames } : {}),
  };
}

async function tableFilter(host: ExcelHost, table: { name: string; area: Area }): Promise<SheetAutoFilter> {
  return host.run(async (context) => {
    const columns = context.workbook.tables.getItem(table.name).columns;
    columns.load("items/filter/criteria");
    await context.sync();
    const criteria = usableCriteria(columns.items.map((column) => column.filter.criteria));
    return { enabled: true, isDataFiltered: criteria.some((c) => !!c.filterOn), area: table.area, criteria };
  });
}

/** The read of the given report columns for every data row (see readColumns, readColumnsTogether). */
export function reportColumnRead(
  report: OpenedReport,
  columns: readonly number[],
  property: "values" | "text" = "values",
): ColumnRead {
  return {
    sheetName: report.sheetName,
    firstRow: report.headerSheetRow + 1,
    originColumn: report.area.column,
    rowCount: report.dataRowCount,
    columns,
    property,
    sample: report.sample,
  };
}

/** Reads the given report columns for every data row. */
export function readReportColumns(
  host: ExcelHost,
  report: OpenedReport,
  columns: readonly number[],
  options: WorkOptions & { property?: "values" | "text" } = {},
): Promise<Map<number, CellValue[]>> {
  return readColumns(host, reportColumnRead(report, columns, options.property ?? "values"), options);
}

/** The active sheet, its used area, one header row and every sheet's A1/A2 (see readOutline). */
export interface SheetOutline {
  sheetName: string;
  area: Area | null;
  /** The cells of the header row, one per column of the used area. */
  headerCells: CellValue[];
  titles: SheetTitle[];
}

/**
 * What the pane's check marks need when it already knows where the report's header is: two syncs and
 * a few KB, where opening the report reads its first 220 rows.
 */
export async function readOutline(
  host: ExcelHost,
  capabilities: Capabilities,
  headerSheetRow: number,
): Promise<SheetOutline> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const used = capabilities.has("settings")
      ? sheet.getUsedRangeOrNullObject(true)
      : sheet.getUsedRange(capabilities.has("valuesOnlyUsedRange") ? true : undefined);
    used.load("rowIndex, columnIndex, rowCount, columnCount");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const tops = sheets.items.map((item) => ({
      name: item.name,
      range: item.getRange("A1:A2").load("values"),
    }));
    const area: Area | null = used.isNullObject
      ? null
      : {
          row: used.rowIndex,
          column: used.columnIndex,
          rowCount: used.rowCount,
          columnCount: used.columnCount,
        };
    const inside = area !== null && headerSheetRow >= area.row && headerSheetRow < area.row + area.rowCount;
    const header = inside
      ? sheet
          .getRange(
            a1({
              row: headerSheetRow,
              column: area.column,
              rowCount: 1,
              columnCount: Math.min(area.columnCount, 1024),
            }),
          )
          .load("values")
      : null;
    await context.sync();
    return {
      sheetName: sheet.name,
      area,
      headerCells: header ? [...(header.values[0] as CellValue[])] : [],
      titles: tops.map(({ name, range }) => ({ name, a1: range.values[0]?.[0], a2: range.values[1]?.[0] })),
    };
  });
}

/** COUNTIFS over the report's data rows, customers told by its identity column (see countIfs). */
export function countInReport(
  host: ExcelHost,
  capabilities: Capabilities,
  report: OpenedReport,
  queries: readonly CountQuery[],
): Promise<Map<string, number> | null> {
  return countIfs(
    host,
    capabilities,
    {
      sheetName: report.sheetName,
      firstRow: report.headerSheetRow + 1,
      rowCount: report.dataRowCount,
      originColumn: report.area.column,
      identityColumn: identityColumn(report.layout),
    },
    queries,
  );
}

/** COUNTIFS and exact lookups over the report's data rows, in one sync (see countAndLookUp). */
export function countAndLookUpInReport(
  host: ExcelHost,
  capabilities: Capabilities,
  report: OpenedReport,
  queries: readonly CountQuery[],
  lookups: readonly LookupQuery[],
): Promise<{ counts: Map<string, number>; found: Map<string, FoundCell> } | null> {
  return countAndLookUp(
    host,
    capabilities,
    {
      sheetName: report.sheetName,
      firstRow: report.headerSheetRow + 1,
      rowCount: report.dataRowCount,
      originColumn: report.area.column,
    },
    queries,
    lookups,
  );
}
