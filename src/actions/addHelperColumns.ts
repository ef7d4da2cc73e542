import { DEFAULT_SCORE_SETTINGS, helperColumnsNeeded, helperRowsInSteps } from "../domain/score";
import { customerRows, customersText, identityColumn } from "../domain/analysis";
import { locateColumnGroup } from "../domain/columnGroups";
import { writeColumnGroup } from "../excel/columnGroups";
import { throwIfCancelled, yieldToHost } from "../excel/progress";
import type { ScoreSettings } from "../domain/score";
import { normaliseScoreSettings } from "../domain/settings";
import type { CellValue } from "../domain/types";
import { openReport, readReportColumns, type OpenedReport } from "../excel/report";
import { loadState, saveState, stateSaveWith } from "../excel/state";
import { TEXT_FORMAT } from "../excel/write";
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
  /** Data rows written (blank rows included) and customers among them. */
  rows: number;
  customers: number;
  disagreements: number;
  settings: ScoreSettings;
  signalsMissing: string[];
}

/** Text columns are formatted as text before writing, so nothing derived from the report can become a formula. */
const HELPER_FORMATS = [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, "0", TEXT_FORMAT];

/**
 * Computes and writes the helper columns: in place when they are there, else right of the sheet's
 * last used column (a user's notes column included), never over data. Returns where they are.
 */
export async function writeHelperColumns(
  env: ActionEnv,
  report: OpenedReport,
  requested?: ScoreSettings,
): Promise<HelperColumnsResult & { firstColumn: number }> {
  refuseIfProtected(report);
  const state = await loadState(env.host, env.capabilities, report);
  const settings = normaliseScoreSettings(requested ?? state?.score ?? DEFAULT_SCORE_SETTINGS);
  const identity = identityColumn(report.layout);
  const needed = helperColumnsNeeded(report.layout, settings);
  const data = await readReportColumns(
    env.host,
    report,
    [...new Set([...needed, ...(identity === undefined ? [] : [identity])])],
    { onProgress: env.onProgress, signal: env.signal },
  );
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

  const record = { ...(state ?? { version: 1 }), version: 1 as const, score: settings };
  // The record travels with the last block when the setting came with the report (issue 16).
  const saveWithLastBlock = stateSaveWith(env.capabilities, report, record);
  const written = await writeColumnGroup(
    env.host,
    env.capabilities,
    report,
    "helpers",
    { rows, numberFormats: HELPER_FORMATS },
    { onProgress: env.onProgress, signal: env.signal },
    saveWithLastBlock ?? undefined,
  );
  if (!saveWithLastBlock) await saveState(env.host, env.capabilities, record, report);
  const customers = customerRows(report.layout, data, report.dataRowCount).filter(Boolean).length;
  return {
    firstColumn: written.firstColumn,
    columns: written.columns,
    updated: written.updated,
    rows: rows.length,
    customers,
    disagreements: computed.disagreements,
    settings,
    signalsMissing: computed.signalsMissing,
  };
}

/** The report with helper columns, adding them first when missing (the "any product" filter and summaries need them). */
export async function ensureHelperColumns(
  env: ActionEnv,
  report: OpenedReport,
): Promise<{ report: OpenedReport; bestClusterColumn: number; added: boolean; columns?: string }> {
  const existing = locateColumnGroup(report.layout.rawHeaders, "helpers");
  if (existing !== null) return { report, bestClusterColumn: existing, added: false };
  const written = await writeHelperColumns(env, report);
  const reopened = await openReport(env.host, env.capabilities);
  return { report: reopened, bestClusterColumn: written.firstColumn, added: true, columns: written.columns };
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
        `${customersText(result.disagreements)} ${result.disagreements === 1 ? "has" : "have"} Fit/Intent scores that disagree with the stated cluster; the file's cluster was kept.`,
      );
    }
    // Trend needs Compare with last month first: its absence is the normal case, not news.
    const missingToTell = result.signalsMissing.filter((signal) => signal !== "trend");
    if (missingToTell.length) {
      warnings.push(`Not in this report, so left out of the score: ${missingToTell.join(", ")}.`);
    }
    return {
      message: `${result.updated ? "Updated" : "Added"} helper columns ${result.columns} for ${customersText(result.customers)}.`,
      warnings,
      data: result,
    };
  },
};
