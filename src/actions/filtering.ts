import { countVisibleByCluster, visibleRows, type FilterCriteria } from "../domain/filters";
import { customerRows, identityColumn } from "../domain/analysis";
import { DEFAULT_SCORE_SETTINGS } from "../domain/score";
import type { StoredState } from "../domain/settings";
import type { ClusterCounts } from "../domain/types";
import { applyColumnCriteria, existingCriteria, type ColumnCriteria } from "../excel/filters";
import { UserFacingError } from "../excel/errors";
import { readReportColumns, type OpenedReport } from "../excel/report";
import { loadState, saveState, stateSaveWith } from "../excel/state";
import type { ActionEnv } from "./types";

export interface FilterResult {
  /** Customers (rows with an account name or id) visible after the filter, and in all. */
  visible: number;
  total: number;
  /** Visible customers per cluster of the column the filter was about. */
  visibleByCluster: ClusterCounts;
  /** Headers of every column that now has criteria. */
  filteredColumns: string[];
  /** Columns filtered by someone else whose criteria the counts could not evaluate (not a values list). */
  uncountedColumns: string[];
}

export function refuseIfProtected(report: OpenedReport): void {
  if (report.isProtected) {
    throw new UserFacingError(
      `The sheet "${report.sheetName}" is protected, so it can't be filtered or changed. ` +
        "Unprotect it (Review > Unprotect Sheet) and try again. Nothing was changed.",
    );
  }
}

/** Remembers which criteria the add-in set, so Clear filters can leave the user's own alone. */
export function withFiltersRecorded(
  state: StoredState | null,
  criteria: readonly ColumnCriteria[],
): StoredState {
  const base: StoredState = state ?? { version: 1, score: DEFAULT_SCORE_SETTINGS };
  const others = (base.filtersApplied ?? []).filter((f) => !criteria.some((c) => c.column === f.column));
  return {
    ...base,
    filtersApplied: [
      ...others,
      ...criteria.map((c) => ({
        column: c.column,
        values: [...c.values],
        ...(c.custom ? { custom: { ...c.custom } } : {}),
      })),
    ],
  };
}

/** Applies the add-in's criteria on top of any existing ones and records them in the workbook. */
export async function applyAndRecord(
  env: ActionEnv,
  report: OpenedReport,
  criteria: readonly ColumnCriteria[],
): Promise<void> {
  refuseIfProtected(report);
  const columnCount = report.area.columnCount;
  const before = await loadState(env.host, env.capabilities, report);
  const state = withFiltersRecorded(before, criteria);
  // Remember whether the filter buttons were ours, so Reset can take them away again.
  if (!report.table && !report.autoFilter?.enabled) state.createdAutoFilter = true;
  // And the user's filter range, when applying ours may have widened it.
  const userRange = report.autoFilter?.enabled && !report.table ? report.autoFilter.area : null;
  if (userRange && !state.createdAutoFilter && !state.userFilterRange)
    state.userFilterRange = { ...userRange };
  // The record travels with the criteria when the setting was read with the report: one round trip.
  const record = stateSaveWith(env.capabilities, report, state);
  await applyColumnCriteria(env.host, env.capabilities, report, criteria, columnCount, record ?? undefined);
  if (!record) await saveState(env.host, env.capabilities, state, report);
}

/**
 * Applies the add-in's criteria on top of any existing ones, records them, and counts what is
 * visible. `texts` must hold the displayed text of every column in `criteria` and of `countColumn`.
 */
