import {
  DEFAULT_SCORE_SETTINGS,
  HELPER_HEADERS,
  helperColumnsNeeded,
  helperRowsInSteps,
} from "../domain/score";
import { throwIfCancelled, yieldToHost } from "../excel/progress";
import type { ScoreSettings } from "../domain/score";
import { locateHelperColumns, reportWidth } from "../domain/helperColumns";
import { normaliseScoreSettings } from "../domain/settings";
import type { CellValue } from "../domain/types";
import { isBlank } from "../domain/values";
import { columnLetters } from "../excel/address";
import { CancelledError, UserFacingError } from "../excel/errors";
import { openReport, readReportColumns, type OpenedReport } from "../excel/report";
import { loadState, saveState } from "../excel/state";
import { clearHelperArea, suspendFilters, writeHelperHeader } from "../excel/helperColumns";
import { TEXT_FORMAT, writeGrid } from "../excel/write";
import { refuseIfProtected } from "./filtering";
import type { ActionDefinition, ActionEnv } from "./types";

export interface HelperColumnsInput {
  /** Products and weights; the workbook's saved choice (or the default) when omitted. */
  settings?: ScoreSettings;
}

export interface HelperColumnsResult {
  /** Sheet columns written, e.g. "AZ:BD". */
  columns: string;
  updated: boolean;
  rows: number;
  disagreements: number;
  settings: ScoreSettings;
  signalsMissing: string[];
}

/** Text columns are formatted as text before writing, so nothing derived from the report can become a formula. */
const HELPER_FORMATS = [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, "0", TEXT_FORMAT];

async function assertTargetEmpty(env: ActionEnv, report: OpenedReport, target: number): Promise<void> {
  const lastUsed = report.area.columnCount - 1;
  if (target > lastUsed) return;
  const columns = HELPER_HEADERS.map((_, i) => target + i).filter((column) => column <= lastUsed);
  const header = report.layout.rawHeaders;
  const headerInTheWay = columns.some((column) => !isBlank(header[column] ?? ""));
  const data = headerInTheWay
    ? null
    : await readReportColumns(env.host, report, columns, { signal: env.signal });
  const dataInTheWay = data && [...data.values()].some((values) => values.some((v) => !isBlank(v)));
  if (headerInTheWay || dataInTheWay) {
    const first = columnLetters(report.area.column + target);
    const last = columnLetters(report.area.column + target + HELPER_HEADERS.length - 1);
    throw new UserFacingError(
      `Columns ${first}:${last}, right of the report, hold data. The helper columns go there, ` +
        "so nothing was changed: move that data elsewhere and try again.",
    );
  }
}

/** Computes and writes the helper columns; returns where they are. */
export async function writeHelperColumns(
  env: ActionEnv,
  report: OpenedReport,
  requested?: ScoreSettings,
): Promise<HelperColumnsResult & { firstColumn: number }> {
  refuseIfProtected(report);
  const existing = locateHelperColumns(report.layout.rawHeaders);
  const target = existing ?? reportWidth(report.layout.rawHeaders);
  if (existing === null) await assertTargetEmpty(env, report, target);

  const state = await loadState(env.host, env.capabilities);
  const settings = normaliseScoreSettings(requested ?? state?.score ?? DEFAULT_SCORE_SETTINGS);
  const data = await readReportColumns(env.host, report, helperColumnsNeeded(report.layout, settings), {
    onProgress: env.onProgress,
    signal: env.signal,
  });
  // Computed in steps with pauses between, so a very large report never blocks Excel for long.
  const steps = helperRowsInSteps(
    report.layout,
    data,
    report.dataRowCount,
    settings,
    env.now?.() ?? new Date(),
  );
  let step = steps.next();
  while (!step.done) {
    throwIfCancelled(env.signal);
    await yieldToHost();
    step = steps.next();
  }
  const computed = step.value;
  const rows: CellValue[][] = computed.rows.map((row) => [
    row.bestCluster,
    row.band,
    row.topProducts,
    row.score,
    row.reasons,
  ]);

  // Writing into a filtered range misplaces rows: lift the filter, write, put it back.
  const restoreFilters = await suspendFilters(
    env.host,
    env.capabilities,
    report,
    target + HELPER_HEADERS.length,
  );
  const firstColumn = report.area.column + target;
  try {
    await writeHelperHeader(env.host, env.capabilities, report, firstColumn, [...HELPER_HEADERS]);
    await writeGrid(
      env.host,
      env.capabilities,
      {
        sheetName: report.sheetName,
        row: report.headerSheetRow + 1,
        column: firstColumn,
        rows,
        numberFormats: HELPER_FORMATS,
      },
      { onProgress: env.onProgress, signal: env.signal },
    );
  } catch (error) {
    // A half-written new column is worse than none; an update is simply run again.
    if (existing === null && error instanceof CancelledError)
      await clearHelperArea(env.host, report, firstColumn, HELPER_HEADERS.length);
    await restoreFilters();
    throw error;
  }
  await restoreFilters();
  await saveState(env.host, env.capabilities, {
    ...(state ?? { version: 1 }),
    version: 1,
    score: settings,
    helperColumns: { firstColumn: target, headerRow: report.headerSheetRow },
  });
  return {
    firstColumn: target,
    columns: `${columnLetters(firstColumn)}:${columnLetters(firstColumn + HELPER_HEADERS.length - 1)}`,
    updated: existing !== null,
    rows: rows.length,
    disagreements: computed.disagreements,
    settings,
    signalsMissing: computed.signalsMissing,
  };
}

/** The report with helper columns, adding them first when missing (the "any product" filter and summaries need them). */
export async function ensureHelperColumns(
  env: ActionEnv,
  report: OpenedReport,
): Promise<{ report: OpenedReport; bestClusterColumn: number; added: boolean }> {
  const existing = locateHelperColumns(report.layout.rawHeaders);
  if (existing !== null) return { report, bestClusterColumn: existing, added: false };
  const written = await writeHelperColumns(env, report);
  const reopened = await openReport(env.host, env.capabilities);
  return { report: reopened, bestClusterColumn: written.firstColumn, added: true };
}

/** Adds (or refreshes) Best Cluster, Cluster Band, Top Products, Priority Score and Score Reasons. */
export const addHelperColumns: ActionDefinition<HelperColumnsInput, HelperColumnsResult> = {
  id: "addHelperColumns",
  label: "Add helper columns",
  description:
    "Adds Best Cluster, Cluster Band, Top Products, Priority Score and Score Reasons to the right of the report; running it again updates them.",
  requires: [],
  needs: ["isReport", "hasClusterColumns"],
  async perform(env, input) {
    const report = await openReport(env.host, env.capabilities);
    const { firstColumn: _first, ...result } = await writeHelperColumns(env, report, input?.settings);
    const warnings = [];
    if (result.disagreements) {
      warnings.push(
        `${result.disagreements.toLocaleString("en-US")} customers have Fit/Intent scores that disagree with their stated cluster; the file's cluster was kept.`,
      );
    }
    if (result.signalsMissing.length) {
      warnings.push(`Not in this report, so left out of the score: ${result.signalsMissing.join(", ")}.`);
    }
    return {
      message: `${result.updated ? "Updated" : "Added"} helper columns ${result.columns} for ${result.rows.toLocaleString("en-US")} rows.`,
      warnings,
      data: result,
    };
  },
};
