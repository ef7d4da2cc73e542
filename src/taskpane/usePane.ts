/**
 * Binds the pane's reducer to a Session: runs one action at a time, forwards progress, cancels, and
 * after an action that changed the sheet reads it again quietly so the pane shows the workbook as it is.
 */
import { useCallback, useReducer, useRef } from "react";
import {
  actions,
  reportAfterReset,
  progressAfterCompare,
  type ActionDefinition,
  type ActionOutcome,
  type Availability,
  type HelperColumnsInput,
  type ResetInput,
  type Session,
  type SheetReport,
  type ShowActNowEvaluateInput,
  type ValueFilterInput,
  type WorkbookProgress,
} from "../actions";
import {
  columnValuesKey,
  initialState,
  reducer,
  sheetStateOf,
  type PaneEvent,
  type PaneState,
  type Task,
} from "./state";

type ActionOf<K extends keyof typeof actions> = (typeof actions)[K];

const withHelperColumns = (report: SheetReport): SheetReport => ({ ...report, hasHelperColumns: true });

/**
 * Actions run through runAction whose own result says what changed (issue 16): asked to refresh
 * after them, the pane updates the report and the check marks from the result, with no re-analysis
 * and no read of what is done. Compare adds its own columns and sheet and changes no cell the
 * analysis counts.
 */
const UPDATED_FROM_RESULT: {
  [K in keyof typeof actions]?: {
    report: (report: SheetReport) => SheetReport;
    progress: (progress: WorkbookProgress, result: never) => WorkbookProgress;
  };
} = {
  compareLastMonth: { report: (report) => report, progress: progressAfterCompare },
};

/**
 * What an action tells the pane about the steps' check marks, from its own result (issue 16: no
 * read of what is done after it): "unchanged" for filters, which add no column and no sheet.
 */
type ProgressAfter<O> = "read" | "unchanged" | ((progress: WorkbookProgress, result: O) => WorkbookProgress);

const withSheet = (
  progress: WorkbookProgress,
  kind: keyof WorkbookProgress["sheets"],
  name: string,
): WorkbookProgress => ({
  ...progress,
  helpers: true,
  sheets: {
    ...progress.sheets,
    [kind]: progress.sheets[kind].includes(name) ? progress.sheets[kind] : [...progress.sheets[kind], name],
  },
});

export interface PaneApi {
  state: PaneState;
  analyze(): Promise<void>;
  showActNowEvaluate(input: ShowActNowEvaluateInput, origin?: string): Promise<void>;
  applyValueFilter(input: ValueFilterInput, origin: string): Promise<void>;
  clearFilters(all: boolean): Promise<void>;
  addHelperColumns(input?: HelperColumnsInput): Promise<void>;
  sortByPriority(): Promise<void>;
  buildSummaries(): Promise<void>;
  prepareForSellers(): Promise<void>;
  resetSheet(input: ResetInput): Promise<void>;
  /**
   * Runs any action by id (the generic path for actions without a dedicated method); its outcome
   * lands in state.results[id]. refreshAfter: the action changed the sheet, read it again after.
   */
  runAction<K extends keyof typeof actions>(
    id: K,
    input: Parameters<(typeof actions)[K]["perform"]>[1],
    options?: { origin?: string; refreshAfter?: boolean },
  ): Promise<void>;
  /**
   * Runs a read-only action (it changes nothing in the workbook) without taking the one-action lock,
   * so the buttons never wait for it and no status message appears; its outcome lands in
   * state.results[id]. For lists a card needs when it appears (e.g. candidate sheets).
   */
  readQuietly<K extends keyof typeof actions>(
    id: K,
    input: Parameters<(typeof actions)[K]["perform"]>[1],
  ): Promise<void>;
  /**
   * Counts a cohort's or quick filter's values when its list opens (Analyze leaves them uncounted);
   * once per column and analysis, beside the one-action lock. The values land in state.columnValues.
   */
  loadColumnValues(column: number, kind: "cohort" | "quick"): void;
  cancel(): void;
  dismiss(): void;
  availability(action: keyof typeof actions): Availability;
}

