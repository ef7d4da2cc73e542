import { type Rect, intersect, parseAddress } from "../address";
import { fail } from "../errors";
import type { SheetModel } from "../model";
import { TableModel } from "../objects";
import type { CellValue } from "../types";
import { AutoFilterProxy, checkCriteria, criteriaReadBack } from "./autofilter";
import { type Loadable, type PropDef, CollectionProxy, ProxyObject, installProps } from "./base";
import type { ContextCore } from "./context";
import { RangeProxy, type RangeTarget, type SortField, assertWritable, sortTarget } from "./range";
import { WorksheetProxy } from "./worksheet";

/** Header texts made unique and non-blank, as Excel does when a table is created. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    let name = h.trim() === "" ? `Column${i + 1}` : h;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h.trim() === "" ? `Column${i + 1}` : h}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function tableRange(t: TableModel, which: "all" | "header" | "body"): RangeTarget {
  const rect = which === "all" ? t.range : which === "header" ? t.headerRect() : t.bodyRect();
  return { sheet: t.sheet, rect };
}

const TABLE_PROPS: Record<string, PropDef<TableModel>> = {
  name: {
    get: (t) => t.name,
    set: (t, v) => {
      const name = String(v);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name))
        fail("InvalidArgument", "Table.name", `'${name}' is not a valid table name.`);
      const other = t.sheet.workbook.table(name);
      if (other && other !== t)
        fail("ItemAlreadyExists", "Table.name", `A table named '${name}' already exists.`);
      t.name = name;
    },
  },
  id: { get: (t) => t.id },
  showHeaders: { get: (t) => t.showHeaders },
  showTotals: { get: (t) => t.showTotals },
  style: {
    get: (t) => t.style,
    set: (t, v) => {
      t.style = String(v);
    },
  },
};

export class TableProxy extends ProxyObject<TableModel> {
  declare name: string;
  declare id: string;
  declare showHeaders: boolean;
  declare showTotals: boolean;
  declare style: string;

  get _class(): string {
    return "Table";
  }

  get _props(): Record<string, PropDef<TableModel>> {
    return TABLE_PROPS;
  }

  protected override _isGone(t: TableModel): boolean {
    return t.deleted || t.sheet.deleted;
  }

  override _navigate(name: string): Loadable | undefined {
    const nav: Record<string, () => Loadable> = {
      columns: () => this.columns,
      rows: () => this.rows,
      worksheet: () => this.worksheet,
      autoFilter: () => this.autoFilter,
    };
    return nav[name]?.();
  }

  get columns(): TableColumnCollectionProxy {
    return this._child("columns", () => new TableColumnCollectionProxy(this.context, this));
  }

  get rows(): TableRowCollectionProxy {
    return this._child("rows", () => new TableRowCollectionProxy(this.context, () => this._resolve()));
  }

  get worksheet(): WorksheetProxy {
    return this._child(
      "worksheet",
      () => new WorksheetProxy(this.context, () => this._resolve().sheet, false, "Table.worksheet"),
    );
  }

  get autoFilter(): AutoFilterProxy {
    return this._child(
      "autoFilter",
      () =>
        new AutoFilterProxy(
          this.context,
          () => ({ sheet: this._resolve().sheet, table: this._resolve() }),
          false,
          "Table.autoFilter",
        ),
    );
  }

  get sort(): TableSortProxy {
    return this._child(
      "sort",
      () => new TableSortProxy(this.context, () => this._resolve(), false, "Table.sort"),
    );
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => tableRange(this._resolve(), "all"));
  }

  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.context, () => tableRange(this._resolve(), "header"));
  }

  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, () => tableRange(this._resolve(), "body"));
  }

  clearFilters(): void {
    this._call("clearFilters", undefined, true, (t) => {
      assertWritable(t.sheet, "Table.clearFilters");
      t.filter.criteria.clear();
      t.filter.hidden.clear();
    });
  }

  reapplyFilters(): void {
    this._call("reapplyFilters", undefined, true, (t) => t.sheet.evaluateFilter(t.filter));
  }

  convertToRange(): RangeProxy {
    let rect: Rect | null = null;
    let sheet: SheetModel | null = null;
    this._call("convertToRange", undefined, true, (t) => {
      assertWritable(t.sheet, "Table.convertToRange");
      rect = t.range;
      sheet = t.sheet;
      t.filter.hidden.clear();
      t.sheet.workbook.removeTable(t);
    });
    return new RangeProxy(this.context, () => (sheet && rect ? { sheet, rect } : null));
  }

  /** Deletes the table and its cells, as Excel does. */
  delete(): void {
    this._call("delete", undefined, true, (t) => {
      assertWritable(t.sheet, "Table.delete");
      t.filter.hidden.clear();
      t.sheet.clear(t.range, "All");
      t.sheet.workbook.removeTable(t);
    });
  }
}
installProps(TableProxy, Object.keys(TABLE_PROPS));

