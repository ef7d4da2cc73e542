import {
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
  boundingRect,
  cellCount,
  fullAddress,
  intersect,
  isValidRect,
  parseAddress,
} from "../address";
import { a1ToR1C1, r1c1ToA1 } from "../coercion";
import { normalizeColor } from "../colors";
import { fail } from "../errors";
import { type SheetModel, isErrorValue } from "../model";
import type { CellFormat, CellValue } from "../types";
import { ConditionalFormatCollectionProxy } from "./conditional";
import { HYPERLINK_PROP } from "./hyperlink";
import { MAX_CELLS_PER_READ, type ContextCore } from "./context";
import { type Loadable, type PropDef, ProxyObject, installProps } from "./base";
import { RangeViewProxy, visibleView } from "./functions";
import { WorksheetProxy } from "./worksheet";

/** What a Range proxy resolves to: a block on a sheet. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export function assertWritable(sheet: SheetModel, member: string): void {
  if (sheet.protected)
    fail("AccessDenied", member, "The cell or chart you're trying to change is on a protected sheet.");
}

export function isEntireRows(rect: Rect): boolean {
  return rect.column === 0 && rect.columnCount === MAX_COLUMNS;
}

export function isEntireColumns(rect: Rect): boolean {
  return rect.row === 0 && rect.rowCount === MAX_ROWS;
}

/** A Range or an address argument, resolved at sync on `sheet` (or the sheet its prefix names). */
export function resolveRangeArg(
  context: ContextCore,
  arg: unknown,
  sheet: SheetModel,
  member: string,
): RangeTarget {
  if (arg instanceof RangeProxy) {
    if (arg.context !== context)
      fail("InvalidOperation", member, "The range belongs to a different request context.");
    return arg._resolve();
  }
  if (typeof arg === "string") {
    const { sheet: name, rect } = parseAddress(arg);
    if (name === undefined) return { sheet, rect };
    const other = sheet.workbook.sheet(name);
    if (!other) fail("ItemNotFound", member, `The worksheet '${name}' doesn't exist.`);
    return { sheet: other, rect };
  }
  return fail("InvalidArgument", member, "Expected a Range object or an address.");
}