export function usePane(session: Session): PaneApi {
  const [state, dispatch] = useReducer(reducer, initialState);
  const controller = useRef<AbortController | null>(null);
  const describes = useRef(0);
  const valuesAsked = useRef(new Map<string, unknown>());

  /**
   * Reads what the add-in has added to the report (for the steps' check marks), after every analysis
   * and every finished action. Read-only and not holding the one-action lock, so buttons never wait for
   * it; only the latest read is kept.
   */
  const describe = useCallback(
    async (headerRowNumber?: number): Promise<void> => {
      const generation = ++describes.current;
      let outcome: ActionOutcome<WorkbookProgress>;
      try {
        // Knowing the header row, it reads that row and the sheets' titles only (a few KB).
        outcome = await session.run(
          actions.describeWorkbook as ActionOf<"describeWorkbook">,
          headerRowNumber === undefined ? undefined : { headerRowNumber },
          {},
        );
      } catch (error) {
        outcome = { status: "failed", message: error instanceof Error ? error.message : String(error) };
      }
      if (generation === describes.current) dispatch({ type: "described", outcome });
    },
    [session],
  );

  const run = useCallback(
    async <I, O>(
      task: Task,
      action: ActionDefinition<I, O>,
      input: I,
      origin: string,
      finished: (outcome: ActionOutcome<O>) => PaneEvent,
      /**
       * The action may have changed the sheet: read it again afterwards (only when it finished); or,
       * when the action's own result says what changed, update the report from it without reading.
       */
      refreshAfter: boolean | ((report: SheetReport, outcome: O) => SheetReport | null) = false,
      progressAfter: ProgressAfter<O> = "read",
    ): Promise<void> => {
      if (controller.current) return; // one action at a time
      const abort = new AbortController();
      controller.current = abort;
      dispatch({ type: "started", task, label: action.label, origin });
      let outcome: ActionOutcome<O>;
      try {
        try {
          outcome = await session.run(action, input, {
            signal: abort.signal,
            onProgress: (progress) => dispatch({ type: "progress", progress }),
          });
        } catch (error) {
          // Session.run turns errors into outcomes; this is a last line of defence.
          outcome = { status: "failed", message: error instanceof Error ? error.message : String(error) };
        }
        if (abort.signal.aborted && outcome.status !== "done" && outcome.status !== "cancelled") {
          outcome = { status: "cancelled", message: "Cancelled." };
        }
        dispatch(finished(outcome));
        const changed = outcome.status === "done";
        const known = state.report;
        // Where the report's header is, for the quiet read of what is done (see describe).
        let headerRowNumber = known?.headerRowNumber;
        if (task === "analyze")
          headerRowNumber =
            outcome.status === "done" ? (outcome.data as SheetReport).headerRowNumber : undefined;
        // Issue 16: what the action knows is enough; no re-analysis, no round trips (null: it is not).
        const derived =
          typeof refreshAfter === "function" && outcome.status === "done" && known
            ? refreshAfter(known, outcome.data)
            : null;
        if (derived) {
          dispatch({
            type: "refreshed",
            outcome: { status: "done", message: "", warnings: [], data: derived },
          });
        } else if (refreshAfter && changed) {
          // Analyze only reads; its outcome updates the report and nothing else.
          dispatch({ type: "refreshing" });
          let refreshed: ActionOutcome<SheetReport>;
          try {
            refreshed = await session.run(actions.analyzeSheet as ActionOf<"analyzeSheet">, undefined, {});
          } catch (error) {
            refreshed = { status: "failed", message: error instanceof Error ? error.message : String(error) };
          }
          dispatch({ type: "refreshed", outcome: refreshed });
          headerRowNumber = refreshed.status === "done" ? refreshed.data.headerRowNumber : undefined;
        }
        // What is done comes from the action's result where it says, else from a quiet read.
        const progress = state.workbook;
        const sameSheet = progress !== null && known !== null && progress.sheetName === known.sheetName;
        if (changed && sameSheet && refreshAfter !== true && progressAfter === "unchanged") {
          // Nothing the check marks read has changed.
        } else if (changed && sameSheet && typeof progressAfter === "function") {
          dispatch({
            type: "described",
            outcome: {
              status: "done",
              message: "",
              warnings: [],
              data: progressAfter(progress, (outcome as { data: O }).data),
            },
          });
        } else if (changed) void describe(headerRowNumber);
      } finally {
        controller.current = null;
      }
    },
    [session, describe, state.report, state.workbook],
  );

  const stateForAvailability = sheetStateOf(state);

  return {
    state,
    analyze: () =>
      run("analyze", actions.analyzeSheet as ActionOf<"analyzeSheet">, undefined, "analyze", (outcome) => ({
        type: "analyzed",
        outcome,
      })),
    showActNowEvaluate: (input, origin = "actNow") =>
      run(
        "filter",
        actions.showActNowEvaluate,
        input,
        origin,
        (outcome) => ({ type: "filtered", outcome }),
        // "Any product" filters on Best Cluster and adds the helper columns first when missing.
        input.product === "any",
        "unchanged",
      ),
    applyValueFilter: (input, origin) =>
      run(
        "filter",
        actions.applyValueFilter,
        input,
        origin,
        (outcome) => ({ type: "filtered", outcome }),
        false,
        "unchanged",
      ),
    clearFilters: (all) =>
      run(
        "clear",
        actions.clearFilters,
        { all },
        all ? "clearAll" : "clear",
        (outcome) => ({ type: "cleared", outcome }),
        false,
        "unchanged",
      ),
    addHelperColumns: (input = {}) =>
      run(
        "helpers",
        actions.addHelperColumns,
        input,
        "helpers",
        (outcome) => ({ type: "helpersAdded", outcome }),
        (report, result) => ({
          ...report,
          hasHelperColumns: true,
          scoreSettings: result.settings,
        }),
        (progress) => ({ ...progress, helpers: true }),
      ),
    sortByPriority: () =>
      run(
        "sort",
        actions.sortByPriority as ActionOf<"sortByPriority">,
        undefined,
        "sort",
        (outcome) => ({ type: "sorted", outcome }),
        // It adds the helper columns when they are missing and changes no cell the analysis counts.
        withHelperColumns,
        (progress) => ({ ...progress, helpers: true }),
      ),
    buildSummaries: () =>
      run(
        "summaries",
        actions.buildSummaries as ActionOf<"buildSummaries">,
        undefined,
        "summaries",
        (outcome) => ({ type: "summarised", outcome }),
        // It adds the helper columns when they are missing and changes no cell the analysis counts.
        withHelperColumns,
        (progress, result) => withSheet(progress, "summary", result.sheetName),
      ),
    prepareForSellers: () =>
      run(
        "prepare",
        actions.prepareForSellers as ActionOf<"prepareForSellers">,
        undefined,
        "prepare",
        (outcome) => ({ type: "prepared", outcome }),
        // It adds the helper columns when they are missing and changes no cell the analysis counts.
        withHelperColumns,
        (progress, result) => withSheet(progress, "about", result.aboutSheet),
      ),
    resetSheet: (input) =>
      run(
        "reset",
        actions.resetSheet,
        input,
        "reset",
        (outcome) => ({ type: "reset", outcome }),
        reportAfterReset,
        // Reset removes every column group and sheet the add-in made for this report.
        (progress) => ({
          ...progress,
          helpers: false,
          crm: null,
          lastMonth: null,
          sheets: Object.fromEntries(
            Object.keys(progress.sheets).map((kind) => [kind, []]),
          ) as unknown as WorkbookProgress["sheets"],
        }),
      ),
    runAction: (id, input, options = {}) => {
      const fromResult = options.refreshAfter ? UPDATED_FROM_RESULT[id] : undefined;
      return run(
        "action",
        actions[id] as ActionDefinition<unknown, unknown>,
        input,
        options.origin ?? id,
        (outcome) => ({ type: "actionFinished", actionId: id, outcome }),
        fromResult?.report ?? options.refreshAfter ?? false,
        (fromResult?.progress as ProgressAfter<unknown> | undefined) ?? "read",
      );
    },
    readQuietly: async (id, input) => {
      let outcome: ActionOutcome<unknown>;
      try {
        outcome = await session.run(actions[id] as ActionDefinition<unknown, unknown>, input, {});
      } catch (error) {
        outcome = { status: "failed", message: error instanceof Error ? error.message : String(error) };
      }
      dispatch({ type: "quietRead", actionId: id, outcome });
    },
    loadColumnValues: (column, kind) => {
      const key = columnValuesKey(kind, column);
      // Once per analysis: a new report object means a new analysis.
      if (valuesAsked.current.get(key) === state.report || key in state.columnValues) return;
      valuesAsked.current.set(key, state.report);
      void session
        .run(actions.countColumnValues as ActionOf<"countColumnValues">, { column, kind }, {})
        .then((outcome) => {
          if (outcome.status === "done")
            dispatch({ type: "columnValuesCounted", key, values: outcome.data.values });
          else valuesAsked.current.delete(key);
        })
        .catch(() => valuesAsked.current.delete(key));
    },
    cancel: () => controller.current?.abort(),
    dismiss: () => dispatch({ type: "dismissed" }),
    availability: (id) =>
      session.availability(actions[id] as ActionDefinition<unknown, unknown>, stateForAvailability),
  };
}
