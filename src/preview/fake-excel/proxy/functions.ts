import { fail } from "../errors";
import { matchesCustom } from "../filters";
import type { SheetModel } from "../model";
import type { CellValue } from "../types";
import { type PropDef, ProxyObject, installProps } from "./base";
import { type RangeTarget, resolveRangeArg } from "./range";

/**
 * `workbook.functions` (ExcelApi 1.2): worksheet functions evaluated by Excel, one FunctionResult each.
 * https://learn.microsoft.com/javascript/api/excel/excel.functions
 * Only what the add-in may use is here: COUNTIF, COUNTIFS, COUNTA, SUBTOTAL(3 | 103), and MATCH and
 * VLOOKUP in their exact-match forms.
 */
interface ResultTarget {
  value: number | string | boolean | null;
  error: string | null;
}

const RESULT_PROPS: Record<string, PropDef<ResultTarget>> = {
  value: { get: (r) => r.value },
  error: { get: (r) => r.error },
};

export class FunctionResultProxy extends ProxyObject<ResultTarget> {
  declare value: number | string | boolean | null;
  declare error: string | null;

  get _class(): string {
    return "FunctionResult";
  }

  get _props(): Record<string, PropDef<ResultTarget>> {
    return RESULT_PROPS;
  }
}
installProps(FunctionResultProxy, Object.keys(RESULT_PROPS));

/**
 * COUNTIF criteria: "act now" equals the whole cell, case-insensitively ("act now " is another text),
 * `*` and `?` are wildcards, ">5", "<>x" compare; a number matches equal numbers and equal text.
 * https://support.microsoft.com/office/countifs-function-dda3dc6e-f74e-4aee-88bc-aa8c2a866842
 */
export function countIfMatches(criterion: unknown, value: CellValue): boolean {
  const text = value === null ? "" : typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
  if (typeof criterion === "number") return value === criterion || text === String(criterion);
  if (typeof criterion === "boolean") return value === criterion;
  const c = String(criterion ?? "");
  if (c === "") return text === "";
  return matchesCustom(/^(>=|<=|<>|=|>|<)/.test(c) ? c : `=${c}`, value, text);
}

/**
 * A range's cells, row by row, taken once per sync: Analyze sends hundreds of COUNTIFS over the same
 * few columns in one sync, and nothing can change a cell between two calls of one sync's functions.
 */
const CELLS_BY_SYNC = new WeakMap<object, Map<string, CellValue[]>>();

function cellsOnce(sync: object, t: RangeTarget): CellValue[] {
  let bySync = CELLS_BY_SYNC.get(sync);
  if (!bySync) CELLS_BY_SYNC.set(sync, (bySync = new Map()));
  const key = `${t.sheet.name}!${t.rect.row},${t.rect.column},${t.rect.rowCount},${t.rect.columnCount}`;
  let values = bySync.get(key);
  if (!values) bySync.set(key, (values = cells(t)));
  return values;
}

function cells(t: RangeTarget): CellValue[] {
  const { sheet, rect } = t;
  const out: CellValue[] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r++)
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) out.push(sheet.getValue(r, c));
  return out;
}

/** Visible cells only, for SUBTOTAL(103): rows hidden by a filter or by hand are skipped. */
function visibleCells(t: RangeTarget): CellValue[] {
  const { sheet, rect } = t;
  const out: CellValue[] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    if (sheet.isRowHidden(r)) continue;
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) out.push(sheet.getValue(r, c));
  }
  return out;
}

const isBlank = (v: CellValue) => v === "" || v === null;

/** Excel refuses lookup texts longer than 255 characters (#VALUE!). */
const MAX_LOOKUP_TEXT = 255;

/**
 * Exact lookup (MATCH type 0, VLOOKUP with FALSE): the first cell equal to the lookup value. Text is
 * compared with the whole cell ignoring case, `*`, `?` are wildcards and `~` escapes them; text never
 * equals a number ("5" misses 5) nor an empty cell. https://support.microsoft.com/office/match-function-e8dffd45-c762-47d6-bf89-533f4a37673a
 */
