/**
 * How a report file becomes a sheet: each column's cell type is decided once, from its role (the
 * header, through detectLayout) and its values, never per cell. Identity and code columns stay text
 * exactly as in the file; scores, revenue and counts become numbers when the whole column parses;
 * dates become Excel serials in the order inferred for the column; everything else is text.
 * Nothing is ever written as a formula: every text column is formatted "@" before its values.
 * Pure: no Office types.
 */
import { cleanHeader, HEADER_SEARCH_ROWS, SAMPLE_ROWS } from "./headers";
import { detectLayout } from "./layout";
import { REPORT_TYPE_LABELS } from "./reportType";
import type { CellValue, ColumnRole, ReportLayout } from "./types";
import { isErrorValue } from "./values";

/** Excel's grid. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
/** Excel keeps at most 32,767 characters in a cell. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

export const TEXT_FORMAT = "@";
/** Dates are shown year first: the one order no reader misreads. */
export const DATE_FORMAT = "yyyy-mm-dd";
export const NUMBER_FORMAT = "General";
export const AMOUNT_FORMAT = "#,##0.00";
export const COUNT_FORMAT = "#,##0";

export type ColumnKind = "id" | "number" | "date" | "text";

export interface ColumnPlan {
  column: number;
  header: string;
  kind: ColumnKind;
  numberFormat: string;
  /** Why a column that looked like numbers or dates stays text. */
  note?: string;
}

/** Roles whose values are identifiers or codes: always text, exactly as in the file. */
export const IDENTIFIER_ROLES: readonly ColumnRole[] = [
  "partnerId",
  "customerId",
  "tpid",
  "tenantId",
  "duns",
  "agreementId",
  "postalCode",
];

/** Last words of identifier headers: "Opportunity Number", "Account Key", "Org Code". */
const ID_LAST_WORDS: ReadonlySet<string> = new Set(["id", "ids", "number", "no", "code", "key", "guid"]);
/** Words that make a header an identifier wherever they are: "Phone", "DUNS", "MPN". */
const ID_WORDS: ReadonlySet<string> = new Set([
  "phone",
  "telephone",
  "tel",
  "fax",
  "mobile",
  "duns",
  "tpid",
  "mpn",
  "zip",
  "postcode",
  "guid",
  "vat",
]);
/** Words of headers holding amounts or counts (numbers when the whole column parses). */
const AMOUNT_WORDS: ReadonlySet<string> = new Set(["revenue", "amount", "spend", "acr", "value"]);
const COUNT_WORDS: ReadonlySet<string> = new Set([
  "count",
  "employees",
  "employee",
  "seats",
  "licenses",
  "licences",
  "users",
  "devices",
]);
const DATE_WORDS: ReadonlySet<string> = new Set(["date", "expiry", "expiration"]);

/** What the header alone says a column is. */
type Expected = "id" | "score" | "amount" | "count" | "date" | "text";

function expectedKind(layout: ReportLayout, column: number): Expected {
  const roleEntries = Object.entries(layout.roles) as [ColumnRole, number][];
  const roles = roleEntries.filter(([, c]) => c === column).map(([role]) => role);
  if (roles.some((role) => IDENTIFIER_ROLES.includes(role))) return "id";
  if (roles.includes("agreementEndDate")) return "date";
  if (roles.includes("expiringRevenue")) return "amount";
  if (roles.includes("orgSize")) return "count";
  if (roles.length > 0) return "text";
  for (const product of layout.products) {
    if (product.fit === column || product.intent === column) return "score";
    if (product.potentialRevenue === column) return "amount";
    if (product.cluster === column || product.owned === column) return "text";
  }
  const words = headerWords(layout.rawHeaders[column] ?? "");
  const last = words[words.length - 1] ?? "";
  if (ID_LAST_WORDS.has(last) || words.some((w) => ID_WORDS.has(w))) return "id";
  if (words.some((w) => DATE_WORDS.has(w))) return "date";
  if (words.some((w) => AMOUNT_WORDS.has(w))) return "amount";
  if (words.some((w) => COUNT_WORDS.has(w)) || (words[0] === "number" && words.length > 2)) return "count";
  if (words.some((w) => w === "fit" || w === "intent" || w === "score")) return "score";
  return "text";
}