/** A 2-D argument for a range write; a bare value is accepted only for a single cell. */
function matrixFor(value: unknown, rect: Rect, member: string): unknown[][] {
  if (!Array.isArray(value)) {
    if (rect.rowCount === 1 && rect.columnCount === 1) return [[value]];
    fail(
      "InvalidArgument",
      member,
      "The argument is invalid or missing or has an incorrect format: a 2-D array matching the range is required.",
    );
  }
  if (
    value.length !== rect.rowCount ||
    value.some((row) => !Array.isArray(row) || row.length !== rect.columnCount)
  ) {
    fail(
      "InvalidArgument",
      member,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rowCount} x ${rect.columnCount}).`,
    );
  }
  return value as unknown[][];
}

function readGrid<T>(t: RangeTarget, read: (sheet: SheetModel, r: number, c: number) => T): T[][] | null {
  if (cellCount(t.rect) > MAX_CELLS_PER_READ) return null;
  const { sheet, rect } = t;
  return sheet.readBlock(rect.row, rect.column, rect.rowCount, rect.columnCount, (r, c) => read(sheet, r, c));
}

/**
 * Writes a 2-D argument cell by cell. Cell writes land on rows not hidden by a filter, one after
 * the other, which misplaces data in a filtered range exactly as Excel does.
 */
function writeGrid(
  t: RangeTarget,
  value: unknown,
  member: string,
  write: (sheet: SheetModel, r: number, c: number, v: unknown) => void,
): void {
  const matrix = matrixFor(value, t.rect, member);
  assertWritable(t.sheet, member);
  // A single row lands where addressed; a block skips filtered-out rows.
  const rows = t.rect.rowCount === 1 ? [t.rect.row] : t.sheet.targetRows(t.rect.row, t.rect.rowCount);
  for (let i = 0; i < matrix.length; i++) {
    const line = matrix[i];
    for (let j = 0; j < line.length; j++) write(t.sheet, rows[i], t.rect.column + j, line[j]);
  }
  t.sheet.touch();
}

function valueType(value: CellValue): string {
  if (value === "" || value === null) return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return isErrorValue(value) ? "Error" : "String";
}

/** true if every row (column) is hidden, false if none, null if mixed, as Excel reports. */
function allOrNone(count: number, hidden: (i: number) => boolean): boolean | null {
  let seen = 0;
  for (let i = 0; i < count; i++) if (hidden(i)) seen++;
  return seen === 0 ? false : seen === count ? true : null;
}

const RANGE_PROPS: Record<string, PropDef<RangeTarget>> = {
  hyperlink: HYPERLINK_PROP,
  address: { get: (t) => fullAddress(t.sheet.name, t.rect) },
  addressLocal: { get: (t) => fullAddress(t.sheet.name, t.rect) },
  rowIndex: { get: (t) => t.rect.row },
  columnIndex: { get: (t) => t.rect.column },
  rowCount: { get: (t) => t.rect.rowCount },
  columnCount: { get: (t) => t.rect.columnCount },
  cellCount: { get: (t) => cellCount(t.rect) },
  isEntireRow: { get: (t) => isEntireRows(t.rect) },
  isEntireColumn: { get: (t) => isEntireColumns(t.rect) },
  values: {
    cells: true,
    get: (t) => readGrid(t, (s, r, c) => s.getValue(r, c)),
    set: (t, v) => writeGrid(t, v, "Range.values", (s, r, c, x) => s.writeInput(r, c, x as CellValue)),
  },
  text: { cells: true, get: (t) => readGrid(t, (s, r, c) => s.text(r, c)) },
  valueTypes: { cells: true, get: (t) => readGrid(t, (s, r, c) => valueType(s.getValue(r, c))) },
  numberFormat: {
    cells: true,
    get: (t) => readGrid(t, (s, r, c) => s.numberFormatAt(r, c)),
    set: (t, v) =>
      writeGrid(t, v, "Range.numberFormat", (s, r, c, x) => {
        if (x !== null && x !== undefined)
          s.setCellFormat(r, c, { numberFormat: String(x) === "General" ? undefined : String(x) });
      }),
  },
  formulas: {
    cells: true,
    get: (t) => readGrid(t, (s, r, c) => s.getFormula(r, c) ?? s.getValue(r, c)),
    set: (t, v) => writeGrid(t, v, "Range.formulas", (s, r, c, x) => s.writeFormula(r, c, x as CellValue)),
  },
  formulasR1C1: {
    cells: true,
    get: (t) =>
      readGrid(t, (s, r, c) => {
        const f = s.getFormula(r, c);
        return f === undefined ? s.getValue(r, c) : a1ToR1C1(f, r, c);
      }),
    set: (t, v) =>
      writeGrid(t, v, "Range.formulasR1C1", (s, r, c, x) =>
        s.writeFormula(
          r,
          c,
          typeof x === "string" && x.startsWith("=") ? r1c1ToA1(x, r, c) : (x as CellValue),
        ),
      ),
  },
  rowHidden: {
    get: (t) => allOrNone(t.rect.rowCount, (i) => t.sheet.isRowHidden(t.rect.row + i)),
    set: (t, v) => {
      assertWritable(t.sheet, "Range.rowHidden");
      for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) {
        if (v) t.sheet.manualHiddenRows.add(r);
        else {
          t.sheet.manualHiddenRows.delete(r);
          for (const state of t.sheet.filterStates()) state.hidden.delete(r);
        }
      }
    },
  },
  columnHidden: {
    get: (t) => allOrNone(t.rect.columnCount, (j) => t.sheet.hiddenColumns.has(t.rect.column + j)),
    set: (t, v) => {
      assertWritable(t.sheet, "Range.columnHidden");
      for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++) {
        if (v) t.sheet.hiddenColumns.add(c);
        else t.sheet.hiddenColumns.delete(c);
      }
    },
  },
  hidden: {
    get: (t) =>
      allOrNone(t.rect.rowCount, (i) => t.sheet.isRowHidden(t.rect.row + i)) === true ||
      allOrNone(t.rect.columnCount, (j) => t.sheet.hiddenColumns.has(t.rect.column + j)) === true,
  },
};

export class RangeProxy extends ProxyObject<RangeTarget> {
  declare values: CellValue[][];
  declare text: string[][];
  declare numberFormat: string[][];
  declare formulas: unknown[][];
  declare formulasR1C1: unknown[][];
  declare valueTypes: string[][];
  declare address: string;
  declare addressLocal: string;
  declare rowIndex: number;
  declare columnIndex: number;
  declare rowCount: number;
  declare columnCount: number;
  declare cellCount: number;
  declare rowHidden: boolean;
  declare columnHidden: boolean;
  declare hidden: boolean;
  declare isEntireRow: boolean;
  declare isEntireColumn: boolean;
  declare hyperlink: Record<string, string>;

  get _class(): string {
    return "Range";
  }

  get _props(): Record<string, PropDef<RangeTarget>> {
    return RANGE_PROPS;
  }

  protected override _isGone(t: RangeTarget): boolean {
    return t.sheet.deleted;
  }

  protected override _cellCount(t: RangeTarget): number {
    return cellCount(t.rect);
  }

  override _navigate(name: string): Loadable | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  get format(): RangeFormatProxy {
    return this._child("format", () => new RangeFormatProxy(this.context, () => this._resolve()));
  }

  get sort(): RangeSortProxy {
    return this._child(
      "sort",
      () => new RangeSortProxy(this.context, () => this._resolve(), false, "Range.sort"),
    );
  }

  get worksheet(): WorksheetProxy {
    return this._child("worksheet", () => new WorksheetProxy(this.context, () => this._resolve().sheet));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child(
      "conditionalFormats",
      () => new ConditionalFormatCollectionProxy(this.context, this, "Range.conditionalFormats"),
    );
  }

  /** A range derived from this one at sync; invalid results fail with InvalidArgument. */
  private _derive(member: string, make: (t: RangeTarget) => Rect, version?: string): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const t = this._resolve();
        const rect = make(t);
        if (!isValidRect(rect))
          fail(
            "InvalidArgument",
            `Range.${member}`,
            "The resulting range is outside the worksheet or empty.",
          );
        return { sheet: t.sheet, rect };
      },
      false,
      version,
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derive("getCell", ({ rect }) => ({
      row: rect.row + row,
      column: rect.column + column,
      rowCount: 1,
      columnCount: 1,
    }));
  }

  getRow(row: number): RangeProxy {
    return this._derive("getRow", ({ rect }) => ({
      ...rect,
      row: rect.row + row,
      rowCount: row < rect.rowCount ? 1 : 0,
    }));
  }

  getColumn(column: number): RangeProxy {
    return this._derive("getColumn", ({ rect }) => ({
      ...rect,
      column: rect.column + column,
      columnCount: column < rect.columnCount ? 1 : 0,
    }));
  }

  getLastRow(): RangeProxy {
    return this._derive("getLastRow", ({ rect }) => ({
      ...rect,
      row: rect.row + rect.rowCount - 1,
      rowCount: 1,
    }));
  }

  getLastColumn(): RangeProxy {
    return this._derive("getLastColumn", ({ rect }) => ({
      ...rect,
      column: rect.column + rect.columnCount - 1,
      columnCount: 1,
    }));
  }

  getLastCell(): RangeProxy {
    return this._derive("getLastCell", ({ rect }) => ({
      row: rect.row + rect.rowCount - 1,
      column: rect.column + rect.columnCount - 1,
      rowCount: 1,
      columnCount: 1,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derive(
      "getResizedRange",
      ({ rect }) => ({
        ...rect,
        rowCount: rect.rowCount + deltaRows,
        columnCount: rect.columnCount + deltaColumns,
      }),
      "Range.getResizedRange",
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derive("getOffsetRange", ({ rect }) => ({
      ...rect,
      row: rect.row + rowOffset,
      column: rect.column + columnOffset,
    }));
  }

  getRowsAbove(count = 1): RangeProxy {
    return this._derive(
      "getRowsAbove",
      ({ rect }) => ({ ...rect, row: rect.row - count, rowCount: count }),
      "Range.getRowsAbove",
    );
  }

  getRowsBelow(count = 1): RangeProxy {
    return this._derive(
      "getRowsBelow",
      ({ rect }) => ({ ...rect, row: rect.row + rect.rowCount, rowCount: count }),
      "Range.getRowsBelow",
    );
  }

  getColumnsBefore(count = 1): RangeProxy {
    return this._derive(
      "getColumnsBefore",
      ({ rect }) => ({ ...rect, column: rect.column - count, columnCount: count }),
      "Range.getColumnsBefore",
    );
  }

  getColumnsAfter(count = 1): RangeProxy {
    return this._derive(
      "getColumnsAfter",
      ({ rect }) => ({ ...rect, column: rect.column + rect.columnCount, columnCount: count }),
      "Range.getColumnsAfter",
    );
  }

  getEntireRow(): RangeProxy {
    return this._derive("getEntireRow", ({ rect }) => ({ ...rect, column: 0, columnCount: MAX_COLUMNS }));
  }

  getEntireColumn(): RangeProxy {
    return this._derive("getEntireColumn", ({ rect }) => ({ ...rect, row: 0, rowCount: MAX_ROWS }));
  }

  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this._derive("getBoundingRect", (t) =>
      boundingRect(t.rect, this._sameSheetArg(t, other, "getBoundingRect").rect),
    );
  }

  getIntersection(other: RangeProxy | string): RangeProxy {
    return this._intersection(other, false, "getIntersection");
  }

  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return this._intersection(other, true, "getIntersectionOrNullObject")._instantiate(
      "Range.getIntersectionOrNullObject",
    );
  }

  private _intersection(other: RangeProxy | string, nullable: boolean, member: string): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const t = this._resolve();
        const rect = intersect(t.rect, this._sameSheetArg(t, other, member).rect);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      nullable,
    );
  }

  private _sameSheetArg(t: RangeTarget, other: unknown, member: string): RangeTarget {
    const o = resolveRangeArg(this.context, other, t.sheet, `Range.${member}`);
    if (o.sheet !== t.sheet)
      fail("InvalidArgument", `Range.${member}`, "The ranges are on different worksheets.");
    return o;
  }

  /** The visible rows and columns (ExcelApi 1.3), evaluated at the sync that loads it. */
  getVisibleView(): RangeViewProxy {
    return new RangeViewProxy(
      this.context,
      () => visibleView(this._resolve()),
      false,
      "Range.getVisibleView",
    );
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._usedRange(valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._usedRange(valuesOnly, true)._instantiate("Range.getUsedRangeOrNullObject");
  }

  private _usedRange(valuesOnly: boolean | undefined, nullable: boolean): RangeProxy {
    const via = nullable
      ? "Range.getUsedRangeOrNullObject"
      : valuesOnly !== undefined
        ? "Range.getUsedRange.valuesOnly"
        : undefined;
    return new RangeProxy(
      this.context,
      () => {
        const t = this._resolve();
        const used = t.sheet.usedRange(valuesOnly === true);
        const rect = used && intersect(used, t.rect);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      nullable,
      via,
    );
  }

  clear(applyTo: "All" | "Formats" | "Contents" | string = "All"): void {
    this._call("clear", applyTo, true, (t) => {
      assertWritable(t.sheet, "Range.clear");
      t.sheet.clear(t.rect, applyTo === "Formats" ? "Formats" : applyTo === "All" ? "All" : "Contents");
    });
  }

  delete(shift: "Up" | "Left" | string): void {
    this._call("delete", shift, true, (t) => {
      assertWritable(t.sheet, "Range.delete");
      shiftCells(t, shift === "Left" ? "Left" : "Up", false);
    });
  }

  insert(shift: "Down" | "Right" | string): RangeProxy {
    this._call("insert", shift, true, (t) => {
      assertWritable(t.sheet, "Range.insert");
      shiftCells(t, shift === "Right" ? "Right" : "Down", true);
    });
    return new RangeProxy(this.context, () => this._resolve());
  }

  select(): void {
    this._call("select", undefined, false, (t) => {
      t.sheet.workbook.selection = { sheet: t.sheet, rect: t.rect };
      t.sheet.workbook.setActive(t.sheet.name);
    });
  }

  calculate(): void {
    this._call("calculate", undefined, false, () => undefined);
  }
}
installProps(RangeProxy, Object.keys(RANGE_PROPS));

/** Insert (open a gap) or delete (close it) cells, by whole rows/columns or by shifting a block. */
function shiftCells(
  { sheet, rect }: RangeTarget,
  direction: "Up" | "Left" | "Down" | "Right",
  inserting: boolean,
): void {
  const sign = inserting ? 1 : -1;
  if (isEntireRows(rect)) return sheet.shiftRows(rect.row, sign * rect.rowCount);
  if (isEntireColumns(rect)) return sheet.shiftColumns(rect.column, sign * rect.columnCount);
  const extent = sheet.storedExtent();
  if (direction === "Up" || direction === "Down") {
    const start = inserting ? rect.row : rect.row + rect.rowCount;
    const block = {
      row: start,
      column: rect.column,
      rowCount: extent.rows - start,
      columnCount: rect.columnCount,
    };
    if (!inserting) sheet.clear(rect, "All");
    if (block.rowCount > 0) sheet.moveBlock(block, sign * rect.rowCount, 0);
  } else {
    const start = inserting ? rect.column : rect.column + rect.columnCount;
    const block = {
      row: rect.row,
      column: start,
      rowCount: rect.rowCount,
      columnCount: extent.columns - start,
    };
    if (!inserting) sheet.clear(rect, "All");
    if (block.columnCount > 0) sheet.moveBlock(block, 0, sign * rect.columnCount);
  }
}

/** The shared format of a range's cells, or null when they differ (as Excel reports). */
function uniform<V>(t: RangeTarget, read: (f: CellFormat, r: number, c: number) => V): V | null {
  const { sheet, rect } = t;
  const lastRow = Math.min(rect.row + rect.rowCount, Math.max(rect.row + 1, sheet.storedRowCount + 1));
  let first: { v: V } | null = null;
  for (let r = rect.row; r < lastRow; r++) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
      const v = read(sheet.format(r, c), r, c);
      if (!first) first = { v };
      else if (first.v !== v) return null;
    }
  }
  return first ? first.v : null;
}

function setFormat(t: RangeTarget, member: string, patch: CellFormat): void {
  assertWritable(t.sheet, member);
  t.sheet.setFormat(t.rect, patch);
}

const FORMAT_PROPS: Record<string, PropDef<RangeTarget>> = {
  horizontalAlignment: {
    get: (t) => uniform(t, (f) => f.horizontalAlignment ?? "General"),
    set: (t, v) =>
      setFormat(t, "RangeFormat.horizontalAlignment", {
        horizontalAlignment: v === "General" ? undefined : String(v),
      }),
  },
  verticalAlignment: { get: () => "Bottom" },
  wrapText: {
    get: (t) => uniform(t, (f) => f.wrapText ?? false),
    set: (t, v) => setFormat(t, "RangeFormat.wrapText", { wrapText: v ? true : undefined }),
  },
  columnWidth: {
    get: (t) => uniform(t, (_f, _r, c) => t.sheet.columnWidth(c)),
    set: (t, v) => {
      assertWritable(t.sheet, "RangeFormat.columnWidth");
      for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++)
        // A column at the standard width is indistinguishable from one never sized.
        if (Number(v) === STANDARD_COLUMN_WIDTH) t.sheet.columnWidths.delete(c);
        else t.sheet.columnWidths.set(c, Number(v));
    },
  },
  rowHeight: {
    get: (t) => uniform(t, (_f, r) => t.sheet.rowHeight(r)),
    set: (t, v) => {
      assertWritable(t.sheet, "RangeFormat.rowHeight");
      for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) t.sheet.rowHeights.set(r, Number(v));
    },
  },
};

export class RangeFormatProxy extends ProxyObject<RangeTarget> {
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare wrapText: boolean;
  declare columnWidth: number;
  declare rowHeight: number;

  get _class(): string {
    return "RangeFormat";
  }

  get _props(): Record<string, PropDef<RangeTarget>> {
    return FORMAT_PROPS;
  }

  protected override _isGone(t: RangeTarget): boolean {
    return t.sheet.deleted;
  }

  override _navigate(name: string): Loadable | undefined {
    if (name === "font") return this.font;
    if (name === "fill") return this.fill;
    return undefined;
  }

  get font(): RangeFontProxy {
    return this._child("font", () => new RangeFontProxy(this.context, () => this._resolve()));
  }

  get fill(): RangeFillProxy {
    return this._child("fill", () => new RangeFillProxy(this.context, () => this._resolve()));
  }

  autofitColumns(): void {
    this._call("autofitColumns", undefined, true, (t) => {
      assertWritable(t.sheet, "RangeFormat.autofitColumns");
      const rect = t.sheet.clampToStored(t.rect) ?? { ...t.rect, rowCount: 0 };
      for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++) {
        let longest = 0;
        for (let r = rect.row; r < rect.row + rect.rowCount; r++)
          longest = Math.max(longest, t.sheet.text(r, c).length);
        t.sheet.columnWidths.set(
          c,
          longest === 0 ? STANDARD_COLUMN_WIDTH : Math.min(409.5, Math.ceil(longest * 5.25 + 7.5)),
        );
      }
    });
  }

  autofitRows(): void {
    this._call("autofitRows", undefined, true, (t) => assertWritable(t.sheet, "RangeFormat.autofitRows"));
  }
}
installProps(RangeFormatProxy, Object.keys(FORMAT_PROPS));

/** Excel's default column width in points. */
const STANDARD_COLUMN_WIDTH = 48;

const FONT_PROPS: Record<string, PropDef<RangeTarget>> = {
  bold: {
    get: (t) => uniform(t, (f) => f.bold ?? false),
    set: (t, v) => setFormat(t, "RangeFont.bold", { bold: v ? true : undefined }),
  },
  italic: {
    get: (t) => uniform(t, (f) => f.italic ?? false),
    set: (t, v) => setFormat(t, "RangeFont.italic", { italic: v ? true : undefined }),
  },
  color: {
    get: (t) => uniform(t, (f) => f.fontColor ?? "#000000"),
    set: (t, v) => setFormat(t, "RangeFont.color", { fontColor: normalizeColor(v) }),
  },
  name: { get: () => "Calibri" },
  size: {
    get: (t) => uniform(t, (f) => f.fontSize ?? 11),
    set: (t, v) => setFormat(t, "RangeFont.size", { fontSize: Number(v) === 11 ? undefined : Number(v) }),
  },
};

export class RangeFontProxy extends ProxyObject<RangeTarget> {
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare name: string;
  declare size: number;

  get _class(): string {
    return "RangeFont";
  }

  get _props(): Record<string, PropDef<RangeTarget>> {
    return FONT_PROPS;
  }
}
installProps(RangeFontProxy, Object.keys(FONT_PROPS));

const FILL_PROPS: Record<string, PropDef<RangeTarget>> = {
  color: {
    get: (t) => uniform(t, (f) => f.fill ?? "#FFFFFF"),
    set: (t, v) => setFormat(t, "RangeFill.color", { fill: normalizeColor(v) }),
  },
};

export class RangeFillProxy extends ProxyObject<RangeTarget> {
  declare color: string;

  get _class(): string {
    return "RangeFill";
  }

  get _props(): Record<string, PropDef<RangeTarget>> {
    return FILL_PROPS;
  }

  clear(): void {
    this._call("clear", undefined, true, (t) => setFormat(t, "RangeFill.clear", { fill: undefined }));
  }
}
installProps(RangeFillProxy, Object.keys(FILL_PROPS));

export interface SortField {
  key: number;
  ascending?: boolean;
}

/** Sorts rows of a range (or a table body) in place; rows move with their formulas and formats. */
export class RangeSortProxy extends ProxyObject<RangeTarget> {
  get _class(): string {
    return "RangeSort";
  }

  get _props(): Record<string, PropDef<RangeTarget>> {
    return {};
  }

  apply(fields: SortField[], matchCase = false, hasHeaders = false, orientation: string = "Rows"): void {
    this._call("apply", { fields, matchCase, hasHeaders, orientation }, true, (t) =>
      sortTarget(t, fields, matchCase, hasHeaders, orientation),
    );
  }
}

export function sortTarget(
  t: RangeTarget,
  fields: SortField[],
  matchCase: boolean,
  hasHeaders: boolean,
  orientation: string,
): void {
  const member = "RangeSort.apply";
  assertWritable(t.sheet, member);
  if (orientation !== "Rows")
    fail("InvalidArgument", member, "Only row sorting is supported by the in-memory Excel.");
  if (
    !Array.isArray(fields) ||
    fields.length === 0 ||
    fields.some((f) => !Number.isInteger(f.key) || f.key < 0 || f.key >= t.rect.columnCount)
  ) {
    fail("InvalidArgument", member, "Each sort field key must be a column offset inside the range.");
  }
  const clamped = t.sheet.clampToStored(t.rect);
  if (!clamped) return;
  const body = hasHeaders ? { ...clamped, row: clamped.row + 1, rowCount: clamped.rowCount - 1 } : clamped;
  if (body.rowCount > 1) t.sheet.sortRows(body, fields, matchCase);
}
