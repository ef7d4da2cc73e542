/**
 * CSV writing (papaparse) and a model of what Excel shows after File > Open of a CSV.
 *
 * The model is deliberately small and documented rule by rule (US English Excel, list separator ","
 * unless told otherwise). It exists so tests and the browser preview can load a CSV the way a
 * partner's Excel would, including the ways Excel damages data:
 *
 * - Splitting uses the locale list separator. A comma CSV opened where the separator is ";" lands in
 *   ONE column: every line becomes a single cell (quotes at the start of a field are still removed,
 *   as Excel does).
 * - A UTF-8 BOM at the very start of the file is stripped (Excel reads it as the encoding mark).
 *   A BOM anywhere else (e.g. glued to a header below title rows) stays in the cell text.
 * - "" stays "" (an empty cell; `range.values` returns "").
 * - TRUE / FALSE in any case become booleans.
 * - Numeric text becomes a number: optional sign, optional "$", digits with correctly placed
 *   thousands separators ("1,234", "$25,000", "-$1,234.50"), decimals, exponent ("1.5E+10"), a
 *   trailing "%" (divided by 100), accounting negatives "(1,234)". Leading zeros are lost
 *   ("01234" -> 1234). Only exact matches convert: surrounding spaces keep the cell as text.
 *   In the ";" locale the marks swap: "." groups thousands and "," is the decimal mark.
 * - Excel keeps 15 significant digits: longer digit strings (IDs) lose the rest ("12345678901234567890"
 *   -> 12345678901234500000; it is displayed as 1.23457E+19).
 * - Dates: "M/D/YYYY" (US, "," locale) and "YYYY-MM-DD" become Excel serial numbers (1900 date
 *   system). Day-first text such as "31/03/2026" is not a valid US date and stays text.
 *   Not modelled: Excel also turns short text such as "3-4" or "Mar 5" into dates of the current year.
 * - Formula-like text ("=HYPERLINK(...)", "+Contoso", "-Fabrikam", "@Tailspin") would be evaluated by
 *   Excel as a formula; this model returns the text unchanged. The add-in treats such cells as text
 *   and never writes them back as formulas.
 * - Rows are padded with "" to the widest row (Excel's used range is a rectangle); a final line
 *   break does not add a row.
 */
import type { CellValue } from "../../domain/types";
import type { SampleReport } from "./generate";

export interface CsvWriteOptions {
  /** Field separator, "," by default. */
  delimiter?: string;
  /** Prepend a UTF-8 BOM (what "CSV UTF-8" exports write). Default false. */
  bom?: boolean;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const BOM = 0xfeff;

/** One field, quoted by papaparse's rule: delimiter, quote, line break or BOM inside, or edge spaces. */
function csvField(v: CellValue, delimiter: string): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v === null || v === undefined || v === "") return "";
  const s = String(v);
  let quote = s.charCodeAt(0) === SPACE || s.charCodeAt(s.length - 1) === SPACE;
  for (let i = 0; !quote && i < s.length; i++) {
    const c = s.charCodeAt(i);
    quote = c === QUOTE || c === CR || c === LF || c === BOM;
  }
  if (!quote && s.includes(delimiter)) quote = true;
  return quote ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows as CSV text: CRLF line ends, RFC 4180 quoting, booleans as TRUE/FALSE (as Excel saves them),
 * null as empty. Formula-like text is written as is, as Partner Center's downloads do: no escaping.
 * Same output as papaparse's `unparse` (a test holds them equal) at a fraction of its time, which
 * matters for 100,000 x 150 reports.
 */
export function reportToCsv(report: SampleReport | CellValue[][], options: CsvWriteOptions = {}): string {
  const rows = Array.isArray(report) ? report : report.rows;
  const delimiter = options.delimiter ?? ",";
  const lines: string[] = new Array<string>(rows.length);
  const fields: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    fields.length = row.length;
    for (let c = 0; c < row.length; c++) fields[c] = csvField(row[c], delimiter);
    lines[r] = fields.join(delimiter);
  }
  return (options.bom ? "\uFEFF" : "") + lines.join("\r\n");
}

/**
 * Split CSV text the way Excel does: a field that starts with a quote is read up to its closing
 * quote ("" inside is one quote); text after the closing quote is kept literally up to the next
 * separator. Newlines inside quotes stay in the cell. Papaparse is not used here because it gives
 * up on the malformed quoting a mismatched separator produces, where Excel carries on.
 * `cell` turns each field into its value as the row is built.
 */
