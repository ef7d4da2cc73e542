import {
  columnValuesKey,
  initialState,
  isBusy,
  progressFraction,
  reducer,
  reportWithValues,
  sheetStateOf,
  type PaneState,
} from "./state";
import { counts, sampleReport } from "./testSession";

const report = sampleReport();
const analysed: PaneState = reducer(initialState, {
  type: "analyzed",
  outcome: { status: "done", message: "ok", warnings: ["w"], data: report },
});
const filterData = {
  visible: 10,
  total: 20,
  visibleByCluster: counts({ "Act Now": 10 }),
  filteredColumns: ["M365Cluster"],
  uncountedColumns: [],
};

describe("pane reducer", () => {
  test("a successful analysis stores the report and makes filters available", () => {
    expect(analysed.report).toBe(report);
    expect(analysed.refusal).toBeNull();
    expect(sheetStateOf(analysed)).toEqual({ isReport: true, hasClusterColumns: true });
    expect(sheetStateOf(initialState)).toEqual({ isReport: false, hasClusterColumns: false });
  });

  test("a refused analysis forgets the previous report and keeps only the explanation", () => {
    const filtered = reducer(analysed, {
      type: "filtered",
      outcome: { status: "done", message: "Showing 10 of 20", warnings: [], data: filterData },
    });
    const refused = reducer(filtered, {
      type: "analyzed",
      outcome: { status: "refused", message: "Not a report." },
    });
    expect(refused).toEqual({ ...initialState, refusal: "Not a report." });
  });

  test("a failed analysis keeps what the pane knew and reports the error", () => {
    const failed = reducer(analysed, {
      type: "analyzed",
      outcome: { status: "failed", message: "Excel is busy." },
    });
    expect(failed.report).toBe(report);
    expect(failed.outcome).toEqual({
      task: "analyze",
      status: "failed",
      message: "Excel is busy.",
      warnings: [],
    });
  });

  test("started / progress / finished", () => {
    const started = reducer(analysed, {
      type: "started",
      task: "filter",
      label: "Show Act now + Evaluate",
      origin: "actNow",
    });
    expect(started.running).toEqual({
      task: "filter",
      label: "Show Act now + Evaluate",
      origin: "actNow",
      progress: null,
    });
    expect(started.outcome).toBeNull();
    const progressed = reducer(started, {
      type: "progress",
      progress: { message: "Reading", done: 1, total: 4 },
    });
    expect(progressFraction(progressed.running?.progress ?? null)).toBe(0.25);
    const done = reducer(progressed, {
      type: "filtered",
      outcome: { status: "done", message: "Showing 10 of 20", warnings: [], data: filterData },
    });
    expect(done.running).toBeNull();
    expect(done.filter?.result.visible).toBe(10);
    // Progress after the end is ignored.
    expect(reducer(done, { type: "progress", progress: { message: "late", done: 1, total: 1 } })).toBe(done);
  });

  test("a refused filter keeps the previous filter result", () => {
    const filtered = reducer(analysed, {
      type: "filtered",
      outcome: { status: "done", message: "Showing 10 of 20", warnings: [], data: filterData },
    });
    const refused = reducer(filtered, {
      type: "filtered",
      outcome: { status: "refused", message: "Protected." },
    });
    expect(refused.filter).toBe(filtered.filter);
    expect(refused.outcome?.status).toBe("refused");
  });

  test("clearing forgets the filter result and remembers filters left in place", () => {
    const filtered = reducer(analysed, {
      type: "filtered",
      outcome: { status: "done", message: "Showing", warnings: [], data: filterData },
    });
    const cleared = reducer(filtered, {
      type: "cleared",
      outcome: {
        status: "done",
        message: "m",
        warnings: [],
        data: { cleared: ["M365Cluster"], leftInPlace: ["Industry"] },
      },
    });
    expect(cleared.filter).toBeNull();
    expect(cleared.leftInPlace).toEqual(["Industry"]);
    const all = reducer(cleared, {
      type: "cleared",
      outcome: {
        status: "done",
        message: "m",
        warnings: [],
        data: { cleared: ["Industry"], leftInPlace: [] },
      },
    });
    expect(all.leftInPlace).toEqual([]);
  });

  test("progressFraction is undefined (indeterminate) without a total", () => {
    expect(progressFraction(null)).toBeUndefined();
    expect(progressFraction({ message: "", done: 0, total: 0 })).toBeUndefined();
    expect(progressFraction({ message: "", done: 5, total: 4 })).toBe(1);
  });
  test("the quiet re-analysis after an action replaces the report and keeps the filter and the outcome", () => {
    const filtered = reducer(analysed, {
      type: "filtered",
      outcome: { status: "done", message: "Showing 10 of 20", warnings: [], data: filterData },
    });
    const refreshing = reducer(filtered, { type: "refreshing" });
    expect(isBusy(refreshing)).toBe(true);
    const fresh = { ...report, hasHelperColumns: true };
    const refreshed = reducer(refreshing, {
      type: "refreshed",
      outcome: { status: "done", message: "ok", warnings: [], data: fresh },
    });
    expect(refreshed.report).toBe(fresh);
    expect(refreshed.filter).toBe(filtered.filter);
    expect(refreshed.outcome).toBe(filtered.outcome);
    expect(isBusy(refreshed)).toBe(false);
    // A failed re-read keeps what the pane knew.
    const failed = reducer(refreshing, { type: "refreshed", outcome: { status: "failed", message: "busy" } });
    expect(failed.report).toBe(report);
    expect(isBusy(failed)).toBe(false);
  });

  test("a finished reset forgets the filter, helper, summary and prepare results", () => {
    let state = reducer(analysed, {
      type: "filtered",
      outcome: { status: "done", message: "Showing 10 of 20", warnings: [], data: filterData },
    });
    state = reducer(state, {
      type: "summarised",
      outcome: {
        status: "done",
        message: "Built",
        warnings: [],
        data: { sheetName: "Propensity Summary", mode: "pivot", industries: 1, subSegments: 1 },
      },
    });
    expect(state.summaries).toEqual({ message: "Built", sheetName: "Propensity Summary", mode: "pivot" });
    const refused = reducer(state, { type: "reset", outcome: { status: "refused", message: "Protected." } });
    expect(refused.summaries).toBe(state.summaries);
    const reset = reducer(state, {
      type: "reset",
      outcome: {
        status: "done",
        message: "Reset.",
        warnings: [],
        data: {
          removed: ["x"],
          leftInPlace: [],
          sheetName: "Report",
          stillFiltered: false,
          rowOrderRestored: false,
        },
      },
    });
    expect(reset).toMatchObject({ filter: null, helpers: null, summaries: null, prepared: null });
    expect(reset.outcome).toMatchObject({ task: "reset", status: "done", message: "Reset." });
  });
});

