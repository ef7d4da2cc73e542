/**
 * Compare with last month (issue 13): last month's report from another report sheet of this workbook
 * or from a file (kept in memory), matched customer by customer; writes the Last Month / Change /
 * Change Details columns and the What Changed sheet. Also the read-only list of candidate sheets and
 * the "New Act Now / Evaluate" quick filter.
 */
import { COLUMN_GROUPS } from "../domain/addinArtifacts";
import { locateColumnGroup } from "../domain/columnGroups";
import {
  compareInSteps,
  comparisonWarnings,
  currentColumnsNeeded,
  currentIdentityColumn,
  LOW_MATCH_RATE,
  matchSummary,
  nameGoneCustomers,
  percent,
  planComparison,
  previousColumnsNeeded,
  previousNameColumn,
  reportMonth,
  rowsBlankInEveryColumn,
  settleRowsWithoutKey,
  type ComparePlan,
  type Comparison,
  type MatchKey,
} from "../domain/compare";
import { fileReportColumns, readReportFile } from "../domain/compareFile";
import { whatChangedSheet, type ReportDescription } from "../domain/compareSheet";
import { clusterFilterValues } from "../domain/filters";
import { DEFAULT_SCORE_SETTINGS } from "../domain/score";
import { normaliseScoreSettings } from "../domain/settings";
import type { CellValue, ReportLayout } from "../domain/types";
import { writeColumnGroup } from "../excel/columnGroups";
import { UserFacingError } from "../excel/errors";
import {
  otherReportSheets,
  sheetReportColumnRead,
  readSheetReportTop,
  sheetNames,
  type SheetReportTop,
} from "../excel/otherSheet";
import { readCells, readColumns, readColumnsTogether, type CellsRead, type ColumnRead } from "../excel/read";
import { openReport, reportColumnRead, type OpenedReport } from "../excel/report";
import { throwIfCancelled, yieldToHost } from "../excel/progress";
import { loadState } from "../excel/state";
import { TEXT_FORMAT } from "../excel/write";
import { chooseWhatChangedSheet, writeWhatChangedSheet } from "../excel/whatChangedSheet";
import { ensureHelperColumns } from "./addHelperColumns";
import { filterAndCount, readTexts, refuseIfProtected, type FilterResult } from "./filtering";
import type { WorkbookProgress } from "./describeWorkbook";
import type { ActionDefinition, ActionEnv } from "./types";

/** Where last month's report comes from: another sheet of this workbook, or a picked file's bytes. */
export type LastMonthSource = { sheetName: string } | { file: { name: string; bytes: Uint8Array } };

export interface CompareInput {
  /** Omitted: the only other report sheet of the workbook. */
  source?: LastMonthSource;
  /** Write even though fewer than half of the customers matched (the user was asked). */
  confirmLowMatch?: boolean;
}

export interface CompareResult {
  key: MatchKey;
  keyLabel: string;
  /** "Matched 11,870 of 12,345 by Customer ID" */
  summary: string;
  customers: number;
  matched: number;
  matchRate: number;
  newCustomers: number;
  goneCustomers: number;
  changes: Comparison["changes"];
  products: string[];
  /** Sheet columns of the Last Month group, e.g. "AY:BA", and whether it was updated in place. */
  columns: string;
  updated: boolean;
  /** The What Changed sheet's name. */
  whatChangedSheet: string;
  lastMonth: { kind: "sheet" | "file"; name: string; month: string | null };
}

/** Columns of this report's title rows searched for its month. */
const TITLE_COLUMNS = 8;

/** Words every low-match refusal holds, so the pane can offer "Compare anyway". */
export const LOW_MATCH_MARK = "Compare anyway";

/** True when a refusal of compareLastMonth asks to confirm a low match rate. */
export function isLowMatchRefusal(outcome: { status: string; message: string } | undefined): boolean {
  return !!outcome && outcome.status === "refused" && outcome.message.includes(LOW_MATCH_MARK);
}