/** Words of a header: "AzureSignalExplainability" -> azure, signal, explainability; "Agreement ID" -> agreement, id. */
export function headerWords(header: string): string[] {
  return cleanHeader(header)
    .replace(/([a-z])(?=[A-Z])/g, "$1 ")
    .replace(/([0-9])(?=[A-Z][a-z])/g, "$1 ")
    .replace(/([A-Z]+)(?=[A-Z][a-z])/g, "$1 ")
    .toLowerCase()
    .split(/[^a-z0-9&]+/)
    .filter(Boolean);
}

// ---- numbers --------------------------------------------------------------------------------

/** "1,234.50", "$25,000", "-12", "1.5E+3": decimal point, comma groups. */
const POINT_NUMBER = /^([+-]?)\s*(?:[$€£]|US\$|USD\s?)?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$/i;
/** "1.234,50", "12,5", "€ 25.000": decimal comma, point or space groups (semicolon files). */
const COMMA_NUMBER = /^([+-]?)\s*(?:[$€£]|EUR\s?)?\s*(\d{1,3}(?:[. ]\d{3})+|\d+)?(,\d+)?\s*€?$/i;
const EXPONENT_NUMBER = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/;

export type DecimalMark = "." | ",";

const POINT_EVIDENCE = /^\s*[+-]?\s*(?:\$|US\$|USD)|\d,\d{3}\.\d|\d,\d{3},\d{3}/i;
const COMMA_EVIDENCE = /€|EUR|\d\.\d{3},\d|\d\.\d{3}\.\d{3}|\d,\d{1,2}\s*€?$|\d,\d{4,}\s*€?$/i;

/**
 * The decimal mark of one column: "$25,000" and "1,234.50" say point, "1.234,50" and "12,5" say
 * comma; a column without such evidence follows the file (a semicolon file writes decimal commas).
 */
export function columnDecimalMark(values: readonly string[], fallback: DecimalMark): DecimalMark {
  let point = 0;
  let comma = 0;
  for (const v of values) {
    if (POINT_EVIDENCE.test(v)) point++;
    else if (COMMA_EVIDENCE.test(v)) comma++;
  }
  if (point > comma) return ".";
  if (comma > point) return ",";
  return fallback;
}

/** A number cell's value, or null when the text is not a plain amount. Blank is handled by the caller. */
export function parseNumberText(text: string, decimalMark: DecimalMark): number | null {
  const t = text.trim();
  if (EXPONENT_NUMBER.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? n : null;
  }
  const m = (decimalMark === "." ? POINT_NUMBER : COMMA_NUMBER).exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const whole = (m[2] ?? "0").replace(/[,. ]/g, "");
  const fraction = m[3] ? m[3].slice(1) : "";
  // More than 15 significant digits cannot be held by Excel without rounding: not a number here.
  if ((whole.replace(/^0+/, "") + fraction).length > 15) return null;
  const n = Number(`${whole}.${fraction || "0"}`) * (m[1] === "-" ? -1 : 1);
  return Number.isFinite(n) ? n + 0 : null;
}

// ---- dates ----------------------------------------------------------------------------------

/** Order of day, month and year in a date column's non-ISO values. */
export type DateOrder = "ISO" | "DMY" | "MDY" | "YMD";

const ISO_DATE_TEXT =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const YMD_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const PARTS_DATE =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AaPp][Mm])?)?$/;

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel 1900-system serial of a real calendar date (1 March 1900 on), else null. */
export function dateSerial(year: number, month: number, day: number): number | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  const serial = Math.round((time - EXCEL_EPOCH) / DAY_MS);
  return serial >= 61 ? serial : null;
}

function fullYear(text: string): number {
  const y = Number(text);
  // Excel's rule for two-digit years: 00-29 -> 2000s, 30-99 -> 1900s.
  return text.length === 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
}

interface DateEvidence {
  /** Values that fit no date pattern at all. */
  bad: number;
  /** Non-ISO values whose first part is over 12 (so day first), and whose second is (so month first). */
  dayFirst: number;
  monthFirst: number;
  partsValues: number;
}

/**
 * The order of a date column's values, inferred from the whole column (one order per column, never
 * per cell): ISO and year-first values are unambiguous; "a/b/yyyy" values are day first when some
 * first part exceeds 12, month first when some second part does, ambiguous when none does, and
 * inconsistent when both occur. Small own inference for the import; see the report for unifying
 * it with the per-column date inference of the score helper.
 */
