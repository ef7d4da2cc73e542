/**
 * Summary tables by industry and sub segment (issue 5): the numbers the PivotTables show, computed
 * here so they can be written as static tables below ExcelApi 1.8 and checked in tests.
 */
import { CLUSTERS } from "./types";
import type { Cluster, ColumnValues, ReportLayout } from "./types";
import { inferDecimalMark } from "./columnFormats";
import { cleanText, isBlank, parseMoney, type DecimalMark } from "./values";

export interface SummaryRow {
  key: string;
  counts: Record<Cluster | "Blank", number>;
  total: number;
  revenue: number | null;
}

export interface SummaryTable {
  /** e.g. "Industry" */
  dimension: string;
  /** Sorted by total (descending), then key; a blank key is shown as "(blank)". */
  rows: SummaryRow[];
  totals: SummaryRow;
  /** "Potential revenue" or "Expiring revenue"; null when the report has no revenue column. */
  revenueLabel: string | null;
}

export const BLANK_KEY = "(blank)";
export const TOTAL_KEY = "Total";

function revenueColumns(layout: ReportLayout): { columns: number[]; label: string | null } {
  if (layout.roles.expiringRevenue !== undefined) {
    return { columns: [layout.roles.expiringRevenue], label: "Expiring revenue" };
  }
  const columns = layout.products.flatMap((p) =>
    p.potentialRevenue === undefined ? [] : [p.potentialRevenue],
  );
  return { columns, label: columns.length > 0 ? "Potential revenue" : null };
}

/** revenue: false leaves the revenue columns out (counts only; the tables carry no revenue). */
export interface SummaryOptions {
  revenue: boolean;
}

/**
 * Columns summarize reads: industry, sub segment, revenue (every product's potential revenue, or
 * expiring revenue in a renewal report) and one identity column to tell blank rows.
 */
export function summaryColumnsNeeded(
  layout: ReportLayout,
  options: SummaryOptions = { revenue: true },
): number[] {
  const { roles } = layout;
  const columns = [
    roles.industry,
    roles.subSegment,
    ...(options.revenue ? revenueColumns(layout).columns : []),
    roles.accountName ?? roles.customerId ?? roles.tpid,
  ];
  return [...new Set(columns.filter((c): c is number => c !== undefined))].sort((a, b) => a - b);
}

function emptyRow(key: string, withRevenue: boolean): SummaryRow {
  return {
    key,
    counts: { "Act Now": 0, Evaluate: 0, Nurture: 0, Educate: 0, Blank: 0 },
    total: 0,
    revenue: withRevenue ? 0 : null,
  };
}

/** Sums of money parsed from text carry float noise (0.1 + 0.2); cents are enough. */
const toCents = (n: number) => Math.round(n * 100) / 100;

/**
 * Tables by industry and sub segment; by CRM owner too when `crmOwnerColumn` is given (the CRM Owner
 * column Match to CRM wrote; `data` must hold it).
 */
export function summarize(
  layout: ReportLayout,
  data: ColumnValues,
  bestClusters: readonly (Cluster | "")[],
  rowCount: number,
  crmOwnerColumn?: number,
  options: SummaryOptions = { revenue: true },
): { byIndustry: SummaryTable | null; bySubSegment: SummaryTable | null; byCrmOwner: SummaryTable | null } {
  const rows = Math.max(0, Math.floor(Number.isFinite(rowCount) ? rowCount : 0));
  const revenue = options.revenue ? revenueColumns(layout) : { columns: [], label: null };
  const { columns: revenueCols, label: revenueLabel } = revenue;
  const revenueData = revenueCols.map((c) => data.get(c));
  const readColumns = summaryColumnsNeeded(layout, options).map((c) => data.get(c));
  const knownCluster = new Set<string>(CLUSTERS);

  const rowRevenue = new Float64Array(rows);
  const skip = new Uint8Array(rows);
  // Reports repeat a few revenue texts ("$1K - $5K") thousands of times: parse each distinct one once,
  // with the decimal mark its column writes ("1.234" is 1234 in a column that writes "1.234.567").
  const moneyReader = (decimalMark: DecimalMark | undefined) => {
    const parsedMoney = new Map<unknown, number>();
    return (value: unknown): number => {
      if (typeof value === "number") return Number.isFinite(value) ? value : 0;
      let amount = parsedMoney.get(value);
      if (amount === undefined) {
        amount = parseMoney(value, decimalMark)?.value || 0;
        if (parsedMoney.size < 100_000) parsedMoney.set(value, amount);
      }
      return amount;
    };
  };
  const revenueReaders = revenueData.map((values) => moneyReader(inferDecimalMark(values).decimalMark));
  for (let r = 0; r < rows; r++) {
    const cluster = bestClusters[r] ?? "";
    // A spacer row: no cluster and nothing in any column read.
    if (cluster === "" && readColumns.every((values) => values === undefined || isBlank(values[r]))) {
      skip[r] = 1;
      continue;
    }
    let sum = 0;
    for (let i = 0; i < revenueData.length; i++) {
      const values = revenueData[i];
      if (values) sum += revenueReaders[i](values[r]);
    }
    rowRevenue[r] = sum;
  }

  const table = (dimension: string, column: number | undefined): SummaryTable | null => {
    if (column === undefined) return null;
    const values = data.get(column);
    const withRevenue = revenueLabel !== null;
    // PivotTables group items regardless of case; the first spelling seen names the group.
    const groups = new Map<string, SummaryRow>();
    const cleaned = new Map<unknown, string>();
    const textOf = (value: unknown): string => {
      let text = cleaned.get(value);
      if (text === undefined) {
        text = cleanText(value);
        if (cleaned.size < 100_000) cleaned.set(value, text);
      }
      return text;
    };
    const totals = emptyRow(TOTAL_KEY, withRevenue);
    for (let r = 0; r < rows; r++) {
      if (skip[r]) continue;
      const text = textOf(values?.[r]);
      const key = text === "" ? BLANK_KEY : text;
      const groupKey = text === "" ? "" : text.toLowerCase();
      let group = groups.get(groupKey);
      if (!group) {
        group = emptyRow(key, withRevenue);
        groups.set(groupKey, group);
      }
      const cluster = bestClusters[r];
      const bucket = cluster && knownCluster.has(cluster) ? cluster : "Blank";
      for (const target of [group, totals]) {
        target.counts[bucket]++;
        target.total++;
        if (target.revenue !== null) target.revenue += rowRevenue[r];
      }
    }
    const sorted = [...groups.values()].sort(
      (a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    for (const row of [...sorted, totals]) if (row.revenue !== null) row.revenue = toCents(row.revenue);
    return { dimension, rows: sorted, totals, revenueLabel };
  };

  return {
    byIndustry: table("Industry", layout.roles.industry),
    bySubSegment: table("Sub Segment", layout.roles.subSegment),
    byCrmOwner: table("CRM Owner", crmOwnerColumn),
  };
}

/**
 * The field names Excel gives a PivotTable's source columns: each header cell's text exactly as it
 * is ("Industry " keeps its space), a repeated name numbered ("Industry2", case ignored). A blank
 * header gives "" (Excel refuses such a source).
 */
export function pivotFieldNames(headerCells: readonly unknown[]): string[] {
  const taken = new Set<string>();
  return headerCells.map((cell) => {
    const header = cell === null || cell === undefined ? "" : String(cell);
    if (header.trim() === "") return "";
    let name = header;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${header}${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
