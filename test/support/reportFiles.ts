/**
 * Report files as Partner Center writes them, built from generated reports: the generator models the
 * sheet after Excel opened the CSV (numbers everywhere), so this puts back what the file held before
 * Excel touched it: DUNS and postal codes with their leading zeros, 16-20 digit TPIDs, 18-digit
 * agreement ids, dates as text, and a few values with quotes, delimiters, line breaks and accents.
 */
import type { CellValue } from "../../src/domain/types";
import { reportToCsv, type SampleReport } from "../../src/preview/sample-report";

export type FileEncoding = "UTF-8" | "UTF-8 BOM" | "UTF-16 LE" | "UTF-16 BE" | "Windows-1252";

export interface ReportFile {
  /** Every row of the file as text, title rows and header included. */
  rows: string[][];
  headerRow: number;
  /** Column indexes of identity and code columns (their cells must arrive exactly as written). */
  idColumns: number[];
  bytes: Uint8Array;
  text: string;
}

const POSTAL_DIGITS: Record<string, number> = {
  "United States": 5,
  Germany: 5,
  France: 5,
  Australia: 4,
};

const ID_ROLES = ["partnerId", "customerId", "tpid", "tenantId", "duns", "agreementId", "postalCode"];

function isoDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

function usDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
}

function text(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** The file's rows for a generated report. */
export function fileRows(
  report: SampleReport,
  options: { dateStyle?: "iso" | "us" } = {},
): { rows: string[][]; idColumns: number[] } {
  const { truth } = report;
  const headerRow = truth.headerRow;
  const headers = report.rows[headerRow].map(text);
  const index = (role: string) => (truth.roles[role] === undefined ? -1 : headers.indexOf(truth.roles[role]));
  const idColumns = ID_ROLES.map(index).filter((i) => i >= 0);
  const [duns, postal, country, tpid, agreementId, endDate, account] = [
    "duns",
    "postalCode",
    "country",
    "tpid",
    "agreementId",
    "agreementEndDate",
    "accountName",
  ].map(index);
  const rows = report.rows.map((row, r) => {
    const out = row.map(text);
    const dataRow = r - headerRow - 1;
    if (dataRow < 0) return out;
    if (row.every((v) => v === "" || v === null)) return out;
    if (duns >= 0 && typeof row[duns] === "number") out[duns] = text(row[duns]).padStart(9, "0");
    if (postal >= 0 && typeof row[postal] === "number")
      out[postal] = text(row[postal]).padStart(POSTAL_DIGITS[text(row[country])] ?? 0, "0");
    if (tpid >= 0 && typeof row[tpid] === "number") {
      // 16-20 digits, some with a leading zero: what Excel would round and show as 1.23457E+19.
      const long = `${row[tpid]}${String((dataRow * 7919) % 1e12).padStart(12, "0")}`.slice(
        0,
        16 + (dataRow % 5),
      );
      out[tpid] = dataRow % 7 === 0 ? `0${long.slice(1)}` : long;
    }
    if (agreementId >= 0 && typeof row[agreementId] === "number" && row[agreementId] >= 1e15)
      out[agreementId] = text(row[agreementId]).slice(0, 15) + String(dataRow % 1000).padStart(3, "0");
    if (endDate >= 0 && typeof row[endDate] === "number")
      out[endDate] = options.dateStyle === "us" ? usDate(row[endDate]) : isoDate(row[endDate]);
    if (account >= 0 && dataRow === 1) out[account] = 'Café "Müller", Zürich\nEast Campus €';
    return out;
  });
  return { rows, idColumns };
}

const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export function encodeText(value: string, encoding: FileEncoding): Uint8Array {
  if (encoding === "UTF-8" || encoding === "UTF-8 BOM") {
    const body = new TextEncoder().encode(value);
    if (encoding === "UTF-8") return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  if (encoding === "Windows-1252") {
    const out = new Uint8Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      const high = CP1252_HIGH.indexOf(value[i]);
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[i] = code;
      else if (high >= 0) out[i] = 0x80 + high;
      else throw new Error(`Not in Windows-1252: U+${code.toString(16)}`);
    }
    return out;
  }
  const bigEndian = encoding === "UTF-16 BE";
  const out = new Uint8Array(2 + value.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    out[2 + i * 2 + (bigEndian ? 0 : 1)] = code >> 8;
    out[2 + i * 2 + (bigEndian ? 1 : 0)] = code & 0xff;
  }
  return out;
}

/** A generated report as a file's bytes, in a delimiter and an encoding. */
export function reportFile(
  report: SampleReport,
  options: { delimiter?: "," | ";" | "\t"; encoding?: FileEncoding; dateStyle?: "iso" | "us" } = {},
): ReportFile {
  const encoding = options.encoding ?? "UTF-8";
  const { rows, idColumns } = fileRows(report, options);
  // Windows-1252 has no byte order mark: the BOM glued to a messy header cannot be written.
  const written =
    encoding === "Windows-1252" ? rows.map((row) => row.map((c) => c.replace(/\uFEFF/g, ""))) : rows;
  const csv = reportToCsv(written, { delimiter: options.delimiter ?? "," });
  return {
    rows: written,
    headerRow: report.truth.headerRow,
    idColumns,
    text: csv,
    bytes: encodeText(csv, encoding),
  };
}
