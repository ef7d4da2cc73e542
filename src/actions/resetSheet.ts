import { COLUMN_GROUPS, type ColumnGroupId } from "../domain/addinArtifacts";
import { locateColumnGroup } from "../domain/columnGroups";
import type { Area } from "../excel/address";
import {
  existingCriteria,
  queueClearColumnCriteria,
  queueRebuildAutoFilter,
  queueRemoveAllFilters,
} from "../excel/filters";
import { dataArea, withFiltersLifted } from "../excel/helperColumns";
import { openReport } from "../excel/report";
import {
  addinSheetsFor,
  deleteSheets,
  queueClearArea,
  queueClearConditionalFormats,
  queueDeleteTableColumns,
  queueRestoreSheetLayout,
  sortRows,
} from "../excel/sheetOps";
import { loadState, saveState, stateSaveWith } from "../excel/state";
import { columnsSetByAddIn } from "./clearFilters";
import { refuseIfProtected } from "./filtering";
import type { ActionDefinition } from "./types";
import type { SheetReport } from "./analyzeSheet";
import { DEFAULT_SCORE_SETTINGS } from "../domain/score";
export interface ResetInput {
  /** Keep filters the user set (default true). */
  keepUserFilters?: boolean;
}

export interface ResetResult {
  removed: string[];
  leftInPlace: string[];
  /** The report sheet reset. */
  sheetName: string;
  /** Filter criteria are still set on the report (the user's, kept). */
  stillFiltered: boolean;
  /** A priority sort was undone: the rows the analysis samples moved. */
  rowOrderRestored: boolean;
}

/**
 * The pane's report after Reset, from what Reset knows, instead of analysing the sheet again (issue 16):
 * Reset changes no cell the analysis reads; it removes the add-in's columns (helpers, CRM Owner among
 * them), its filters and its record. Null when the report is of another sheet: then analyse again.
 * test/scenario/resetRefresh.test.ts holds it equal to a fresh analysis.
 */