function splitCsv(text: string, separator: string, cell: (field: string) => CellValue): CellValue[][] {
  const rows: CellValue[][] = [];
  const sep = separator.charCodeAt(0);
  const n = text.length;
  let row: CellValue[] = [];
  let i = 0;
  while (i < n) {
    // One field starts at i.
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      let parts = "";
      let from = i + 1;
      let j = from;
      for (;;) {
        j = text.indexOf('"', j);
        if (j < 0) {
          parts += text.slice(from);
          j = n;
          break;
        }
        if (text.charCodeAt(j + 1) === QUOTE) {
          parts += text.slice(from, j + 1);
          j += 2;
          from = j;
          continue;
        }
        parts += text.slice(from, j);
        j++;
        break;
      }
      // Text after the closing quote is kept literally.
      let k = j;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === sep || c === CR || c === LF) break;
        k++;
      }
      field = k > j ? parts + text.slice(j, k) : parts;
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === sep || c === CR || c === LF) break;
        k++;
      }
      field = text.slice(i, k);
      i = k;
    }
    row.push(cell(field));
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= n) row.push(cell(""));
      continue;
    }
    // Line break: CRLF, LF or CR.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** Excel 1900-system serial of a calendar date, null when the date does not exist. */
export function excelSerial(year: number, month: number, day: number): number | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const serial = Math.round((t - EPOCH_1900) / DAY_MS);
  // Before 1 March 1900 Excel counts from 31 Dec 1899 (its fictitious 29 Feb 1900 comes after).
  return serial < 61 ? serial - 1 : serial;
}

/** Keep 15 significant digits of a digit string, as Excel does (the rest become zeros). */
function fifteenDigits(intDigits: string, fracDigits: string): number {
  const all = (intDigits + fracDigits).replace(/^0+/, "");
  if (all.length <= 15) return Number(`${intDigits || "0"}.${fracDigits || "0"}`);
  const lead = intDigits.replace(/^0+/, "");
  if (lead.length >= 15) return Number(lead.slice(0, 15) + "0".repeat(lead.length - 15));
  return Number(Number(`${intDigits || "0"}.${fracDigits}`).toPrecision(15));
}

const NUMBER_COMMA_LOCALE =
  /^(\(?)([+-]?)(\$?)([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?(%?)(\)?)$/;
const NUMBER_SEMICOLON_LOCALE =
  /^(\(?)([+-]?)(\$?)([+-]?)(\d{1,3}(?:\.\d{3})+|\d*)(?:,(\d*))?(?:[eE]([+-]?\d+))?(%?)(\)?)$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toNumber(text: string, semicolonLocale: boolean): number | null {
  const m = (semicolonLocale ? NUMBER_SEMICOLON_LOCALE : NUMBER_COMMA_LOCALE).exec(text);
  if (!m) return null;
  const [, open, sign1, , sign2, intPart, frac, exponent, percent, close] = m;
  if ((open === "") !== (close === "")) return null;
  if (sign1 && sign2) return null;
  if (open && (sign1 || sign2)) return null;
  const intDigits = intPart.replace(/[,.]/g, "");
  if (intDigits === "" && (frac === undefined || frac === "")) return null;
  let value = fifteenDigits(intDigits, frac ?? "");
  if (exponent !== undefined) value = Number(`${value}e${exponent}`);
  if (percent) value /= 100;
  if (sign1 === "-" || sign2 === "-" || open) value = -value;
  return Number.isFinite(value) ? value + 0 : null;
}

/** One cell's text as Excel's value after opening the CSV (rules at the top of this file). */
export function excelCellValue(text: string, listSeparator: "," | ";" = ","): CellValue {
  if (text === "") return "";
  const first = text.charCodeAt(0);
  // Fast exit for text that cannot be a number, a date or a boolean.
  const maybeNumeric =
    (first >= 48 && first <= 57) ||
    first === 43 ||
    first === 45 ||
    first === 46 ||
    first === 36 ||
    first === 40 ||
    first === 44;
  if (!maybeNumeric) {
    if (text.length === 4 || text.length === 5) {
      const upper = text.toUpperCase();
      if (upper === "TRUE") return true;
      if (upper === "FALSE") return false;
    }
    return text;
  }
  const n = toNumber(text, listSeparator === ";");
  if (n !== null) return n;
  if (listSeparator === ",") {
    const us = US_DATE.exec(text);
    if (us) return excelSerial(Number(us[3]), Number(us[1]), Number(us[2])) ?? text;
  }
  const iso = ISO_DATE.exec(text);
  if (iso) return excelSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? text;
  return text;
}

/** What Excel shows after File > Open of a CSV (see the rules at the top of this file). */
export function openCsvLikeExcel(
  csvText: string,
  options: { listSeparator?: "," | ";" } = {},
): CellValue[][] {
  const separator = options.listSeparator ?? ",";
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const rows = splitCsv(text, separator, (field) => excelCellValue(field, separator));
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  for (const r of rows) while (r.length < width) r.push("");
  return rows;
}