/** Last month's report, whichever way it came: its layout, how to read its columns, and what to call it. */
interface PreviousReport {
  layout: ReportLayout;
  rowCount: number;
  description: Omit<ReportDescription, "family">;
  /** Columns for every data row: where to read them on its sheet, or a file's values. */
  columns(columns: readonly number[]): { read: ColumnRead } | { values: Map<number, CellValue[]> };
  /** Some cells of one column (data rows): where to read them on its sheet, or the values of a file's. */
  cells(column: number, rows: readonly number[]): { read: CellsRead } | { values: Map<number, CellValue> };
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(", ");
}

function fromSheet(env: ActionEnv, top: SheetReportTop): PreviousReport {
  return {
    layout: top.layout,
    rowCount: top.dataRowCount,
    description: { kind: "sheet", name: top.sheetName, month: reportMonth(top.titleRows, top.sheetName) },
    columns: (columns) => ({ read: sheetReportColumnRead(top, columns) }),
    cells: (column, rows) => ({
      read: {
        sheetName: top.sheetName,
        firstRow: top.headerSheetRow + 1,
        column: top.area.column + column,
        rows,
        sample: top.sample.map((row) => row[column]),
      },
    }),
  };
}

async function previousReport(
  env: ActionEnv,
  report: OpenedReport,
  source: LastMonthSource | undefined,
): Promise<PreviousReport> {
  if (source && "file" in source) {
    const { name, bytes } = source.file;
    if (!(bytes instanceof Uint8Array) || bytes.length === 0)
      throw new UserFacingError(`The file "${name}" is empty. Nothing was changed.`);
    const reading = readReportFile(name, bytes);
    if (!reading.ok) throw new UserFacingError(`${reading.reason} Nothing was changed.`);
    const file = reading.report;
    return {
      layout: file.layout,
      rowCount: file.rowCount,
      description: { kind: "file", name, month: reportMonth(file.titleRows, name) },
      columns: (columns) => ({ values: fileReportColumns(file, columns) }),
      cells: (column, rows) => {
        const values = fileReportColumns(file, [column]).get(column)!;
        return { values: new Map(rows.map((r) => [r, values[r]])) };
      },
    };
  }
  if (source && "sheetName" in source) {
    const wanted = source.sheetName;
    if (wanted.toLowerCase() === report.sheetName.toLowerCase()) {
      throw new UserFacingError(
        `"${wanted}" is this month's report itself. Pick the sheet or file that holds last month's report. ` +
          "Nothing was changed.",
      );
    }
    const names = report.sheetNames ?? (await sheetNames(env.host));
    const name = names.find((n) => n.toLowerCase() === wanted.toLowerCase());
    if (!name)
      throw new UserFacingError(
        `There is no sheet "${wanted}" in this workbook any more. Nothing was changed.`,
      );
    const reading = await readSheetReportTop(env.host, env.capabilities, name, { picked: true });
    if (!reading.ok)
      throw new UserFacingError(
        `The sheet "${name}" does not hold a CloudAscent report: ${reading.reason} Nothing was changed.`,
      );
    return fromSheet(env, reading.report);
  }
  const others = await otherReportSheets(env.host, env.capabilities, report.sheetName, report.sheetNames);
  if (others.length === 1) return fromSheet(env, others[0]);
  if (others.length === 0) {
    throw new UserFacingError(
      "There is no other report sheet in this workbook. Choose last month's report file, or copy last " +
        "month's report into this workbook as a sheet. Nothing was changed.",
    );
  }
  throw new UserFacingError(
    `This workbook has ${others.length} other report sheets (${quoted(others.map((o) => o.sheetName))}): ` +
      "pick the one that holds last month's report. Nothing was changed.",
  );
}

function lowMatchMessage(c: Comparison): string {
  return (
    `Only ${matchSummary(c)} (${percent(c.matchRate)}): fewer than half of this month's customers are in ` +
    "last month's report, so it may not be the same partner's report. Nothing was changed. " +
    `Check the report you picked, or choose "${LOW_MATCH_MARK}" to write the comparison.`
  );
}

