import { intersect, parseAddress } from "../address";
import { fail } from "../errors";
import type { SheetModel } from "../model";
import { type DataFieldModel, PivotModel, type SummarizeBy } from "../objects";
import { defaultSummarizeBy, pivotItems, renderPivot } from "../pivotRender";
import { type Loadable, type PropDef, CollectionProxy, ProxyObject, installProps } from "./base";
import type { ContextCore } from "./context";
import { RangeProxy, type RangeTarget, assertWritable } from "./range";
import { TableProxy } from "./table";
import { WorksheetProxy } from "./worksheet";

const SUMMARIES: SummarizeBy[] = [
  "Sum",
  "Count",
  "Average",
  "Max",
  "Min",
  "Product",
  "CountNumbers",
  "StandardDeviation",
  "StandardDeviationP",
  "Variance",
  "VarianceP",
];

function rerender(pivot: PivotModel, member: string): void {
  assertWritable(pivot.sheet, member);
  renderPivot(pivot);
}

/** worksheet.pivotTables: add(name, source, destination) and lookups by name. */
export class PivotTableCollectionProxy extends CollectionProxy<PivotModel, PivotTableProxy> {
  constructor(
    context: ContextCore,
    private readonly sheet: () => SheetModel,
    via?: string,
  ) {
    super(context, via);
  }

  get _class(): string {
    return "PivotTableCollection";
  }

  protected _list(): PivotModel[] {
    return this.sheet().pivotTables;
  }

  protected _itemProxy(pivot: PivotModel): PivotTableProxy {
    return new PivotTableProxy(this.context, () => pivot);
  }

  private _find(name: string): PivotModel | null {
    return this._list().find((p) => p.name.toLowerCase() === String(name).toLowerCase()) ?? null;
  }

  getItem(name: string): PivotTableProxy {
    return new PivotTableProxy(this.context, () => this._find(name), false, "PivotTableCollection.getItem");
  }

  getItemOrNullObject(name: string): PivotTableProxy {
    return new PivotTableProxy(
      this.context,
      () => this._find(name),
      true,
      "PivotTableCollection.getItemOrNullObject",
    )._instantiate("PivotTableCollection.getItemOrNullObject");
  }

  refreshAll(): void {
    this.context.action("PivotTableCollection.refreshAll", undefined, true, () =>
      this._list().forEach((p) => rerender(p, "PivotTableCollection.refreshAll")),
    );
  }

  add(
    name: string,
    source: RangeProxy | TableProxy | string,
    destination: RangeProxy | string,
  ): PivotTableProxy {
    let added: PivotModel | null = null;
    const describe = (x: unknown) => (typeof x === "string" ? x : "(object)");
    this.context.action(
      "PivotTableCollection.add",
      { name, source: describe(source), destination: describe(destination) },
      true,
      () => {
        const member = "PivotTableCollection.add";
        const home = this.sheet();
        const model = home.workbook;
        if (typeof name !== "string" || name.trim() === "")
          fail("InvalidArgument", member, "A PivotTable needs a name.");
        if (model.pivotTables.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
          fail("InvalidArgument", member, `A PivotTable named '${name}' already exists.`);
        }
        let src: RangeTarget;
        let table;
        if (source instanceof TableProxy) {
          table = source._resolve();
          src = { sheet: table.sheet, rect: table.range };
        } else src = this._rangeArg(source, home, member);
        const dest = this._rangeArg(destination, home, member);
        assertWritable(dest.sheet, member);
        if (src.rect.rowCount < 2)
          fail("InvalidArgument", member, "The source needs a header row and at least one data row.");
        const headers = Array.from({ length: src.rect.columnCount }, (_, j) =>
          src.sheet.text(src.rect.row, src.rect.column + j),
        );
        // A blank header is refused; a repeated one is numbered by Excel (see PivotModel.fieldNames).
        if (headers.some((h) => h.trim() === "")) {
          fail(
            "InvalidArgument",
            member,
            "The PivotTable field name is not valid: every source column needs a non-blank header.",
          );
        }
        if (dest.sheet === src.sheet && intersect(dest.rect, src.rect)) {
          fail("InvalidArgument", member, "The destination overlaps the source data.");
        }
        added = new PivotModel(
          String(model.newId()),
          name,
          dest.sheet,
          { sheet: src.sheet, range: src.rect, table },
          { row: dest.rect.row, column: dest.rect.column },
        );
        dest.sheet.pivotTables.push(added);
      },
    );
    return new PivotTableProxy(this.context, () => added);
  }