function firstExact(lookup: unknown, values: readonly CellValue[]): number {
  if (typeof lookup === "string") {
    if (lookup === "") return -1;
    const criterion = `=${lookup}`;
    return values.findIndex((v) => typeof v === "string" && v !== "" && matchesCustom(criterion, v, v));
  }
  if (typeof lookup === "number" || typeof lookup === "boolean") return values.findIndex((v) => v === lookup);
  return fail(
    "InvalidArgument",
    "Functions.match",
    "The lookup value must be a number, a text or a logical.",
  );
}

export class FunctionsProxy extends ProxyObject<SheetModel> {
  get _class(): string {
    return "Functions";
  }

  get _props(): Record<string, PropDef<SheetModel>> {
    return {};
  }

  /** Queues one function call; `rangeArgs` (Range objects or addresses) are resolved at sync. */
  private _evaluate(
    name: string,
    rangeArgs: unknown[],
    evaluate: (ranges: RangeTarget[]) => ResultTarget,
  ): FunctionResultProxy {
    let target: ResultTarget | null = null;
    const result = new FunctionResultProxy(this.context, () => target);
    this.context.action(`Functions.${name}`, rangeArgs.length, false, () => {
      const sheet = this._resolve();
      const ranges = rangeArgs.map((a) => resolveRangeArg(this.context, a, sheet, `Functions.${name}`));
      target = evaluate(ranges);
    });
    return result;
  }

  countIfs(...args: unknown[]): FunctionResultProxy {
    if (args.length === 0 || args.length % 2 !== 0)
      fail("InvalidArgument", "Functions.countIfs", "COUNTIFS takes range and criteria pairs.");
    const rangeArgs = args.filter((_, i) => i % 2 === 0);
    return this._evaluate("countIfs", rangeArgs, (ranges) => {
      const size = ranges[0].rect.rowCount * ranges[0].rect.columnCount;
      // Ranges of different shapes: Excel answers #VALUE!.
      if (
        ranges.some(
          (r) =>
            r.rect.rowCount !== ranges[0].rect.rowCount || r.rect.columnCount !== ranges[0].rect.columnCount,
        )
      )
        return { value: null, error: "#VALUE!" };
      const sync = this.context.syncing;
      const columns = ranges.map((range) => cellsOnce(sync, range));
      let count = 0;
      for (let k = 0; k < size; k++) {
        let all = true;
        for (let i = 0; i < ranges.length && all; i++) all = countIfMatches(args[2 * i + 1], columns[i][k]);
        if (all) count++;
      }
      return { value: count, error: null };
    });
  }

  countIf(range: unknown, criterion: unknown): FunctionResultProxy {
    return this._evaluate("countIf", [range], ([t]) => ({
      value: cells(t).filter((v) => countIfMatches(criterion, v)).length,
      error: null,
    }));
  }

  countA(...ranges: unknown[]): FunctionResultProxy {
    return this._evaluate("countA", ranges, (targets) => ({
      value: targets.reduce((n, t) => n + cells(t).filter((v) => !isBlank(v)).length, 0),
      error: null,
    }));
  }

  /** MATCH(lookup, range, 0): the 1-based position of the first exact match in a row or column, else #N/A. */
  match(lookupValue: unknown, lookupArray: unknown, matchType?: unknown): FunctionResultProxy {
    if (matchType !== 0)
      fail(
        "InvalidArgument",
        "Functions.match",
        "The in-memory Excel evaluates MATCH with match type 0 only.",
      );
    return this._evaluate("match", [lookupArray], ([t]) => {
      if (t.rect.rowCount > 1 && t.rect.columnCount > 1) return { value: null, error: "#N/A" };
      if (typeof lookupValue === "string" && lookupValue.length > MAX_LOOKUP_TEXT)
        return { value: null, error: "#VALUE!" };
      const at = firstExact(lookupValue, cellsOnce(this.context.syncing, t));
      return at < 0 ? { value: null, error: "#N/A" } : { value: at + 1, error: null };
    });
  }