/**
 * Issue 16: the cells compareInSteps went without, read only where they matter, in one sync: this
 * month's identity cells (account name) on rows blank in every read column, and last month's names of
 * the customers no longer in the report. The comparison becomes what reading both columns in full gives.
 */
async function completeComparison(
  env: ActionEnv,
  report: OpenedReport,
  current: { columns: Map<number, CellValue[]>; rowCount: number },
  previous: PreviousReport,
  plan: ComparePlan,
  comparison: Comparison,
): Promise<Comparison> {
  const identityColumn = currentIdentityColumn(report.layout, plan);
  const identityRows =
    identityColumn === undefined
      ? []
      : rowsBlankInEveryColumn({
          layout: report.layout,
          columns: current.columns,
          rowCount: current.rowCount,
        });
  const nameColumn = previousNameColumn(previous.layout, plan);
  const names =
    nameColumn === undefined || comparison.gone.length === 0
      ? { values: new Map<number, CellValue>() }
      : previous.cells(
          nameColumn,
          comparison.gone.map((g) => g.row),
        );
  const reads: CellsRead[] = [];
  if (identityColumn !== undefined && identityRows.length)
    reads.push({
      sheetName: report.sheetName,
      firstRow: report.headerSheetRow + 1,
      column: report.area.column + identityColumn,
      rows: identityRows,
      sample: report.sample.map((row) => row[identityColumn]),
    });
  if ("read" in names) reads.push(names.read);
  const read = reads.length ? await readCells(env.host, reads, { signal: env.signal }) : [];
  const identity =
    identityColumn !== undefined && identityRows.length ? read.shift()! : new Map<number, CellValue>();
  const nameCells = "read" in names ? read.shift()! : names.values;
  const settled = settleRowsWithoutKey(comparison, identity);
  return nameColumn === undefined ? settled : nameGoneCustomers(settled, nameCells);
}

