import { MAX_COLUMNS, MAX_ROWS, type Rect, intersect } from "./address";
import { coerceInput, evaluateFormula } from "./coercion";
import { passesCriteria } from "./filters";
import { displayText } from "./numberFormat";
import type { CellFormat, CellValue, FilterState } from "./types";
import { type WorkbookSnapshot, workbookSnapshot } from "./snapshot";
import type { ChartModel, ConditionalFormatModel, PivotModel, TableModel } from "./objects";

/** One sheet row: values as a plain array (the bulk of memory), formulas and formats sparse. */
interface RowData {
  v: CellValue[];
  f?: Map<number, string>;
  fmt?: Map<number, CellFormat>;
}

/** Everything a cell holds, for moves (sort, insert, delete). */
export interface CellRecord {
  value: CellValue;
  formula?: string;
  format?: CellFormat;
}

export interface CellInfo {
  value: CellValue;
  formula?: string;
  numberFormat: string;
  text: string;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

const EMPTY_FORMAT: CellFormat = Object.freeze({});
const internedFormats = new Map<string, CellFormat>();

/** Identical formats share one frozen object, so 300k formatted cells cost 300k pointers. */
function intern(format: CellFormat): CellFormat | undefined {
  const entries = Object.entries(format).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return undefined;
  entries.sort(([a], [b]) => (a < b ? -1 : 1));
  const key = JSON.stringify(entries);
  let shared = internedFormats.get(key);
  if (!shared) {
    shared = Object.freeze(Object.fromEntries(entries)) as CellFormat;
    internedFormats.set(key, shared);
  }
  return shared;
}

function mergeFormat(base: CellFormat | undefined, patch: CellFormat): CellFormat | undefined {
  return intern({ ...base, ...patch });
}

const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
]);

export function isErrorValue(value: CellValue): boolean {
  return typeof value === "string" && ERROR_VALUES.has(value);
}

/** Adjusts a 1-D span [start, start+count) for an insertion (delta > 0) or deletion at `at`. */
function shiftSpan(start: number, count: number, at: number, delta: number): [number, number] | null {
  if (delta > 0) {
    if (at <= start) return [start + delta, count];
    if (at < start + count) return [start, count + delta];
    return [start, count];
  }
  const removedEnd = at - delta;
  const removedBefore = (p: number) => Math.max(0, Math.min(p, removedEnd) - at);
  const newStart = start - removedBefore(start);
  const newEnd = start + count - removedBefore(start + count);
  return newEnd > newStart ? [newStart, newEnd - newStart] : null;
}

function shiftIndex(index: number, at: number, delta: number): number | null {
  if (index < at) return index;
  if (delta < 0 && index < at - delta) return null;
  return index + delta;
}

function shiftSet(set: Set<number>, at: number, delta: number): void {
  const moved = [...set].map((i) => shiftIndex(i, at, delta)).filter((i): i is number => i !== null);
  set.clear();
  for (const i of moved) set.add(i);
}

function shiftMap<T>(map: Map<number, T>, at: number, delta: number): void {
  const moved = [...map].map(([i, v]) => [shiftIndex(i, at, delta), v] as const);
  map.clear();
  for (const [i, v] of moved) if (i !== null) map.set(i, v);
}

export class SheetModel {
  name: string;
  visibility: SheetVisibility = "Visible";
  protected = false;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor = "";
  /** The sheet AutoFilter (null when none). Tables carry their own filters. */
  autoFilter: FilterState | null = null;
  readonly pivotTables: PivotModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly rowFormats = new Map<number, CellFormat>();
  readonly columnFormats = new Map<number, CellFormat>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly manualHiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  /** Set when the sheet is removed; proxies that still point at it fail with ItemNotFound. */
  deleted = false;
  private readonly rows: (RowData | undefined)[] = [];
  private revision = 0;
  private usedCache: { revision: number; valuesOnly: boolean; rect: Rect | null } | null = null;

  constructor(
    readonly workbook: WorkbookModel,
    name: string,
    readonly id: string,
  ) {
    this.name = name;
  }

  get tables(): TableModel[] {
    return this.workbook.tables.filter((t) => t.sheet === this);
  }

