import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { a1, type Area } from "./address";
import { UserFacingError } from "./errors";
import type { OpenedReport } from "./report";
import type { QueuedWrite } from "./state";

/** Exact display texts to keep in one column (column offset from the report's left edge). */
export interface ColumnCriteria {
  column: number;
  values: readonly string[];
  /**
   * Wildcard criteria that keep exactly the rows `values` would (proven by counting, see
   * src/domain/clusterCounts.ts): set instead of the values list when present.
   */
  custom?: CustomCriteria;
}

export interface CustomCriteria {
  criterion1: string;
  criterion2?: string;
  operator?: "Or" | "And";
}

function criteriaOf({ values, custom }: ColumnCriteria): Excel.FilterCriteria {
  if (!custom) return valuesCriteria(values);
  return {
    filterOn: "Custom",
    criterion1: custom.criterion1,
    ...(custom.criterion2 === undefined
      ? {}
      : { criterion2: custom.criterion2, operator: custom.operator ?? "Or" }),
  } as Excel.FilterCriteria;
}

/** A criterion Excel holds on a column, whoever set it. */
export interface ExistingCriteria {
  column: number;
  criteria: Excel.FilterCriteria;
}

function hasCriteria(criteria: Excel.FilterCriteria | undefined): criteria is Excel.FilterCriteria {
  return !!criteria && !!criteria.filterOn;
}

/** Criteria currently set on the report's columns, by report column offset. */
export function existingCriteria(report: OpenedReport): ExistingCriteria[] {
  const filter = report.autoFilter;
  if (!filter?.enabled || !filter.area) return [];
  const shift = filter.area.column - report.area.column;
  return filter.criteria.flatMap((criteria, index) =>
    hasCriteria(criteria) ? [{ column: index + shift, criteria }] : [],
  );
}

/** The AutoFilter range: header row to last data row, across the report and its helper columns. */
export function filterAreaOf(report: OpenedReport, columnCount: number): Area {
  return {
    row: report.headerSheetRow,
    column: report.area.column,
    rowCount: report.dataRowCount + 1,
    columnCount,
  };
}

function sameArea(a: Area | null, b: Area): boolean {
  return (
    !!a &&
    a.row === b.row &&
    a.column === b.column &&
    a.rowCount === b.rowCount &&
    a.columnCount === b.columnCount
  );
}

function valuesCriteria(values: readonly string[]): Excel.FilterCriteria {
  return { filterOn: "Values", values: [...values] };
}

/**
 * Sets Values criteria on report columns, AND-ed with whatever is already filtered, in one sync.
 * Criteria on other columns are kept; when the filter range must grow (helper columns were added),
 * the filter is rebuilt on the larger range with every criterion it had.
 */
export async function applyColumnCriteria(
  host: ExcelHost,
  capabilities: Capabilities,
  report: OpenedReport,
  criteria: readonly ColumnCriteria[],
  columnCount: number,
  /** A write to travel in the same batch, after the criteria (the add-in's record of them). */
  alongside?: QueuedWrite,
): Promise<void> {
  if (report.table) {
    await applyTableCriteria(host, report.table.name, report, criteria, alongside);
    return;
  }
  if (!capabilities.has("autoFilter")) {
    throw new UserFacingError(capabilities.missingMessage("autoFilter"));
  }
  const current = report.autoFilter;
  const covers = (area: Area) =>
    area.row === report.headerSheetRow &&
    area.rowCount === report.dataRowCount + 1 &&
    criteria.every(
      ({ column }) =>
        report.area.column + column >= area.column &&
        report.area.column + column < area.column + area.columnCount,
    );
  // The user's filter range is kept when it already spans the columns to filter; else it grows.
  const target =
    current?.enabled && current.area && covers(current.area)
      ? current.area
      : filterAreaOf(report, columnCount);
  const shift = target.column - report.area.column;
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(report.sheetName);
    const address = a1(target);
    if (current?.enabled && current.area && !sameArea(current.area, target)) {
      // Growing an AutoFilter means removing it and applying it again on the new range.
      const kept = existingCriteria(report).filter((c) => !criteria.some((mine) => mine.column === c.column));
      sheet.autoFilter.remove();
      sheet.autoFilter.apply(address);
      for (const { column, criteria: old } of kept) {
        if (column >= 0 && column < columnCount) sheet.autoFilter.apply(address, column, old);
      }
    }
    for (const entry of criteria) {
      sheet.autoFilter.apply(address, entry.column - shift, criteriaOf(entry));
    }
    const done = alongside?.(context);
    await context.sync();
    done?.();
  });
}

