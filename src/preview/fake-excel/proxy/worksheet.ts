import { MAX_COLUMNS, MAX_ROWS, type Rect, parseAddress } from "../address";
import { fail } from "../errors";
import type { SheetModel, SheetVisibility, WorkbookModel } from "../model";
import { AutoFilterProxy } from "./autofilter";
import { type Loadable, type PropDef, CollectionProxy, ProxyObject, installProps } from "./base";
import { ChartCollectionProxy } from "./chart";
import type { ContextCore } from "./context";
import { PivotTableCollectionProxy } from "./pivot";
import { RangeProxy, type RangeTarget } from "./range";
import { TableCollectionProxy } from "./table";

const INVALID_NAME = /[[\]:*?/\\]/;

/** Excel's sheet-name rules: 1-31 characters, none of []:*?/\, not starting/ending with '. */
export function checkSheetName(
  model: WorkbookModel,
  name: unknown,
  member: string,
  self?: SheetModel,
): string {
  if (
    typeof name !== "string" ||
    name.trim() === "" ||
    name.length > 31 ||
    INVALID_NAME.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    fail("InvalidArgument", member, `'${String(name)}' is not a valid worksheet name.`);
  }
  const existing = model.sheet(name);
  if (existing && existing !== self)
    fail("ItemAlreadyExists", member, `A worksheet named '${name}' already exists.`);
  return name;
}

function visibleCount(model: WorkbookModel): number {
  return model.sheets.filter((s) => s.visibility === "Visible").length;
}

const SHEET_PROPS: Record<string, PropDef<SheetModel>> = {
  name: {
    get: (s) => s.name,
    set: (s, v) => {
      s.name = checkSheetName(s.workbook, v, "Worksheet.name", s);
    },
  },
  id: { get: (s) => s.id },
  position: {
    get: (s) => s.workbook.sheets.indexOf(s),
    set: (s, v) => {
      const list = s.workbook.sheets;
      const to = Number(v);
      if (!Number.isInteger(to) || to < 0 || to >= list.length) fail("InvalidArgument", "Worksheet.position");
      list.splice(list.indexOf(s), 1);
      list.splice(to, 0, s);
    },
  },
  visibility: {
    get: (s) => s.visibility,
    set: (s, v) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
        fail("InvalidArgument", "Worksheet.visibility");
      if (v !== "Visible" && s.visibility === "Visible" && visibleCount(s.workbook) === 1) {
        fail(
          "InvalidOperation",
          "Worksheet.visibility",
          "A workbook must contain at least one visible worksheet.",
        );
      }
      s.visibility = v as SheetVisibility;
    },
  },
  tabColor: {
    get: (s) => s.tabColor,
    set: (s, v) => {
      s.tabColor = String(v ?? "");
    },
  },
  showGridlines: { get: () => true },
};

export class WorksheetProxy extends ProxyObject<SheetModel> {
  declare name: string;
  declare id: string;
  declare position: number;
  declare visibility: string;
  declare tabColor: string;
  declare showGridlines: boolean;

  get _class(): string {
    return "Worksheet";
  }

  get _props(): Record<string, PropDef<SheetModel>> {
    return SHEET_PROPS;
  }

  override _navigate(name: string): Loadable | undefined {
    const nav: Record<string, () => Loadable> = {
      protection: () => this.protection,
      autoFilter: () => this.autoFilter,
      tables: () => this.tables,
      pivotTables: () => this.pivotTables,
      charts: () => this.charts,
      freezePanes: () => this.freezePanes,
    };
    return nav[name]?.();
  }

  get protection(): WorksheetProtectionProxy {
    return this._child(
      "protection",
      () => new WorksheetProtectionProxy(this.context, () => this._resolve(), false, "Worksheet.protection"),
    );
  }

  get autoFilter(): AutoFilterProxy {
    return this._child(
      "autoFilter",
      () =>
        new AutoFilterProxy(this.context, () => ({ sheet: this._resolve() }), false, "Worksheet.autoFilter"),
    );
  }

