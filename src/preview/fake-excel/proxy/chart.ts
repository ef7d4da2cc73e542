import { fullAddress } from "../address";
import { fail } from "../errors";
import type { SheetModel } from "../model";
import type { ChartModel } from "../objects";
import { type Loadable, type PropDef, CollectionProxy, ProxyObject, installProps } from "./base";
import type { ContextCore } from "./context";
import { RangeProxy, assertWritable, resolveRangeArg } from "./range";

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartModel;
}

const CHART_PROPS: Record<string, PropDef<ChartTarget>> = {
  name: {
    get: (t) => t.chart.name,
    set: (t, v) => {
      t.chart.name = String(v);
    },
  },
  id: { get: (t) => t.chart.id },
  chartType: {
    get: (t) => t.chart.type,
    set: (t, v) => {
      t.chart.type = String(v);
    },
  },
};

export class ChartProxy extends ProxyObject<ChartTarget> {
  declare name: string;
  declare id: string;
  declare chartType: string;

  get _class(): string {
    return "Chart";
  }

  get _props(): Record<string, PropDef<ChartTarget>> {
    return CHART_PROPS;
  }

  protected override _isGone(t: ChartTarget): boolean {
    return t.sheet.deleted || !t.sheet.charts.includes(t.chart);
  }

  override _navigate(name: string): Loadable | undefined {
    return name === "title" ? this.title : undefined;
  }

  get title(): ChartTitleProxy {
    return this._child("title", () => new ChartTitleProxy(this.context, () => this._resolve()));
  }

  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this._call(
      "setPosition",
      { startCell: String(startCell), endCell: endCell === undefined ? undefined : String(endCell) },
      true,
      (t) => {
        const start = resolveRangeArg(this.context, startCell, t.sheet, "Chart.setPosition");
        const end =
          endCell === undefined
            ? undefined
            : resolveRangeArg(this.context, endCell, t.sheet, "Chart.setPosition");
        t.chart.position = {
          startCell: fullAddress(start.sheet.name, start.rect),
          endCell: end && fullAddress(end.sheet.name, end.rect),
        };
      },
    );
  }

  setData(sourceData: RangeProxy, seriesBy = "Auto"): void {
    this._call("setData", { seriesBy }, true, (t) => {
      const source = resolveRangeArg(this.context, sourceData, t.sheet, "Chart.setData");
      t.chart.source = fullAddress(source.sheet.name, source.rect);
      t.chart.seriesBy = seriesBy;
    });
  }

  delete(): void {
    this._call("delete", undefined, true, (t) => {
      assertWritable(t.sheet, "Chart.delete");
      t.sheet.charts.splice(t.sheet.charts.indexOf(t.chart), 1);
    });
  }
}
installProps(ChartProxy, Object.keys(CHART_PROPS));

const TITLE_PROPS: Record<string, PropDef<ChartTarget>> = {
  text: {
    get: (t) => t.chart.title,
    set: (t, v) => {
      t.chart.title = String(v);
    },
  },
  visible: { get: (t) => t.chart.title !== "" },
};

export class ChartTitleProxy extends ProxyObject<ChartTarget> {
  declare text: string;
  declare visible: boolean;

  get _class(): string {
    return "ChartTitle";
  }

  get _props(): Record<string, PropDef<ChartTarget>> {
    return TITLE_PROPS;
  }
}
installProps(ChartTitleProxy, Object.keys(TITLE_PROPS));

export class ChartCollectionProxy extends CollectionProxy<ChartTarget, ChartProxy> {
  constructor(
    context: ContextCore,
    private readonly sheet: () => SheetModel,
  ) {
    super(context);
  }

  get _class(): string {
    return "ChartCollection";
  }

  override get _props(): Record<string, PropDef<ChartTarget[]>> {
    return { count: { get: (l) => l.length } };
  }

  get count(): number {
    return this._read("count") as number;
  }

  protected _list(): ChartTarget[] {
    const sheet = this.sheet();
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }

  protected _itemProxy(t: ChartTarget): ChartProxy {
    return new ChartProxy(this.context, () => t);
  }

  private _find(name: string): ChartTarget | null {
    return this._list().find((t) => t.chart.name.toLowerCase() === String(name).toLowerCase()) ?? null;
  }

  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, () => this._find(name));
  }

  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(
      this.context,
      () => this._find(name),
      true,
      "ChartCollection.getItemOrNullObject",
    )._instantiate("ChartCollection.getItemOrNullObject");
  }

  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this.context, () => this._list()[index] ?? null);
  }

  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let added: ChartTarget | null = null;
    this.context.action("ChartCollection.add", { type, seriesBy }, true, () => {
      const sheet = this.sheet();
      assertWritable(sheet, "ChartCollection.add");
      if (typeof type !== "string" || type === "")
        fail("InvalidArgument", "ChartCollection.add", "A chart type is required.");
      const source = resolveRangeArg(this.context, sourceData, sheet, "ChartCollection.add");
      const model = sheet.workbook;
      const id = String(model.newId());
      const taken = (n: string) => model.sheets.some((s) => s.charts.some((c) => c.name === n));
      const chart: ChartModel = {
        id,
        name: model.uniqueName("Chart ", taken),
        type,
        source: fullAddress(source.sheet.name, source.rect),
        seriesBy,
        title: "",
        position: null,
      };
      sheet.charts.push(chart);
      added = { sheet, chart };
    });
    return new ChartProxy(this.context, () => added);
  }
}
