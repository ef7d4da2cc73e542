import { clusterFilterValues } from "../domain/filters";
import { UserFacingError } from "../excel/errors";
import { openReport } from "../excel/report";
import { customersText } from "../domain/analysis";
import {
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
