import type { CellValue } from "./types";

/**
 * A small, honest number formatter for `range.text`: General, fixed decimals, thousands separators,
 * percent, literal prefixes/suffixes and day-level date formats. Not Excel's full format language.
 */
export function displayText(value: CellValue, numberFormat: string): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  return formatNumber(value, numberFormat);
}

export function formatNumber(n: number, numberFormat: string): string {
  const format = numberFormat || "General";
  if (format === "General" || format === "@") return generalNumber(n);
  const sections = splitSections(format);
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2) section = sections[2];
  if (isDateFormat(section)) return formatDate(value, section);
  return formatFixed(value, section);
}

/** Excel's General format at the standard column width: at most 11 characters, else scientific. */
export function generalNumber(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) return scientific(n);
  const intDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  const decimals = Math.max(0, 10 - intDigits);
  let text = n.toFixed(decimals);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return text === "-0" ? "0" : text;
}

function scientific(n: number): string {
  const [mantissa, exponent] = n.toExponential(5).split("e");
  const m = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
  const e = Number(exponent);
  return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

function stripLiterals(section: string): string {
  return section
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
}

function isDateFormat(section: string): boolean {
  return /[ymd]/i.test(stripLiterals(section)) && !/[0#]/.test(stripLiterals(section));
}

function formatFixed(n: number, section: string): string {
  const bare = stripLiterals(section);
  const first = bare.search(/[0#?]/);
  if (first < 0) return section.replace(/"/g, "");
  let last = first;
  for (let i = first; i < bare.length; i++) if (/[0#?.,]/.test(bare[i])) last = i;
  const pattern = bare.slice(first, last + 1);
  const percent = bare.includes("%");
  const dot = pattern.indexOf(".");
  const decimals = dot < 0 ? 0 : (pattern.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const grouping = (dot < 0 ? pattern : pattern.slice(0, dot)).includes(",");
  const value = percent ? n * 100 : n;
  let digits = Math.abs(value).toFixed(decimals);
  if (grouping) {
    const [int, frac] = digits.split(".");
    digits = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? `.${frac}` : "");
  }
  const sign = value < 0 && Number(digits.replace(/,/g, "")) !== 0 ? "-" : "";
  const prefix = literalText(section.slice(0, section.search(/[0#?]/)));
  const suffixStart = section.length - [...section].reverse().join("").search(/[0#?]/);
  const suffix = literalText(section.slice(suffixStart));
  return `${sign}${prefix}${digits}${suffix}`;
}

function literalText(part: string): string {
  return part
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/"([^"]*)"/g, "$1")
    .replace(/[.,]/g, "");
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel's 1900 date system, including its fictitious 29 February 1900 (serial 60). */
export function serialToDate(serial: number): { year: number; month: number; day: number; weekday: number } {
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29, weekday: 3 };
  const offset = whole < 60 ? whole + 1 : whole;
  const date = new Date(Date.UTC(1899, 11, 30) + offset * 86400000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

export function dateToSerial(year: number, month: number, day: number): number | null {
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  const serial = Math.round((time - Date.UTC(1899, 11, 30)) / 86400000);
  return serial < 61 ? serial - 1 : serial;
}

function formatDate(serial: number, section: string): string {
  if (serial < 0 || serial > 2958465) return "#".repeat(11);
  const d = serialToDate(serial);
  const pad = (v: number) => String(v).padStart(2, "0");
  const tokens: Record<string, () => string> = {
    yyyy: () => String(d.year),
    yy: () => pad(d.year % 100),
    mmmm: () => MONTHS[d.month - 1],
    mmm: () => MONTHS[d.month - 1].slice(0, 3),
    mm: () => pad(d.month),
    m: () => String(d.month),
    dddd: () => DAYS[d.weekday],
    ddd: () => DAYS[d.weekday].slice(0, 3),
    dd: () => pad(d.day),
    d: () => String(d.day),
  };
  return section
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"([^"]*)"|\\(.)|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d/gi, (match, quoted, escaped) => {
      if (quoted !== undefined) return quoted;
      if (escaped !== undefined) return escaped;
      return tokens[match.toLowerCase()]();
    });
}
