import { clusterFilterValues } from "../domain/filters";
import { UserFacingError } from "../excel/errors";
import { countInReport, openReport, type OpenedReport } from "../excel/report";
import { customersText } from "../domain/analysis";
import { filterCountQueries, provenFilter } from "../domain/clusterCounts";
import { CLUSTERS } from "../domain/types";
import { existingCriteria } from "../excel/filters";
import type { ActionEnv } from "./types";
import {
  applyAndRecord,
  countWithoutFilter,
  filterAndCount,
  readTexts,
  refuseIfProtected,
  type FilterResult,
} from "./filtering";
import { ensureHelperColumns } from "./addHelperColumns";
import type { ActionDefinition } from "./types";

export interface ShowActNowEvaluateInput {
  /** A product key from the analysis, or "any": at least one product is Act Now or Evaluate. */
  product: string;
}

const WANTED = ["Act Now", "Evaluate"] as const;

/** Filters the report to customers whose cluster is Act Now or Evaluate, with Excel's own filter. */
export const showActNowEvaluate: ActionDefinition<ShowActNowEvaluateInput, FilterResult> = {
  id: "showActNowEvaluate",
  label: "Show Act now + Evaluate",
  description:
    "Filters the report to customers whose cluster is Act Now or Evaluate, for one product or any product.",
  requires: ["autoFilter"],
  needs: ["isReport", "hasClusterColumns"],
  async perform(env, { product }) {
    let report = await openReport(env.host, env.capabilities);
    refuseIfProtected(report);
    let column: number;
    let label: string;
    let note = "";
    let helpersAdded: string | null = null;
    if (product === "any") {
      // AutoFilter can't OR across columns: filter on Best Cluster, which already takes the best product.
      const helpers = await ensureHelperColumns(env, report);
      report = helpers.report;
      column = helpers.bestClusterColumn;
      label = "any product";
      if (helpers.added) {
        note = " The Best Cluster helper column was added first, because it is what this filter uses.";
        helpersAdded = helpers.columns ?? "";
      }
    } else {
      const match = report.layout.products.find((p) => p.key === product);
      if (!match) {
        throw new UserFacingError(
          `This report has no cluster column for ${product}. Analyze the sheet again.`,
        );
      }
      column = match.cluster;
      label = match.label;
    }
    // Excel counts and a wildcard criterion do it, where that is proven exact; else the column is read.
    const fast = product === "any" ? null : await filterByCounting(env, report, column, label);
    if (fast) return fast;
    const texts = await readTexts(env, report, [column]);
    const values = clusterFilterValues(texts.get(column) ?? [], WANTED);
    if (values.length === 0) {
      const none = `No customer is Act Now or Evaluate for ${label}, so no filter was set.`;
      // Refused means nothing changed; once the helper columns were written, say so instead.
      if (!helpersAdded) throw new UserFacingError(`${none} Nothing was changed.`);
      return {
        message: `Added the helper columns ${helpersAdded}. ${none}`,
        warnings: [],
        data: await countWithoutFilter(env, report, column, texts),
      };
    }
    const result = await filterAndCount(env, report, [{ column, values }], column, texts);
    return {
      message:
        `Showing ${result.visible.toLocaleString("en-US")} of ${customersText(result.total)}: ` +
        `Act Now or Evaluate for ${label}.${note}`,
      warnings: result.uncountedColumns.length
        ? [`Counts leave out your own filter on ${result.uncountedColumns.join(", ")}.`]
        : [],
      data: result,
    };
  },
};

/**
 * Act Now + Evaluate on one product without reading its column (issue 16): COUNTIFS prove that one
 * wildcard criterion per cluster keeps exactly the rows a values filter would, and count what is
 * visible. Null when not proven, when other columns are filtered (their rows would need reading to
 * count) or when Excel lacks worksheet functions; the caller then reads the column.
 */
async function filterByCounting(
  env: ActionEnv,
  report: OpenedReport,
  column: number,
  label: string,
): Promise<{ message: string; warnings: string[]; data: FilterResult } | null> {
  // Tables keep their values filters; other filtered columns need their rows read to count.
  if (report.table || existingCriteria(report).some((c) => c.column !== column)) return null;
  const queries = filterCountQueries(report.layout, column, WANTED);
  if (!queries) return null;
  const results = await countInReport(env.host, env.capabilities, report, queries);
  const proven = results ? provenFilter(results, WANTED) : null;
  if (!proven) return null;
  if (proven.rowsKept === 0)
    throw new UserFacingError(
      `No customer is Act Now or Evaluate for ${label}, so no filter was set. Nothing was changed.`,
    );
  const [criterion1, criterion2] = proven.criteria;
  await applyAndRecord(env, report, [
    { column, values: [], custom: { criterion1, criterion2, operator: "Or" } },
  ]);
  const counts = Object.fromEntries(CLUSTERS.map((cluster) => [cluster, proven.visible[cluster] ?? 0]));
  const visible = WANTED.reduce((n, cluster) => n + (proven.visible[cluster] ?? 0), 0);
  const result: FilterResult = {
    visible,
    total: proven.customers,
    // As countVisibleByCluster gives them: visible rows per cluster, and the rows looked at.
    visibleByCluster: {
      ...(counts as Record<(typeof CLUSTERS)[number], number>),
      Blank: 0,
      Unknown: 0,
      visible,
      total: report.dataRowCount,
    } as FilterResult["visibleByCluster"],
    filteredColumns: [report.layout.headers[column] ?? `Column ${column + 1}`],
    uncountedColumns: [],
  };
  return {
    message:
      `Showing ${visible.toLocaleString("en-US")} of ${customersText(proven.customers)}: ` +
      `Act Now or Evaluate for ${label}.`,
    warnings: [],
    data: result,
  };
}