export class TableSortProxy extends ProxyObject<TableModel> {
  get _class(): string {
    return "TableSort";
  }

  get _props(): Record<string, PropDef<TableModel>> {
    return {};
  }

  apply(fields: SortField[], matchCase = false): void {
    this._call("apply", { fields, matchCase }, true, (t) =>
      sortTarget(tableRange(t, "body"), fields, matchCase, false, "Rows"),
    );
  }
}

/** worksheet.tables (sheet given) or workbook.tables (addresses name their sheet, else the active one). */
export class TableCollectionProxy extends CollectionProxy<TableModel, TableProxy> {
  constructor(
    context: ContextCore,
    private readonly list: () => TableModel[],
    private readonly sheetOf: () => SheetModel,
  ) {
    super(context);
  }

  get _class(): string {
    return "TableCollection";
  }

  override get _props(): Record<string, PropDef<TableModel[]>> {
    return { count: { get: (l) => l.length } };
  }

  get count(): number {
    return this._read("count") as number;
  }

  protected _list(): TableModel[] {
    return this.list();
  }

  protected _itemProxy(table: TableModel): TableProxy {
    return new TableProxy(this.context, () => table);
  }

  getItem(key: string): TableProxy {
    return new TableProxy(this.context, () => this._find(key));
  }

  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(
      this.context,
      () => this._find(key),
      true,
      "TableCollection.getItemOrNullObject",
    )._instantiate("TableCollection.getItemOrNullObject");
  }

  getItemAt(index: number): TableProxy {
    return new TableProxy(this.context, () => this.list()[index] ?? null);
  }

  private _find(key: string): TableModel | null {
    const lower = String(key).toLowerCase();
    return this.list().find((t) => t.name.toLowerCase() === lower || t.id === key) ?? null;
  }

  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let added: TableModel | null = null;
    this.context.action(
      "TableCollection.add",
      { address: typeof address === "string" ? address : "(Range)", hasHeaders },
      true,
      () => {
        const member = "TableCollection.add";
        const { sheet, rect } = this._target(address);
        assertWritable(sheet, member);
        if (sheet.tables.some((t) => intersect(t.range, rect)))
          fail("InvalidOperation", member, "A table can't overlap another table.");
        if (sheet.autoFilter && intersect(sheet.autoFilter.range, rect)) {
          fail(
            "InvalidOperation",
            member,
            "The range overlaps the worksheet's AutoFilter: remove it before creating a table.",
          );
        }
        let range = rect;
        if (!hasHeaders) {
          // Excel inserts a header row above the data (cells below shift down within these columns).
          const extent = sheet.storedExtent();
          const block = {
            row: rect.row,
            column: rect.column,
            rowCount: Math.max(0, extent.rows - rect.row),
            columnCount: rect.columnCount,
          };
          if (block.rowCount > 0) sheet.moveBlock(block, 1, 0);
          range = { ...rect, rowCount: rect.rowCount + 1 };
        }
        const headers = Array.from({ length: range.columnCount }, (_, j) =>
          hasHeaders ? sheet.text(range.row, range.column + j) : "",
        );
        uniqueHeaders(headers).forEach((h, j) => sheet.setCell(range.row, range.column + j, h));
        const model = sheet.workbook;
        const name = model.uniqueName("Table", (n) => !!model.table(n));
        added = new TableModel(String(model.newId()), name, sheet, range);
        model.tables.push(added);
      },
    );
    return new TableProxy(this.context, () => added);
  }

  private _target(address: RangeProxy | string): RangeTarget {
    if (address instanceof RangeProxy) return address._resolve();
    const { sheet: name, rect } = parseAddress(String(address));
    if (name === undefined) return { sheet: this.sheetOf(), rect };
    const sheet = this.sheetOf().workbook.sheet(name);
    if (!sheet) fail("ItemNotFound", "TableCollection.add", `The worksheet '${name}' doesn't exist.`);
    return { sheet, rect };
  }
}

