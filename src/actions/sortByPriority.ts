import { COLUMN_GROUPS } from "../domain/addinArtifacts";
import { customersText } from "../domain/analysis";
import { locateColumnGroup } from "../domain/columnGroups";
import { foldHeader } from "../domain/headers";
import { HELPER_HEADERS } from "../domain/score";
import type { CellValue } from "../domain/types";
import { writeColumnGroup } from "../excel/columnGroups";
import { dataArea, withFiltersLifted } from "../excel/helperColumns";
import { openReport } from "../excel/report";
import { sortRows } from "../excel/sheetOps";
import { ensureHelperColumns } from "./addHelperColumns";
import { refuseIfProtected } from "./filtering";
import type { ActionDefinition } from "./types";

/** Records each row's place before the first sort, so Reset can put the rows back. */
export const ORIGINAL_ORDER_HEADER = COLUMN_GROUPS.originalOrder[0];

export function isOriginalOrderHeader(header: unknown): boolean {
  return foldHeader(header) === foldHeader(ORIGINAL_ORDER_HEADER);
}

export interface SortResult {
  rows: number;
}

/** Sorts the report's rows by Priority Score, highest first, keeping each row's cells together. */
export const sortByPriority: ActionDefinition<void, SortResult> = {
  id: "sortByPriority",
  label: "Sort by priority",
  description:
    "Sorts customers by Priority Score, highest first. The original order is recorded in an Original Order column so Reset can restore it.",
  requires: ["sort"],
  needs: ["isReport", "hasClusterColumns"],
  async perform(env) {
    const opened = await openReport(env.host, env.capabilities);
    refuseIfProtected(opened);
    const helpers = await ensureHelperColumns(env, opened);
    let report = helpers.report;
    const scoreColumn = helpers.bestClusterColumn + HELPER_HEADERS.indexOf("Priority Score");
    if (locateColumnGroup(report.layout.rawHeaders, "originalOrder") === null) {
      // Written like any column group: right of the last used column, never over a user's column.
      const order: CellValue[][] = Array.from({ length: report.dataRowCount }, (_, i) => [i + 1]);
      await writeColumnGroup(
        env.host,
        env.capabilities,
        report,
        "originalOrder",
        { rows: order, numberFormats: ["0"] },
        { onProgress: env.onProgress, signal: env.signal },
      );
      report = await openReport(env.host, env.capabilities);
    }
    // Every used column moves with its row: the report, the add-in's columns and the user's own.
    const width = report.area.columnCount;
    await withFiltersLifted(env.host, env.capabilities, report, width, () =>
      sortRows(env.host, report.sheetName, dataArea(report, width), scoreColumn, false),
    );
    return {
      message: `Sorted ${customersText(report.dataRowCount)} by Priority Score, highest first. Reset sheet restores the original order.`,
      data: { rows: report.dataRowCount },
    };
  },
};