export async function filterAndCount(
  env: ActionEnv,
  report: OpenedReport,
  criteria: readonly ColumnCriteria[],
  countColumn: number,
  texts: ReadonlyMap<number, readonly string[]>,
): Promise<FilterResult> {
  await applyAndRecord(env, report, criteria);

  // The user's own Values criteria still apply: count with them, after ours.
  const ours = new Set(criteria.map((c) => c.column));
  const all = new Map<number, ReadonlySet<string>>();
  const uncounted: number[] = [];
  for (const { column, criteria: existing } of existingCriteria(report)) {
    if (ours.has(column)) continue;
    if (existing.filterOn === "Values" && existing.values)
      all.set(column, new Set(existing.values as string[]));
    else uncounted.push(column);
  }
  for (const { column, values } of criteria) all.set(column, new Set(values));
  // Customers are rows with an identity value; blank rows are not counted either way.
  const identity = identityColumn(report.layout);
  const needed = [...new Set([...all.keys(), ...(identity === undefined ? [] : [identity])])].filter(
    (column) => !texts.has(column),
  );
  const allTexts = new Map(texts);
  if (needed.length) {
    const extra = await readReportColumns(env.host, report, needed, { property: "text", signal: env.signal });
    for (const [column, values] of extra)
      allTexts.set(
        column,
        values.map((v) => String(v ?? "")),
      );
  }
  const customers = customerRows(report.layout, allTexts, report.dataRowCount);
  const visible = visibleRows(allTexts, all as FilterCriteria, report.dataRowCount).map(
    (shown, row) => shown && customers[row],
  );
  const counts = countVisibleByCluster(allTexts.get(countColumn) ?? [], visible);
  const total = customers.filter(Boolean).length;
  const headers = report.layout.headers;
  return {
    visible: counts.visible,
    total,
    visibleByCluster: counts,
    filteredColumns: [...all.keys()].sort((a, b) => a - b).map((c) => headers[c] ?? `Column ${c + 1}`),
    uncountedColumns: uncounted.map((c) => headers[c] ?? `Column ${c + 1}`),
  };
}

/**
 * Reads the displayed text of report columns (what AutoFilter criteria match), plus the identity
 * column that filterAndCount counts customers by, so one pass of blocks serves both.
 */
export async function readTexts(
  env: ActionEnv,
  report: OpenedReport,
  columns: readonly number[],
): Promise<Map<number, string[]>> {
  const identity = identityColumn(report.layout);
  const wanted = [...new Set([...columns, ...(identity === undefined ? [] : [identity])])];
  const read = await readReportColumns(env.host, report, wanted, {
    property: "text",
    onProgress: env.onProgress,
    signal: env.signal,
  });
  const texts = new Map<number, string[]>();
  for (const [column, values] of read)
    texts.set(
      column,
      values.map((v) => String(v ?? "")),
    );
  return texts;
}

/** The counts of filterAndCount when no filter of the add-in's was set (the user's still apply). */
export async function countWithoutFilter(
  env: ActionEnv,
  report: OpenedReport,
  countColumn: number,
  texts: ReadonlyMap<number, readonly string[]>,
): Promise<FilterResult> {
  const all = new Map<number, ReadonlySet<string>>();
  const uncounted: number[] = [];
  for (const { column, criteria } of existingCriteria(report)) {
    if (criteria.filterOn === "Values" && criteria.values)
      all.set(column, new Set(criteria.values as string[]));
    else uncounted.push(column);
  }
  const needed = [...all.keys()].filter((column) => !texts.has(column));
  const allTexts = new Map(texts);
  if (needed.length) {
    const extra = await readReportColumns(env.host, report, needed, { property: "text", signal: env.signal });
    for (const [column, values] of extra)
      allTexts.set(
        column,
        values.map((v) => String(v ?? "")),
      );
  }
  const customers = customerRows(report.layout, allTexts, report.dataRowCount);
  const visible = visibleRows(allTexts, all as FilterCriteria, report.dataRowCount).map(
    (shown, row) => shown && customers[row],
  );
  const counts = countVisibleByCluster(allTexts.get(countColumn) ?? [], visible);
  const headers = report.layout.headers;
  return {
    visible: counts.visible,
    total: customers.filter(Boolean).length,
    visibleByCluster: counts,
    filteredColumns: [...all.keys()].sort((a, b) => a - b).map((c) => headers[c] ?? `Column ${c + 1}`),
    uncountedColumns: uncounted.map((c) => headers[c] ?? `Column ${c + 1}`),
  };
}
