/**
 * The pane's four steps (Report, Focus, Enrich, Share): what each has done, with a count, and what the
 * next useful action is. Pure: built from the pane's state (the last analysis, what the workbook holds
 * and the last outcome of each action), so it is rebuilt from the workbook when the pane reopens.
 */
import type { OpenReportFileResult } from "../actions/openReportFile";
import { count, plural } from "./format";
import type { PaneState } from "./state";

export type StepId = "report" | "focus" | "enrich" | "share";

export const STEPS: readonly { id: StepId; title: string }[] = [
  { id: "report", title: "Report" },
  { id: "focus", title: "Focus" },
  { id: "enrich", title: "Enrich" },
  { id: "share", title: "Share" },
];

export interface StepItem {
  key: string;
  /** "Helper columns: 12,345 rows, scored" or "Helper columns: not added yet". */
  text: string;
  done: boolean;
  /** Useful, not needed for the step to count as done. */
  optional: boolean;
}

export interface StepView {
  id: StepId;
  title: string;
  done: boolean;
  items: StepItem[];
  /** The next useful action, in one sentence. */
  next: string;
}

/** Action ids of the feature cards; their last outcome is read generically (status and message). */
const FEATURE_ACTIONS = {
  openReport: "openReportFile",
  compare: "compareLastMonth",
  crm: "matchCrm",
  sellerLists: "buildSellerLists",
} as const;

function doneMessage(state: PaneState, actionId: string): string | null {
  const outcome = state.results[actionId];
  return outcome?.status === "done" ? outcome.message : null;
}

/** "Opened CloudAscent renewal.csv": short, as the status above the step says the rest. */
function openedText(state: PaneState): string | null {
  const outcome = state.results[FEATURE_ACTIONS.openReport];
  if (outcome?.status !== "done") return null;
  const sheets = (outcome.data as Partial<OpenReportFileResult> | undefined)?.sheets;
  if (!sheets?.length) return outcome.message;
  return sheets.length === 1
    ? `Opened ${sheets[0].fileName}`
    : `Opened ${count(sheets.length)} files: ${sheets.map((s) => s.fileName).join(", ")}`;
}

const item = (key: string, text: string, done: boolean, optional = false): StepItem => ({
  key,
  text,
  done,
  optional,
});

/** "120 new, 340 up, 20 down, 11,000 same": the Change column's values, in that order. */
function changeSummary(byChange: Record<string, number>): string {
  const order = ["New", "Up", "Down", "Same"];
  const keys = [
    ...order.filter((k) => byChange[k]),
    ...Object.keys(byChange).filter((k) => !order.includes(k)),
  ];
  return keys.map((k) => `${count(byChange[k])} ${k.toLowerCase()}`).join(", ");
}

function reportStep(state: PaneState): StepView {
  const { report } = state;
  const items: StepItem[] = [];
  if (report) {
    const customers = report.analysis.dataRowCount - report.analysis.blankRowCount;
    items.push(
      item(
        "report",
        `${report.analysis.reportTypeLabel}: ${count(customers)} ${plural(customers, "customer")}`,
        true,
      ),
    );
  } else {
    items.push(item("report", state.refusal ? "This sheet is not a report" : "No report read yet", false));
  }
  const opened = openedText(state);
  if (opened) items.push(item("opened", opened, true));
  return {
    id: "report",
    title: "Report",
    done: report !== null,
    items,
    next: report
      ? "Next: Focus, to show the customers to call first."
      : "Next: pick the report file you downloaded from Partner Center, or go to the report's sheet and choose Analyze sheet.",
  };
}

function focusStep(state: PaneState): StepView {
  const { report, filter } = state;
  let filtered: StepItem;
  if (filter) {
    filtered = item(
      "filter",
      `Filter: showing ${count(filter.result.visible)} of ${count(filter.result.total)} customers`,
      true,
    );
  } else if (report?.isFiltered) {
    filtered = item("filter", "Filter: some rows of the sheet are hidden by a filter", true);
  } else {
    filtered = item("filter", "Filter: none yet", false);
  }
  return {
    id: "focus",
    title: "Focus",
    done: filtered.done,
    items: [filtered],
    next: filtered.done
      ? "Next: Enrich, to score every customer and match them to the CRM."
      : "Next: Show Act now + Evaluate, or filter on a cohort or a quick filter.",
  };
}

