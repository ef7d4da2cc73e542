import { fail } from "../errors";
import type { WorkbookModel } from "../model";
import { type Loadable, type PropDef, CollectionProxy, ProxyObject, installProps } from "./base";
import { ContextCore, type HostInternals } from "./context";
import { FunctionsProxy } from "./functions";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";

interface SettingTarget {
  model: WorkbookModel;
  key: string;
}

/** Settings are stored as JSON, as Office serialises them. */
function serialisable(value: unknown, member: string): unknown {
  if (value === undefined) fail("InvalidArgument", member, "A setting value is required.");
  return JSON.parse(JSON.stringify(value)) as unknown;
}

const SETTING_PROPS: Record<string, PropDef<SettingTarget>> = {
  key: { get: (s) => s.key },
  value: {
    get: (s) => s.model.settings.get(s.key),
    set: (s, v) => {
      s.model.settings.set(s.key, serialisable(v, "Setting.value"));
    },
  },
};

export class SettingProxy extends ProxyObject<SettingTarget> {
  declare key: string;
  declare value: unknown;

  get _class(): string {
    return "Setting";
  }

  get _props(): Record<string, PropDef<SettingTarget>> {
    return SETTING_PROPS;
  }

  protected override _isGone(s: SettingTarget): boolean {
    return !s.model.settings.has(s.key);
  }

  delete(): void {
    this._call("delete", undefined, true, (s) => void s.model.settings.delete(s.key));
  }
}
installProps(SettingProxy, Object.keys(SETTING_PROPS));

export class SettingCollectionProxy extends CollectionProxy<SettingTarget, SettingProxy> {
  constructor(
    context: ContextCore,
    private readonly model: WorkbookModel,
  ) {
    super(context, "Workbook.settings");
  }

  get _class(): string {
    return "SettingCollection";
  }

  protected _list(): SettingTarget[] {
    return [...this.model.settings.keys()].map((key) => ({ model: this.model, key }));
  }

  protected _itemProxy(s: SettingTarget): SettingProxy {
    return new SettingProxy(this.context, () => s);
  }

  private _find(key: string): SettingTarget | null {
    return this.model.settings.has(key) ? { model: this.model, key } : null;
  }

  add(key: string, value: unknown): SettingProxy {
    this.context.action("SettingCollection.add", { key, value }, true, () => {
      if (typeof key !== "string" || key === "")
        fail("InvalidArgument", "SettingCollection.add", "A setting key is required.");
      this.model.settings.set(key, serialisable(value, "SettingCollection.add"));
    });
    return new SettingProxy(this.context, () => this._find(key));
  }

  getItem(key: string): SettingProxy {
    // ItemNotFound at the sync when the key is not there, like any getItem.
    return new SettingProxy(this.context, () => this._find(key))._instantiate("SettingCollection.getItem");
  }

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, () => this._find(key), true)._instantiate(
      "SettingCollection.getItemOrNullObject",
    );
  }
}

const APPLICATION_PROPS: Record<string, PropDef<WorkbookModel>> = {
  calculationMode: {
    get: (m) => m.calculationMode,
    set: (m, v) => {
      if (v !== "Automatic" && v !== "AutomaticExceptTables" && v !== "Manual")
        fail("InvalidArgument", "Application.calculationMode");
      m.calculationMode = v;
    },
  },
};

export class ApplicationProxy extends ProxyObject<WorkbookModel> {
  declare calculationMode: string;

  get _class(): string {
    return "Application";
  }

  get _props(): Record<string, PropDef<WorkbookModel>> {
    return APPLICATION_PROPS;
  }

  override _write(name: string, value: unknown): void {
    // Reading calculationMode is 1.1, setting it 1.8.
    if (name === "calculationMode")
      this.context.action("Application.calculationMode.set", undefined, false, () => undefined);
    super._write(name, value);
  }

  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", undefined, false, () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", undefined, false, () => undefined);
  }

  calculate(_calculationType?: string): void {
    this._call("calculate", undefined, false, () => undefined);
  }
}
installProps(ApplicationProxy, Object.keys(APPLICATION_PROPS));

const RUNTIME_PROPS: Record<string, PropDef<WorkbookModel>> = {
  enableEvents: {
    get: (m) => m.enableEvents,
    set: (m, v) => {
      m.enableEvents = Boolean(v);
    },
  },
};

export class RuntimeProxy extends ProxyObject<WorkbookModel> {
  declare enableEvents: boolean;

  get _class(): string {
    return "Runtime";
  }

  get _props(): Record<string, PropDef<WorkbookModel>> {
    return RUNTIME_PROPS;
  }
}
installProps(RuntimeProxy, Object.keys(RUNTIME_PROPS));

export class WorkbookProxy extends ProxyObject<WorkbookModel> {
  get _class(): string {
    return "Workbook";
  }

  get _props(): Record<string, PropDef<WorkbookModel>> {
    return {};
  }

  private get model(): WorkbookModel {
    return this.context.host.model;
  }

  override _navigate(name: string): Loadable | undefined {
    const nav: Record<string, () => Loadable> = {
      worksheets: () => this.worksheets,
      tables: () => this.tables,
      settings: () => this.settings,
      application: () => this.application,
    };
    return nav[name]?.();
  }

  get worksheets(): WorksheetCollectionProxy {
    return this._child("worksheets", () => new WorksheetCollectionProxy(this.context, this.model));
  }

  get tables(): TableCollectionProxy {
    return this._child(
      "tables",
      () =>
        new TableCollectionProxy(
          this.context,
          () => this.model.tables,
          () => this.model.activeSheet,
        ),
    );
  }

  get settings(): SettingCollectionProxy {
    return this._child("settings", () => new SettingCollectionProxy(this.context, this.model));
  }

  get application(): ApplicationProxy {
    return this._child("application", () => new ApplicationProxy(this.context, () => this.model));
  }

  /** Worksheet functions; address arguments without a sheet name refer to the active sheet. */
  get functions(): FunctionsProxy {
    return this._child(
      "functions",
      () => new FunctionsProxy(this.context, () => this.model.activeSheet, false, "Workbook.functions"),
    );
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const m = this.model;
      return (
        m.selection ?? { sheet: m.activeSheet, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } }
      );
    });
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const m = this.model;
        const sel = m.selection;
        return sel
          ? { sheet: sel.sheet, rect: { ...sel.rect, rowCount: 1, columnCount: 1 } }
          : { sheet: m.activeSheet, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
      },
      false,
      // ExcelApi 1.7 (excel.d.ts): checked when the cell is used.
      "Workbook.getActiveCell",
    );
  }
}

/** What `run(batch)` hands to the batch, typed there as Excel.RequestContext. */
export class FakeRequestContext extends ContextCore {
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;
  readonly application: ApplicationProxy;
  /** Office's tracked-object list; nothing to release in memory. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(host: HostInternals) {
    super(host);
    this.workbook = new WorkbookProxy(this, () => host.model);
    this.runtime = new RuntimeProxy(this, () => host.model);
    this.application = this.workbook.application;
  }
}
