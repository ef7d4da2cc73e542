import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { a1, type Area } from "./address";
import { existingCriteria, filterAreaOf } from "./filters";
import type { OpenedReport } from "./report";
import { usableCriteria } from "./read";
import { TEXT_FORMAT } from "./write";

const HEADER_FILL = "#DCE6F2";

/** Queues the helper header cells, styled; on a table report the columns join the table. */
export function queueHelperHeader(
  context: Excel.RequestContext,
  report: OpenedReport,
  firstColumn: number,
  headers: readonly string[],
): void {
  const sheet = context.workbook.worksheets.getItem(report.sheetName);
  if (report.table) {
    const table = context.workbook.tables.getItem(report.table.name);
    const tableEnd = report.table.area.column + report.table.area.columnCount;
    // Columns already inside the table are renamed by writing their header; the rest are added to it.
    headers.forEach((header, i) => {
      if (firstColumn + i >= tableEnd) table.columns.add(undefined, undefined, header);
    });
  }
  const range = sheet.getRange(
    a1({ row: report.headerSheetRow, column: firstColumn, rowCount: 1, columnCount: headers.length }),
  );
  range.numberFormat = [headers.map(() => TEXT_FORMAT)];
  range.values = [[...headers]];
  range.format.font.bold = true;
  range.format.fill.color = HEADER_FILL;
}

/** Empties cells the add-in wrote (used when a new helper column write is cancelled half-way). */
export async function clearHelperArea(
  host: ExcelHost,
  report: OpenedReport,
  firstColumn: number,
  columnCount: number,
): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets
      .getItem(report.sheetName)
      .getRange(
        a1({
          row: report.headerSheetRow,
          column: firstColumn,
          rowCount: report.dataRowCount + 1,
          columnCount,
        }),
      )
      .clear("All");
    await context.sync();
  });
}

/**
 * How to lift the sheet AutoFilter's criteria for a write and put them back, as operations queued in
 * batches the caller syncs (so they travel with the write: issue 16). Null when there is no sheet
 * AutoFilter to lift (or no API for it); tables lift theirs with suspendFilters.
 */
export interface FilterLift {
  /** Clears the criteria (nothing to queue when none are set). */
  clear(context: Excel.RequestContext): void;
  /** Puts the AutoFilter back on the range it had, with the criteria it had. */
  restore(context: Excel.RequestContext): void;
}

export function sheetFilterLift(
  capabilities: Capabilities,
  report: OpenedReport,
  columnCount: number,
): FilterLift | null {
  if (report.table) return null;
  const filter = report.autoFilter;
  if (!filter?.enabled || !capabilities.has("autoFilter")) return null;
  const kept = existingCriteria(report);
  // Put back on the range it had, so Reset finds the user's filter exactly as it was.
  const area = filter.area ?? filterAreaOf(report, columnCount);
  return {
    clear(context) {
      if (kept.length) context.workbook.worksheets.getItem(report.sheetName).autoFilter.clearCriteria();
    },
    restore(context) {
      const sheet = context.workbook.worksheets.getItem(report.sheetName);
      const address = a1(area);
      sheet.autoFilter.remove();
      sheet.autoFilter.apply(address);
      const shift = area.column - report.area.column;
      for (const { column, criteria } of kept) sheet.autoFilter.apply(address, column - shift, criteria);
    },
  };
}

/**
 * Lifts the report's filter criteria so a write lands on the right rows, and returns a function that
 * puts them back on the same range (`columnCount` sizes it only when Excel reported none).
 */
export async function suspendFilters(
  host: ExcelHost,
  capabilities: Capabilities,
  report: OpenedReport,
  columnCount: number,
): Promise<() => Promise<void>> {
  if (report.table) return suspendTableFilters(host, report.table.name);
  const lift = sheetFilterLift(capabilities, report, columnCount);
  if (!lift) return async () => {};
  if (existingCriteria(report).length) {
    await host.run(async (context) => {
      lift.clear(context);
      await context.sync();
    });
  }
  return async () => {
    await host.run(async (context) => {
      lift.restore(context);
      await context.sync();
    });
  };
}

/** Runs work (writes, a sort) with the report's filter criteria lifted, and puts them back afterwards. */
export async function withFiltersLifted<T>(
  host: ExcelHost,
  capabilities: Capabilities,
  report: OpenedReport,
  columnCount: number,
  work: () => Promise<T>,
): Promise<T> {
  const restore = await suspendFilters(host, capabilities, report, columnCount);
  try {
    return await work();
  } finally {
    await restore();
  }
}

/** The report's data rows (header excluded) across its first `columnCount` columns. */
export function dataArea(report: OpenedReport, columnCount: number): Area {
  return {
    row: report.headerSheetRow + 1,
    column: report.area.column,
    rowCount: report.dataRowCount,
    columnCount,
  };
}

async function suspendTableFilters(host: ExcelHost, tableName: string): Promise<() => Promise<void>> {
  const saved = await host.run(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    table.columns.load("items/name, items/filter/criteria");
    await context.sync();
    const criteria = usableCriteria(table.columns.items.map((column) => column.filter.criteria))
      .map((criteria, index) => ({ index, criteria }))
      .filter((c) => !!c.criteria.filterOn);
    if (criteria.length) {
      table.clearFilters();
      await context.sync();
    }
    return criteria;
  });
  return async () => {
    if (!saved.length) return;
    await host.run(async (context) => {
      const table = context.workbook.tables.getItem(tableName);
      for (const { index, criteria } of saved) table.columns.getItemAt(index).filter.apply(criteria);
      await context.sync();
    });
  };
}
