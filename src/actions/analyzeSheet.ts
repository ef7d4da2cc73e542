import { analysisColumnsNeeded, analyzeReport, customersText } from "../domain/analysis";
import { formatColumnsNeeded } from "../domain/columnFormats";
import { locateCrmOwnerColumn } from "../domain/crmColumns";
import { detectCsvDamage } from "../domain/csvDamage";
import { distinctValueCounts } from "../domain/filters";
import type { ColumnRole, ReportAnalysis, ValueCount } from "../domain/types";
import { openReport, readReportColumns } from "../excel/report";
import { loadState } from "../excel/state";
import { locateHelperColumns } from "../domain/helperColumns";
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from "../domain/score";
import type { ActionDefinition } from "./types";

export interface SheetReport {
  sheetName: string;
  /** 1-based sheet row of the header, as Excel numbers rows. */
  headerRowNumber: number;
  isProtected: boolean;
  /** The report is an Excel table. */
  isTable: boolean;
  /** Some rows are hidden by a filter the add-in did not set (or did). */
  isFiltered: boolean;
  analysis: ReportAnalysis;
  /** The Best Cluster ... Score Reasons columns are on the sheet. */
  hasHelperColumns: boolean;
  /** Products and weights for the Priority Score: the workbook's saved choice, or the default. */
  scoreSettings: ScoreSettings;
  /** Columns offered as quick filters, with their values (exact text) and counts. */
  quickFilters: QuickFilter[];
}

/** Report roles, and crmOwner: the CRM Owner column Match to CRM wrote (customers per owner). */
export type QuickFilterRole =
  Extract<ColumnRole, "transacted36" | "subSegment" | "industry" | "country"> | "crmOwner";
export const QUICK_FILTER_ROLES: readonly QuickFilterRole[] = [
  "transacted36",
  "subSegment",
  "industry",
  "country",
  "crmOwner",
];

export interface QuickFilter {
  role: QuickFilterRole;
  column: number;
  header: string;
  values: ValueCount[];
}

/** Approximates the displayed text of a value for quick-filter lists; filters re-read the exact text before use. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** Reads the active sheet and says what report it is; changes nothing. */
export const analyzeSheet: ActionDefinition<void, SheetReport> = {
  id: "analyzeSheet",
  label: "Analyze sheet",
  description:
    "Recognises the CloudAscent report on the active sheet and counts customers per cluster. Changes nothing.",
  requires: [],
  needs: [],
  async perform(env) {
    const report = await openReport(env.host, env.capabilities);
    const quickColumns = QUICK_FILTER_ROLES.flatMap((role) => {
      const column =
        role === "crmOwner"
          ? (locateCrmOwnerColumn(report.layout.rawHeaders) ?? undefined)
          : report.layout.roles[role];
      return column === undefined ? [] : [{ role, column }];
    });
    const columns = [
      ...new Set([
        ...analysisColumnsNeeded(report.layout),
        ...quickColumns.map((q) => q.column),
        // Date and money columns, to show how they are read (day-first, decimal comma).
        ...formatColumnsNeeded(report.layout),
      ]),
    ];
    const data = await readReportColumns(env.host, report, columns, {
      onProgress: env.onProgress,
      signal: env.signal,
    });
    const analysis = analyzeReport(report.layout, data, report.dataRowCount, {
      documentUrl: env.host.documentUrl(),
    });
    // Damage from double-clicking the CSV: the warning points to Open report file….
    analysis.warnings.push(...detectCsvDamage(report.layout, report.sample));
    const productCount = analysis.products.length;
    const state = await loadState(env.host, env.capabilities, report);
    return {
      message:
        `${analysis.reportTypeLabel}: ${customersText(analysis.dataRowCount - analysis.blankRowCount)}` +
        (productCount ? `, ${productCount} product${productCount === 1 ? "" : "s"} with clusters.` : "."),
      warnings: analysis.warnings,
      data: {
        sheetName: report.sheetName,
        headerRowNumber: report.headerSheetRow + 1,
        isProtected: report.isProtected,
        isTable: report.table !== null,
        isFiltered: report.autoFilter?.isDataFiltered ?? false,
        analysis,
        hasHelperColumns: locateHelperColumns(report.layout.rawHeaders) !== null,
        scoreSettings: state?.score ?? DEFAULT_SCORE_SETTINGS,
        quickFilters: quickColumns.map(({ role, column }) => ({
          role,
          column,
          header: report.layout.headers[column],
          values: distinctValueCounts((data.get(column) ?? []).map(cellText)),
        })),
      },
    };
  },
};
