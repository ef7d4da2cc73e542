import { foldHeader } from "../domain/headers";
import { HELPER_HEADERS, DEFAULT_SCORE_SETTINGS } from "../domain/score";
import { isBlank } from "../domain/values";
import type { CellValue } from "../domain/types";
import { UserFacingError } from "../excel/errors";
import { dataArea, withFiltersLifted, writeHelperHeader } from "../excel/helperColumns";
import { openReport, readReportColumns } from "../excel/report";
import { sortRows } from "../excel/sheetOps";
import { loadState, saveState } from "../excel/state";
import { writeGrid } from "../excel/write";
import { columnLetters } from "../excel/address";
import { ensureHelperColumns } from "./addHelperColumns";
import { refuseIfProtected } from "./filtering";
import type { ActionDefinition } from "./types";

/** Records each row's place before the first sort, so Reset can put the rows back. */
export const ORIGINAL_ORDER_HEADER = "Original Order";

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
    const { report, bestClusterColumn: first } = await ensureHelperColumns(env, opened);
    const orderColumn = first + HELPER_HEADERS.length;
    const sheetColumn = report.area.column + orderColumn;
    const hasOrder = isOriginalOrderHeader(report.layout.rawHeaders[orderColumn]);
    if (!hasOrder && orderColumn < report.area.columnCount) {
      const header = report.layout.rawHeaders[orderColumn];
      const values = (await readReportColumns(env.host, report, [orderColumn])).get(orderColumn) ?? [];
      if (!isBlank(header ?? "") || values.some((v) => !isBlank(v))) {
        throw new UserFacingError(
          `Column ${columnLetters(sheetColumn)}, right of the helper columns, holds data; Sort by priority records the ` +
            "original order there. Nothing was changed: move that data and try again.",
        );
      }
    }
    await withFiltersLifted(env.host, env.capabilities, report, orderColumn + 1, async () => {
      if (!hasOrder) {
        await writeHelperHeader(env.host, env.capabilities, report, sheetColumn, [ORIGINAL_ORDER_HEADER]);
        const order: CellValue[][] = Array.from({ length: report.dataRowCount }, (_, i) => [i + 1]);
        await writeGrid(
          env.host,
          env.capabilities,
          {
            sheetName: report.sheetName,
            row: report.headerSheetRow + 1,
            column: sheetColumn,
            rows: order,
            numberFormats: ["0"],
          },
          { onProgress: env.onProgress },
        );
      }
      const scoreColumn = first + HELPER_HEADERS.indexOf("Priority Score");
      await sortRows(env.host, report.sheetName, dataArea(report, orderColumn + 1), scoreColumn, false);
    });
    const state = await loadState(env.host, env.capabilities);
    await saveState(env.host, env.capabilities, {
      ...(state ?? { version: 1, score: DEFAULT_SCORE_SETTINGS }),
      originalOrderColumn: ORIGINAL_ORDER_HEADER,
    });
    return {
      message: `Sorted ${report.dataRowCount.toLocaleString("en-US")} rows by Priority Score, highest first. Reset sheet restores the original order.`,
      data: { rows: report.dataRowCount },
    };
  },
};