  /** Row count of the stored grid (rows past it are empty). */
  get storedRowCount(): number {
    return this.rows.length;
  }

  // ---- cells -------------------------------------------------------------------------------

  getValue(row: number, column: number): CellValue {
    const value = this.rows[row]?.v[column];
    return value === undefined || value === null ? "" : value;
  }

  getFormula(row: number, column: number): string | undefined {
    return this.rows[row]?.f?.get(column);
  }

  /** The format in effect: cell over row over column. */
  format(row: number, column: number): CellFormat {
    const cell = this.rows[row]?.fmt?.get(column);
    if (this.rowFormats.size === 0 && this.columnFormats.size === 0) return cell ?? EMPTY_FORMAT;
    return { ...this.columnFormats.get(column), ...this.rowFormats.get(row), ...cell };
  }

  numberFormatAt(row: number, column: number): string {
    return (
      this.rows[row]?.fmt?.get(column)?.numberFormat ??
      this.rowFormats.get(row)?.numberFormat ??
      this.columnFormats.get(column)?.numberFormat ??
      "General"
    );
  }

  text(row: number, column: number): string {
    const value = this.getValue(row, column);
    return value === "" ? "" : displayText(value, this.numberFormatAt(row, column));
  }

  cell(row: number, column: number): CellInfo {
    const formula = this.getFormula(row, column);
    const info: CellInfo = {
      value: this.getValue(row, column),
      numberFormat: this.numberFormatAt(row, column),
      text: this.text(row, column),
    };
    if (formula !== undefined) info.formula = formula;
    return info;
  }

  /** A block of values; empty cells are "". */
  values(row: number, column: number, rowCount: number, columnCount: number): CellValue[][] {
    return this.readBlock(row, column, rowCount, columnCount, (r, c) => this.getValue(r, c));
  }

  readBlock<T>(
    row: number,
    column: number,
    rowCount: number,
    columnCount: number,
    read: (r: number, c: number) => T,
  ): T[][] {
    const out: T[][] = new Array(rowCount);
    for (let i = 0; i < rowCount; i++) {
      const line: T[] = new Array(columnCount);
      for (let j = 0; j < columnCount; j++) line[j] = read(row + i, column + j);
      out[i] = line;
    }
    return out;
  }

  /** Raw write for test setup and generators: no typing rules, null stored as empty. */
  setValues(row: number, column: number, values: readonly (readonly CellValue[])[]): void {
    for (let i = 0; i < values.length; i++) {
      const source = values[i];
      const data = this.ensureRow(row + i);
      if (column === 0 && data.v.length === 0 && !source.includes(null)) {
        data.v = source.slice();
      } else {
        for (let j = 0; j < source.length; j++) data.v[column + j] = source[j] ?? "";
      }
      if (data.f) for (let j = 0; j < source.length; j++) data.f.delete(column + j);
    }
    this.touch();
  }

  /** Stores a value (and formula) without typing rules. */
  setCell(row: number, column: number, value: CellValue, formula?: string): void {
    const data = this.ensureRow(row);
    data.v[column] = value === null ? "" : value;
    if (formula !== undefined) (data.f ??= new Map()).set(column, formula);
    else data.f?.delete(column);
    this.touch();
  }

  /** A value typed by the user or `range.values`: Excel's typing rules apply; null leaves the cell. */
  writeInput(row: number, column: number, input: CellValue): void {
    if (input === null || input === undefined) return;
    const stored = coerceInput(input, this.numberFormatAt(row, column));
    if (stored.formula !== undefined) this.writeFormula(row, column, stored.formula);
    else this.setCell(row, column, stored.value);
    if (stored.impliedFormat && this.numberFormatAt(row, column) === "General") {
      this.setCellFormat(row, column, { numberFormat: stored.impliedFormat });
    }
  }

  /** `range.formulas`: a string without "=" is a value typed as usual. */
  writeFormula(row: number, column: number, formula: CellValue): void {
    if (typeof formula === "string" && formula.length > 1 && formula.startsWith("=")) {
      this.setCell(
        row,
        column,
        evaluateFormula(formula, (r, c) => this.getValue(r, c)),
        formula,
      );
    } else this.writeInput(row, column, formula);
  }