  private _rangeArg(arg: unknown, home: SheetModel, member: string): RangeTarget {
    if (arg instanceof RangeProxy) return arg._resolve();
    if (typeof arg !== "string")
      return fail("InvalidArgument", member, "Expected a Range, a Table or an address.");
    const { sheet: name, rect } = parseAddress(arg);
    const sheet = name === undefined ? home : home.workbook.sheet(name);
    if (!sheet) fail("ItemNotFound", member, `The worksheet '${name}' doesn't exist.`);
    return { sheet, rect };
  }
}

const PIVOT_PROPS: Record<string, PropDef<PivotModel>> = {
  name: {
    get: (p) => p.name,
    // Names are unique in the workbook (case aside) and not blank, as PivotTableCollection.add asks.
    set: (p, v) => {
      const name = String(v);
      if (name.trim() === "") fail("InvalidArgument", "PivotTable.name", "A PivotTable needs a name.");
      const taken = p.sheet.workbook.pivotTables.some(
        (other) => other !== p && other.name.toLowerCase() === name.toLowerCase(),
      );
      if (taken) fail("InvalidArgument", "PivotTable.name", `A PivotTable named '${name}' already exists.`);
      p.name = name;
    },
  },
  id: { get: (p) => p.id },
};

export class PivotTableProxy extends ProxyObject<PivotModel> {
  declare name: string;
  declare id: string;

  get _class(): string {
    return "PivotTable";
  }

  get _props(): Record<string, PropDef<PivotModel>> {
    return PIVOT_PROPS;
  }

  protected override _isGone(p: PivotModel): boolean {
    return p.deleted || p.sheet.deleted;
  }

  override _navigate(name: string): Loadable | undefined {
    const nav: Record<string, () => Loadable> = {
      layout: () => this.layout,
      worksheet: () => this.worksheet,
      rowHierarchies: () => this.rowHierarchies,
      columnHierarchies: () => this.columnHierarchies,
      dataHierarchies: () => this.dataHierarchies,
      filterHierarchies: () => this.filterHierarchies,
      hierarchies: () => this.hierarchies,
    };
    return nav[name]?.();
  }

  get hierarchies(): PivotHierarchyCollectionProxy {
    return this._child(
      "hierarchies",
      () => new PivotHierarchyCollectionProxy(this.context, () => this._resolve()),
    );
  }

  get rowHierarchies(): AxisHierarchyCollectionProxy {
    return this._child(
      "rowHierarchies",
      () => new AxisHierarchyCollectionProxy(this.context, () => this._resolve(), "rows"),
    );
  }

  get columnHierarchies(): AxisHierarchyCollectionProxy {
    return this._child(
      "columnHierarchies",
      () => new AxisHierarchyCollectionProxy(this.context, () => this._resolve(), "columns"),
    );
  }

  get filterHierarchies(): AxisHierarchyCollectionProxy {
    return this._child(
      "filterHierarchies",
      () => new AxisHierarchyCollectionProxy(this.context, () => this._resolve(), "filters"),
    );
  }

  get dataHierarchies(): DataHierarchyCollectionProxy {
    return this._child(
      "dataHierarchies",
      () => new DataHierarchyCollectionProxy(this.context, () => this._resolve()),
    );
  }