  get tables(): TableCollectionProxy {
    return this._child(
      "tables",
      () =>
        new TableCollectionProxy(
          this.context,
          () => this._resolve().tables,
          () => this._resolve(),
        ),
    );
  }

  get pivotTables(): PivotTableCollectionProxy {
    return this._child(
      "pivotTables",
      () => new PivotTableCollectionProxy(this.context, () => this._resolve(), "Worksheet.pivotTables"),
    );
  }

  get charts(): ChartCollectionProxy {
    return this._child("charts", () => new ChartCollectionProxy(this.context, () => this._resolve()));
  }

  get freezePanes(): WorksheetFreezePanesProxy {
    return this._child(
      "freezePanes",
      () =>
        new WorksheetFreezePanesProxy(this.context, () => this._resolve(), false, "Worksheet.freezePanes"),
    );
  }

  private _range(member: string, make: (sheet: SheetModel) => Rect, nullable = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this._resolve();
        const rect = make(sheet);
        return rect ? { sheet, rect } : null;
      },
      nullable,
      member,
    );
  }

  getRange(address?: string): RangeProxy {
    return this._range("Worksheet.getRange", (sheet) => {
      if (address === undefined || address === "")
        return { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS };
      const parsed = parseAddress(address);
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        fail(
          "InvalidArgument",
          "Worksheet.getRange",
          `The address '${address}' refers to another worksheet.`,
        );
      }
      return parsed.rect;
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): RangeProxy {
    return this._range("Worksheet.getRangeByIndexes", () =>
      checkedRect(
        { row: startRow, column: startColumn, rowCount, columnCount },
        "Worksheet.getRangeByIndexes",
      ),
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this._range("Worksheet.getCell", () =>
      checkedRect({ row, column, rowCount: 1, columnCount: 1 }, "Worksheet.getCell"),
    );
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    const member = valuesOnly === undefined ? "Worksheet.getUsedRange" : "Worksheet.getUsedRange.valuesOnly";
    return this._range(member, (sheet) => {
      // excel.d.ts: "If the entire worksheet is blank, this function will return the top left cell
      // (i.e. it will *not* throw an error)". Range.getUsedRange does throw ItemNotFound.
      return sheet.usedRange(valuesOnly === true) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._range(
      "Worksheet.getUsedRangeOrNullObject",
      (sheet) => sheet.usedRange(valuesOnly === true) as Rect,
      true,
    )._instantiate("Worksheet.getUsedRangeOrNullObject");
  }

  activate(): void {
    this._call("activate", undefined, false, (s) => {
      if (s.visibility !== "Visible")
        fail("InvalidOperation", "Worksheet.activate", "A hidden worksheet cannot be activated.");
      s.workbook.setActive(s.name);
    });
  }

  delete(): void {
    this._call("delete", undefined, true, (s) => {
      if (s.visibility === "Visible" && visibleCount(s.workbook) === 1) {
        fail(
          "InvalidOperation",
          "Worksheet.delete",
          "A workbook must contain at least one visible worksheet.",
        );
      }
      s.workbook.removeSheet(s.name);
    });
  }

  calculate(_markAllDirty?: boolean): void {
    this._call("calculate", undefined, false, () => undefined);
  }
}
installProps(WorksheetProxy, Object.keys(SHEET_PROPS));

function checkedRect(rect: Rect, member: string): Rect {
  const ok =
    [rect.row, rect.column, rect.rowCount, rect.columnCount].every(Number.isInteger) &&
    rect.row >= 0 &&
    rect.column >= 0 &&
    rect.rowCount >= 1 &&
    rect.columnCount >= 1 &&
    rect.row + rect.rowCount <= MAX_ROWS &&
    rect.column + rect.columnCount <= MAX_COLUMNS;
  if (!ok) fail("InvalidArgument", member, "The range indexes are outside the worksheet.");
  return rect;
}

export class WorksheetCollectionProxy extends CollectionProxy<SheetModel, WorksheetProxy> {
  constructor(
    context: ContextCore,
    private readonly model: WorkbookModel,
  ) {
    super(context);
  }

  get _class(): string {
    return "WorksheetCollection";
  }

  protected _list(): SheetModel[] {
    return this.model.sheets;
  }

  protected _itemProxy(sheet: SheetModel): WorksheetProxy {
    return new WorksheetProxy(this.context, () => sheet);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.model.activeSheet);
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this._find(key));
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      () => this._find(key),
      true,
      "WorksheetCollection.getItemOrNullObject",
    )._instantiate("WorksheetCollection.getItemOrNullObject");
  }

  getFirst(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.model.sheets[0] ?? null);
  }

  getLast(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.model.sheets[this.model.sheets.length - 1] ?? null);
  }

  /** Sheets are found by name (case-insensitive) or by id. */
  private _find(key: string): SheetModel | null {
    return this.model.sheet(key) ?? this.model.sheets.find((s) => s.id === key) ?? null;
  }

  add(name?: string): WorksheetProxy {
    let added: SheetModel | null = null;
    this.context.action("WorksheetCollection.add", name ?? null, true, () => {
      const model = this.model;
      const chosen =
        name === undefined || name === null
          ? model.uniqueName("Sheet", (n) => !!model.sheet(n))
          : checkSheetName(model, name, "WorksheetCollection.add");
      added = model.addSheet(chosen);
    });
    return new WorksheetProxy(this.context, () => added);
  }
}

