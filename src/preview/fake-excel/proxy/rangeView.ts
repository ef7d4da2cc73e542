/**
 * `range.getVisibleView()` (ExcelApi 1.3): the cells of a range left visible by filters and hidden
 * rows or columns. Source: Excel.RangeView in the Office.js reference (rowCount/columnCount are "the
 * number of visible rows/columns"; values, text, numberFormat, formulas of the visible cells only).
 * cellAddresses is not offered: the add-in must never load it on a big view (office-js#4263, #5758).
 */
import { cellCount } from "../address";
import type { SheetModel } from "../model";
import { MAX_CELLS_PER_READ, type ContextCore } from "./context";
import { type PropDef, ProxyObject, installProps } from "./base";
import type { RangeTarget } from "./range";

interface ViewTarget {
  sheet: SheetModel;
  rows: number[];
  columns: number[];
}

function viewOf({ sheet, rect }: RangeTarget): ViewTarget {
  const rows: number[] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) if (!sheet.isRowHidden(r)) rows.push(r);
  const columns: number[] = [];
  for (let c = rect.column; c < rect.column + rect.columnCount; c++)
    if (!sheet.hiddenColumns.has(c)) columns.push(c);
  return { sheet, rows, columns };
}

function grid<T>(v: ViewTarget, read: (r: number, c: number) => T): T[][] | null {
  if (
    cellCount({ row: 0, column: 0, rowCount: v.rows.length, columnCount: v.columns.length }) >
    MAX_CELLS_PER_READ
  )
    return null;
  return v.rows.map((r) => v.columns.map((c) => read(r, c)));
}

const VIEW_PROPS: Record<string, PropDef<ViewTarget>> = {
  rowCount: { get: (v) => v.rows.length },
  columnCount: { get: (v) => v.columns.length },
  index: { get: () => 0 },
  values: { cells: true, get: (v) => grid(v, (r, c) => v.sheet.getValue(r, c)) },
  text: { cells: true, get: (v) => grid(v, (r, c) => v.sheet.text(r, c)) },
  numberFormat: { cells: true, get: (v) => grid(v, (r, c) => v.sheet.numberFormatAt(r, c)) },
  formulas: {
    cells: true,
    get: (v) => grid(v, (r, c) => v.sheet.getFormula(r, c) ?? v.sheet.getValue(r, c)),
  },
};

export class RangeViewProxy extends ProxyObject<ViewTarget> {
  declare rowCount: number;
  declare columnCount: number;
  declare index: number;
  declare values: unknown[][];
  declare text: string[][];
  declare numberFormat: string[][];
  declare formulas: unknown[][];

  constructor(context: ContextCore, range: () => RangeTarget) {
    super(context, () => viewOf(range()), false, "Range.getVisibleView");
  }

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
