/**
 * Value normalisation for the messy cells of a CloudAscent report.
 * Every function here accepts anything (a cell, undefined, an object) and never throws:
 * a report is data from the outside world, and one odd cell must not stop an action.
 */
import type { Cluster, ScoreBand } from "./types";

/** How a column writes text dates (see columnFormats.ts): ISO, day first, or month first. */
export type DateOrder = "ISO" | "DMY" | "MDY";
/** The decimal mark a column's text numbers use; the other mark (and spaces) group thousands. */
export type DecimalMark = "." | ",";

/** Excel's error values as `range.values` returns them. */
export const ERROR_TEXTS: readonly string[] = [
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BLOCKED!",
  "#FIELD!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];
const ERROR_VALUES: ReadonlySet<string> = new Set(ERROR_TEXTS);

/** An Excel error as `range.values` returns it (a string such as "#N/A"). */
export function isErrorValue(v: unknown): boolean {
  return typeof v === "string" && v.length < 40 && ERROR_VALUES.has(v.trim().toUpperCase());
}

/** Empty for the add-in's purposes: no value, only whitespace, or an Excel error. */
export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  // Excel never returns NaN/Infinity; if something else does, there is nothing to show.
  if (typeof v === "number") return !Number.isFinite(v);
  if (typeof v === "string") {
    // Fast path: most cells start with a visible character that cannot begin an error value.
    if (v.length > 0 && v.charCodeAt(0) > 32 && v.charCodeAt(0) !== 35 && v.charCodeAt(0) < 127) return false;
    return stripInvisible(v).trim() === "" || isErrorValue(v);
  }
  return false;
}

/** BOMs and zero-width characters vanish; non-breaking spaces become plain spaces. */
function stripInvisible(s: string): string {
  return s.replace(/[\uFEFF\u200B-\u200D\u2060]/g, "").replace(/[\u00A0\u2007\u202F]/g, " ");
}

/**
 * Text as a person would read it: strings trimmed (BOM, NBSP removed), numbers as String(n),
 * booleans "TRUE"/"FALSE", blanks and errors "". Anything else (objects) is "".
 */
export function cleanText(v: unknown): string {
  if (isBlank(v)) return "";
  if (typeof v === "string") return stripInvisible(v).trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return "";
}

/** Lower case with spaces, `_` and `-` removed: "Act_Now ", "act-now" -> "actnow". */
function fold(v: unknown): string {
  return cleanText(v)
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

const CLUSTER_BY_FOLDED: ReadonlyMap<string, Cluster> = new Map<string, Cluster>([
  ["actnow", "Act Now"],
  ["evaluate", "Evaluate"],
  ["nurture", "Nurture"],
  ["educate", "Educate"],
]);

/** null = blank cell (no score); undefined = text that is not a cluster label. */
export function parseCluster(v: unknown): Cluster | null | undefined {
  if (isBlank(v)) return null;
  if (typeof v !== "string") return undefined;
  return CLUSTER_BY_FOLDED.get(fold(v));
}

const YES_TEXTS: ReadonlySet<string> = new Set(["yes", "y", "true"]);
const NO_TEXTS: ReadonlySet<string> = new Set(["no", "n", "false"]);

/** Yes/No, Y/N, True/False, 1/0 in any case. null = blank; undefined = not a yes/no value. */
export function parseYesNo(v: unknown): boolean | null | undefined {
  if (isBlank(v)) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== "string") return undefined;
  const n = plainNumber(v);
  if (n !== null) return n === 1 ? true : n === 0 ? false : undefined;
  const folded = fold(v);
  if (YES_TEXTS.has(folded)) return true;
  if (NO_TEXTS.has(folded)) return false;
  return undefined;
}

/**
 * Documented bands: High 75-100, Medium 55-74, Low 30-54, Very Low 0-29.
 * Fractional scores band by their floor (74.5 is still Medium); out-of-range values are clamped.
 */
export function scoreBand(score: number): ScoreBand {
  const whole = Number.isNaN(score) ? 0 : Math.floor(score);
  if (whole >= 75) return "High";
  if (whole >= 55) return "Medium";
  if (whole >= 30) return "Low";
  return "Very Low";
}

