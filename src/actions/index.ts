/**
 * The add-in's operations, as the task pane and the ribbon see them. Each action is one file;
 * a session binds them to a host and detects its requirement sets once.
 */
import type { ExcelHost } from "../excel/host";
import { detectCapabilities, type Capabilities } from "../excel/requirements";
import { addHelperColumns } from "./addHelperColumns";
import { analyzeSheet } from "./analyzeSheet";
import { applyValueFilter } from "./applyValueFilter";
import { clearFilters } from "./clearFilters";
import { describeWorkbook } from "./describeWorkbook";
import { availabilityOf, dispatch } from "./dispatch";
import { showActNowEvaluate } from "./showActNowEvaluate";
import { buildSummaries } from "./buildSummaries";
import { prepareForSellers } from "./prepareForSellers";
import { resetSheet } from "./resetSheet";
import { sortByPriority } from "./sortByPriority";
import { compareLastMonth, listLastMonthSheets, showNewActNowEvaluate } from "./compareLastMonth";
import { openReportFile } from "./openReportFile";
import { splitIntoColumns } from "./splitIntoColumns";
import { buildSellerLists } from "./buildSellerLists";
import { openSellerWorkbook } from "./openSellerWorkbook";
import { matchCrm } from "./matchCrm";
import { countColumnValues } from "./countColumnValues";
import type { ActionDefinition, ActionOutcome, Availability, Progress, SheetState } from "./types";

export * from "./types";
export type { SheetReport, QuickFilter, QuickFilterRole } from "./analyzeSheet";
export type { FilterResult } from "./filtering";
export type { ShowActNowEvaluateInput } from "./showActNowEvaluate";
export type { ValueFilterInput } from "./applyValueFilter";
export type { ClearFiltersInput } from "./clearFilters";
export type { HelperColumnsInput } from "./addHelperColumns";
export type { ScoreSettings, ScoreSignal } from "../domain/score";
export type { ClearFiltersResult } from "./clearFilters";
export type { HelperColumnsResult } from "./addHelperColumns";
export type { SortResult } from "./sortByPriority";
export type { SummariesResult } from "./buildSummaries";
export type { PrepareResult } from "./prepareForSellers";
export type { ResetInput, ResetResult } from "./resetSheet";
export type { CompareInput, CompareResult, LastMonthSheets, LastMonthSource } from "./compareLastMonth";
export { progressAfterCompare } from "./compareLastMonth";
export type { SellerListsInput, SellerListsResult, SellerSheetSummary } from "./buildSellerLists";
export type { OpenSellerWorkbookInput, OpenSellerWorkbookResult } from "./openSellerWorkbook";
export type { MatchCrmInput, MatchCrmResult, CrmSourceInfo } from "./matchCrm";
export type { WorkbookProgress } from "./describeWorkbook";
export type { ColumnValuesInput, ColumnValues } from "./countColumnValues";
export { connectToExcel } from "../excel/officeHost";
export { reportAfterReset } from "./resetSheet";

export const actions = {
  analyzeSheet,
  countColumnValues,
  showActNowEvaluate,
  applyValueFilter,
  clearFilters,
  addHelperColumns,
  sortByPriority,
  buildSummaries,
  prepareForSellers,
  resetSheet,
  compareLastMonth,
  listLastMonthSheets,
  showNewActNowEvaluate,
  openReportFile,
  splitIntoColumns,
  buildSellerLists,
  openSellerWorkbook,
  matchCrm,
  describeWorkbook,
} as const;

export type ActionId = keyof typeof actions;

export interface RunOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export interface Session {
  readonly capabilities: Capabilities;
  readonly theme: "light" | "dark";
  run<I, O>(action: ActionDefinition<I, O>, input: I, options?: RunOptions): Promise<ActionOutcome<O>>;
  availability<I, O>(action: ActionDefinition<I, O>, state: SheetState): Availability;
}

export function createSession(host: ExcelHost, now?: () => Date): Session {
  const capabilities = detectCapabilities(host);
  return {
    capabilities,
    theme: host.theme?.() ?? "light",
    run: (action, input, options = {}) => dispatch(action, { host, capabilities, now, ...options }, input),
    availability: (action, state) => availabilityOf(action, { capabilities }, state),
  };
}