export function inferImportDateOrder(
  values: readonly string[],
): { order: DateOrder } | { order: null; reason: string } {
  const evidence: DateEvidence = { bad: 0, dayFirst: 0, monthFirst: 0, partsValues: 0 };
  let yearFirst = 0;
  for (const raw of values) {
    const text = raw.trim();
    if (text === "" || isErrorValue(text)) continue;
    if (ISO_DATE_TEXT.test(text) || YMD_SLASH.test(text)) {
      yearFirst++;
      continue;
    }
    const m = PARTS_DATE.exec(text);
    if (!m) {
      evidence.bad++;
      continue;
    }
    evidence.partsValues++;
    if (Number(m[1]) > 12) evidence.dayFirst++;
    if (Number(m[3]) > 12) evidence.monthFirst++;
  }
  if (evidence.bad > 0)
    return { order: null, reason: `${evidence.bad.toLocaleString("en-US")} values are not dates` };
  if (evidence.partsValues === 0)
    return yearFirst > 0 ? { order: "ISO" } : { order: null, reason: "it has no values" };
  if (evidence.dayFirst > 0 && evidence.monthFirst > 0)
    return { order: null, reason: "some dates are day first and others month first" };
  if (evidence.dayFirst > 0) return { order: "DMY" };
  if (evidence.monthFirst > 0) return { order: "MDY" };
  return {
    order: null,
    reason: "no value shows whether the day or the month comes first (every part is 12 or less)",
  };
}

/** A date text's serial in the column's order; null when it is not a real date. */
export function parseDateText(text: string, order: DateOrder): number | null {
  const t = text.trim();
  const iso = ISO_DATE_TEXT.exec(t) ?? YMD_SLASH.exec(t);
  if (iso) return dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = PARTS_DATE.exec(t);
  if (!m || order === "ISO" || order === "YMD") return null;
  const [day, month] = order === "DMY" ? [m[1], m[3]] : [m[3], m[1]];
  return dateSerial(fullYear(m[4]), Number(month), Number(day));
}

// ---- the plan -------------------------------------------------------------------------------

export interface ImportPlan {
  layout: ReportLayout;
  /** Rows above the header (title rows), as in the file. */
  titleRows: string[][];
  /** The header row as in the file. */
  headerRow: string[];
  /** Cell values of the data rows, typed per column, padded to `width`. */
  dataRows: CellValue[][];
  width: number;
  columns: ColumnPlan[];
  /** Non-blank data rows: the customers. */
  customerCount: number;
  /** Identity and code columns written as text. */
  idColumnCount: number;
  /** Plain-language notes for the pane (columns kept as text, long cells). */
  notes: string[];
}

export type ImportPlanResult = { ok: true; plan: ImportPlan } | { ok: false; reason: string };

function isBlankText(text: string): boolean {
  return text.trim() === "" || isErrorValue(text);
}

function quoteList(names: readonly string[], max = 4): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  return names.length > max ? `${shown.join(", ")} and ${names.length - max} more` : shown.join(", ");
}

/** The column's decision, from its expected kind and every one of its values. */
function planColumn(
  expected: Expected,
  column: number,
  header: string,
  values: readonly string[],
  decimalMark: DecimalMark,
): { plan: ColumnPlan; convert?: (text: string) => CellValue } {
  const text: ColumnPlan = {
    column,
    header,
    kind: expected === "id" ? "id" : "text",
    numberFormat: TEXT_FORMAT,
  };
  if (expected === "id" || expected === "text") return { plan: text };
  if (expected === "date") {
    const inferred = inferImportDateOrder(values);
    if (inferred.order === null)
      return { plan: { ...text, note: `"${header}" stays text: ${inferred.reason}.` } };
    const order = inferred.order;
    const serials = new Map<string, number>();
    for (const v of values) {
      if (isBlankText(v)) continue;
      const serial = parseDateText(v, order);
      if (serial === null)
        return { plan: { ...text, note: `"${header}" stays text: "${v}" is not a real date.` } };
      serials.set(v, serial);
    }
    return {
      plan: { column, header, kind: "date", numberFormat: DATE_FORMAT },
      convert: (v) => (isBlankText(v) ? blankOrError(v) : (serials.get(v) ?? v)),
    };
  }
  const mark = columnDecimalMark(values, decimalMark);
  let unparsed = 0;
  let firstUnparsed = "";
  let hasFraction = false;
  for (const v of values) {
    if (isBlankText(v)) continue;
    const n = parseNumberText(v, mark);
    if (n === null) {
      if (unparsed++ === 0) firstUnparsed = v;
    } else if (!Number.isInteger(n)) hasFraction = true;
  }
  if (unparsed > 0) {
    const others = unparsed > 1 ? ` and ${(unparsed - 1).toLocaleString("en-US")} more` : "";
    return {
      plan: { ...text, note: `"${header}" stays text: "${firstUnparsed}"${others} are not plain numbers.` },
    };
  }
  const numberFormat =
    expected === "amount"
      ? hasFraction
        ? AMOUNT_FORMAT
        : COUNT_FORMAT
      : expected === "count"
        ? COUNT_FORMAT
        : NUMBER_FORMAT;
  return {
    plan: { column, header, kind: "number", numberFormat },
    convert: (v) => (isBlankText(v) ? blankOrError(v) : (parseNumberText(v, mark) as number)),
  };
}