  get layout(): PivotLayoutProxy {
    return this._child("layout", () => new PivotLayoutProxy(this.context, () => this._resolve()));
  }

  get worksheet(): WorksheetProxy {
    return this._child(
      "worksheet",
      () => new WorksheetProxy(this.context, () => this._resolve().sheet, false, "PivotTable.worksheet"),
    );
  }

  refresh(): void {
    this._call("refresh", undefined, true, (p) => rerender(p, "PivotTable.refresh"));
  }

  delete(): void {
    this._call("delete", undefined, true, (p) => {
      assertWritable(p.sheet, "PivotTable.delete");
      p.deleted = true;
      renderPivot(p);
      p.sheet.pivotTables.splice(p.sheet.pivotTables.indexOf(p), 1);
    });
  }
}
installProps(PivotTableProxy, Object.keys(PIVOT_PROPS));

/** A source field of a pivot (hierarchy = header text of the source column). */
export interface HierarchyTarget {
  pivot: PivotModel;
  field: string;
}

const HIERARCHY_PROPS: Record<string, PropDef<HierarchyTarget>> = {
  name: { get: (h) => h.field },
  id: { get: (h) => h.field },
};

export class PivotHierarchyProxy extends ProxyObject<HierarchyTarget> {
  declare name: string;
  declare id: string;

  get _class(): string {
    return "PivotHierarchy";
  }

  get _props(): Record<string, PropDef<HierarchyTarget>> {
    return HIERARCHY_PROPS;
  }
}
installProps(PivotHierarchyProxy, Object.keys(HIERARCHY_PROPS));

/** `pivot.hierarchies`: every source field. */
export class PivotHierarchyCollectionProxy extends CollectionProxy<HierarchyTarget, PivotHierarchyProxy> {
  constructor(
    context: ContextCore,
    private readonly pivot: () => PivotModel,
  ) {
    super(context);
  }

  get _class(): string {
    return "PivotHierarchyCollection";
  }

  protected _list(): HierarchyTarget[] {
    const pivot = this.pivot();
    return pivot.fieldNames().map((field) => ({ pivot, field }));
  }

  protected _itemProxy(h: HierarchyTarget): PivotHierarchyProxy {
    return new PivotHierarchyProxy(this.context, () => h);
  }

  private _find(name: string): HierarchyTarget | null {
    return this._list().find((h) => h.field.toLowerCase() === String(name).toLowerCase()) ?? null;
  }

  getItem(name: string): PivotHierarchyProxy {
    return new PivotHierarchyProxy(
      this.context,
      () => this._find(name),
      false,
      "PivotHierarchyCollection.getItem",
    );
  }

  getItemOrNullObject(name: string): PivotHierarchyProxy {
    return new PivotHierarchyProxy(this.context, () => this._find(name), true)._instantiate(
      "PivotHierarchyCollection.getItemOrNullObject",
    );
  }
}

/** Resolves a hierarchy argument of `add`: a hierarchy proxy of the same pivot (or its name). */
function fieldOf(pivot: PivotModel, arg: unknown, member: string): string {
  const field =
    arg instanceof ProxyObject
      ? (arg._resolve() as HierarchyTarget).field
      : typeof arg === "string"
        ? arg
        : undefined;
  const known = pivot.fieldNames().find((n) => n.toLowerCase() === String(field).toLowerCase());
  if (field === undefined || known === undefined)
    fail("ItemNotFound", member, `The PivotTable has no field '${String(field)}'.`);
  return known;
}

const AXIS_CLASS = {
  rows: "RowColumnPivotHierarchy",
  columns: "RowColumnPivotHierarchy",
  filters: "FilterPivotHierarchy",
} as const;

export class AxisHierarchyProxy extends ProxyObject<HierarchyTarget> {
  declare name: string;
  declare id: string;

  get _class(): string {
    return "RowColumnPivotHierarchy";
  }

  get _props(): Record<string, PropDef<HierarchyTarget>> {
    return HIERARCHY_PROPS;
  }

