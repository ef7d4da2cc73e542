/** The steps as the pane's state goes through a month's routine, event by event through the reducer. */
import type { ActionOutcome, WorkbookProgress } from "../actions";
import { initialState, reducer, type PaneEvent, type PaneState } from "./state";
import { startingStep, stepAfter, stepViews, type StepId } from "./steps";
import { counts, sampleReport } from "./testSession";

const done = <T>(data: T, message = "Done."): ActionOutcome<T> => ({
  status: "done",
  message,
  warnings: [],
  data,
});

function play(...events: PaneEvent[]): PaneState {
  return events.reduce(reducer, initialState);
}

function view(state: PaneState, id: StepId) {
  const found = stepViews(state).find((v) => v.id === id);
  if (!found) throw new Error(id);
  return found;
}

const texts = (state: PaneState, id: StepId) =>
  view(state, id).items.map((i) => `${i.done ? "✓" : "○"} ${i.text}`);

const noSheets: WorkbookProgress["sheets"] = {
  summary: [],
  about: [],
  whatChanged: [],
  sellersIndex: [],
  sellerList: [],
};

function progress(patch: Partial<WorkbookProgress> = {}): WorkbookProgress {
  return { sheetName: "AI Business", helpers: false, crm: null, lastMonth: null, sheets: noSheets, ...patch };
}

describe("steps", () => {
  test("a sheet that is not a report: Report, and nothing else is done", () => {
    const state = play({ type: "analyzed", outcome: { status: "refused", message: "Not a report." } });
    const views = stepViews(state);
    expect(views.map((v) => v.done)).toEqual([false, false, false, false]);
    expect(startingStep(views)).toBe("report");
    expect(texts(state, "report")).toEqual(["○ This sheet is not a report"]);
    expect(view(state, "report").next).toMatch(/pick the report file/);
  });

  test("a fresh report opens on Focus; a filter, then helper columns move the first open step on", () => {
    const report = sampleReport();
    let state = play({ type: "analyzed", outcome: done(report) });
    expect(texts(state, "report")).toEqual(["✓ AI Business Solutions (Microsoft 365): 488 customers"]);
    expect(startingStep(stepViews(state))).toBe("focus");
    expect(texts(state, "focus")).toEqual(["○ Filter: none yet"]);

    state = reducer(state, {
      type: "filtered",
      outcome: done({
        visible: 148,
        total: 488,
        visibleByCluster: counts({ "Act Now": 51, Evaluate: 97 }),
        filteredColumns: ["M365Cluster"],
        uncountedColumns: [],
      }),
    });
    expect(texts(state, "focus")).toEqual(["✓ Filter: showing 148 of 488 customers"]);
    expect(startingStep(stepViews(state))).toBe("enrich");
    expect(view(state, "enrich").next).toMatch(/^Next: Add helper columns/);

    // The re-read after Add helper columns finds them on the sheet.
    state = reducer(state, { type: "refreshed", outcome: done({ ...report, hasHelperColumns: true }) });
    expect(texts(state, "enrich")).toEqual([
      "✓ Helper columns: 488 rows, scored",
      "○ Last month: not compared yet",
      "○ CRM: not matched yet",
    ]);
    expect(view(state, "enrich").done).toBe(true);
    expect(view(state, "enrich").next).toMatch(/^Next: Compare with last month/);
    expect(startingStep(stepViews(state))).toBe("share");
  });

  test("reopened on a worked report: every count comes back from the workbook", () => {
    const report = { ...sampleReport(), hasHelperColumns: true, isFiltered: true };
    const state = play(
      { type: "analyzed", outcome: done(report) },
      {
        type: "described",
        outcome: done(
          progress({
            helpers: true,
            crm: { matched: 11902, total: 12345, byKind: {} },
            lastMonth: { total: 12345, byChange: { Same: 11000, Up: 340, New: 120, Down: 885 } },
            sheets: { ...noSheets, summary: ["Propensity Summary"], about: ["About this report"] },
          }),
        ),
      },
    );
    expect(texts(state, "focus")).toEqual(["✓ Filter: some rows of the sheet are hidden by a filter"]);
    expect(texts(state, "enrich")).toEqual([
      "✓ Helper columns: 488 rows, scored",
      "✓ Last month: 120 new, 340 up, 885 down, 11,000 same",
      "✓ CRM: 11,902 of 12,345 matched",
    ]);
    expect(texts(state, "share")).toEqual([
      "✓ Summaries: sheet Propensity Summary",
      "○ Seller lists: not made yet",
      "✓ Prepared for sellers: sheet About this report",
    ]);
    expect(view(state, "share").next).toMatch(/^Next: Seller lists/);
    expect(stepViews(state).every((v) => v.done)).toBe(true);
    expect(startingStep(stepViews(state))).toBe("share");
  });

  test("feature actions count by their last outcome, whatever their data", () => {
    const state = play(
      { type: "analyzed", outcome: done(sampleReport()) },
      {
        type: "actionFinished",
        actionId: "matchCrm",
        outcome: done({ any: "shape" }, "CRM: 40 of 44 matched."),
      },
      {
        type: "actionFinished",
        actionId: "buildSellerLists",
        outcome: { status: "refused", message: "No." },
      },
      {
        type: "actionFinished",
        actionId: "openReportFile",
        outcome: done(null, "Opened 44 customers from a.csv."),
      },
    );
    expect(texts(state, "enrich")).toContain("✓ CRM: 40 of 44 matched.");
    expect(texts(state, "share")).toContain("○ Seller lists: not made yet");
    expect(texts(state, "report")).toContain("✓ Opened 44 customers from a.csv.");
  });

  test("an opened report file is named in one short line: the status above the step holds the details", () => {
    const sheet = (fileName: string) => ({
      fileName,
      sheetName: "Agreement renewal 2026-11",
      customers: 118,
      idColumns: ["TPID"],
      encoding: "UTF-8" as const,
      delimiter: "," as const,
      notes: [],
    });
    const long =
      "Opened 118 customers from CloudAscent renewal.csv; 7 ID columns kept as text. Read as UTF-8.";
    const one = play(
      { type: "analyzed", outcome: done(sampleReport()) },
      {
        type: "actionFinished",
        actionId: "openReportFile",
        outcome: done({ sheets: [sheet("CloudAscent renewal.csv")] }, long),
      },
    );
    expect(texts(one, "report")).toEqual([
      "✓ AI Business Solutions (Microsoft 365): 488 customers",
      "✓ Opened CloudAscent renewal.csv",
    ]);
    const two = reducer(one, {
      type: "actionFinished",
      actionId: "openReportFile",
      outcome: done({ sheets: [sheet("a.csv"), sheet("b.csv")] }, long),
    });
    expect(texts(two, "report")).toContain("✓ Opened 2 files: a.csv, b.csv");
  });

  test("a read for another sheet, or a failed read, leaves the steps as they were", () => {
    const base = play({ type: "analyzed", outcome: done(sampleReport()) });
    const other = reducer(base, {
      type: "described",
      outcome: done(progress({ sheetName: "Other", sheets: { ...noSheets, about: ["About this report"] } })),
    });
    expect(other.workbook).toBeNull();
    const failed = reducer(base, { type: "described", outcome: { status: "failed", message: "Busy." } });
    expect(failed.workbook).toBeNull();
    expect(texts(failed, "share")).toContain("○ Prepared for sellers: not yet");
  });

  test("steps follow each other in order", () => {
    expect([stepAfter("report"), stepAfter("focus"), stepAfter("enrich"), stepAfter("share")]).toEqual([
      "focus",
      "enrich",
      "share",
      null,
    ]);
  });
});
