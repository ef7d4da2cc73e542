import type { StoredState } from "../domain/settings";
import { clearColumnCriteria, existingCriteria, removeAllFilters } from "../excel/filters";
import { openReport } from "../excel/report";
import { loadState, saveState } from "../excel/state";
import { refuseIfProtected } from "./filtering";
import type { ActionDefinition } from "./types";

export interface ClearFiltersInput {
  /** Also clear filters the add-in did not set. */
  all?: boolean;
}

export interface ClearFiltersResult {
  cleared: string[];
  /** Filters the add-in did not set (or no longer recognises), left in place. */
  leftInPlace: string[];
}

function sameValues(a: readonly string[], b: readonly unknown[] | undefined): boolean {
  return !!b && a.length === b.length && b.every((value) => a.includes(String(value)));
}

/** Columns whose current criteria are exactly what the add-in recorded setting. */
export function columnsSetByAddIn(
  state: StoredState | null,
  current: ReturnType<typeof existingCriteria>,
): number[] {
  return (state?.filtersApplied ?? [])
    .filter((mine) =>
      current.some(
        (c) =>
          c.column === mine.column &&
          (mine.custom
            ? c.criteria.filterOn === "Custom" &&
              c.criteria.criterion1 === mine.custom.criterion1 &&
              (c.criteria.criterion2 ?? undefined) === mine.custom.criterion2
            : c.criteria.filterOn === "Values" && sameValues(mine.values, c.criteria.values)),
      ),
    )
    .map((mine) => mine.column);
}

/** Removes the filters this add-in set; the user's own filters stay unless they ask to clear everything. */
export const clearFilters: ActionDefinition<ClearFiltersInput, ClearFiltersResult> = {
  id: "clearFilters",
  label: "Clear filters",
  description:
    "Removes the filters Propensity Pane set. Filters you set yourself stay unless you choose to clear all.",
  requires: ["autoFilter"],
  needs: ["isReport"],
  async perform(env, { all = false }) {
    const report = await openReport(env.host, env.capabilities);
    refuseIfProtected(report);
    const state = await loadState(env.host, env.capabilities, report);
    const current = existingCriteria(report);
    const mine = columnsSetByAddIn(state, current);
    const theirs = current.map((c) => c.column).filter((column) => !mine.includes(column));
    const header = (column: number) => report.layout.headers[column] ?? `Column ${column + 1}`;

    if (all) await removeAllFilters(env.host, report);
    else await clearColumnCriteria(env.host, env.capabilities, report, mine);
    if (state) await saveState(env.host, env.capabilities, { ...state, filtersApplied: [] }, report);

    const cleared = (all ? [...mine, ...theirs] : mine).map(header);
    const leftInPlace = all ? [] : theirs.map(header);
    const parts = [
      cleared.length ? `Cleared the filter on ${cleared.join(", ")}.` : "No Propensity Pane filter to clear.",
    ];
    if (leftInPlace.length) {
      parts.push(
        `Left your own filter on ${leftInPlace.join(", ")} in place (choose "Clear all filters" to remove it).`,
      );
    }
    return { message: parts.join(" "), data: { cleared, leftInPlace } };
  },
};