function enrichStep(state: PaneState): StepView {
  const { report, workbook } = state;
  const customers = report ? report.analysis.dataRowCount - report.analysis.blankRowCount : 0;
  const hasHelpers = report?.hasHelperColumns === true;
  const helpers = item(
    "helpers",
    hasHelpers
      ? `Helper columns: ${count(customers)} ${plural(customers, "row")}, scored`
      : "Helper columns: not added yet",
    hasHelpers,
  );

  const compared = doneMessage(state, FEATURE_ACTIONS.compare);
  const compare = workbook?.lastMonth
    ? item("compare", `Last month: ${changeSummary(workbook.lastMonth.byChange) || "no changes"}`, true, true)
    : compared
      ? item("compare", compared, true, true)
      : item("compare", "Last month: not compared yet", false, true);

  const matched = doneMessage(state, FEATURE_ACTIONS.crm);
  const crm = workbook?.crm
    ? item("crm", `CRM: ${count(workbook.crm.matched)} of ${count(workbook.crm.total)} matched`, true, true)
    : matched
      ? item("crm", matched, true, true)
      : item("crm", "CRM: not matched yet", false, true);

  const next = !helpers.done
    ? "Next: Add helper columns, to give every customer a Best Cluster and a Priority Score."
    : !compare.done
      ? "Next: Compare with last month, to see who is new and who moved up."
      : !crm.done
        ? "Next: Match to CRM, to give every customer an owner."
        : "Next: Share, to prepare the workbook and the sellers' lists.";
  return { id: "enrich", title: "Enrich", done: helpers.done, items: [helpers, compare, crm], next };
}

function shareStep(state: PaneState): StepView {
  const sheets = state.workbook?.sheets;
  const summarySheet = state.summaries?.sheetName ?? sheets?.summary[0];
  const summaries = summarySheet
    ? item("summaries", `Summaries: sheet ${summarySheet}`, true, true)
    : item("summaries", "Summaries: not built yet", false, true);

  const listed = doneMessage(state, FEATURE_ACTIONS.sellerLists);
  const sellerSheets = sheets?.sellerList.length ?? 0;
  const sellerLists = sellerSheets
    ? item("sellers", `Seller lists: ${count(sellerSheets)} ${plural(sellerSheets, "seller")}`, true, true)
    : listed
      ? item("sellers", listed, true, true)
      : item("sellers", "Seller lists: not made yet", false, true);

  const aboutSheet = state.prepared?.aboutSheet ?? sheets?.about[0];
  const prepared = aboutSheet
    ? item("prepared", `Prepared for sellers: sheet ${aboutSheet}`, true)
    : item("prepared", "Prepared for sellers: not yet", false);

  const done = prepared.done || sellerLists.done;
  return {
    id: "share",
    title: "Share",
    done,
    items: [summaries, sellerLists, prepared],
    next: !prepared.done
      ? "Next: Prepare for sellers, then send the workbook or each seller's list."
      : !sellerLists.done
        ? "Next: Seller lists, one sheet per seller with their customers, best first."
        : "Done for this month. Reset sheet takes out everything the add-in added.",
  };
}

export function stepViews(state: PaneState): StepView[] {
  return [reportStep(state), focusStep(state), enrichStep(state), shareStep(state)];
}

/**
 * Where the pane opens: Report when the sheet is not a report (the file picker first), else the first
 * step not done yet (Share when all are).
 */
export function startingStep(views: readonly StepView[]): StepId {
  const report = views.find((v) => v.id === "report");
  if (!report?.done) return "report";
  return views.find((v) => !v.done)?.id ?? "share";
}

/** The step after this one, or null after Share. */
export function stepAfter(id: StepId): StepId | null {
  const index = STEPS.findIndex((s) => s.id === id);
  return STEPS[index + 1]?.id ?? null;
}