/** A table column is addressed by its position in the table. */
export interface TableColumnTarget {
  table: TableModel;
  index: number;
}

const COLUMN_PROPS: Record<string, PropDef<TableColumnTarget>> = {
  name: {
    get: (c) => c.table.columnNames()[c.index],
    set: (c, v) => {
      assertWritable(c.table.sheet, "TableColumn.name");
      const { row, column } = c.table.range;
      c.table.sheet.setCell(row, column + c.index, String(v));
    },
  },
  index: { get: (c) => c.index },
  id: { get: (c) => c.index + 1 },
  values: {
    cells: true,
    get: (c) => {
      const { row, rowCount, column } = c.table.range;
      return c.table.sheet.values(row, column + c.index, rowCount, 1);
    },
  },
};

export class TableColumnProxy extends ProxyObject<TableColumnTarget> {
  declare name: string;
  declare index: number;
  declare id: number;
  declare values: CellValue[][];

  get _class(): string {
    return "TableColumn";
  }

  get _props(): Record<string, PropDef<TableColumnTarget>> {
    return COLUMN_PROPS;
  }

  protected override _isGone(c: TableColumnTarget): boolean {
    return c.table.deleted || c.index >= c.table.range.columnCount;
  }

  protected override _cellCount(c: TableColumnTarget): number {
    return c.table.range.rowCount;
  }

  override _navigate(name: string): Loadable | undefined {
    return name === "filter" ? this.filter : undefined;
  }

  get filter(): FilterProxy {
    return this._child(
      "filter",
      () => new FilterProxy(this.context, () => this._resolve(), false, "TableColumn.filter"),
    );
  }

  private _rangeOf(rows: (t: TableModel) => { row: number; rowCount: number }): RangeProxy {
    return new RangeProxy(this.context, () => {
      const c = this._resolve();
      return {
        sheet: c.table.sheet,
        rect: { ...rows(c.table), column: c.table.range.column + c.index, columnCount: 1 },
      };
    });
  }

  getRange(): RangeProxy {
    return this._rangeOf((t) => t.range);
  }

  getHeaderRowRange(): RangeProxy {
    return this._rangeOf((t) => t.headerRect());
  }

  getDataBodyRange(): RangeProxy {
    return this._rangeOf((t) => t.bodyRect());
  }

  delete(): void {
    this._call("delete", undefined, true, (c) => {
      const t = c.table;
      assertWritable(t.sheet, "TableColumn.delete");
      if (t.range.columnCount === 1)
        fail("InvalidOperation", "TableColumn.delete", "A table must keep at least one column.");
      const col = t.range.column + c.index;
      const extent = t.sheet.storedExtent();
      t.sheet.clear({ ...t.range, column: col, columnCount: 1 }, "All");
      const block = {
        row: t.range.row,
        rowCount: t.range.rowCount,
        column: col + 1,
        columnCount: Math.max(0, extent.columns - col - 1),
      };
      if (block.columnCount > 0) t.sheet.moveBlock(block, 0, -1);
      shiftCriteria(t, c.index, -1);
      t.range = { ...t.range, columnCount: t.range.columnCount - 1 };
    });
  }
}
installProps(TableColumnProxy, Object.keys(COLUMN_PROPS));