  /**
   * VLOOKUP(lookup, table, column, FALSE): the value in `column` of the first row whose first cell
   * matches exactly (as MATCH), else #N/A; an empty cell gives 0, as in Excel.
   */
  vlookup(
    lookupValue: unknown,
    tableArray: unknown,
    colIndexNum: unknown,
    rangeLookup?: unknown,
  ): FunctionResultProxy {
    if (rangeLookup !== false)
      fail("InvalidArgument", "Functions.vlookup", "The in-memory Excel evaluates VLOOKUP with FALSE only.");
    return this._evaluate("vlookup", [tableArray], ([t]) => {
      const column = Number(colIndexNum);
      if (!Number.isInteger(column) || column < 1) return { value: null, error: "#VALUE!" };
      if (column > t.rect.columnCount) return { value: null, error: "#REF!" };
      if (typeof lookupValue === "string" && lookupValue.length > MAX_LOOKUP_TEXT)
        return { value: null, error: "#VALUE!" };
      const first = cellsOnce(this.context.syncing, { ...t, rect: { ...t.rect, columnCount: 1 } });
      const at = firstExact(lookupValue, first);
      if (at < 0) return { value: null, error: "#N/A" };
      const found = t.sheet.getValue(t.rect.row + at, t.rect.column + column - 1);
      return { value: isBlank(found) ? 0 : found, error: null };
    });
  }

  /** SUBTOTAL(3, range) and SUBTOTAL(103, range): non-blank cells in visible rows (filters ignore both). */
  subtotal(functionNumber: number, ...ranges: unknown[]): FunctionResultProxy {
    if (functionNumber !== 3 && functionNumber !== 103)
      fail("InvalidArgument", "Functions.subtotal", "The in-memory Excel evaluates SUBTOTAL 3 and 103 only.");
    return this._evaluate("subtotal", ranges, (targets) => ({
      value: targets.reduce((n, t) => n + visibleCells(t).filter((v) => !isBlank(v)).length, 0),
      error: null,
    }));
  }
}

/** Range.getVisibleView() (ExcelApi 1.3): the rows and columns of a range not hidden. */
interface ViewTarget {
  sheet: SheetModel;
  rows: number[];
  columns: number[];
}

export function visibleView(t: RangeTarget): ViewTarget {
  const { sheet, rect } = t;
  const rows: number[] = [];
  const columns: number[] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) if (!sheet.isRowHidden(r)) rows.push(r);
  for (let c = rect.column; c < rect.column + rect.columnCount; c++)
    if (!sheet.hiddenColumns.has(c)) columns.push(c);
  return { sheet, rows, columns };
}

function viewGrid<T>(v: ViewTarget, read: (r: number, c: number) => T): T[][] {
  return v.rows.map((r) => v.columns.map((c) => read(r, c)));
}

const VIEW_PROPS: Record<string, PropDef<ViewTarget>> = {
  rowCount: { get: (v) => v.rows.length },
  columnCount: { get: (v) => v.columns.length },
  values: { cells: true, get: (v) => viewGrid(v, (r, c) => v.sheet.getValue(r, c)) },
  text: { cells: true, get: (v) => viewGrid(v, (r, c) => v.sheet.text(r, c)) },
};

export class RangeViewProxy extends ProxyObject<ViewTarget> {
  declare rowCount: number;
  declare columnCount: number;
  declare values: CellValue[][];
  declare text: string[][];

  get _class(): string {
    return "RangeView";
  }

  get _props(): Record<string, PropDef<ViewTarget>> {
    return VIEW_PROPS;
  }

  protected override _isGone(v: ViewTarget): boolean {
    return v.sheet.deleted;
  }

  protected override _cellCount(v: ViewTarget): number {
    return v.rows.length * v.columns.length;
  }
}
installProps(RangeViewProxy, Object.keys(VIEW_PROPS));
