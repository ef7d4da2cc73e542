import { locateHelperColumns } from "../domain/helperColumns";
import { COLUMN_GROUPS } from "../domain/addinArtifacts";
import { locateColumnGroup } from "../domain/columnGroups";
import { HELPER_HEADERS } from "../domain/score";
import { clearColumnCriteria, existingCriteria, removeAllFilters } from "../excel/filters";
import { dataArea, withFiltersLifted } from "../excel/helperColumns";
import { openReport } from "../excel/report";
import {
  clearArea,
  deleteSheets,
  deleteTableColumns,
  freezeRows,
  setColumnWidths,
  sheetsTitled,
  sortRows,
} from "../excel/sheetOps";
import { SUMMARY_TITLE } from "../excel/summarySheet";
import { loadState, saveState } from "../excel/state";
import { columnsSetByAddIn } from "./clearFilters";
import { refuseIfProtected } from "./filtering";
import { ABOUT_SHEET_NAME, ABOUT_TITLE } from "./prepareForSellers";
import { isOriginalOrderHeader, ORIGINAL_ORDER_HEADER } from "./sortByPriority";
import type { ActionDefinition } from "./types";

export interface ResetInput {
  /** Keep filters the user set (default true). */
  keepUserFilters?: boolean;
}

export interface ResetResult {
  removed: string[];
  leftInPlace: string[];
}

/**
 * Removes everything the add-in added and puts back what it changed: filters, row order, helper
 * columns, its sheets, header freeze and column widths, stored settings. Works from the sheet itself
 * when the stored settings were lost.
 */
export const resetSheet: ActionDefinition<ResetInput, ResetResult> = {
  id: "resetSheet",
  label: "Reset sheet",
  description:
    "Removes the add-in's filters, helper columns, summary and About sheets and formatting, and restores the original row order.",
  requires: [],
  needs: [],
  async perform(env, { keepUserFilters = true } = {}) {
    // One read of the sheet: each step below keeps the report's layout and filter state valid for the next.
    const report = await openReport(env.host, env.capabilities);
    refuseIfProtected(report);
    const state = await loadState(env.host, env.capabilities);
    const removed: string[] = [];
    const leftInPlace: string[] = [];
    const header = (column: number) => report.layout.headers[column] ?? `Column ${column + 1}`;
    const helperStart = locateHelperColumns(report.layout.rawHeaders);
    const helperCount = helperStart === null ? 0 : HELPER_HEADERS.length;
    const orderColumn =
      helperStart !== null && isOriginalOrderHeader(report.layout.rawHeaders[helperStart + helperCount])
        ? helperStart + helperCount
        : null;
    const isHelper = (column: number) =>
      helperStart !== null &&
      column >= helperStart &&
      column < helperStart + helperCount + (orderColumn === null ? 0 : 1);

    // 1. Row order, before the column that records it goes (filters are lifted and put back around the sort).
    if (orderColumn !== null && report.dataRowCount > 0) {
      await withFiltersLifted(env.host, env.capabilities, report, orderColumn + 1, () =>
        sortRows(env.host, report.sheetName, dataArea(report, orderColumn + 1), orderColumn, true),
      );
      removed.push("the priority sort (original row order restored)");
    }

    // 2. Filters: the add-in's criteria (and any on its own columns) go; the user's stay unless asked.
    const current = existingCriteria(report);
    const mine = [
      ...new Set([...columnsSetByAddIn(state, current), ...current.map((c) => c.column).filter(isHelper)]),
    ];
    const theirs = current.map((c) => c.column).filter((column) => !mine.includes(column));
    if (current.length || report.autoFilter?.enabled || report.table) {
      if (!keepUserFilters || (theirs.length === 0 && state?.createdAutoFilter)) {
        await removeAllFilters(env.host, report);
        if (current.length) removed.push(`filters on ${current.map((c) => header(c.column)).join(", ")}`);
      } else if (mine.length) {
        await clearColumnCriteria(env.host, env.capabilities, report, mine);
        removed.push(`filters on ${mine.map(header).join(", ")}`);
      }
      if (keepUserFilters && theirs.length)
        leftInPlace.push(`your filter on ${theirs.map(header).join(", ")}`);
    }

    // 3. Helper columns.
    if (helperStart !== null) {
      const names: string[] = [...HELPER_HEADERS, ...(orderColumn === null ? [] : [ORIGINAL_ORDER_HEADER])];
      if (report.table) await deleteTableColumns(env.host, report.table.name, names);
      else {
        await clearArea(env.host, report.sheetName, {
          row: report.headerSheetRow,
          column: report.area.column + helperStart,
          rowCount: report.dataRowCount + 1,
          columnCount: names.length,
        });
      }
      removed.push("the helper columns");
    }

    // 3b. Match to CRM's columns (found by their headers).
    const crmStart = locateColumnGroup(report.layout.rawHeaders, "crm");
    if (crmStart !== null) {
      if (report.table) await deleteTableColumns(env.host, report.table.name, [...COLUMN_GROUPS.crm]);
      else {
        await clearArea(env.host, report.sheetName, {
          row: report.headerSheetRow,
          column: report.area.column + crmStart,
          rowCount: report.dataRowCount + 1,
          columnCount: COLUMN_GROUPS.crm.length,
        });
      }
      removed.push("the CRM columns");
    }

    // 4. The add-in's sheets, found by their title cell.
    const sheets = await sheetsTitled(env.host, [SUMMARY_TITLE, ABOUT_TITLE]);
    await deleteSheets(env.host, sheets);
    if (sheets.length) removed.push(`the sheets ${sheets.map((s) => `"${s}"`).join(", ")}`);

    // 5. Formatting Prepare for sellers changed.
    if (state?.prepared) {
      if (env.capabilities.has("freezePanes"))
        await freezeRows(env.host, report.sheetName, state.prepared.frozenRowsBefore);
      await setColumnWidths(env.host, report.sheetName, state.prepared.columnWidths);
      removed.push("the frozen header and fitted column widths");
    } else if (sheets.includes(ABOUT_SHEET_NAME)) {
      leftInPlace.push("the frozen header row and column widths (the add-in's record of them was lost)");
    }

    // 6. The add-in's memory of this workbook.
    await saveState(env.host, env.capabilities, null);

    const message = removed.length
      ? `Reset: removed ${removed.join("; ")}.` +
        (leftInPlace.length ? ` Left ${leftInPlace.join("; ")}.` : "")
      : "Nothing to reset: the sheet has nothing the add-in added." +
        (leftInPlace.length ? ` Left ${leftInPlace.join("; ")}.` : "");
    return { message, data: { removed, leftInPlace } };
  },
};