  record(row: number, column: number): CellRecord {
    const data = this.rows[row];
    const rec: CellRecord = { value: this.getValue(row, column) };
    const formula = data?.f?.get(column);
    if (formula !== undefined) rec.formula = formula;
    const format = data?.fmt?.get(column);
    if (format) rec.format = format;
    return rec;
  }

  putRecord(row: number, column: number, rec: CellRecord): void {
    this.setCell(row, column, rec.value, rec.formula);
    const data = this.ensureRow(row);
    if (rec.format) (data.fmt ??= new Map()).set(column, rec.format);
    else data.fmt?.delete(column);
  }

  // ---- formats -----------------------------------------------------------------------------

  /** Applies a format patch (undefined props are cleared) to a block, whole rows or whole columns. */
  setFormat(rect: Rect, patch: CellFormat): void {
    const keys = Object.keys(patch) as (keyof CellFormat)[];
    const without = (f: CellFormat | undefined) => {
      if (!f) return undefined;
      const copy = { ...f };
      for (const k of keys) delete copy[k];
      return intern(copy);
    };
    if (rect.row === 0 && rect.rowCount === MAX_ROWS) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const next = mergeFormat(this.columnFormats.get(c), patch);
        if (next) this.columnFormats.set(c, next);
        else this.columnFormats.delete(c);
      }
      this.forEachStoredCellFormat(rect, (fmt, c) => fmt.set(c, without(fmt.get(c))!));
    } else if (rect.column === 0 && rect.columnCount === MAX_COLUMNS) {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        const next = mergeFormat(this.rowFormats.get(r), patch);
        if (next) this.rowFormats.set(r, next);
        else this.rowFormats.delete(r);
      }
      this.forEachStoredCellFormat(rect, (fmt, c) => fmt.set(c, without(fmt.get(c))!));
    } else {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.column; c < rect.column + rect.columnCount; c++) this.setCellFormat(r, c, patch);
      }
    }
    this.touch();
  }

  setCellFormat(row: number, column: number, patch: CellFormat): void {
    const data = this.ensureRow(row);
    const next = mergeFormat(data.fmt?.get(column), patch);
    if (next) (data.fmt ??= new Map()).set(column, next);
    else data.fmt?.delete(column);
  }

  private forEachStoredCellFormat(
    rect: Rect,
    visit: (fmt: Map<number, CellFormat>, column: number) => void,
  ): void {
    const last = Math.min(rect.row + rect.rowCount, this.rows.length);
    for (let r = rect.row; r < last; r++) {
      const fmt = this.rows[r]?.fmt;
      if (!fmt) continue;
      for (const c of [...fmt.keys()]) {
        if (c >= rect.column && c < rect.column + rect.columnCount) {
          visit(fmt, c);
          if (fmt.get(c) === undefined) fmt.delete(c);
        }
      }
    }
  }

  columnWidth(column: number): number {
    return this.columnWidths.get(column) ?? 48;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? 15;
  }

  /** Bold, fills and colours as stored: cell-level formats keyed "r,c", plus row and column formats. */
  get formats(): {
    cells: Map<string, CellFormat>;
    rows: Map<number, CellFormat>;
    columns: Map<number, CellFormat>;
    columnWidths: Map<number, number>;
  } {
    const cells = new Map<string, CellFormat>();
    this.rows.forEach((data, r) => data?.fmt?.forEach((f, c) => cells.set(`${r},${c}`, f)));
    return { cells, rows: this.rowFormats, columns: this.columnFormats, columnWidths: this.columnWidths };
  }

  // ---- clearing and used range --------------------------------------------------------------

  clear(rect: Rect, applyTo: "All" | "Formats" | "Contents"): void {
    const contents = applyTo !== "Formats";
    const formats = applyTo !== "Contents";
    const lastRow = Math.min(rect.row + rect.rowCount, this.rows.length);
    const lastCol = rect.column + rect.columnCount;
    for (let r = rect.row; r < lastRow; r++) {
      const data = this.rows[r];
      if (!data) continue;
      if (contents) {
        const end = Math.min(lastCol, data.v.length);
        for (let c = rect.column; c < end; c++) data.v[c] = "";
        if (data.f) for (const c of [...data.f.keys()]) if (c >= rect.column && c < lastCol) data.f.delete(c);
      }
      if (formats && data.fmt)
        for (const c of [...data.fmt.keys()]) if (c >= rect.column && c < lastCol) data.fmt.delete(c);
    }
    if (formats && rect.row === 0 && rect.rowCount === MAX_ROWS) {
      for (let c = rect.column; c < lastCol; c++) this.columnFormats.delete(c);
    }
    if (formats && rect.column === 0 && rect.columnCount === MAX_COLUMNS) {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) this.rowFormats.delete(r);
    }
    this.touch();
  }

  /** Bounding box of cells with values or formulas (and cell formats unless valuesOnly); null when empty. */
  usedRange(valuesOnly = false): Rect | null {
    const cache = this.usedCache;
    if (cache && cache.revision === this.revision && cache.valuesOnly === valuesOnly) return cache.rect;
    let top = -1;
    let bottom = -1;
    let left = Number.MAX_SAFE_INTEGER;
    let right = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const data = this.rows[r];
      if (!data) continue;
      const v = data.v;
      let first = -1;
      let last = -1;
      for (let c = 0; c < v.length; c++) {
        const x = v[c];
        if (x !== "" && x !== undefined && x !== null) {
          first = c;
          break;
        }
      }
      if (first >= 0) {
        for (let c = v.length - 1; c >= first; c--) {
          const x = v[c];
          if (x !== "" && x !== undefined && x !== null) {
            last = c;
            break;
          }
        }
      }
      const extra = [...(data.f?.keys() ?? []), ...(!valuesOnly ? (data.fmt?.keys() ?? []) : [])];
      for (const c of extra) {
        if (first < 0 || c < first) first = c;
        if (c > last) last = c;
      }
      if (first < 0) continue;
      if (top < 0) top = r;
      bottom = r;
      left = Math.min(left, first);
      right = Math.max(right, last);
    }
    const rect =
      top < 0 ? null : { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
    this.usedCache = { revision: this.revision, valuesOnly, rect };
    return rect;
  }

  /** Clamps a (possibly whole-column) rect to the stored rows, to avoid walking a million empty rows. */
  clampToStored(rect: Rect): Rect | null {
    const used = this.usedRange(false);
    if (!used) return null;
    const lastRow = Math.min(rect.row + rect.rowCount, used.row + used.rowCount);
    if (lastRow <= rect.row) return null;
    return { ...rect, rowCount: lastRow - rect.row };
  }

  // ---- hidden rows and filters ---------------------------------------------------------------

  isRowHidden(row: number): boolean {
    return this.manualHiddenRows.has(row) || this.isRowFilteredOut(row);
  }

  isRowFilteredOut(row: number): boolean {
    if (this.autoFilter?.hidden.has(row)) return true;
    return this.tables.some((t) => t.filter.hidden.has(row));
  }

  hiddenRows(): number[] {
    const all = new Set(this.manualHiddenRows);
    for (const state of this.filterStates()) for (const r of state.hidden) all.add(r);
    return [...all].sort((a, b) => a - b);
  }

  filterStates(): FilterState[] {
    const states = this.tables.map((t) => t.filter);
    return this.autoFilter ? [this.autoFilter, ...states] : states;
  }

  /** Re-evaluates one filter against the current cells (Excel does this on apply/reapply only). */
  evaluateFilter(state: FilterState): void {
    state.hidden.clear();
    if (state.criteria.size === 0) return;
    const { range } = state;
    const criteria = [...state.criteria];
    for (let r = range.row + 1; r < range.row + range.rowCount; r++) {
      for (const [offset, crit] of criteria) {
        const c = range.column + offset;
        if (!passesCriteria(crit, this.getValue(r, c), this.text(r, c))) {
          state.hidden.add(r);
          break;
        }
      }
    }
  }

  /** Rows a block write lands on: Excel skips rows hidden by a filter, so data shifts downwards. */
  targetRows(startRow: number, count: number): number[] {
    const hidden = this.filterStates()
      .map((s) => s.hidden)
      .filter((h) => h.size > 0);
    const rows: number[] = [];
    let r = startRow;
    while (rows.length < count && r < MAX_ROWS) {
      if (!hidden.some((h) => h.has(r))) rows.push(r);
      r++;
    }
    return rows;
  }

  // ---- structure ---------------------------------------------------------------------------

  /** Inserts (count > 0) or deletes (count < 0) whole rows at `at`, moving everything below. */
  shiftRows(at: number, count: number): void {
    if (count > 0) this.rows.splice(at, 0, ...new Array<RowData | undefined>(count).fill(undefined));
    else this.rows.splice(at, -count);
    shiftSet(this.manualHiddenRows, at, count);
    shiftMap(this.rowHeights, at, count);
    shiftMap(this.rowFormats, at, count);
    this.shiftObjects("row", at, count);
    this.touch();
  }

  /** Inserts or deletes whole columns at `at`, moving everything to the right. */
  shiftColumns(at: number, count: number): void {
    for (const data of this.rows) {
      if (!data) continue;
      if (count > 0) {
        if (data.v.length > at) data.v.splice(at, 0, ...new Array<CellValue>(count).fill(""));
      } else data.v.splice(at, -count);
      if (data.f) shiftMap(data.f, at, count);
      if (data.fmt) shiftMap(data.fmt, at, count);
    }
    shiftSet(this.hiddenColumns, at, count);
    shiftMap(this.columnWidths, at, count);
    shiftMap(this.columnFormats, at, count);
    this.shiftObjects("column", at, count);
    this.touch();
  }

  /** Keeps filters, tables, conditional formats and pivots anchored to their cells. */
  private shiftObjects(axis: "row" | "column", at: number, delta: number): void {
    const move = (rect: Rect): Rect | null => {
      const span =
        axis === "row"
          ? shiftSpan(rect.row, rect.rowCount, at, delta)
          : shiftSpan(rect.column, rect.columnCount, at, delta);
      if (!span) return null;
      return axis === "row"
        ? { ...rect, row: span[0], rowCount: span[1] }
        : { ...rect, column: span[0], columnCount: span[1] };
    };
    const moveFilter = (state: FilterState): boolean => {
      const range = move(state.range);
      if (!range) return false;
      state.range = range;
      if (axis === "row") shiftSet(state.hidden, at, delta);
      return true;
    };
    if (this.autoFilter && !moveFilter(this.autoFilter)) this.autoFilter = null;
    for (const table of this.tables) {
      const range = move(table.range);
      if (!range) this.workbook.removeTable(table);
      else {
        table.range = range;
        moveFilter(table.filter);
      }
    }
    for (let i = this.conditionalFormats.length - 1; i >= 0; i--) {
      const range = move(this.conditionalFormats[i].range);
      if (range) this.conditionalFormats[i].range = range;
      else this.conditionalFormats.splice(i, 1);
    }
    for (const pivot of this.workbook.pivotTables) {
      if (pivot.source.sheet === this) pivot.source.range = move(pivot.source.range) ?? pivot.source.range;
    }
  }

  /** Moves the cells of a block (values, formulas, cell formats) by whole rows or columns. */
  moveBlock(from: Rect, rowDelta: number, columnDelta: number): void {
    const records = this.readBlock(from.row, from.column, from.rowCount, from.columnCount, (r, c) =>
      this.record(r, c),
    );
    this.clear(from, "All");
    records.forEach((line, i) =>
      line.forEach((rec, j) => this.putRecord(from.row + i + rowDelta, from.column + j + columnDelta, rec)),
    );
  }

  /** Bottom row (exclusive) of stored data in a column span, for shifting cells down/up. */
  storedExtent(): { rows: number; columns: number } {
    const used = this.usedRange(false);
    return used
      ? { rows: used.row + used.rowCount, columns: used.column + used.columnCount }
      : { rows: 0, columns: 0 };
  }

  /** Stable sort of the rows of a block by columns (offsets in the block); whole cell records move. */
  sortRows(rect: Rect, fields: { key: number; ascending?: boolean }[], matchCase: boolean): void {
    const records = this.readBlock(rect.row, rect.column, rect.rowCount, rect.columnCount, (r, c) =>
      this.record(r, c),
    );
    const order = records.map((_, i) => i);
    order.sort((a, b) => {
      for (const field of fields) {
        const d = compareForSort(
          records[a][field.key].value,
          records[b][field.key].value,
          field.ascending !== false,
          matchCase,
        );
        if (d !== 0) return d;
      }
      return 0;
    });
    order.forEach((source, i) =>
      records[source].forEach((rec, j) => this.putRecord(rect.row + i, rect.column + j, rec)),
    );
    this.touch();
  }

  /** Conditional-format fill of a cell, for the preview grid. */
  conditionalFill(row: number, column: number): string | undefined {
    for (const cf of this.conditionalFormats) {
      if (!intersect(cf.range, { row, column, rowCount: 1, columnCount: 1 })) continue;
      if (cf.matches(this.getValue(row, column), this.text(row, column))) return cf.format.fill;
    }
    return undefined;
  }

  touch(): void {
    this.revision++;
  }

  private ensureRow(row: number): RowData {
    let data = this.rows[row];
    if (!data) {
      data = { v: [] };
      this.rows[row] = data;
    }
    return data;
  }
}

