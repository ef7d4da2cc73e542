/**
 * Analyze sheet: cluster counts per product, cohort value counts, blank rows and plain warnings,
 * from the columns the Excel layer read (see analysisColumnsNeeded). Never throws.
 */
import { formatWarnings, inferColumnFormats } from "./columnFormats";
import { REPORT_TYPE_LABELS } from "./reportType";
import {
  CLUSTERS,
  type CellValue,
  type ClusterCounts,
  type CohortAnalysis,
  type ColumnValues,
  type ProductAnalysis,
  type ReportAnalysis,
  type ReportLayout,
  type ValueCount,
} from "./types";
import { cleanText, isBlank, parseCluster } from "./values";

export const CSV_WARNING =
  "This file is a CSV: filters, helper columns, summaries and settings are lost when it is saved as CSV. " +
  "Use File > Save As > Excel Workbook (.xlsx) before you start.";

/** The column that tells a customer row from a blank one: account name, else customer id, TPID, tenant id. */
export function identityColumn(layout: ReportLayout): number | undefined {
  const roles = layout?.roles ?? {};
  return roles.accountName ?? roles.customerId ?? roles.tpid ?? roles.tenantId;
}

/**
 * Which data rows are customers, the one definition every action counts by: a row whose identity
 * cell (account name, customer id, TPID, tenant id) is not blank. Without an identity column among
 * `data`, a row with any non-blank cell in `data`. Blank rows are never customers.
 */
export function customerRows(layout: ReportLayout, data: ColumnValues, rowCount: number): boolean[] {
  const rows = Number.isFinite(rowCount) && rowCount > 0 ? Math.floor(rowCount) : 0;
  const identity = identityColumn(layout);
  const columns = identity !== undefined && data.has(identity) ? [data.get(identity)!] : [...data.values()];
  const flags = new Array<boolean>(rows).fill(false);
  for (const values of columns) {
    for (let r = 0; r < rows; r++) if (!flags[r] && !isBlank(values[r] ?? "")) flags[r] = true;
  }
  return flags;
}