export function reportAfterReset(report: SheetReport, result: ResetResult): SheetReport | null {
  // Rows moved back: what the analysis judges on its sample rows (formats, examples) may differ.
  if (report.sheetName !== result.sheetName || result.rowOrderRestored) return null;
  return {
    ...report,
    isFiltered: result.stillFiltered,
    hasHelperColumns: false,
    scoreSettings: DEFAULT_SCORE_SETTINGS,
    quickFilters: report.quickFilters.filter((quick) => quick.role !== "crmOwner"),
  };
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
    const state = await loadState(env.host, env.capabilities, report);
    const removed: string[] = [];
    const leftInPlace: string[] = [];
    const header = (column: number) => report.layout.headers[column] ?? `Column ${column + 1}`;
    // Every column group the add-in writes (helpers, Original Order, Last Month, CRM), found by its headers.
    const groups = (Object.keys(COLUMN_GROUPS) as ColumnGroupId[]).flatMap((id) => {
      const start = locateColumnGroup(report.layout.rawHeaders, id);
      return start === null ? [] : [{ id, start, headers: [...COLUMN_GROUPS[id]] }];
    });
    const isAddinColumn = (column: number) =>
      groups.some((g) => column >= g.start && column < g.start + g.headers.length);
    const order = groups.find((g) => g.id === "originalOrder");
    const width = report.area.columnCount;

    // 1. Row order, before the column that records it goes; every used column moves with its row.
    if (order && report.dataRowCount > 0) {
      await withFiltersLifted(env.host, env.capabilities, report, width, () =>
        sortRows(env.host, report.sheetName, dataArea(report, width), order.start, true),
      );
      removed.push("the priority sort (original row order restored)");
    }

    // 2-6 are one batch (issue 16): the sheets' titles are read first, then the add-in's sheets are
    // deleted and, in the same round trip, its filters, columns, formatting and record go.
    const work: ((context: Excel.RequestContext) => (() => void) | void)[] = [];

    // 2. Filters: the add-in's criteria (and any on its own columns) go; the user's stay unless asked.
    const current = existingCriteria(report);
    const mine = [
      ...new Set([
        ...columnsSetByAddIn(state, current),
        ...current.map((c) => c.column).filter(isAddinColumn),
      ]),
    ];
    const theirs = current.filter((c) => !mine.includes(c.column));
    const filterArea = report.autoFilter?.area ?? null;
    // With the record lost, filter buttons over the add-in's own columns and no user criterion were the add-in's.
    const filterIsOurs =
      state?.createdAutoFilter === true ||
      (state === null &&
        filterArea !== null &&
        groups.some(
          (g) =>
            report.area.column + g.start >= filterArea.column &&
            report.area.column + g.start < filterArea.column + filterArea.columnCount,
        ) &&
        !report.table);
    let stillFiltered = false;
    if (current.length || report.autoFilter?.enabled || report.table) {
      if (!keepUserFilters || (theirs.length === 0 && filterIsOurs && !report.table)) {
        work.push((context) => queueRemoveAllFilters(context, report));
        if (current.length) removed.push(`filters on ${current.map((c) => header(c.column)).join(", ")}`);
      } else {
        if (mine.length) {
          work.push((context) => void queueClearColumnCriteria(context, env.capabilities, report, mine));
          removed.push(`filters on ${mine.map(header).join(", ")}`);
        }
        // The user's filter goes back on the range it had before the add-in widened it.
        const before = state?.userFilterRange;
        if (!report.table && before && filterArea && !sameArea(before, filterArea))
          work.push((context) => queueRebuildAutoFilter(context, report, before, theirs));
      }
      stillFiltered = keepUserFilters && theirs.length > 0;
      if (keepUserFilters && theirs.length)
        leftInPlace.push(`your filter on ${theirs.map((c) => header(c.column)).join(", ")}`);
    }

    // 3. The add-in's column groups; columns of the user's right of them stay where they are.
    // Right to left, so deleting a table's columns never moves a group still to be removed.
    for (const group of [...groups].sort((a, b) => b.start - a.start)) {
      const area = {
        row: report.headerSheetRow,
        column: report.area.column + group.start,
        rowCount: report.dataRowCount + 1,
        columnCount: group.headers.length,
      };
      const table = report.table;
      if (table)
        work.push((context) => {
          queueClearConditionalFormats(context, report.sheetName, area);
          queueDeleteTableColumns(context, table.name, group.headers);
        });
      else work.push((context) => queueClearArea(context, report.sheetName, area));
    }
    if (groups.length) removed.push(`the columns ${groups.map((g) => g.headers.join(", ")).join("; ")}`);

    // 4. The add-in's sheets made from this report sheet (A1 title, A2 "Report sheet: <name>").
    const sheets = await addinSheetsFor(env.host, report.sheetName, report.sheetNames);
    if (sheets.length) removed.push(`the sheets ${sheets.map((s) => `"${s.name}"`).join(", ")}`);

    // 5. Formatting Prepare for sellers changed.
    const prepared = state?.prepared;
    if (prepared) {
      work.push((context) =>
        queueRestoreSheetLayout(
          context,
          report.sheetName,
          env.capabilities.has("freezePanes") ? prepared.frozenRowsBefore : undefined,
          prepared.columnWidths,
        ),
      );
      removed.push("the frozen header and fitted column widths");
    } else if (sheets.some((s) => s.kind === "about")) {
      leftInPlace.push("the frozen header row and column widths (the add-in's record of them was lost)");
    }

    // 6. The add-in's record of this report sheet (other sheets keep theirs), in the batch when it can.
    const forget = stateSaveWith(env.capabilities, report, null);
    if (forget) work.push(forget);
    await deleteSheets(
      env.host,
      sheets.map((s) => s.name),
      work.length
        ? (context) => {
            const done = work.map((queue) => queue(context));
            return () => done.forEach((commit) => commit?.());
          }
        : undefined,
    );
    if (!forget) await saveState(env.host, env.capabilities, null, report);

    const message = removed.length
      ? `Reset: removed ${removed.join("; ")}.` +
        (leftInPlace.length ? ` Left ${leftInPlace.join("; ")}.` : "")
      : "Nothing to reset: the sheet has nothing the add-in added." +
        (leftInPlace.length ? ` Left ${leftInPlace.join("; ")}.` : "");
    const rowOrderRestored = order !== undefined && report.dataRowCount > 0;
    return {
      message,
      data: { removed, leftInPlace, sheetName: report.sheetName, stillFiltered, rowOrderRestored },
    };
  },
};

function sameArea(a: Area, b: Area): boolean {
  return (
    a.row === b.row && a.column === b.column && a.rowCount === b.rowCount && a.columnCount === b.columnCount
  );
}