/** Excel's sort order: numbers, text, booleans, errors; blanks always last. */
function compareForSort(a: CellValue, b: CellValue, ascending: boolean, matchCase: boolean): number {
  const blankA = a === "" || a === null;
  const blankB = b === "" || b === null;
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  const rank = (v: CellValue) =>
    typeof v === "number" ? 0 : isErrorValue(v) ? 3 : typeof v === "string" ? 1 : 2;
  let d = rank(a) - rank(b);
  if (d === 0) {
    if (typeof a === "number" && typeof b === "number") d = a - b;
    else if (typeof a === "string" && typeof b === "string") {
      d = matchCase
        ? a.localeCompare(b, "en", { caseFirst: "lower" })
        : a.localeCompare(b, "en", { sensitivity: "base" });
    } else d = Number(a) - Number(b);
  }
  return ascending ? d : -d;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly settings = new Map<string, unknown>();
  /**
   * A switch for tests: when true, `FakeExcel.reload()` comes back with no settings, as Excel on the web
   * has done after a page reload (office-js#360, office-js#2940). Sheets and cells always survive.
   */
  settingsLostOnReload = false;
  readonly tables: TableModel[] = [];
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** context.runtime.enableEvents: per add-in runtime, so it outlives one request context. */
  enableEvents = true;
  selection: { sheet: SheetModel; rect: Rect } | null = null;
  private active: SheetModel | null = null;
  private nextId = 1;

  /** Adds a sheet (test setup): rows are stored raw starting at startRow/startColumn (0-based). */
  addSheet(
    name: string,
    rows?: readonly (readonly CellValue[])[],
    options?: { startRow?: number; startColumn?: number },
  ): SheetModel {
    if (this.sheet(name)) throw new Error(`A sheet named '${name}' already exists.`);
    const sheet = new SheetModel(this, name, `{${this.newId()}}`);
    this.sheets.push(sheet);
    if (!this.active) this.active = sheet;
    if (rows) sheet.setValues(options?.startRow ?? 0, options?.startColumn ?? 0, rows);
    return sheet;
  }

  /** Sheet names compare case-insensitively, as in Excel. */
  sheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  get activeSheet(): SheetModel {
    if (!this.active) throw new Error("The workbook has no sheets.");
    return this.active;
  }

  setActive(name: string): void {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`No sheet named '${name}'.`);
    this.active = sheet;
  }

  removeSheet(name: string): void {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`No sheet named '${name}'.`);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const table of sheet.tables) this.removeTable(table);
    sheet.deleted = true;
    if (this.active === sheet)
      this.active = this.sheets.find((s) => s.visibility === "Visible") ?? this.sheets[0] ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  get pivotTables(): PivotModel[] {
    return this.sheets.flatMap((s) => s.pivotTables);
  }

  table(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  removeTable(table: TableModel): void {
    const i = this.tables.indexOf(table);
    if (i >= 0) this.tables.splice(i, 1);
    table.deleted = true;
  }

  snapshot(): WorkbookSnapshot {
    return workbookSnapshot(this);
  }

  newId(): number {
    return this.nextId++;
  }

  /** "Table1", "Table2"...: the first name with this prefix not yet taken (case-insensitive). */
  uniqueName(prefix: string, taken: (name: string) => boolean): string {
    for (let i = 1; ; i++) if (!taken(`${prefix}${i}`)) return `${prefix}${i}`;
  }
}