/** A blank stays empty; an error text such as "#N/A" is kept (Excel shows it as that error, not a formula). */
function blankOrError(text: string): CellValue {
  return isErrorValue(text) ? text.trim() : "";
}

export interface PlanOptions {
  /** The file's delimiter: a semicolon file writes decimals with a comma. */
  delimiter?: string;
}

/**
 * Plans the import of parsed rows; the data rows are typed in place (they become `dataRows`). Refuses (with a reason naming what is missing) a file that is
 * not a CloudAscent report, one with a header but no data, and one too big for a worksheet.
 */
export function planImport(
  rows: readonly (readonly string[])[],
  options: PlanOptions = {},
): ImportPlanResult {
  if (!rows.some((row) => row.some((cell) => cell.trim() !== "")))
    return { ok: false, reason: "The file is empty: it has no header and no rows." };
  if (rows.length > EXCEL_MAX_ROWS)
    return {
      ok: false,
      reason:
        `The file has ${rows.length.toLocaleString("en-US")} rows, more than the ${EXCEL_MAX_ROWS.toLocaleString("en-US")} ` +
        "rows an Excel sheet holds. Nothing was imported. Split the file, or filter it in Partner Center before downloading.",
    };
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  if (width > EXCEL_MAX_COLUMNS)
    return {
      ok: false,
      reason: `The file has ${width.toLocaleString("en-US")} columns, more than the ${EXCEL_MAX_COLUMNS.toLocaleString("en-US")} an Excel sheet holds. Nothing was imported.`,
    };

  const detection = detectLayout(rows.slice(0, HEADER_SEARCH_ROWS + SAMPLE_ROWS));
  if (!detection.ok) return { ok: false, reason: notAReportReason(rows, detection.reason) };
  const { layout } = detection;
  const dataText = rows.slice(layout.headerRow + 1);
  const customerRows = dataText.filter((row) => row.some((cell) => !isBlankText(cell))).length;
  if (customerRows === 0)
    return {
      ok: false,
      reason: "The file has the report's header but no customer rows below it. Nothing was imported.",
    };

  const decimalMark: DecimalMark = options.delimiter === ";" ? "," : ".";
  const columns: ColumnPlan[] = [];
  const typed: { column: number; convert: (text: string) => CellValue }[] = [];
  for (let c = 0; c < width; c++) {
    const header = layout.headers[c] ?? `Column ${c + 1}`;
    const expected = expectedKind(layout, c);
    // Text and identity columns need no look at their values.
    const values = expected === "id" || expected === "text" ? [] : dataText.map((row) => row[c] ?? "");
    const { plan, convert } = planColumn(expected, c, header, values, decimalMark);
    columns.push(plan);
    if (convert) typed.push({ column: c, convert });
  }

  const notes = columns.flatMap((c) => (c.note ? [c.note] : []));
  let longCells = 0;
  // The parsed rows become the sheet's rows in place: a 100,000 x 150 report is not held twice.
  const dataRows = dataText as CellValue[][];
  for (const row of dataRows) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as string;
      if (v.length > EXCEL_MAX_CELL_CHARS) {
        longCells++;
        row[c] = v.slice(0, EXCEL_MAX_CELL_CHARS);
      }
    }
    for (let c = row.length; c < width; c++) row.push("");
    for (const { column, convert } of typed) row[column] = convert(row[column] as string);
  }
  if (longCells > 0)
    notes.push(
      `${longCells.toLocaleString("en-US")} cells hold more than Excel's ${EXCEL_MAX_CELL_CHARS.toLocaleString("en-US")} characters; they were cut to fit.`,
    );
  const pad = (row: readonly string[]) =>
    Array.from({ length: width }, (_, c) => (row[c] ?? "").slice(0, EXCEL_MAX_CELL_CHARS));
  return {
    ok: true,
    plan: {
      layout,
      titleRows: rows.slice(0, layout.headerRow).map(pad),
      // A BOM glued to the first header (below title rows) is an encoding mark, not part of the name.
      headerRow: pad(rows[layout.headerRow]).map((h) => h.replace(/\uFEFF/g, "")),
      dataRows,
      width,
      columns,
      customerCount: customerRows,
      idColumnCount: columns.filter((c) => c.kind === "id").length,
      notes,
    },
  };
}

