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
  const [, op = "=", operand] = OPERATOR.exec(criterion) ?? [];
  const target = operand ?? "";
  const numericTarget = target.trim() !== "" && Number.isFinite(Number(target)) ? Number(target) : null;
  if (op === "=" || op === "<>") {
    const equal =
      numericTarget !== null && typeof value === "number"
        ? value === numericTarget
        : wildcard(target).test(text);
    return op === "=" ? equal : !equal;
  }
  if (numericTarget !== null) {
    if (typeof value !== "number") return false;
    return compare(op, value - numericTarget);
  }
  if (typeof value === "number" || text === "") return false;
  return compare(op, text.toLowerCase().localeCompare(target.toLowerCase()));
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

function wildcard(pattern: string): RegExp {
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
