import { cohortValueCounts, identityColumn } from "../domain/analysis";
import { distinctValueCounts } from "../domain/filters";
import type { ValueCount } from "../domain/types";
import { UserFacingError } from "../excel/errors";
import { openReport, readReportColumns } from "../excel/report";
import { cellText } from "./analyzeSheet";
import type { ActionDefinition } from "./types";

export interface ColumnValuesInput {
  /** Report column offset of a cohort or quick-filter column. */
  column: number;
  /** "cohort": customer rows, exact text (as Analyze counted cohorts); "quick": every row's shown text. */
  kind: "cohort" | "quick";
}

export interface ColumnValues {
  column: number;
  header: string;
  values: ValueCount[];
}

/**
 * The values of one cohort or quick-filter column, counted when its list opens (issue 16: Analyze no
 * longer reads these columns). Reads that column, and the identity column for cohorts. Changes nothing.
 */
export const countColumnValues: ActionDefinition<ColumnValuesInput, ColumnValues> = {
  id: "countColumnValues",
  label: "List values",
  description: "Counts the values of one cohort or quick-filter column. Changes nothing.",
  requires: [],
  needs: ["isReport"],
  async perform(env, { column, kind }) {
    const report = await openReport(env.host, env.capabilities);
    const header = report.layout.headers[column];
    if (header === undefined)
      throw new UserFacingError("That column is no longer in the report. Analyze the sheet again.");
    const identity = identityColumn(report.layout);
    const columns = kind === "cohort" && identity !== undefined ? [...new Set([column, identity])] : [column];
    const data = await readReportColumns(env.host, report, columns, { signal: env.signal });
    const values =
      kind === "cohort"
        ? cohortValueCounts(report.layout, data, report.dataRowCount, column)
        : distinctValueCounts((data.get(column) ?? []).map(cellText));
    return {
      message: `${header}: ${values.length.toLocaleString("en-US")} values.`,
      data: { column, header, values },
    };
  },
};
