/**
 * Per-column reading of dates and numbers (issue 10). A report opened in another locale writes
 * "31/12/2026" or "1.234.567,50"; one cell alone often cannot say which convention it follows
 * ("3/4/2026", "1.234"), but its column can: one "31/12/2026" makes the whole column day-first,
 * one "1.234.567" makes its dots thousands separators. Columns that never say are flagged.
 */
import { cleanText } from "./values";
import type { DateOrder, DecimalMark } from "./values";
import type { CellValue, ColumnValues, ReportLayout } from "./types";

export type { DateOrder, DecimalMark } from "./values";

export interface ColumnFormat {
  /** Column offset as in the layout. */
  column: number;
  header: string;
  kind: "date" | "number";
  /** Date columns: how the text dates are read (ISO when every text date is ISO, or none is text). */
  dateOrder?: DateOrder;
  /** Number columns: the decimal mark; absent when no value tells (each value is read on its own). */
  decimalMark?: DecimalMark;
  /** The values allow two readings, or contradict each other: the pane warns. */
  ambiguous: boolean;
  /** Why, in plain words, for the warning (only when ambiguous). */
  note?: string;
}

/** How many distinct texts a column is judged on: enough to find the telling values, bounded in time. */
const MAX_DISTINCT_TEXTS = 20_000;

const ISO_DATE = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[T ]|$)/;
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?:[T ]|$)/;

interface DateEvidence {
  iso: number;
  dayFirst: number;
  monthFirst: number;
  /** Both parts 12 or less: either reading is a real date. */
  undecided: number;
  /** Dotted dates (31.12.2026) are day-first in every locale that writes them. */
  dotted: number;
  example?: string;
}

/** Distinct texts holding one of the telling characters (a cheap test first: most cells hold none). */
function distinctTexts(values: readonly CellValue[] | undefined, telling: RegExp): string[] {
  const seen = new Set<string>();
  if (!values) return [];
  for (const v of values) {
    if (typeof v !== "string" || seen.has(v)) continue;
    if (seen.size >= MAX_DISTINCT_TEXTS) break;
    if (telling.test(v)) seen.add(v);
  }
  return [...seen].map(cleanText).filter((t) => t !== "");
}

const DATE_SEPARATORS = /[/.-]/;
const NUMBER_SEPARATORS = /[.,]/;

/** How a column of date cells writes its text dates. Numbers (Excel serials) carry no order. */
export function inferDateOrder(values: readonly CellValue[] | undefined): {
  dateOrder: DateOrder;
  ambiguous: boolean;
  note?: string;
} {
  const e: DateEvidence = { iso: 0, dayFirst: 0, monthFirst: 0, undecided: 0, dotted: 0 };
  for (const text of distinctTexts(values, DATE_SEPARATORS)) {
    if (ISO_DATE.test(text)) {
      e.iso++;
      continue;
    }
    const m = NUMERIC_DATE.exec(text);
    if (!m) continue;
    const first = Number(m[1]);
    const second = Number(m[3]);
    if (m[2] === ".") e.dotted++;
    if (first > 12 && second <= 12) e.dayFirst++;
    else if (second > 12 && first <= 12) e.monthFirst++;
    else if (first <= 12 && second <= 12) {
      e.undecided++;
      e.example ??= text;
    }
  }
  if (e.dayFirst > 0 && e.monthFirst > 0) {
    return {
      dateOrder: e.dayFirst >= e.monthFirst ? "DMY" : "MDY",
      ambiguous: true,
      note: `mixes day-first and month-first dates (${e.dayFirst} vs ${e.monthFirst})`,
    };
  }
  if (e.dayFirst > 0) return { dateOrder: "DMY", ambiguous: false };
  if (e.monthFirst > 0) return { dateOrder: "MDY", ambiguous: false };
  if (e.undecided > 0) {
    if (e.dotted === e.undecided) return { dateOrder: "DMY", ambiguous: false };
    // As Excel in a US locale reads them; the user is told, since day-first is as likely.
    return {
      dateOrder: "MDY",
      ambiguous: true,
      note: `has no date with a day above 12, so "${e.example}" could be either; read as month/day/year`,
    };
  }
  return { dateOrder: "ISO", ambiguous: false };
}

