import { customersText } from "../domain/analysis";
import { UserFacingError } from "../excel/errors";
import { openReport } from "../excel/report";
import { filterAndCount, readTexts, refuseIfProtected, type FilterResult } from "./filtering";
import type { ActionDefinition } from "./types";

export interface ValueFilterInput {
  /** Report column offset (a cohort, sales play, sub segment, industry or country column). */
  column: number;
  /** Exact texts to keep, as listed by Analyze sheet. */
  values: readonly string[];
}

/** Keeps rows whose value in one column is one of the chosen values (cohorts and quick filters). */
export const applyValueFilter: ActionDefinition<ValueFilterInput, FilterResult> = {
  id: "applyValueFilter",
  label: "Apply cohort filter",
  description:
    "Keeps customers whose value in the chosen cohort, sales-play or quick-filter column is one you picked.",
  requires: ["autoFilter"],
  needs: ["isReport"],
  async perform(env, { column, values }) {
    if (values.length === 0) throw new UserFacingError("Pick at least one value to filter on.");
    const report = await openReport(env.host, env.capabilities);
    refuseIfProtected(report);
    const header = report.layout.headers[column];
    if (header === undefined)
      throw new UserFacingError("That column is no longer in the report. Analyze the sheet again.");
    const countColumn = report.layout.products[0]?.cluster ?? column;
    const texts = await readTexts(env, report, [...new Set([column, countColumn])]);
    const present = new Set(texts.get(column));
    const kept = values.filter((value) => present.has(value));
    if (kept.length === 0) {
      throw new UserFacingError(
        `None of the chosen values is in ${header} any more. Analyze the sheet again.`,
      );
    }
    const result = await filterAndCount(env, report, [{ column, values: kept }], countColumn, texts);
    return {
      message:
        `Showing ${result.visible.toLocaleString("en-US")} of ${customersText(result.total)} ` +
        `where ${header} is ${kept.map((v) => `"${v}"`).join(" or ")}.`,
      warnings: result.uncountedColumns.length
        ? [`Counts leave out your own filter on ${result.uncountedColumns.join(", ")}.`]
        : [],
      data: result,
    };
  },
};