/** "1 customer", "2,500 customers". */
export function customersText(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "customer" : "customers"}`;
}

/** A worksheet has at most 1,048,576 rows; a larger row count is a caller's mistake. */
const EXCEL_MAX_ROWS = 1_048_576;

function isColumnIndex(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0;
}

/** Sorted, unique: every product cluster column, every cohort column and one identity column. */
export function analysisColumnsNeeded(layout: ReportLayout): number[] {
  const products = Array.isArray(layout?.products) ? layout.products : [];
  const cohorts = Array.isArray(layout?.cohorts) ? layout.cohorts : [];
  const columns = [
    ...products.map((p) => p?.cluster),
    ...cohorts.map((c) => c?.column),
    identityColumn(layout),
  ];
  return [...new Set(columns.filter(isColumnIndex))].sort((a, b) => a - b);
}

/** True when the document URL names a .csv file (any case, query and fragment ignored). */
export function isCsvUrl(documentUrl: unknown): boolean {
  if (typeof documentUrl !== "string") return false;
  const path = documentUrl.split(/[?#]/)[0].trim();
  return /\.csv$/i.test(path);
}

function emptyCounts(): ClusterCounts {
  return { "Act Now": 0, Evaluate: 0, Nurture: 0, Educate: 0, Blank: 0, Unknown: 0 };
}

/** Exact text of a cohort value as the filter will need it. */
function exactText(v: CellValue): string {
  return typeof v === "string" ? v : cleanText(v);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function quoteList(values: readonly string[], max = 5): string {
  const shown = values.slice(0, max).map((v) => `"${v}"`);
  return values.length > max ? `${shown.join(", ")} and ${values.length - max} more` : shown.join(", ");
}

/** Caches a cell judgement per distinct value (bounded, so a column of unique ids can't grow it without end). */
function memoOf<T>(judge: (v: unknown) => T): (v: unknown) => T {
  const seen = new Map<unknown, T>();
  return (v) => {
    if (seen.has(v)) return seen.get(v) as T;
    const result = judge(v);
    if (seen.size < 10_000) seen.set(v, result);
    return result;
  };
}

/**
 * Counts Excel made (see clusterCounts.ts), proven equal to what the cells would give: customers, and
 * cluster counts of the products listed. `unknownSamples`: texts that are not clusters, seen in the
 * sample rows (the full list needs the column).
 */
export interface CountedCells {
  customers: number;
  products: ReadonlyMap<number, ClusterCounts>;
  unknownSamples?: ReadonlyMap<number, readonly string[]>;
}

export interface AnalyzeOptions {
  documentUrl?: string;
  counted?: CountedCells;
}

/** Distinct non-blank values (exact text) of the customer rows, most frequent first. */
function tallyValues(
  values: readonly CellValue[],
  blankRow: readonly boolean[],
  rows: number,
  isBlankCell: (v: unknown) => boolean,
): ValueCount[] {
  const tally = new Map<string, number>();
  for (let r = 0; r < rows; r++) {
    const v = values[r];
    if (blankRow[r] || isBlankCell(v)) continue;
    const text = exactText(v);
    tally.set(text, (tally.get(text) ?? 0) + 1);
  }
  return [...tally.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/**
 * A cohort's values as Analyze counts them, for a column Analyze left unread: `data` holds the column
 * and the identity column (customer rows only are counted).
 */
export function cohortValueCounts(
  layout: ReportLayout,
  data: ColumnValues,
  rowCount: number,
  column: number,
): ValueCount[] {
  const rows = Number.isFinite(rowCount) && rowCount > 0 ? Math.min(Math.floor(rowCount), EXCEL_MAX_ROWS) : 0;
  const identity = identityColumn(layout);
  const rowData = new Map(
    identity !== undefined && data.has(identity)
      ? [[identity, data.get(identity)!]]
      : [[column, data.get(column) ?? []]],
  );
  const blankRow = customerRows(layout, rowData, rows).map((customer) => !customer);
  return tallyValues(data.get(column) ?? [], blankRow, rows, memoOf(isBlank));
}

function analyze(
  layout: ReportLayout,
  data: ColumnValues,
  rowCount: number,
  options?: AnalyzeOptions,
): ReportAnalysis {
  const rows = Number.isFinite(rowCount) && rowCount > 0 ? Math.min(Math.floor(rowCount), EXCEL_MAX_ROWS) : 0;
  const columnsData: ColumnValues = data instanceof Map ? data : new Map();
  const column = (i: number): readonly CellValue[] => {
    const values = columnsData.get(i);
    return Array.isArray(values) ? values : [];
  };

  // Reports repeat a few texts ("Yes", "Act Now") across thousands of rows: judge each distinct one once.
  const isBlankCell = memoOf(isBlank);
  const clusterOf = memoOf(parseCluster);

  // Rows that are not customers (see customerRows) are counted nowhere else.
  const counted = options?.counted;
  const readColumns = analysisColumnsNeeded(layout).filter((i) => columnsData.has(i));
  const read = new Map(readColumns.map((i) => [i, column(i)] as const));
  const identity = identityColumn(layout);
  // With Excel's counts, rows can be told apart only when the identity column was read too.
  const rowsKnown = counted ? identity !== undefined && columnsData.has(identity) : readColumns.length > 0;
  const customers = rowsKnown ? customerRows(layout, read, rows) : new Array<boolean>(rows).fill(!!counted);
  const blankRow: boolean[] = customers.map((customer) => !customer);
  const blankRowCount = counted ? Math.max(0, rows - counted.customers) : blankRow.filter(Boolean).length;
  const customerCount = rows - blankRowCount;

  const headers = Array.isArray(layout?.headers) ? layout.headers : [];
  const headerOf = (i: number) => headers[i] ?? `Column ${i + 1}`;
  const warnings = Array.isArray(layout?.warnings) ? [...layout.warnings] : [];

  const products: ProductAnalysis[] = (Array.isArray(layout?.products) ? layout.products : [])
    .filter((p) => p && isColumnIndex(p.cluster))
    .map((p) => {
      const header = headerOf(p.cluster);
      const precounted = counted?.products.get(p.cluster);
      if (precounted) {
        const counts = { ...precounted };
        const unknownValues = [...(counted?.unknownSamples?.get(p.cluster) ?? [])];
        if (counts.Unknown > 0) {
          warnings.push(
            `${header} has ${plural(counts.Unknown, "value that is", "values that are")} not a cluster` +
              (unknownValues.length ? `, such as ${quoteList(unknownValues)}` : "") +
              `. Expected ${CLUSTERS.join(", ")} or blank.`,
          );
        }
        if (customerCount > 0 && counts.Blank === customerCount) {
          warnings.push(`${header} is blank in every row: this report has no ${p.label} clusters.`);
        }
        return { key: p.key, label: p.label, column: p.cluster, header, counts, unknownValues };
      }
      const counts = emptyCounts();
      const unknown = new Map<string, number>();
      const values = column(p.cluster);
      for (let r = 0; r < rows; r++) {
        if (blankRow[r]) continue;
        const v = values[r];
        const cluster = clusterOf(v);
        if (cluster === null) counts.Blank++;
        else if (cluster === undefined) {
          counts.Unknown++;
          const text = cleanText(v) || `(${typeof v})`;
          unknown.set(text, (unknown.get(text) ?? 0) + 1);
        } else counts[cluster]++;
      }
      const unknownValues = [...unknown.entries()].sort((a, b) => b[1] - a[1]).map(([text]) => text);
      if (counts.Unknown > 0) {
        warnings.push(
          `${header} has ${plural(counts.Unknown, "value that is", "values that are")} not a cluster: ` +
            `${quoteList(unknownValues)}. Expected ${CLUSTERS.join(", ")} or blank.`,
        );
      }
      if (customerCount > 0 && counts.Blank === customerCount) {
        warnings.push(`${header} is blank in every row: this report has no ${p.label} clusters.`);
      }
      return { key: p.key, label: p.label, column: p.cluster, header, counts, unknownValues };
    });

  const cohorts: CohortAnalysis[] = (Array.isArray(layout?.cohorts) ? layout.cohorts : [])
    .filter((c) => c && isColumnIndex(c.column))
    .map((c): CohortAnalysis => {
      // Not read: its values are counted when the user opens its list (countColumnValues).
      if (!columnsData.has(c.column))
        return { column: c.column, header: c.header, kind: c.kind, values: [], valuesPending: true };
      const values = tallyValues(column(c.column), blankRow, rows, isBlankCell);
      return { column: c.column, header: c.header, kind: c.kind, values };
    });

  // Only the format columns the caller read (formatColumnsNeeded) are judged.
  const columnFormats = inferColumnFormats(layout, columnsData);
  warnings.push(...formatWarnings(columnFormats));
  if (isCsvUrl(options?.documentUrl)) warnings.push(CSV_WARNING);

  const reportType = layout?.reportType ?? "unknown";
  return {
    reportType,
    reportTypeLabel: layout?.reportTypeLabel ?? REPORT_TYPE_LABELS[reportType] ?? REPORT_TYPE_LABELS.unknown,
    headerRow: isColumnIndex(layout?.headerRow) ? layout.headerRow : 0,
    dataRowCount: rows,
    blankRowCount,
    products,
    cohorts,
    warnings,
    columnFormats,
  };
}

/**
 * Counts per product (Act Now / Evaluate / Nurture / Educate / Blank / Unknown and the distinct
 * unknown texts), cohort values most frequent first, blank rows (every read cell blank; not counted
 * anywhere else) and warnings. `rowCount` = data rows below the header, blank rows included.
 */
export function analyzeReport(
  layout: ReportLayout,
  data: ColumnValues,
  rowCount: number,
  options?: AnalyzeOptions,
): ReportAnalysis {
  try {
    return analyze(layout, data, rowCount, options);
  } catch {
    const reportType = layout?.reportType ?? "unknown";
    return {
      reportType,
      reportTypeLabel: REPORT_TYPE_LABELS[reportType] ?? REPORT_TYPE_LABELS.unknown,
      headerRow: 0,
      dataRowCount: 0,
      blankRowCount: 0,
      products: [],
      cohorts: [],
      warnings: ["The report could not be analysed: some of its cells could not be read."],
    };
  }
}
