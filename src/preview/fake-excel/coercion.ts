import { columnIndex, columnLetters } from "./address";
import { dateToSerial } from "./numberFormat";
import type { CellValue } from "./types";

/** What Excel stores when a value is typed (written through `range.values`). */
export interface StoredInput {
  value: CellValue;
  formula?: string;
  /** A number format Excel picks for the input (dates, percents), applied only over General. */
  impliedFormat?: string;
}

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const PERCENT = /^\s*([+-]?(\d+\.?\d*|\.\d+))\s*%\s*$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Excel's typing rules for `range.values`: "=..." (and "+x"/"-x" that is not a number) becomes a
 * formula, numeric text becomes a number, TRUE/FALSE booleans, ISO and US dates date serials, a
 * leading apostrophe keeps text. A cell formatted as text ("@") keeps the string as it is.
 */
export function coerceInput(input: CellValue, numberFormat: string): StoredInput {
  if (typeof input !== "string") return { value: input };
  if (numberFormat === "@" || input === "") return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.length > 1 && input.startsWith("=")) return { value: null, formula: input };
  if (NUMERIC.test(input)) return { value: Number(input) };
  if (input.length > 1 && (input.startsWith("+") || input.startsWith("-")))
    return { value: null, formula: `=${input}` };
  const upper = input.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  const percent = PERCENT.exec(input);
  if (percent) return { value: Number(percent[1]) / 100, impliedFormat: "0%" };
  const iso = ISO_DATE.exec(input);
  const us = US_DATE.exec(input);
  const serial = iso
    ? dateToSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : us
      ? dateToSerial(Number(us[3]), Number(us[1]), Number(us[2]))
      : null;
  if (serial !== null) return { value: serial, impliedFormat: "m/d/yyyy" };
  return { value: input };
}

/**
 * Trivial formula evaluation so the preview shows something sensible: literals and a single
 * same-sheet cell reference. Anything else evaluates to "#NAME?" (no calculation engine).
 */
export function evaluateFormula(
  formula: string,
  lookup: (row: number, column: number) => CellValue,
): CellValue {
  const body = formula.slice(1).trim();
  if (NUMERIC.test(body)) return Number(body);
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return str[1].replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(body)) return body.toUpperCase() === "TRUE";
  const ref = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(body);
  if (ref) {
    const value = lookup(Number(ref[2]) - 1, columnIndex(ref[1]));
    return value === "" || value === null ? 0 : value;
  }
  return "#NAME?";
}

const R1C1_REF = /(?<![A-Za-z0-9_"])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g;
const A1_REF = /(?<![A-Za-z0-9_"])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

/** Converts an R1C1 formula written at (row, column) to A1 notation. */
export function r1c1ToA1(formula: string, row: number, column: number): string {
  return mapOutsideStrings(formula, (part) =>
    part.replace(R1C1_REF, (_m, r: string | undefined, c: string | undefined) => {
      const [rAbs, rIdx] = resolvePart(r, row);
      const [cAbs, cIdx] = resolvePart(c, column);
      return `${cAbs ? "$" : ""}${columnLetters(cIdx)}${rAbs ? "$" : ""}${rIdx + 1}`;
    }),
  );
}

/** Converts an A1 formula in cell (row, column) to R1C1 notation. */
export function a1ToR1C1(formula: string, row: number, column: number): string {
  return mapOutsideStrings(formula, (part) =>
    part.replace(A1_REF, (_m, cAbs: string, letters: string, rAbs: string, digits: string) => {
      const r = Number(digits) - 1;
      const c = columnIndex(letters);
      const rText = rAbs ? `R${r + 1}` : r === row ? "R" : `R[${r - row}]`;
      const cText = cAbs ? `C${c + 1}` : c === column ? "C" : `C[${c - column}]`;
      return rText + cText;
    }),
  );
}

function resolvePart(part: string | undefined, origin: number): [boolean, number] {
  if (part === undefined) return [false, origin];
  if (part.startsWith("[")) return [false, origin + Number(part.slice(1, -1))];
  return [true, Number(part) - 1];
}

function mapOutsideStrings(formula: string, map: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part) => (part.startsWith('"') ? part : map(part)))
    .join("");
}
