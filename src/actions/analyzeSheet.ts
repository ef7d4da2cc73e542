import {
  analysisColumnsNeeded,
  analyzeReport,
  customersText,
  identityColumn,
  type CountedCells,
} from "../domain/analysis";
import { analysisCountQueries, countsFromQueries } from "../domain/clusterCounts";
import { parseCluster, isBlank, cleanText } from "../domain/values";
import { formatColumnsNeeded } from "../domain/columnFormats";
import { locateCrmOwnerColumn } from "../domain/crmColumns";
import { detectCsvDamage } from "../domain/csvDamage";
import { distinctValueCounts } from "../domain/filters";
import type { CellValue, ColumnRole, ReportAnalysis, ValueCount } from "../domain/types";
import { countInReport, openReport, readReportColumns } from "../excel/report";
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
  /** Not read by Analyze: the pane counts the values when the list opens (countColumnValues). */
  valuesPending?: true;
}

/** Approximates the displayed text of a value for quick-filter lists; filters re-read the exact text before use. */
export function cellText(value: unknown): string {
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
    // Excel counts customers and clusters itself (COUNTIFS) where that is proven exact; cohort and
    // quick-filter values are counted when their list opens; formats are judged on the sample rows.
    const counted = await countWithExcel(env, report);
    const identity = identityColumn(report.layout);
    const columns = counted
      ? [
          ...new Set(
            report.layout.products
              .filter((p) => !counted.products.has(p.cluster))
              .flatMap((p) => (identity === undefined ? [p.cluster] : [p.cluster, identity])),
          ),
        ]
      : [
          ...new Set([
            ...analysisColumnsNeeded(report.layout),
            ...quickColumns.map((q) => q.column),
            // Date and money columns, to show how they are read (day-first, decimal comma).
            ...formatColumnsNeeded(report.layout),
          ]),
        ];
    const data =
      columns.length > 0
        ? await readReportColumns(env.host, report, columns, {
            onProgress: env.onProgress,
            signal: env.signal,
          })
        : new Map<number, CellValue[]>();
    if (counted) {
      // Formats from the sample rows: the helper columns judge the whole column again when they read it.
      for (const column of formatColumnsNeeded(report.layout))
        if (!data.has(column))
          data.set(
            column,
            report.sample.map((row) => row[column] ?? ""),
          );
    }
    const analysis = analyzeReport(report.layout, data, report.dataRowCount, {
      documentUrl: env.host.documentUrl(),
      ...(counted ? { counted } : {}),
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
          ...(data.has(column)
            ? { values: distinctValueCounts(data.get(column)!.map(cellText)) }
            : { values: [], valuesPending: true as const }),
        })),
      },
    };
  },
};

/**
 * Customers and cluster counts from Excel's COUNTIFS, where proven equal to reading the cells
 * (clusterCounts.ts); null when the host has no worksheet functions or the identity column can't be
 * proven (Analyze then reads the columns, as before).
 */
async function countWithExcel(
  env: Parameters<typeof analyzeSheet.perform>[0],
  report: Awaited<ReturnType<typeof openReport>>,
): Promise<CountedCells | null> {
  const queries = analysisCountQueries(report.layout);
  if (!queries) return null;
  const results = await countInReport(env.host, env.capabilities, report, queries);
  if (!results) return null;
  const proven = countsFromQueries(report.layout, results);
  if (proven.customers === null) return null;
  // Texts that are not clusters, as the sample rows show them (the warning quotes a few).
  const identity = identityColumn(report.layout)!;
  const unknownSamples = new Map<number, string[]>();
  for (const product of report.layout.products) {
    const seen = new Set<string>();
    for (const row of report.sample) {
      if (isBlank(row[identity])) continue;
      const v = row[product.cluster];
      if (parseCluster(v) === undefined) seen.add(cleanText(v) || `(${typeof v})`);
    }
    unknownSamples.set(product.cluster, [...seen]);
  }
  return { customers: proven.customers, products: proven.products, unknownSamples };
}
