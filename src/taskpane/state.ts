/**
 * The pane's state and its pure reducer: what the last analysis found, which action runs, what
 * the last filter showed and what the last action said. No React, no Office: tested on its own.
 */
import type {
  ActionOutcome,
  ClearFiltersResult,
  FilterResult,
  HelperColumnsResult,
  PrepareResult,
  Progress,
  ResetResult,
  SheetReport,
  SheetState,
  SortResult,
  SummariesResult,
  WorkbookProgress,
} from "../actions";
import type { ValueCount } from "../domain/types";

/** The pane's kinds of work; decides what a finished outcome updates. */
export type Task =
  | "analyze"
  | "filter"
  | "clear"
  | "helpers"
  | "sort"
  | "summaries"
  | "prepare"
  | "reset"
  /** Any other action, run through PaneApi.runAction; its result is kept in `results` by action id. */
  | "action";

export interface Outcome {
  task: Task;
  status: "done" | "refused" | "failed" | "cancelled";
  message: string;
  warnings: string[];
}

export interface Running {
  task: Task;
  /** The button's label, e.g. "Analyze sheet". */
  label: string;
  /** Which button started it (so only that one shows a spinner). */
  origin: string;
  progress: Progress | null;
}

export interface PaneState {
  /** The last successful analysis of the active sheet. */
  report: SheetReport | null;
  /** The plain explanation of why the sheet is not a report (refused analysis). */
  refusal: string | null;
  running: Running | null;
  /** What the last finished action said (shown in the status area). */
  outcome: Outcome | null;
  /** What is visible after the last filter; null when no filter of ours is known to apply. */
  filter: { result: FilterResult; message: string } | null;
  /** Filters the user set that Clear filters left in place (offer "Clear all filters"). */
  leftInPlace: string[];
  /** The last helper-column result. */
  helpers: { message: string; warnings: string[]; columns: string } | null;
  /** The last Build summaries result. */
  summaries: { message: string; sheetName: string; mode: SummariesResult["mode"] } | null;
  /** The last Prepare for sellers result. */
  prepared: { message: string; aboutSheet: string } | null;
  /**
   * After an action changed the sheet, the pane reads it again (Analyze, quietly: no progress bar,
   * the action's outcome stays). Buttons wait meanwhile.
   */
  refreshing: boolean;
  /** The last finished outcome of each action run through PaneApi.runAction, by action id. */
  results: Record<string, ActionOutcome<unknown>>;
  /** What the add-in has done to the report, read from the workbook after each analysis (steps use it). */
  workbook: WorkbookProgress | null;
  /**
   * Values of cohort and quick-filter columns Analyze left uncounted (issue 16), counted when their
   * list opened, by columnValuesKey. A new analysis forgets them.
   */
  columnValues: Record<string, ValueCount[]>;
}

function columnsSignature(report: SheetReport | null): string {
  if (!report) return "";
  const columns = [...report.analysis.cohorts, ...report.quickFilters].map((c) => `${c.column}=${c.header}`);
  return `${report.sheetName}|${columns.join("|")}`;
}

/** "cohort:12": the key of a column's counted values. */
export function columnValuesKey(kind: "cohort" | "quick", column: number): string {
  return `${kind}:${column}`;
}

/** The report with the values counted so far filled in where Analyze left them pending. */
export function reportWithValues(
  report: SheetReport,
  columnValues: Record<string, ValueCount[]>,
): SheetReport {
  const fill = <T extends { column: number; values: ValueCount[]; valuesPending?: true }>(
    item: T,
    kind: "cohort" | "quick",
  ): T => {
    const values = item.valuesPending ? columnValues[columnValuesKey(kind, item.column)] : undefined;
    if (!values) return item;
    const filled = { ...item, values };
    delete filled.valuesPending;
    return filled;
  };
  return {
    ...report,
    analysis: { ...report.analysis, cohorts: report.analysis.cohorts.map((c) => fill(c, "cohort")) },
    quickFilters: report.quickFilters.map((q) => fill(q, "quick")),
  };
}

export const initialState: PaneState = {
  report: null,
  refusal: null,
  running: null,
  outcome: null,
  filter: null,
  leftInPlace: [],
  helpers: null,
  summaries: null,
  prepared: null,
  refreshing: false,
  results: {},
  workbook: null,
  columnValues: {},
};

export type PaneEvent =
  | { type: "started"; task: Task; label: string; origin: string }
  | { type: "progress"; progress: Progress }
  | { type: "analyzed"; outcome: ActionOutcome<SheetReport> }
  | { type: "filtered"; outcome: ActionOutcome<FilterResult> }
  | { type: "cleared"; outcome: ActionOutcome<ClearFiltersResult> }
  | { type: "helpersAdded"; outcome: ActionOutcome<HelperColumnsResult> }
  | { type: "sorted"; outcome: ActionOutcome<SortResult> }
  | { type: "summarised"; outcome: ActionOutcome<SummariesResult> }
  | { type: "prepared"; outcome: ActionOutcome<PrepareResult> }
  | { type: "reset"; outcome: ActionOutcome<ResetResult> }
  | { type: "actionFinished"; actionId: string; outcome: ActionOutcome<unknown> }
  /** A read-only action run beside the one-action lock (PaneApi.readQuietly): only its result is kept. */
  | { type: "quietRead"; actionId: string; outcome: ActionOutcome<unknown> }
  /** A cohort's or quick filter's values, counted when its list opened. */
  | { type: "columnValuesCounted"; key: string; values: ValueCount[] }
  | { type: "refreshing" }
  /** The quiet re-analysis after an action: only the report changes. */
  | { type: "refreshed"; outcome: ActionOutcome<SheetReport> }
  /** The quiet read of what the add-in added; a failed read leaves what the pane knew. */
  | { type: "described"; outcome: ActionOutcome<WorkbookProgress> }
  | { type: "dismissed" };