  override _navigate(name: string): Loadable | undefined {
    return name === "fields" ? this.fields : undefined;
  }

  /** The hierarchy's fields: for a range source, one field named as the hierarchy. */
  get fields(): PivotFieldCollectionProxy {
    return this._child("fields", () => new PivotFieldCollectionProxy(this.context, () => this._resolve()));
  }
}
installProps(AxisHierarchyProxy, Object.keys(HIERARCHY_PROPS));

/** A hierarchy's field, or one of its items: what the proxies below resolve to. */
interface FieldTarget {
  pivot: PivotModel;
  field: string;
}
interface ItemTarget extends FieldTarget {
  item: string;
}

const FIELD_PROPS: Record<string, PropDef<FieldTarget>> = {
  name: { get: (f) => f.field },
  id: { get: (f) => f.field },
};

/** RowColumnPivotHierarchy.fields (ExcelApi 1.8). */
export class PivotFieldCollectionProxy extends CollectionProxy<FieldTarget, PivotFieldProxy> {
  constructor(
    context: ContextCore,
    private readonly hierarchy: () => HierarchyTarget,
  ) {
    super(context);
  }

  get _class(): string {
    return "PivotFieldCollection";
  }

  protected _list(): FieldTarget[] {
    const { pivot, field } = this.hierarchy();
    return [{ pivot, field }];
  }

  protected _itemProxy(f: FieldTarget): PivotFieldProxy {
    return new PivotFieldProxy(this.context, () => f);
  }

  getItem(name: string): PivotFieldProxy {
    return new PivotFieldProxy(
      this.context,
      // Through the collection, so the navigation that led to it (RowColumnPivotHierarchy.fields) is checked.
      () => this._resolve().find((f) => f.field.toLowerCase() === String(name).toLowerCase()) ?? null,
      false,
      "PivotFieldCollection.getItem",
    );
  }
}

export class PivotFieldProxy extends ProxyObject<FieldTarget> {
  declare name: string;
  declare id: string;

  get _class(): string {
    return "PivotField";
  }

  get _props(): Record<string, PropDef<FieldTarget>> {
    return FIELD_PROPS;
  }

  protected override _isGone(f: FieldTarget): boolean {
    return f.pivot.deleted || f.pivot.sheet.deleted;
  }

  override _navigate(name: string): Loadable | undefined {
    return name === "items" ? this.items : undefined;
  }

  /** The field's items, computed from the source when loaded (see pivotItems). */
  get items(): PivotItemCollectionProxy {
    return this._child("items", () => new PivotItemCollectionProxy(this.context, () => this._resolve()));
  }
}
installProps(PivotFieldProxy, Object.keys(FIELD_PROPS));

const ITEM_PROPS: Record<string, PropDef<ItemTarget>> = {
  name: { get: (i) => i.item },
  id: { get: (i) => `${i.field}[${i.item}]` },
};

/** PivotField.items (ExcelApi 1.8). */
export class PivotItemCollectionProxy extends CollectionProxy<ItemTarget, PivotItemProxy> {
  constructor(
    context: ContextCore,
    private readonly field: () => FieldTarget,
  ) {
    super(context);
  }

  get _class(): string {
    return "PivotItemCollection";
  }

  protected _list(): ItemTarget[] {
    const { pivot, field } = this.field();
    return pivotItems(pivot, field).map((item) => ({ pivot, field, item }));
  }

  protected _itemProxy(i: ItemTarget): PivotItemProxy {
    return new PivotItemProxy(this.context, () => i);
  }
}

export class PivotItemProxy extends ProxyObject<ItemTarget> {
  declare name: string;
  declare id: string;

  get _class(): string {
    return "PivotItem";
  }

  get _props(): Record<string, PropDef<ItemTarget>> {
    return ITEM_PROPS;
  }
}
installProps(PivotItemProxy, Object.keys(ITEM_PROPS));