const BAND_BY_FOLDED: ReadonlyMap<string, ScoreBand> = new Map<string, ScoreBand>([
  ["high", "High"],
  ["medium", "Medium"],
  ["med", "Medium"],
  ["low", "Low"],
  ["verylow", "Very Low"],
]);

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number, or text that is exactly a number (no separators, no units). */
function plainNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const text = cleanText(v);
  if (!PLAIN_NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const DECIMAL_COMMA_NUMBER = /^[+-]?\d+,\d+$/;

/** A Fit or Intent cell: a 0-100 score (number or text, "74,5" in a decimal-comma column) or a band label. */
export function parseScore(
  v: unknown,
  decimalMark?: DecimalMark,
): { score?: number; band: ScoreBand } | null {
  if (isBlank(v) || typeof v === "boolean") return null;
  let n = plainNumber(v);
  if (n === null && decimalMark === "," && typeof v === "string") {
    const text = cleanText(v);
    if (DECIMAL_COMMA_NUMBER.test(text)) n = Number(text.replace(",", "."));
  }
  if (n !== null) return n >= 0 && n <= 100 ? { score: n, band: scoreBand(n) } : null;
  const band = BAND_BY_FOLDED.get(fold(v));
  return band ? { band } : null;
}

// A number with optional thousands groups ("25,000", "25 000", "1.234,50") and decimals.
const AMOUNT_NUMBER = String.raw`\d+(?:[,.'’ ]\d{3}(?!\d))*(?:[.,]\d+)?`;
const AMOUNT_SCALE = String.raw`(?:k|thousand|mm|mn|m|million|bn|b|billion)`;
const AMOUNT = String.raw`(${AMOUNT_NUMBER})\s*(${AMOUNT_SCALE})?`;
const SIGNED_AMOUNT = new RegExp(String.raw`^(-)?\s*${AMOUNT}$`);
const UP_TO_AMOUNT = new RegExp(String.raw`^(?:<=?|≤|under|below|less than|up to)\s*${AMOUNT}$`);
const AT_LEAST_AMOUNT = new RegExp(String.raw`^(?:>=?|≥|over|above|more than)\s*${AMOUNT}\s*\+?$`);
const AMOUNT_PLUS = new RegExp(String.raw`^${AMOUNT}\s*\+$`);
const AMOUNT_RANGE = new RegExp(String.raw`^${AMOUNT}\s*(?:-|–|—|to)\s*${AMOUNT}$`);
const CURRENCY = /us\$|usd|eur|gbp|cad|aud|[$€£¥]/g;

const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

/**
 * "1,234.50" / "1.234,50" / "25 000" -> number. With the column's decimal mark known, the other
 * mark groups thousands ("1.234" is 1234 in a decimal-comma column); without it, or when the text
 * contradicts it, the last of `,` `.` is the decimal mark when both occur.
 */
function amountValue(digits: string, scale: string | undefined, decimalMark?: DecimalMark): number {
  const compact = digits.replace(/[\s'’]/g, "");
  if (decimalMark) {
    const group = decimalMark === "," ? "." : ",";
    const decimalAt = compact.indexOf(decimalMark);
    const consistent =
      compact.split(decimalMark).length <= 2 && (decimalAt < 0 || compact.lastIndexOf(group) < decimalAt);
    if (consistent)
      return Number(compact.split(group).join("").replace(decimalMark, ".")) * (scale ? SCALE[scale] : 1);
  }
  const lastComma = compact.lastIndexOf(",");
  const lastDot = compact.lastIndexOf(".");
  let normal: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimalMark = lastComma > lastDot ? "," : ".";
    const groupMark = decimalMark === "," ? "." : ",";
    normal = compact.split(groupMark).join("").replace(decimalMark, ".");
  } else if (lastComma >= 0) {
    // "25,000" and "1,234,567" group; a lone "12,5" is a decimal comma.
    normal = /^\d{1,3}(?:,\d{3})+$/.test(compact) ? compact.replace(/,/g, "") : compact.replace(",", ".");
  } else if ((compact.match(/\./g) ?? []).length > 1) {
    normal = compact.replace(/\./g, "");
  } else {
    normal = compact;
  }
  return Number(normal) * (scale ? SCALE[scale] : 1);
}

function money(low: number, high: number, value: number) {
  return [low, high, value].every(Number.isFinite) ? { low, high, value } : null;
}

/**
 * Potential or expiring revenue. Plain numbers (negative allowed), currency text, K/M suffixes,
 * ranges ("$1K - $5K": value is the midpoint), open ranges ("< $1K": 0..1000; "$100K+": 100000).
 */
export function parseMoney(
  v: unknown,
  decimalMark?: DecimalMark,
): { low: number; high: number; value: number } | null {
  if (isBlank(v)) return null;
  if (typeof v === "number") return money(v, v, v);
  if (typeof v !== "string") return null;
  let text = cleanText(v).toLowerCase();
  if (text.length > 100) return null;
  // Accounting format shows negatives in parentheses: "($1,200)".
  const accountingNegative = /^\(.*\)$/.test(text);
  if (accountingNegative) text = text.slice(1, -1);
  text = text.replace(CURRENCY, " ").replace(/\s+/g, " ").trim();

  let m = SIGNED_AMOUNT.exec(text);
  if (m) {
    const n = amountValue(m[2], m[3], decimalMark) * (m[1] || accountingNegative ? -1 : 1);
    return money(n, n, n);
  }
  if (accountingNegative) return null;
  if ((m = UP_TO_AMOUNT.exec(text))) {
    const high = amountValue(m[1], m[2], decimalMark);
    return money(0, high, high / 2);
  }
  if ((m = AT_LEAST_AMOUNT.exec(text) ?? AMOUNT_PLUS.exec(text))) {
    const low = amountValue(m[1], m[2], decimalMark);
    return money(low, low, low);
  }
  if ((m = AMOUNT_RANGE.exec(text))) {
    // "$1-5K" shares the scale of its upper end when that keeps the range in order.
    const sharedScale =
      !m[2] && m[4] && amountValue(m[1], m[4], decimalMark) <= amountValue(m[3], m[4], decimalMark)
        ? m[4]
        : m[2];
    const a = amountValue(m[1], sharedScale, decimalMark);
    const b = amountValue(m[3], m[4], decimalMark);
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    return money(low, high, (low + high) / 2);
  }
  return null;
}

const DAY_MS = 86_400_000;
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

/**
 * Excel 1900 date system. Excel counts a 29 Feb 1900 that never existed (serial 60), so serials
 * from 61 on are one day ahead of a plain day count; 60 itself maps to 1 March 1900.
 */
function fromExcelSerial(serial: number): Date | null {
  if (!(serial >= 1 && serial < MAX_EXCEL_SERIAL + 1)) return null;
  const day = Math.floor(serial);
  const epoch = day >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(epoch + day * DAY_MS);
}

/** A real calendar date (rejects 2026-02-30) as UTC midnight. */
function utcDate(year: number, month: number, day: number): Date | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0-99 to 1900-1999; the range check above already excludes them.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]*(?:z|[+-]\d{2}:?\d{2})?)?$/i;
/** D/M/Y or M/D/Y with `/`, `.` or `-`, two- or four-digit year, optional time. */
const NUMERIC_DATE =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[ap]m)?)?$/i;