function outcomeOf(task: Task, outcome: ActionOutcome<unknown>): Outcome {
  return {
    task,
    status: outcome.status,
    message: outcome.message,
    warnings: outcome.status === "done" ? outcome.warnings : [],
  };
}

export function reducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case "started":
      return {
        ...state,
        running: { task: event.task, label: event.label, origin: event.origin, progress: null },
        outcome: null,
      };
    case "progress":
      return state.running ? { ...state, running: { ...state.running, progress: event.progress } } : state;
    case "dismissed":
      return { ...state, outcome: null };
    case "analyzed": {
      const { outcome } = event;
      const base = { ...state, running: null };
      if (outcome.status === "done") {
        return {
          ...base,
          report: outcome.data,
          // What was read for another sheet no longer applies; the next read of this one replaces it.
          workbook: state.workbook?.sheetName === outcome.data.sheetName ? state.workbook : null,
          refusal: null,
          filter: null,
          leftInPlace: [],
          columnValues: {},
          // The summary shows what the analysis found: no separate outcome message.
          outcome: null,
        };
      }
      if (outcome.status === "refused") {
        // Not a report (or an empty sheet): the explanation replaces everything else.
        return { ...initialState, refusal: outcome.message };
      }
      return { ...base, outcome: outcomeOf("analyze", outcome) };
    }
    case "filtered": {
      const { outcome } = event;
      const next = { ...state, running: null, outcome: outcomeOf("filter", outcome) };
      if (outcome.status !== "done") return next;
      return { ...next, filter: { result: outcome.data, message: outcome.message }, leftInPlace: [] };
    }
    case "cleared": {
      const { outcome } = event;
      const next = { ...state, running: null, outcome: outcomeOf("clear", outcome) };
      if (outcome.status !== "done") return next;
      return { ...next, filter: null, leftInPlace: [...outcome.data.leftInPlace] };
    }
    case "helpersAdded": {
      const { outcome } = event;
      const next = { ...state, running: null, outcome: outcomeOf("helpers", outcome) };
      if (outcome.status !== "done") return next;
      return {
        ...next,
        helpers: { message: outcome.message, warnings: outcome.warnings, columns: outcome.data.columns },
      };
    }
    case "sorted":
      return { ...state, running: null, outcome: outcomeOf("sort", event.outcome) };
    case "summarised": {
      const { outcome } = event;
      const next = { ...state, running: null, outcome: outcomeOf("summaries", outcome) };
      if (outcome.status !== "done") return next;
      const { sheetName, mode } = outcome.data;
      return { ...next, summaries: { message: outcome.message, sheetName, mode } };
    }
    case "prepared": {
      const { outcome } = event;
      const next = { ...state, running: null, outcome: outcomeOf("prepare", outcome) };
      if (outcome.status !== "done") return next;
      return { ...next, prepared: { message: outcome.message, aboutSheet: outcome.data.aboutSheet } };
    }
    case "reset": {
      const { outcome } = event;
      const next = { ...state, running: null, outcome: outcomeOf("reset", outcome) };
      if (outcome.status !== "done") return next;
      // Everything the add-in added is gone: forget what the pane said about it.
      return {
        ...next,
        filter: null,
        leftInPlace: [],
        helpers: null,
        summaries: null,
        prepared: null,
        results: {},
      };
    }
    case "actionFinished":
      return {
        ...state,
        running: null,
        outcome: outcomeOf("action", event.outcome),
        results: { ...state.results, [event.actionId]: event.outcome },
      };
    case "quietRead":
      return { ...state, results: { ...state.results, [event.actionId]: event.outcome } };
    case "columnValuesCounted":
      return { ...state, columnValues: { ...state.columnValues, [event.key]: event.values } };
    case "refreshing":
      return { ...state, refreshing: true };
    case "described": {
      const { outcome } = event;
      if (outcome.status !== "done") return state;
      // Only about the report the pane shows (the user may have switched sheets meanwhile).
      if (state.report && outcome.data.sheetName !== state.report.sheetName) return state;
      return { ...state, workbook: outcome.data };
    }
    case "refreshed": {
      const { outcome } = event;
      // A failed re-read leaves what the pane knew; the next Analyze says what is wrong.
      if (outcome.status !== "done") return { ...state, refreshing: false };
      // Counted values stay while the columns they belong to do.
      const sameColumns = columnsSignature(state.report) === columnsSignature(outcome.data);
      return {
        ...state,
        refreshing: false,
        report: outcome.data,
        refusal: null,
        columnValues: sameColumns ? state.columnValues : {},
      };
    }
  }
}

/** An action runs, or the pane is re-reading the sheet after one: every action button waits. */
export function isBusy(state: PaneState): boolean {
  return state.running !== null || state.refreshing;
}

/** What decides which actions are available. */
export function sheetStateOf(state: PaneState): SheetState {
  return {
    isReport: state.report !== null,
    hasClusterColumns: (state.report?.analysis.products.length ?? 0) > 0,
  };
}

/** 0..1 for a determinate progress bar; undefined when the total is unknown. */
export function progressFraction(progress: Progress | null): number | undefined {
  if (!progress || !(progress.total > 0)) return undefined;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}