/** Compares this report with last month's and writes the Last Month columns and the What Changed sheet. */
export const compareLastMonth: ActionDefinition<CompareInput, CompareResult> = {
  id: "compareLastMonth",
  label: "Compare with last month",
  description:
    "Matches each customer to last month's report and adds Last Month, Change and Change Details columns, " +
    "plus a What Changed sheet with new customers, customers no longer in the report and moves between clusters.",
  requires: [],
  needs: ["isReport"],
  async perform(env, input = {}) {
    const report = await openReport(env.host, env.capabilities);
    refuseIfProtected(report);
    const previous = await previousReport(env, report, input.source);
    const state = await loadState(env.host, env.capabilities, report);
    const settings = normaliseScoreSettings(state?.score ?? DEFAULT_SCORE_SETTINGS);
    const planned = planComparison(report.layout, previous.layout, settings.products);
    if (!planned.ok) throw new UserFacingError(planned.reason);
    const { plan } = planned;

    // Both reports' columns in shared syncs when last month's is a sheet (issue 16).
    const work = { onProgress: env.onProgress, signal: env.signal };
    const currentRead = reportColumnRead(report, currentColumnsNeeded(report.layout, plan));
    const before = previous.columns(previousColumnsNeeded(previous.layout, plan));
    const [currentData, previousData] =
      "read" in before
        ? await readColumnsTogether(env.host, [currentRead, before.read], work)
        : [await readColumns(env.host, currentRead, work), before.values];
    // Compared in steps with pauses between, so a very large report never blocks Excel for long.
    const steps = compareInSteps(
      { layout: report.layout, columns: currentData, rowCount: report.dataRowCount },
      { layout: previous.layout, columns: previousData, rowCount: previous.rowCount },
      plan,
    );
    let step = steps.next();
    while (!step.done) {
      throwIfCancelled(env.signal);
      await yieldToHost();
      step = steps.next();
    }
    let comparison = step.value;
    if (comparison.matched === 0) {
      throw new UserFacingError(
        `None of this report's ${count(comparison.customers)} customers is in last month's report by ` +
          `${comparison.keyLabel}: it is not last month's report of the same customers. Nothing was changed.`,
      );
    }
    if (comparison.matchRate < LOW_MATCH_RATE && !input.confirmLowMatch)
      throw new UserFacingError(lowMatchMessage(comparison));
    comparison = await completeComparison(
      env,
      report,
      { columns: currentData, rowCount: report.dataRowCount },
      previous,
      plan,
      comparison,
    );

    // Read-only steps first: the What Changed sheet's name and this report's month.
    const target = await chooseWhatChangedSheet(env.host, report.sheetName, report.sheetNames);
    const thisMonth: ReportDescription = {
      kind: "sheet",
      name: report.sheetName,
      family: report.layout.reportTypeLabel,
      // The title rows' first columns, as read with the header.
      month: reportMonth(
        report.titleRows.map((row) => row.slice(0, TITLE_COLUMNS)),
        report.sheetName,
      ),
    };
    const lastMonth: ReportDescription = { ...previous.description, family: previous.layout.reportTypeLabel };

    const written = await writeColumnGroup(
      env.host,
      env.capabilities,
      report,
      "lastMonth",
      {
        rows: comparison.rows.map((row) => [row.lastMonth, row.change, row.details]),
        numberFormats: COLUMN_GROUPS.lastMonth.map(() => TEXT_FORMAT),
      },
      { onProgress: env.onProgress, signal: env.signal },
    );
    await writeWhatChangedSheet(
      env.host,
      env.capabilities,
      target,
      whatChangedSheet(report.sheetName, thisMonth, lastMonth, comparison),
      { onProgress: env.onProgress, signal: env.signal },
    );

    const summary = matchSummary(comparison);
    const warnings = comparisonWarnings(comparison);
    if (comparison.matchRate < LOW_MATCH_RATE)
      warnings.unshift(
        `Only ${percent(comparison.matchRate)} of the customers matched: written as you asked.`,
      );
    const { Up, Down, Same } = comparison.changes;
    return {
      message:
        `${summary}. ${count(comparison.newCustomers)} new, ${count(comparison.gone.length)} no longer in the ` +
        `report; ${count(Up)} up, ${count(Down)} down, ${count(Same)} same. ` +
        `${written.updated ? "Updated" : "Added"} columns ${written.columns} and the sheet "${target.name}".`,
      warnings,
      data: {
        key: comparison.key,
        keyLabel: comparison.keyLabel,
        summary,
        customers: comparison.customers,
        matched: comparison.matched,
        matchRate: comparison.matchRate,
        newCustomers: comparison.newCustomers,
        goneCustomers: comparison.gone.length,
        changes: comparison.changes,
        products: comparison.products.map((p) => p.label),
        columns: written.columns,
        updated: written.updated,
        whatChangedSheet: target.name,
        lastMonth: previous.description,
      },
    };
  },
};

/**
 * What is done after a comparison, from its result (issue 16: the pane reads nothing after Compare):
 * the Change column counted as describeWorkbook counts it (New, Up, Down, Same; blank cells left out,
 * values on no row absent), and this report's What Changed sheet listed.
 */
export function progressAfterCompare(progress: WorkbookProgress, result: CompareResult): WorkbookProgress {
  const counts: [string, number][] = [
    ["New", result.newCustomers],
    ["Up", result.changes.Up],
    ["Down", result.changes.Down],
    ["Same", result.changes.Same],
  ];
  const byChange = Object.fromEntries(counts.filter(([, n]) => n > 0));
  const listed = progress.sheets.whatChanged;
  return {
    ...progress,
    lastMonth: { total: counts.reduce((sum, [, n]) => sum + n, 0), byChange },
    sheets: {
      ...progress.sheets,
      whatChanged: listed.includes(result.whatChangedSheet) ? listed : [...listed, result.whatChangedSheet],
    },
  };
}

export interface LastMonthSheet {
  sheetName: string;
  family: string;
  month: string | null;
  /** Same report family as the active sheet's report. */
  sameFamily: boolean;
}

export interface LastMonthSheets {
  sheets: LastMonthSheet[];
  /** The sheet Compare uses when none is picked: the only other report sheet, else null. */
  defaultSheet: string | null;
}

