/**
 * Signs that a report was opened by double-clicking the CSV, so Excel converted it and damaged it:
 * postal codes that lost their leading zero, IDs shown in scientific notation or cut to 15
 * significant digits, DUNS numbers shorter than 9 digits, and the whole report in one column (a
 * semicolon locale). Pure; reads only the sample rows the analysis already has.
 */
import { HEADER_SEARCH_ROWS } from "./headers";
import { detectLayout } from "./layout";
import type { CellValue, ColumnRole, ReportLayout } from "./types";
import { cleanText } from "./values";

export const OPEN_REPORT_FILE_HINT =
  'Open the downloaded file again with "Open report file…" in this pane: it keeps IDs, leading zeros and dates exactly as in the file.';

const US_COUNTRIES = /^(united states( of america)?|usa?|u\.s\.a?\.?)$/i;
/** Text Excel shows for a number in scientific notation, e.g. "1.23457E+19". */
const SCIENTIFIC_TEXT = /^\d(?:\.\d+)?E\+\d+$/i;
/** Excel's General format shows whole numbers of 12 digits or more in scientific notation. */
const SCIENTIFIC_FROM = 1e11;
const ID_ROLES: readonly ColumnRole[] = [
  "customerId",
  "tpid",
  "tenantId",
  "duns",
  "partnerId",
  "agreementId",
];

function column(sample: readonly (readonly CellValue[])[], index: number): CellValue[] {
  return sample.map((row) => row[index] ?? "");
}

/** A whole number of more than 15 digits whose digits after the 15th are all zero: Excel cut it. */
export function isCutToFifteenDigits(v: CellValue): boolean {
  if (typeof v !== "number" || !Number.isInteger(v) || Math.abs(v) < 1e15) return false;
  // The shortest decimal form is what Excel shows and kept; "1.2345e+21" spelled out in digits.
  const text = String(Math.abs(v));
  const m = /^(\d)(?:\.(\d+))?e\+(\d+)$/.exec(text);
  const digits = m ? (m[1] + (m[2] ?? "")).padEnd(Number(m[3]) + 1, "0") : text;
  return digits.length > 15 && /^0+$/.test(digits.slice(15));
}

function roleHeader(layout: ReportLayout, role: ColumnRole): string | undefined {
  const c = layout.roles[role];
  return c === undefined ? undefined : layout.headers[c];
}

/**
 * Warnings for the damage a double-clicked CSV shows in the sample rows. Each one names the column
 * and points to Open report file…; an empty list when the sheet looks as the file was.
 */
export function detectCsvDamage(layout: ReportLayout, sample: readonly (readonly CellValue[])[]): string[] {
  const warnings: string[] = [];
  const postal = layout.roles.postalCode;
  if (postal !== undefined) {
    const country = layout.roles.country;
    const values = column(sample, postal);
    const countries = country === undefined ? [] : column(sample, country);
    let usRows = 0;
    let short = 0;
    values.forEach((v, i) => {
      const isUs = country === undefined || US_COUNTRIES.test(cleanText(countries[i]));
      if (!isUs || v === "" || v === null) return;
      usRows++;
      if (typeof v === "number" && Number.isInteger(v) && v > 0 && v < 10_000) short++;
    });
    // Without a country column, a mix of 4- and 5-digit numbers is the sign.
    if (short > 0 && (country !== undefined || short < usRows))
      warnings.push(
        `"${roleHeader(layout, "postalCode")}" holds ${short} US postal codes of 4 digits in the first rows: ` +
          `Excel dropped their leading zero (02134 became 2134). ${OPEN_REPORT_FILE_HINT}`,
      );
  }
  for (const role of ID_ROLES) {
    const index = layout.roles[role];
    if (index === undefined) continue;
    const values = column(sample, index);
    const header = layout.headers[index];
    const cut = values.filter(isCutToFifteenDigits).length;
    const scientific = values.filter(
      (v) =>
        (typeof v === "string" && SCIENTIFIC_TEXT.test(v.trim())) ||
        (typeof v === "number" && Number.isInteger(v) && Math.abs(v) >= SCIENTIFIC_FROM),
    ).length;
    if (cut > 0)
      warnings.push(
        `"${header}" holds ${cut} IDs of exactly 15 significant digits followed by zeros: Excel rounded ` +
          `longer IDs when it opened the CSV, and the lost digits cannot be recovered from the sheet. ${OPEN_REPORT_FILE_HINT}`,
      );
    else if (scientific > 0)
      warnings.push(
        `"${header}" shows ${scientific} IDs in scientific notation (such as 1.23457E+17): Excel turned ` +
          `them into numbers when it opened the CSV. ${OPEN_REPORT_FILE_HINT}`,
      );
  }
  const duns = layout.roles.duns;
  if (duns !== undefined) {
    const short = column(sample, duns).filter(
      (v) => typeof v === "number" && Number.isInteger(v) && v > 0 && v < 100_000_000,
    ).length;
    if (short > 0)
      warnings.push(
        `"${layout.headers[duns]}" holds ${short} DUNS numbers shorter than 9 digits: Excel dropped their ` +
          `leading zeros. ${OPEN_REPORT_FILE_HINT}`,
      );
  }
  return warnings;
}

export interface OneColumnReport {
  /** The separator the file used, which the sheet did not split on. */
  delimiter: "," | ";" | "\t";
}

/**
 * A report that landed in one column (a comma CSV opened in a semicolon locale, or the reverse):
 * some cell of the first rows, split on another separator, is a report header.
 */
export function detectOneColumnReport(block: readonly (readonly CellValue[])[]): OneColumnReport | null {
  for (const row of block.slice(0, HEADER_SEARCH_ROWS)) {
    for (const cell of row) {
      if (typeof cell !== "string") continue;
      for (const delimiter of [",", ";", "\t"] as const) {
        if (!cell.includes(delimiter)) continue;
        const parts = cell.split(delimiter).map((p) => p.replace(/^"|"$/g, ""));
        if (detectLayout([parts]).ok) return { delimiter };
      }
    }
  }
  return null;
}