/** The layout's reason, plus what the file does have, so the user sees what is missing. */
function notAReportReason(rows: readonly (readonly string[])[], reason: string): string {
  const header = rows.find((row) => row.some((cell) => cell.trim() !== "")) ?? [];
  const shown = header.filter((cell) => cell.trim() !== "").slice(0, 6);
  const base = reason
    .replace(/This sheet doesn't look/, "This file doesn't look")
    .replace(/ and try again\.$/, ".");
  const found = shown.length ? ` Its first line holds ${quoteList(shown, 6)}.` : "";
  return `${base}${found} Nothing was imported.`;
}

/** Columns written as text, by kind: for the message "6 ID columns kept as text". */
export function idColumnHeaders(plan: ImportPlan): string[] {
  return plan.columns.filter((c) => c.kind === "id").map((c) => c.header);
}

// ---- sheet names ----------------------------------------------------------------------------

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;

/** "AI Business Solutions (Microsoft 365)" -> "AI Business Solutions"; unknown -> "CloudAscent report". */
export function reportShortName(layout: Pick<ReportLayout, "reportType">): string {
  if (layout.reportType === "unknown") return "CloudAscent report";
  return REPORT_TYPE_LABELS[layout.reportType].replace(/\s*\(.*\)\s*$/, "").trim();
}

const MONTH_PATTERNS: readonly RegExp[] = [
  /(20\d{2})[-_. ]?(0[1-9]|1[0-2])(?:[-_. ]?(?:0[1-9]|[12]\d|3[01]))?(?!\d)/,
];

/** The report's month ("2026-11"): from the title rows ("Downloaded 2026-11-25"), the file name, else today. */
export function reportMonth(titleRows: readonly (readonly string[])[], fileName: string, now: Date): string {
  const texts = [...titleRows.flat(), fileName];
  for (const text of texts) {
    for (const pattern of MONTH_PATTERNS) {
      const m = pattern.exec(text);
      if (m) return `${m[1]}-${m[2]}`;
    }
  }
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Text cut to a length, at a word boundary when one is near enough to keep a word. */
function cutAtWord(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return (space > 0 && text[length] !== " " ? cut.slice(0, space) : cut).trimEnd();
}

function cleanSheetText(text: string): string {
  return text
    .replace(INVALID_SHEET_CHARS, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
}

/**
 * A sheet name under Excel's rules (1-31 characters, none of []:*?/\, no apostrophe at either end)
 * not yet taken (case-insensitive): "AI Business Solutions 2026-11", then "AI Business 2026-11 (2)".
 * The tail (the month) is always kept; the stem is shortened at a word when the name is too long.
 */
export function uniqueSheetName(stem: string, taken: readonly string[], tail = ""): string {
  const cleanTail = cleanSheetText(tail);
  const cleanStem = cleanSheetText(stem) || (cleanTail ? "" : "Report");
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = (cleanTail ? ` ${cleanTail}` : "") + (n === 1 ? "" : ` (${n})`);
    const room = MAX_SHEET_NAME - suffix.length;
    const name = (cutAtWord(cleanStem, room).replace(/'+$/, "") + suffix).trim();
    if (!used.has(name.toLowerCase())) return name;
  }
}