/** rowHierarchies, columnHierarchies, filterHierarchies. */
export class AxisHierarchyCollectionProxy extends CollectionProxy<HierarchyTarget, AxisHierarchyProxy> {
  constructor(
    context: ContextCore,
    private readonly pivot: () => PivotModel,
    private readonly axis: "rows" | "columns" | "filters",
  ) {
    super(context);
  }

  get _class(): string {
    return `${AXIS_CLASS[this.axis]}Collection`;
  }

  protected _list(): HierarchyTarget[] {
    const pivot = this.pivot();
    return pivot[this.axis].map((field) => ({ pivot, field }));
  }

  protected _itemProxy(h: HierarchyTarget): AxisHierarchyProxy {
    return new AxisHierarchyProxy(this.context, () => h);
  }

  add(hierarchy: PivotHierarchyProxy): AxisHierarchyProxy {
    let added: HierarchyTarget | null = null;
    const member = `${this._class}.add`;
    this.context.action(member, { hierarchy: "(PivotHierarchy)" }, true, () => {
      this._resolve(); // checks the navigation's requirement set (PivotTable.rowHierarchies: 1.8)
      const pivot = this.pivot();
      const field = fieldOf(pivot, hierarchy, member);
      const onAxis = [...pivot.rows, ...pivot.columns, ...pivot.filters].some((f) => f === field);
      if (onAxis)
        fail(
          "InvalidArgument",
          member,
          `The field '${field}' is already used on an axis of this PivotTable.`,
        );
      pivot[this.axis].push(field);
      rerender(pivot, member);
      added = { pivot, field };
    });
    return new AxisHierarchyProxy(this.context, () => added);
  }

  remove(hierarchy: AxisHierarchyProxy): void {
    const member = `${this._class}.remove`;
    this.context.action(member, undefined, true, () => {
      this._resolve(); // checks the navigation's requirement set (PivotTable.rowHierarchies: 1.8)
      const pivot = this.pivot();
      const field = fieldOf(pivot, hierarchy, member);
      const list = pivot[this.axis];
      const i = list.indexOf(field);
      if (i < 0) fail("ItemNotFound", member);
      list.splice(i, 1);
      rerender(pivot, member);
    });
  }

