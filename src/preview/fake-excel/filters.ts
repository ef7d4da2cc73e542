import type { CellValue, FilterCriteria } from "./types";

/** Does a cell (its value and displayed text) pass one column's criteria? */
export function passesCriteria(criteria: FilterCriteria, value: CellValue, text: string): boolean {
  // Values filters match the displayed text case-insensitively, as Excel does (MS-XLSB BrtFilter).
  if (criteria.filterOn === "Values") {
    const lower = text.toLowerCase();
    return (criteria.values ?? []).some((v) => v.toLowerCase() === lower);
  }
  const first = matchesCustom(criteria.criterion1, value, text);
  if (criteria.criterion2 === undefined) return first;
  const second = matchesCustom(criteria.criterion2, value, text);
  return criteria.operator === "Or" ? first || second : first && second;
}

const OPERATOR = /^(>=|<=|<>|=|>|<)?(.*)$/s;

/** Custom criteria like ">50", "=*text*", "<>x", "=" (blanks); case-insensitive as in Excel. */
export function matchesCustom(criterion: string | undefined, value: CellValue, text: string): boolean {
  if (criterion === undefined) return true;
  return compiledCustom(criterion)(value, text);
}

/** Each criterion parsed once: COUNTIFS and filters test one criterion against every cell of a column. */
const COMPILED = new Map<string, (value: CellValue, text: string) => boolean>();

function compiledCustom(criterion: string): (value: CellValue, text: string) => boolean {
  let test = COMPILED.get(criterion);
  if (!test) {
    if (COMPILED.size > 10_000) COMPILED.clear();
    test = compileCustom(criterion);
    COMPILED.set(criterion, test);
  }
  return test;
}

function compileCustom(criterion: string): (value: CellValue, text: string) => boolean {
  const [, op = "=", operand] = OPERATOR.exec(criterion) ?? [];
  const target = operand ?? "";
  const numericTarget = target.trim() !== "" && Number.isFinite(Number(target)) ? Number(target) : null;
  if (op === "=" || op === "<>") {
    const pattern = wildcard(target);
    return (value, text) => {
      const equal =
        numericTarget !== null && typeof value === "number" ? value === numericTarget : pattern.test(text);
      return op === "=" ? equal : !equal;
    };
  }
  if (numericTarget !== null)
    return (value) => typeof value === "number" && compare(op, value - numericTarget);
  const lowerTarget = target.toLowerCase();
  return (value, text) =>
    !(typeof value === "number" || text === "") && compare(op, text.toLowerCase().localeCompare(lowerTarget));
}

function compare(op: string, diff: number): boolean {
  switch (op) {
    case ">":
      return diff > 0;
    case ">=":
      return diff >= 0;
    case "<":
      return diff < 0;
    default:
      return diff <= 0;
  }
}

/** Compiled patterns: COUNTIFS and filters test one criterion against every cell of a column. */
const WILDCARDS = new Map<string, RegExp>();

function wildcard(pattern: string): RegExp {
  let compiled = WILDCARDS.get(pattern);
  if (!compiled) {
    if (WILDCARDS.size > 10_000) WILDCARDS.clear();
    compiled = compileWildcard(pattern);
    WILDCARDS.set(pattern, compiled);
  }
  return compiled;
}

function compileWildcard(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length) source += escape(pattern[++i]);
    else if (ch === "*") source += ".*";
    else if (ch === "?") source += ".";
    else source += escape(ch);
  }
  return new RegExp(`^${source}$`, "is");
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