/**
 * A date cell as UTC midnight: ISO text (time ignored), D/M/Y or M/D/Y text (`/`, `.` or `-`), or
 * an Excel serial number (as number or numeric text). Two-digit years follow Excel: 00-29 -> 2000s.
 * `dateOrder` is the column's order (see inferDateOrder); without it, a day above 12 tells, and
 * otherwise dotted dates are day-first and the rest month-first, as Excel in a US locale reads them.
 */
export function parseDate(v: unknown, dateOrder?: DateOrder): Date | null {
  if (v instanceof Date) {
    const time = v.getTime();
    return Number.isFinite(time) ? new Date(Math.floor(time / DAY_MS) * DAY_MS) : null;
  }
  if (isBlank(v)) return null;
  const serial = plainNumber(v);
  if (serial !== null) return fromExcelSerial(serial);
  if (typeof v !== "string") return null;
  const text = cleanText(v);
  if (text.length > 40) return null;
  let m = ISO_DATE.exec(text);
  if (m) return utcDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DATE.exec(text);
  if (m) {
    let year = Number(m[4]);
    if (m[4].length === 2) year += year < 30 ? 2000 : 1900;
    const first = Number(m[1]);
    const second = Number(m[3]);
    const dayFirst =
      dateOrder === "DMY" || (dateOrder !== "MDY" && (first > 12 || (second <= 12 && m[2] === ".")));
    return dayFirst ? utcDate(year, second, first) : utcDate(year, first, second);
  }
  return null;
}

export type SizeTier = "Upper Medium" | "Medium" | "Small";

function tierFromEmployees(employees: number): SizeTier | null {
  if (!Number.isFinite(employees) || employees < 1) return null;
  if (employees >= 300) return "Upper Medium";
  if (employees >= 25) return "Medium";
  return "Small";
}

/**
 * Size tier from the sub segment text ("SMB - Upper Medium", older "Very Small", "Top Unmanaged",
 * "Corporate Scale"), else from the org size: an employee count or a bucket such as "25-49" or
 * "1000+" (a bucket is tiered by its lower bound).
 */
export function parseSizeTier(subSegment: unknown, orgSize?: unknown): SizeTier | null {
  const segment = cleanText(subSegment)
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  if (/upper ?medium|top ?unmanaged|corporate|upper ?mid/.test(segment)) return "Upper Medium";
  if (/small/.test(segment)) return "Small";
  if (/medium|\bmid\b/.test(segment)) return "Medium";

  if (typeof orgSize === "number") return tierFromEmployees(orgSize);
  const size = cleanText(orgSize);
  if (size === "" || size.length > 60) return null;
  // "<25" / "under 25" mean fewer than 25 people.
  const below = /^(?:<|under|less than|fewer than)\s*(\d[\d,]*)/i.exec(size);
  if (below) return tierFromEmployees(Number(below[1].replace(/,/g, "")) - 1);
  const first = /\d[\d,]*/.exec(size);
  return first ? tierFromEmployees(Number(first[0].replace(/,/g, ""))) : null;
}