function shiftCriteria(t: TableModel, at: number, delta: number): void {
  const moved = [...t.filter.criteria].flatMap(([i, c]) =>
    i < at ? [[i, c] as const] : delta < 0 && i === at ? [] : [[i + delta, c] as const],
  );
  t.filter.criteria.clear();
  for (const [i, c] of moved) t.filter.criteria.set(i, c);
}

export class TableColumnCollectionProxy extends CollectionProxy<TableColumnTarget, TableColumnProxy> {
  constructor(
    context: ContextCore,
    private readonly table: TableProxy,
  ) {
    super(context);
  }

  get _class(): string {
    return "TableColumnCollection";
  }

  override get _props(): Record<string, PropDef<TableColumnTarget[]>> {
    return { count: { get: (l) => l.length } };
  }

  get count(): number {
    return this._read("count") as number;
  }

  protected _list(): TableColumnTarget[] {
    const table = this.table._resolve();
    return Array.from({ length: table.range.columnCount }, (_, index) => ({ table, index }));
  }

  protected _itemProxy(column: TableColumnTarget): TableColumnProxy {
    return new TableColumnProxy(this.context, () => column);
  }

  private _byName(name: string): TableColumnTarget | null {
    const table = this.table._resolve();
    const index = table.columnNames().findIndex((n) => n.toLowerCase() === String(name).toLowerCase());
    return index < 0 ? null : { table, index };
  }

  getItem(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this.context, () =>
      typeof key === "number" ? (this._list()[key - 1] ?? null) : this._byName(key),
    );
  }

  getItemOrNullObject(key: string | number): TableColumnProxy {
    return new TableColumnProxy(
      this.context,
      () => (typeof key === "number" ? (this._list()[key - 1] ?? null) : this._byName(key)),
      true,
      "TableColumnCollection.getItemOrNullObject",
    )._instantiate("TableColumnCollection.getItemOrNullObject");
  }

  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, () => this._list()[index] ?? null);
  }

  /**
   * Adds a column (at the right by default, extending the table over whatever is there, as Excel
   * does). `values` includes the header cell, one row per table row.
   */
  add(index?: number | null, values?: unknown[][] | null, name?: string | null): TableColumnProxy {
    let added: TableColumnTarget | null = null;
    this.context.action("TableColumnCollection.add", { index, values, name }, true, () => {
      const member = "TableColumnCollection.add";
      const t = this.table._resolve();
      assertWritable(t.sheet, member);
      const count = t.range.columnCount;
      const at = index === undefined || index === null ? count : index;
      if (!Number.isInteger(at) || at < 0 || at > count)
        fail("InvalidArgument", member, `Column index ${String(index)} is outside the table.`);
      if (
        values &&
        (!Array.isArray(values) ||
          values.length !== t.range.rowCount ||
          values.some((r) => !Array.isArray(r) || r.length !== 1))
      ) {
        fail(
          "InvalidArgument",
          member,
          `The values must be a ${t.range.rowCount} x 1 array (header included).`,
        );
      }
      const col = t.range.column + at;
      if (at < count) {
        const extent = t.sheet.storedExtent();
        t.sheet.moveBlock(
          {
            row: t.range.row,
            rowCount: t.range.rowCount,
            column: col,
            columnCount: Math.max(1, extent.columns - col),
          },
          0,
          1,
        );
        shiftCriteria(t, at, 1);
      } else
        t.sheet.clear({ row: t.range.row, rowCount: t.range.rowCount, column: col, columnCount: 1 }, "All");
      const existing = t.columnNames().map((n) => n.toLowerCase());
      let header = name ?? (values ? String(values[0][0] ?? "") : "");
      if (header === "") header = `Column${count + 1}`;
      const base = header;
      for (let n = 2; existing.includes(header.toLowerCase()); n++) header = `${base}${n}`;
      t.sheet.setCell(t.range.row, col, header);
      values?.slice(1).forEach((row, i) => t.sheet.writeInput(t.range.row + 1 + i, col, row[0] as CellValue));
      t.range = { ...t.range, columnCount: count + 1 };
      added = { table: t, index: at };
    });
    return new TableColumnProxy(this.context, () => added);
  }
}