const PROTECTION_PROPS: Record<string, PropDef<SheetModel>> = {
  protected: { get: (s) => s.protected },
};

export class WorksheetProtectionProxy extends ProxyObject<SheetModel> {
  declare protected: boolean;

  get _class(): string {
    return "WorksheetProtection";
  }

  get _props(): Record<string, PropDef<SheetModel>> {
    return PROTECTION_PROPS;
  }

  protect(_options?: unknown, _password?: string): void {
    this._call("protect", null, true, (s) => {
      if (s.protected)
        fail("InvalidOperation", "WorksheetProtection.protect", "The worksheet is already protected.");
      s.protected = true;
    });
  }

  unprotect(password?: string): void {
    // The password argument arrived with ExcelApi 1.7, unprotect() itself with 1.2.
    if (password !== undefined)
      this.context.action("WorksheetProtection.unprotect.password", undefined, false, () => undefined);
    this._call("unprotect", null, true, (s) => {
      s.protected = false;
    });
  }
}
installProps(WorksheetProtectionProxy, Object.keys(PROTECTION_PROPS));

/** Frozen rows/columns; getLocationOrNullObject is the frozen block (null when nothing is frozen). */
export class WorksheetFreezePanesProxy extends ProxyObject<SheetModel> {
  get _class(): string {
    return "WorksheetFreezePanes";
  }

  get _props(): Record<string, PropDef<SheetModel>> {
    return {};
  }

  freezeRows(count = 1): void {
    this._call("freezeRows", count, true, (s) => {
      this._check(s, count);
      s.frozenRows = count;
      s.frozenColumns = 0;
    });
  }

  freezeColumns(count = 1): void {
    this._call("freezeColumns", count, true, (s) => {
      this._check(s, count);
      s.frozenColumns = count;
      s.frozenRows = 0;
    });
  }

  unfreeze(): void {
    this._call("unfreeze", undefined, true, (s) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }

  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      (): RangeTarget | null => {
        const s = this._resolve();
        if (s.frozenRows === 0 && s.frozenColumns === 0) return null;
        const rect =
          s.frozenColumns === 0
            ? { row: 0, column: 0, rowCount: s.frozenRows, columnCount: MAX_COLUMNS }
            : s.frozenRows === 0
              ? { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: s.frozenColumns }
              : { row: 0, column: 0, rowCount: s.frozenRows, columnCount: s.frozenColumns };
        return { sheet: s, rect };
      },
      true,
    )._instantiate("WorksheetFreezePanes.getLocationOrNullObject");
  }

  private _check(s: SheetModel, count: number): void {
    if (!Number.isInteger(count) || count < 0) fail("InvalidArgument", "WorksheetFreezePanes.freezeRows");
    if (s.protected) fail("AccessDenied", "WorksheetFreezePanes", "The worksheet is protected.");
  }
}