async function applyTableCriteria(
  host: ExcelHost,
  tableName: string,
  report: OpenedReport,
  criteria: readonly ColumnCriteria[],
  alongside?: QueuedWrite,
): Promise<void> {
  await host.run(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    const columnShift = report.table!.area.column - report.area.column;
    for (const { column, values, custom } of criteria) {
      // Wildcard criteria are only proven for, and only set on, the sheet AutoFilter.
      if (custom) throw new Error("Custom criteria are set on sheet AutoFilters only.");
      table.columns.getItemAt(column - columnShift).filter.applyValuesFilter([...values]);
    }
    const done = alongside?.(context);
    await context.sync();
    done?.();
  });
}

/** Removes criteria from the given report columns only; other columns keep theirs. */
export async function clearColumnCriteria(
  host: ExcelHost,
  capabilities: Capabilities,
  report: OpenedReport,
  columns: readonly number[],
): Promise<void> {
  await runQueued(host, (context) => queueClearColumnCriteria(context, capabilities, report, columns));
}

/** Queues clearColumnCriteria's work in a batch the caller syncs; false when there is nothing to queue. */
export function queueClearColumnCriteria(
  context: Excel.RequestContext,
  capabilities: Capabilities,
  report: OpenedReport,
  columns: readonly number[],
): boolean {
  if (columns.length === 0) return false;
  if (report.table) {
    const columnShift = report.table.area.column - report.area.column;
    const table = context.workbook.tables.getItem(report.table.name);
    for (const column of columns) table.columns.getItemAt(column - columnShift).filter.clear();
    return true;
  }
  const filter = report.autoFilter;
  if (!filter?.enabled || !filter.area) return false;
  const filterArea = filter.area;
  const shift = filterArea.column - report.area.column;
  const sheet = context.workbook.worksheets.getItem(report.sheetName);
  if (capabilities.has("clearColumnCriteria")) {
    for (const column of columns) sheet.autoFilter.clearColumnCriteria(column - shift);
  } else {
    // Before ExcelApi 1.14 one column can't be cleared alone: clear all, then put the others back.
    const kept = existingCriteria(report).filter((c) => !columns.includes(c.column));
    sheet.autoFilter.clearCriteria();
    for (const { column, criteria } of kept) sheet.autoFilter.apply(a1(filterArea), column - shift, criteria);
  }
  return true;
}

/** Clears every criterion and removes the filter buttons (the user asked to clear everything). */
export async function removeAllFilters(host: ExcelHost, report: OpenedReport): Promise<void> {
  await host.run(async (context) => {
    queueRemoveAllFilters(context, report);
    await context.sync();
  });
}

export function queueRemoveAllFilters(context: Excel.RequestContext, report: OpenedReport): void {
  if (report.table) {
    context.workbook.tables.getItem(report.table.name).clearFilters();
  } else if (report.autoFilter?.enabled) {
    context.workbook.worksheets.getItem(report.sheetName).autoFilter.remove();
  }
}

/**
 * Queues rebuilding the sheet AutoFilter on `area` with the given criteria (report column offsets),
 * e.g. to put a user's filter back on the range it had before the add-in widened it.
 */
export function queueRebuildAutoFilter(
  context: Excel.RequestContext,
  report: OpenedReport,
  area: Area,
  criteria: readonly ExistingCriteria[],
): void {
  const shift = area.column - report.area.column;
  const sheet = context.workbook.worksheets.getItem(report.sheetName);
  const address = a1(area);
  sheet.autoFilter.remove();
  sheet.autoFilter.apply(address);
  for (const { column, criteria: kept } of criteria) {
    if (column - shift >= 0 && column - shift < area.columnCount)
      sheet.autoFilter.apply(address, column - shift, kept);
  }
}

/** Runs queued work in one sync, or none when it queued nothing. */
async function runQueued(host: ExcelHost, queue: (context: Excel.RequestContext) => boolean): Promise<void> {
  await host.run(async (context) => {
    if (queue(context)) await context.sync();
  });
}
