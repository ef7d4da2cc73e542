/**
 * The "What Changed" sheet as cells: title block, counts, one from-to table of clusters per product,
 * and the list of customers no longer in the report. Pure; the Excel layer writes it as plain values.
 */
import { reportSheetLine, SHEET_TITLES } from "./addinArtifacts";
import { FROM_LABELS, matchSummary, percent, TO_LABELS, type Comparison } from "./compare";
import type { CellValue } from "./types";

/** Number format of a cell: "@" (text) or "0" (a count). */
export type CellFormatCode = "@" | "0";

export interface SheetCells {
  values: CellValue[][];
  formats: CellFormatCode[][];
}

export interface WhatChangedSheet {
  /** Title block, counts and transition tables: small, written in one go. */
  top: SheetCells;
  /** Heading and header row of the list of gone customers, then one row per customer. */
  goneHeader: string[];
  gone: string[][];
  /** 0-based sheet row where goneHeader goes. */
  goneHeaderRow: number;
  /** Widest row of the sheet, in columns. */
  width: number;
}

export interface ReportDescription {
  /** Sheet name or file name. */
  name: string;
  /** "sheet" or "file". */
  kind: "sheet" | "file";
  family: string;
  month: string | null;
}

export const NEW_CUSTOMERS_LABEL = "New customers";
export const GONE_CUSTOMERS_LABEL = "Customers no longer in the report";

function describe(role: string, report: ReportDescription): string {
  const where = report.kind === "sheet" ? `sheet "${report.name}"` : `file "${report.name}"`;
  return `${role}: ${where}, ${report.family}, ${report.month ?? "month not stated"}`;
}

export function whatChangedSheet(
  reportSheetName: string,
  thisMonth: ReportDescription,
  lastMonth: ReportDescription,
  comparison: Comparison,
): WhatChangedSheet {
  const values: CellValue[][] = [];
  const formats: CellFormatCode[][] = [];
  const text = (...cells: string[]) => {
    values.push(cells);
    formats.push(cells.map(() => "@"));
  };
  const labelled = (label: string, n: number) => {
    values.push([label, n]);
    formats.push(["@", "0"]);
  };
  text(SHEET_TITLES.whatChanged);
  text(reportSheetLine(reportSheetName));
  text(describe("This month", thisMonth));
  text(describe("Last month", lastMonth));
  text(
    `${matchSummary(comparison)} (${percent(comparison.matchRate)}); compared: ` +
      comparison.products.map((p) => p.label).join(", ") +
      ".",
  );
  text("");
  labelled(NEW_CUSTOMERS_LABEL, comparison.newCustomers);
  labelled(GONE_CUSTOMERS_LABEL, comparison.gone.length);
  labelled("Moved up", comparison.changes.Up);
  labelled("Moved down", comparison.changes.Down);
  labelled("Same best cluster", comparison.changes.Same);
  if (comparison.duplicatesThisMonth.rows || comparison.duplicatesLastMonth.rows) {
    labelled("Rows left unmatched: key on several rows this month", comparison.duplicatesThisMonth.rows);
    labelled("Rows left unmatched: key on several rows last month", comparison.duplicatesLastMonth.rows);
  }
  for (const product of comparison.transitions) {
    text("");
    text(`${product.label}: customers by cluster, last month (rows) to this month (columns)`);
    text("Last month \\ This month", ...TO_LABELS, "Total");
    FROM_LABELS.forEach((from, i) => {
      const row = product.counts[i];
      const total = row.reduce((sum, n) => sum + n, 0);
      values.push([from, ...row, total]);
      formats.push(["@", ...row.map((): CellFormatCode => "0"), "0"]);
    });
  }
  text("");
  text(`${GONE_CUSTOMERS_LABEL} (${comparison.gone.length.toLocaleString("en-US")})`);
  const goneHeaderRow = values.length;
  const goneHeader = ["Account name", comparison.keyLabel, "Last cluster", "Last month by product"];
  const gone = comparison.gone.map((g) => [g.name, g.key, g.lastCluster || "none", g.byProduct]);
  const width = Math.max(goneHeader.length, ...values.map((row) => row.length));
  return { top: { values, formats }, goneHeader, gone, goneHeaderRow, width };
}