describe("generic action results", () => {
  test("a finished action is kept by its id, and reset forgets it", () => {
    const done = { status: "done" as const, message: "Matched 3 of 4.", warnings: [], data: { matched: 3 } };
    const after = reducer(analysed, { type: "actionFinished", actionId: "matchCrm", outcome: done });
    expect(after.results.matchCrm).toEqual(done);
    expect(after.outcome).toEqual({
      task: "action",
      status: "done",
      message: "Matched 3 of 4.",
      warnings: [],
    });
    const reset = reducer(after, {
      type: "reset",
      outcome: {
        status: "done",
        message: "Reset.",
        warnings: [],
        data: {
          removed: [],
          leftInPlace: [],
          sheetName: "Report",
          stillFiltered: false,
          rowOrderRestored: false,
        },
      },
    });
    expect(reset.results).toEqual({});
  });
});

describe("cohort and quick-filter values counted when their list opens", () => {
  const pending = {
    ...report,
    analysis: {
      ...report.analysis,
      cohorts: report.analysis.cohorts.map((c) => ({ ...c, values: [], valuesPending: true as const })),
    },
    quickFilters: report.quickFilters.map((q) => ({ ...q, values: [], valuesPending: true as const })),
  };
  const cohort = pending.analysis.cohorts[0];
  const counted = [{ value: "Yes", count: 3 }];
  const start = reducer(initialState, {
    type: "analyzed",
    outcome: { status: "done", message: "ok", warnings: [], data: pending },
  });
  const withValues = reducer(start, {
    type: "columnValuesCounted",
    key: columnValuesKey("cohort", cohort.column),
    values: counted,
  });

  test("fills in the counted column only, and no longer marks it pending", () => {
    const shown = reportWithValues(withValues.report!, withValues.columnValues);
    expect(shown.analysis.cohorts[0].values).toEqual(counted);
    expect(shown.analysis.cohorts[0].valuesPending).toBeUndefined();
    expect(shown.analysis.cohorts.slice(1).every((c) => c.valuesPending)).toBe(true);
    // A quick filter on the same column index is another list.
    expect(shown.quickFilters.every((q) => q.valuesPending)).toBe(true);
  });

  test("a refresh with the same columns keeps the counts; new columns or a new analysis forget them", () => {
    const refreshed = reducer(withValues, {
      type: "refreshed",
      outcome: { status: "done", message: "ok", warnings: [], data: { ...pending } },
    });
    expect(refreshed.columnValues).toEqual(withValues.columnValues);
    const renamed = {
      ...pending,
      analysis: {
        ...pending.analysis,
        cohorts: pending.analysis.cohorts.map((c, i) => (i === 0 ? { ...c, header: "Other" } : c)),
      },
    };
    const changed = reducer(withValues, {
      type: "refreshed",
      outcome: { status: "done", message: "ok", warnings: [], data: renamed },
    });
    expect(changed.columnValues).toEqual({});
    const again = reducer(withValues, {
      type: "analyzed",
      outcome: { status: "done", message: "ok", warnings: [], data: pending },
    });
    expect(again.columnValues).toEqual({});
  });
});
