import { COLUMN_GROUPS, type ColumnGroupId } from "../domain/addinArtifacts";
import { locateColumnGroup } from "../domain/columnGroups";
import type { CellValue } from "../domain/types";
import { columnLetters } from "./address";
import type { ExcelHost } from "./host";
import { clearHelperArea, queueHelperHeader, sheetFilterLift, suspendFilters } from "./helperColumns";
import type { WorkOptions } from "./progress";
import { CancelledError, UserFacingError } from "./errors";
import type { OpenedReport } from "./report";
import type { Capabilities } from "./requirements";
import type { QueuedWrite } from "./state";
import { writeGrid } from "./write";

export interface ColumnGroupWrite {
  /** One row per report data row (report.dataRowCount rows), one cell per header of the group. */
  rows: readonly (readonly CellValue[])[];
  /** One number format per column of the group ("@" for text: report text is never a formula). */
  numberFormats: readonly string[];
}

export interface ColumnGroupWritten {
  /** Report column offset of the group's first column. */
  firstColumn: number;
  /** Sheet columns written, e.g. "BA:BC". */
  columns: string;
  /** The group was there already and was updated in place. */
  updated: boolean;
}

/**
 * Writes one of the add-in's column groups (see COLUMN_GROUPS): in place when the header row already
 * holds it, otherwise right of the last used column of the sheet, so it never lands on data (a user's
 * unlabelled notes column included). Filters are lifted during the write and put back. On a sheet
 * AutoFilter the lift and the header travel with the first block and the filter's return (and
 * `alsoInLastBatch`, e.g. the stored record) with the last: no round trips of their own (issue 16).
 */
export async function writeColumnGroup(
  host: ExcelHost,
  capabilities: Capabilities,
  report: OpenedReport,
  group: ColumnGroupId,
  write: ColumnGroupWrite,
  options: WorkOptions = {},
  alsoInLastBatch?: QueuedWrite,
): Promise<ColumnGroupWritten> {
  const headers = [...COLUMN_GROUPS[group]];
  if (report.isProtected) {
    throw new UserFacingError(
      "This sheet is protected. Unprotect it (Review > Unprotect Sheet) and try again.",
    );
  }
  if (write.rows.length !== report.dataRowCount || write.numberFormats.length !== headers.length) {
    throw new Error(`Column group ${group}: ${write.rows.length} rows for ${report.dataRowCount} data rows.`);
  }
  const existing = locateColumnGroup(report.layout.rawHeaders, group);
  const target = existing ?? report.area.columnCount;
  const firstColumn = report.area.column + target;
  const lift = sheetFilterLift(capabilities, report, target + headers.length);
  // A table's filters are read and lifted in syncs of their own (a rare layout); a sheet's travel with the cells.
  const restoreTableFilters = report.table
    ? await suspendFilters(host, capabilities, report, target + headers.length)
    : null;
  let restored = false;
  const restoreFilters = async () => {
    if (restored) return;
    if (restoreTableFilters) await restoreTableFilters();
    else if (lift)
      await host.run(async (context) => {
        lift.restore(context);
        await context.sync();
      });
    restored = true;
  };
  try {
    await writeGrid(
      host,
      capabilities,
      { sheetName: report.sheetName, row: report.headerSheetRow + 1, column: firstColumn, ...write },
      options,
      {
        first(context) {
          lift?.clear(context);
          queueHelperHeader(context, report, firstColumn, headers);
        },
        last(context) {
          if (lift) lift.restore(context);
          const committed = alsoInLastBatch?.(context);
          return () => {
            if (lift) restored = true;
            committed?.();
          };
        },
      },
    );
  } catch (error) {
    // A half-written new group is worse than none; an update is simply run again.
    if (existing === null && error instanceof CancelledError)
      await clearHelperArea(host, report, firstColumn, headers.length);
    await restoreFilters();
    throw error;
  }
  await restoreFilters();
  return {
    firstColumn: target,
    columns: `${columnLetters(firstColumn)}:${columnLetters(firstColumn + headers.length - 1)}`,
    updated: existing !== null,
  };
}