export class TableRowCollectionProxy extends CollectionProxy<number, Loadable> {
  constructor(
    context: ContextCore,
    private readonly table: () => TableModel,
  ) {
    super(context);
  }

  get _class(): string {
    return "TableRowCollection";
  }

  override get _props(): Record<string, PropDef<number[]>> {
    return { count: { get: (l) => l.length } };
  }

  get count(): number {
    return this._read("count") as number;
  }

  protected _list(): number[] {
    const t = this.table();
    return Array.from({ length: t.range.rowCount - 1 }, (_, i) => i);
  }

  protected _itemProxy(): Loadable {
    return fail(
      "InvalidOperation",
      "TableRowCollection.items",
      "Loading table rows one by one is not supported in memory: read getDataBodyRange().",
    );
  }

  /** Appends rows at the bottom of the table; cells below the table move down. */
  add(index?: number | null, values?: unknown[][]): void {
    this.context.action("TableRowCollection.add", { index, values }, true, () => {
      const member = "TableRowCollection.add";
      const t = this.table();
      assertWritable(t.sheet, member);
      if (index !== undefined && index !== null)
        fail("InvalidArgument", member, "Only appending rows (index null) is supported in memory.");
      const rows = values ?? [new Array(t.range.columnCount).fill("")];
      if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r) || r.length !== t.range.columnCount)) {
        fail("InvalidArgument", member, `Each row must have ${t.range.columnCount} values.`);
      }
      const below = t.range.row + t.range.rowCount;
      const extent = t.sheet.storedExtent();
      if (extent.rows > below) {
        t.sheet.moveBlock(
          {
            row: below,
            column: t.range.column,
            rowCount: extent.rows - below,
            columnCount: t.range.columnCount,
          },
          rows.length,
          0,
        );
      }
      rows.forEach((row, i) =>
        row.forEach((v, j) => t.sheet.writeInput(below + i, t.range.column + j, v as CellValue)),
      );
      t.range = { ...t.range, rowCount: t.range.rowCount + rows.length };
    });
  }
}

const FILTER_PROPS: Record<string, PropDef<TableColumnTarget>> = {
  criteria: {
    // Read back like the sheet AutoFilter's: every property present, unused ones null (office-js#1226).
    get: (c) => criteriaReadBack(c.table.filter)[c.index],
  },
};

/** TableColumn.filter: the table's filter, one column. */
export class FilterProxy extends ProxyObject<TableColumnTarget> {
  declare criteria: object | null;

  get _class(): string {
    return "Filter";
  }

  get _props(): Record<string, PropDef<TableColumnTarget>> {
    return FILTER_PROPS;
  }

  private _set(member: string, criteria: unknown): void {
    this._call(member, criteria, true, (c) => {
      assertWritable(c.table.sheet, `Filter.${member}`);
      c.table.filter.criteria.set(c.index, checkCriteria(criteria, `Filter.${member}`));
      c.table.sheet.evaluateFilter(c.table.filter);
    });
  }

  apply(criteria: unknown): void {
    this._set("apply", criteria);
  }

  applyValuesFilter(values: string[]): void {
    this._set("applyValuesFilter", { filterOn: "Values", values });
  }

  applyCustomFilter(criteria1: string, criteria2?: string, oper?: "And" | "Or"): void {
    this._set("applyCustomFilter", {
      filterOn: "Custom",
      criterion1: criteria1,
      criterion2: criteria2,
      operator: oper,
    });
  }

  clear(): void {
    this._call("clear", undefined, true, (c) => {
      assertWritable(c.table.sheet, "Filter.clear");
      c.table.filter.criteria.delete(c.index);
      c.table.sheet.evaluateFilter(c.table.filter);
    });
  }
}
installProps(FilterProxy, Object.keys(FILTER_PROPS));