/** The digit groups of a money or score text: "$1,234.50 - $5K" -> ["1,234.50", "5"]. */
const NUMBER_TOKEN = /\d(?:[\d,.'’ ]*\d)?/g;

type MarkEvidence = "." | "," | "either." | "either," | null;

/** What one number token says about the decimal mark. */
function markEvidence(token: string): MarkEvidence {
  const t = token.replace(/[\s'’]/g, "");
  const commas = (t.match(/,/g) ?? []).length;
  const dots = (t.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) return t.lastIndexOf(",") > t.lastIndexOf(".") ? "," : ".";
  if (commas === 0 && dots === 0) return null;
  const [mark, count] = commas > 0 ? ([",", commas] as const) : ([".", dots] as const);
  const other = mark === "," ? "." : ",";
  const grouped = (mark === "," ? /^\d{1,3}(?:,\d{3})+$/ : /^\d{1,3}(?:\.\d{3})+$/).test(t);
  // "1.234.567": only a thousands separator repeats.
  if (count > 1) return grouped ? other : null;
  // "1.234" / "1,234": a decimal mark with three decimals, or a thousands separator.
  if (grouped) return mark === "," ? "either," : "either.";
  return mark;
}

/**
 * How a column of number cells writes its text numbers (numbers Excel already converted carry no
 * mark). A lone "1,234" is read as a thousand unless the column shows decimal commas, as US reports
 * write money; a lone "1.234" in a column that never tells is flagged: a thousand or a fraction.
 */
export function inferDecimalMark(values: readonly CellValue[] | undefined): {
  decimalMark?: DecimalMark;
  ambiguous: boolean;
  note?: string;
} {
  let dot = 0;
  let comma = 0;
  let eitherDot = 0;
  let example = "";
  for (const text of distinctTexts(values, NUMBER_SEPARATORS)) {
    for (const token of text.match(NUMBER_TOKEN) ?? []) {
      const evidence = markEvidence(token);
      if (evidence === ".") dot++;
      else if (evidence === ",") comma++;
      else if (evidence === "either.") {
        eitherDot++;
        if (!example) example = text;
      }
    }
  }
  if (dot > 0 && comma > 0) {
    return {
      decimalMark: comma > dot ? "," : ".",
      ambiguous: true,
      note: `mixes decimal points and decimal commas (${dot} vs ${comma} values)`,
    };
  }
  if (comma > 0) return { decimalMark: ",", ambiguous: false };
  if (dot > 0) return { decimalMark: ".", ambiguous: false };
  if (eitherDot > 0) {
    return {
      ambiguous: true,
      note: `has no value that shows its decimal mark, so "${example}" could be a thousand or a fraction; read as a fraction`,
    };
  }
  return { ambiguous: false };
}

/** Date and number columns whose reading depends on the locale: read by Analyze to show their format. */
export function formatColumns(layout: ReportLayout): { column: number; kind: "date" | "number" }[] {
  const result: { column: number; kind: "date" | "number" }[] = [];
  const add = (column: number | undefined, kind: "date" | "number") => {
    if (
      column !== undefined &&
      Number.isInteger(column) &&
      column >= 0 &&
      !result.some((c) => c.column === column)
    )
      result.push({ column, kind });
  };
  add(layout.roles?.agreementEndDate, "date");
  add(layout.roles?.expiringRevenue, "number");
  for (const p of layout.products ?? []) add(p.potentialRevenue, "number");
  return result;
}

export function formatColumnsNeeded(layout: ReportLayout): number[] {
  return formatColumns(layout)
    .map((c) => c.column)
    .sort((a, b) => a - b);
}

/** Formats of the report's date and money columns present in `data`. */
export function inferColumnFormats(layout: ReportLayout, data: ColumnValues): ColumnFormat[] {
  const headers = layout.headers ?? [];
  return formatColumns(layout)
    .filter(({ column }) => data.has(column))
    .map(({ column, kind }) => {
      const header = headers[column] ?? `Column ${column + 1}`;
      const values = data.get(column);
      return kind === "date"
        ? { column, header, kind, ...inferDateOrder(values) }
        : { column, header, kind, ...inferDecimalMark(values) };
    });
}

/** One warning line per ambiguous column, for the pane's warnings list. */
export function formatWarnings(formats: readonly ColumnFormat[]): string[] {
  return formats.filter((f) => f.ambiguous).map((f) => `${f.header} ${f.note ?? "can be read two ways"}.`);
}