  getItem(name: string): AxisHierarchyProxy {
    return new AxisHierarchyProxy(
      this.context,
      () => this._list().find((h) => h.field.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }
}

interface DataTarget {
  pivot: PivotModel;
  data: DataFieldModel;
}

function dataProp(key: "name" | "summarizeBy" | "numberFormat"): PropDef<DataTarget> {
  return {
    get: (d) => d.data[key],
    set: (d, v) => {
      const member = `DataPivotHierarchy.${key}`;
      if (key === "summarizeBy") {
        if (!SUMMARIES.includes(v as SummarizeBy))
          fail("InvalidArgument", member, `'${String(v)}' is not an aggregation function.`);
        d.data.summarizeBy = v as SummarizeBy;
        if (!d.data.customName) d.data.name = `${d.data.summarizeBy} of ${d.data.field}`;
      } else if (key === "name") {
        d.data.name = String(v);
        d.data.customName = true;
      } else d.data.numberFormat = String(v);
      rerender(d.pivot, member);
    },
  };
}

const DATA_PROPS: Record<string, PropDef<DataTarget>> = {
  name: dataProp("name"),
  summarizeBy: dataProp("summarizeBy"),
  numberFormat: dataProp("numberFormat"),
  id: { get: (d) => d.data.field },
  position: { get: (d) => d.pivot.data.indexOf(d.data) },
};

export class DataHierarchyProxy extends ProxyObject<DataTarget> {
  declare name: string;
  declare summarizeBy: string;
  declare numberFormat: string;
  declare id: string;
  declare position: number;

  get _class(): string {
    return "DataPivotHierarchy";
  }

  get _props(): Record<string, PropDef<DataTarget>> {
    return DATA_PROPS;
  }

  protected override _isGone(d: DataTarget): boolean {
    return d.pivot.deleted || !d.pivot.data.includes(d.data);
  }
}
installProps(DataHierarchyProxy, Object.keys(DATA_PROPS));

export class DataHierarchyCollectionProxy extends CollectionProxy<DataTarget, DataHierarchyProxy> {
  constructor(
    context: ContextCore,
    private readonly pivot: () => PivotModel,
  ) {
    super(context);
  }

  get _class(): string {
    return "DataPivotHierarchyCollection";
  }

  protected _list(): DataTarget[] {
    const pivot = this.pivot();
    return pivot.data.map((data) => ({ pivot, data }));
  }

  protected _itemProxy(d: DataTarget): DataHierarchyProxy {
    return new DataHierarchyProxy(this.context, () => d);
  }

  add(hierarchy: PivotHierarchyProxy): DataHierarchyProxy {
    let added: DataTarget | null = null;
    const member = "DataPivotHierarchyCollection.add";
    this.context.action(member, { hierarchy: "(PivotHierarchy)" }, true, () => {
      this._resolve(); // checks the navigation's requirement set (PivotTable.rowHierarchies: 1.8)
      const pivot = this.pivot();
      const field = fieldOf(pivot, hierarchy, member);
      const src = pivot.sourceRange();
      const column = src.column + pivot.fieldNames().indexOf(field);
      const values = pivot.source.sheet.values(src.row + 1, column, src.rowCount - 1, 1).map((r) => r[0]);
      const summarizeBy = defaultSummarizeBy(values);
      const data: DataFieldModel = {
        field,
        name: `${summarizeBy} of ${field}`,
        customName: false,
        summarizeBy,
        numberFormat: "General",
      };
      if (pivot.data.some((d) => d.name === data.name)) data.name = `${data.name}${pivot.data.length + 1}`;
      pivot.data.push(data);
      rerender(pivot, member);
      added = { pivot, data };
    });
    return new DataHierarchyProxy(this.context, () => added);
  }

  remove(hierarchy: DataHierarchyProxy): void {
    this.context.action("DataPivotHierarchyCollection.remove", undefined, true, () => {
      const d = hierarchy._resolve();
      d.pivot.data.splice(d.pivot.data.indexOf(d.data), 1);
      rerender(d.pivot, "DataPivotHierarchyCollection.remove");
    });
  }

  getItem(name: string): DataHierarchyProxy {
    return new DataHierarchyProxy(
      this.context,
      () => this._list().find((d) => d.data.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }
}

function layoutProp(key: "layoutType" | "showRowGrandTotals" | "showColumnGrandTotals"): PropDef<PivotModel> {
  return {
    get: (p) => p.layout[key],
    set: (p, v) => {
      (p.layout as unknown as Record<string, unknown>)[key] = key === "layoutType" ? String(v) : Boolean(v);
      rerender(p, `PivotLayout.${key}`);
    },
  };
}

const LAYOUT_PROPS: Record<string, PropDef<PivotModel>> = {
  layoutType: layoutProp("layoutType"),
  showRowGrandTotals: layoutProp("showRowGrandTotals"),
  showColumnGrandTotals: layoutProp("showColumnGrandTotals"),
};

export class PivotLayoutProxy extends ProxyObject<PivotModel> {
  declare layoutType: string;
  declare showRowGrandTotals: boolean;
  declare showColumnGrandTotals: boolean;

  get _class(): string {
    return "PivotLayout";
  }

  get _props(): Record<string, PropDef<PivotModel>> {
    return LAYOUT_PROPS;
  }

  getRange(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const p = this._resolve();
        return p.rendered ? { sheet: p.sheet, rect: p.rendered } : null;
      },
      false,
      // ExcelApi 1.8 (excel.d.ts): checked when the range is used.
      "PivotLayout.getRange",
    );
  }
}
installProps(PivotLayoutProxy, Object.keys(LAYOUT_PROPS));