/** Lists the workbook's other report sheets, for the pane's picker. Changes nothing. */
export const listLastMonthSheets: ActionDefinition<void, LastMonthSheets> = {
  id: "listLastMonthSheets",
  label: "Find last month's report sheets",
  description: "Lists the other sheets of this workbook that hold a CloudAscent report. Changes nothing.",
  requires: [],
  needs: ["isReport"],
  async perform(env) {
    const report = await openReport(env.host, env.capabilities);
    const others = await otherReportSheets(env.host, env.capabilities, report.sheetName, report.sheetNames);
    const sheets = others.map((o) => ({
      sheetName: o.sheetName,
      family: o.layout.reportTypeLabel,
      month: reportMonth(o.titleRows, o.sheetName),
      sameFamily: o.layout.reportType === report.layout.reportType,
    }));
    return {
      message:
        sheets.length === 0
          ? "No other report sheet in this workbook: choose last month's report file."
          : `${sheets.length} other report sheet${sheets.length === 1 ? "" : "s"} in this workbook.`,
      data: { sheets, defaultSheet: sheets.length === 1 ? sheets[0].sheetName : null },
    };
  },
};

const NOW_WANTED = ["Act Now", "Evaluate"] as const;
/** Last Month values of customers who were not Act Now or Evaluate: blank (new, or no cluster), Nurture, Educate. */
const BEFORE_WANTED = ["", "Nurture", "Educate"];

/**
 * Customers who are Act Now or Evaluate now and were not last month (new customers included): Best
 * Cluster in {Act Now, Evaluate} AND Last Month in {blank, Nurture, Educate}, with Excel's own filter.
 */
export const showNewActNowEvaluate: ActionDefinition<void, FilterResult> = {
  id: "showNewActNowEvaluate",
  label: "New Act Now / Evaluate",
  description:
    "Shows customers who are Act Now or Evaluate now and were not last month, new customers included.",
  requires: ["autoFilter"],
  needs: ["isReport", "hasClusterColumns"],
  async perform(env) {
    let report = await openReport(env.host, env.capabilities);
    refuseIfProtected(report);
    if (locateColumnGroup(report.layout.rawHeaders, "lastMonth") === null) {
      throw new UserFacingError(
        "There is no Last Month column yet: run Compare with last month first. Nothing was filtered.",
      );
    }
    const helpers = await ensureHelperColumns(env, report);
    report = helpers.report;
    const lastMonthColumn = locateColumnGroup(report.layout.rawHeaders, "lastMonth")!;
    const bestColumn = helpers.bestClusterColumn;
    const texts = await readTexts(env, report, [bestColumn, lastMonthColumn]);
    const nowValues = clusterFilterValues(texts.get(bestColumn) ?? [], NOW_WANTED);
    const present = new Set(texts.get(lastMonthColumn));
    const beforeValues = BEFORE_WANTED.filter((v) => present.has(v));
    const now = texts.get(bestColumn) ?? [];
    const before = texts.get(lastMonthColumn) ?? [];
    const any = now.some((v, r) => nowValues.includes(v) && beforeValues.includes(before[r]));
    if (!any) {
      throw new UserFacingError(
        "No customer is newly Act Now or Evaluate since last month. Nothing was filtered.",
      );
    }
    const result = await filterAndCount(
      env,
      report,
      [
        { column: bestColumn, values: nowValues },
        { column: lastMonthColumn, values: beforeValues },
      ],
      bestColumn,
      texts,
    );
    const note = helpers.added
      ? " The Best Cluster helper column was added first, because it is what this filter uses."
      : "";
    return {
      message:
        `Showing ${count(result.visible)} of ${count(result.total)} customers: Act Now or Evaluate now and ` +
        `not last month (new customers included).${note}`,
      warnings: result.uncountedColumns.length
        ? [`Counts leave out your own filter on ${result.uncountedColumns.join(", ")}.`]
        : [],
      data: result,
    };
  },
};
