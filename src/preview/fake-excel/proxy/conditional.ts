import { intersect } from "../address";
import { normalizeColor } from "../colors";
import { fail } from "../errors";
import { ConditionalFormatModel, type ConditionalFormatType } from "../objects";
import { type Loadable, type PropDef, CollectionProxy, ProxyObject, installProps } from "./base";
import type { ContextCore } from "./context";
import { RangeProxy, type RangeTarget, assertWritable } from "./range";

const TYPES: ConditionalFormatType[] = [
  "ContainsText",
  "CellValue",
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
];

interface CfTarget {
  range: RangeTarget;
  cf: ConditionalFormatModel;
}

function assertCfWritable(t: CfTarget, member: string): void {
  assertWritable(t.range.sheet, member);
}

/** range.conditionalFormats: those intersecting the range. */
export class ConditionalFormatCollectionProxy extends CollectionProxy<CfTarget, ConditionalFormatProxy> {
  constructor(
    context: ContextCore,
    private readonly range: RangeProxy,
    via?: string,
  ) {
    super(context, via);
  }

  get _class(): string {
    return "ConditionalFormatCollection";
  }

  protected _list(): CfTarget[] {
    const range = this.range._resolve();
    return range.sheet.conditionalFormats
      .filter((cf) => intersect(cf.range, range.rect))
      .map((cf) => ({ range, cf }));
  }

  protected _itemProxy(t: CfTarget): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => t);
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => this._list()[index] ?? null);
  }

  add(type: ConditionalFormatType | string): ConditionalFormatProxy {
    let added: CfTarget | null = null;
    this.context.action("ConditionalFormatCollection.add", type, true, () => {
      const range = this.range._resolve();
      assertWritable(range.sheet, "ConditionalFormatCollection.add");
      if (!TYPES.includes(type as ConditionalFormatType))
        fail(
          "InvalidArgument",
          "ConditionalFormatCollection.add",
          `Unknown conditional format type '${type}'.`,
        );
      const list = range.sheet.conditionalFormats;
      for (const cf of list) cf.priority++;
      const cf = new ConditionalFormatModel(
        String(range.sheet.workbook.newId()),
        type as ConditionalFormatType,
        range.rect,
        0,
      );
      list.unshift(cf);
      added = { range, cf };
    });
    return new ConditionalFormatProxy(this.context, () => added);
  }

  clearAll(): void {
    this.context.action("ConditionalFormatCollection.clearAll", undefined, true, () => {
      const range = this.range._resolve();
      assertWritable(range.sheet, "ConditionalFormatCollection.clearAll");
      const list = range.sheet.conditionalFormats;
      for (let i = list.length - 1; i >= 0; i--) if (intersect(list[i].range, range.rect)) list.splice(i, 1);
    });
  }
}

const CF_PROPS: Record<string, PropDef<CfTarget>> = {
  type: { get: (t) => t.cf.type },
  id: { get: (t) => t.cf.id },
  priority: {
    get: (t) => t.cf.priority,
    set: (t, v) => {
      t.cf.priority = Number(v);
    },
  },
  stopIfTrue: {
    get: (t) => t.cf.stopIfTrue,
    set: (t, v) => {
      t.cf.stopIfTrue = Boolean(v);
    },
  },
};

export class ConditionalFormatProxy extends ProxyObject<CfTarget> {
  declare type: string;
  declare id: string;
  declare priority: number;
  declare stopIfTrue: boolean;

  get _class(): string {
    return "ConditionalFormat";
  }

  get _props(): Record<string, PropDef<CfTarget>> {
    return CF_PROPS;
  }

  protected override _isGone(t: CfTarget): boolean {
    return t.range.sheet.deleted || !t.range.sheet.conditionalFormats.includes(t.cf);
  }

  override _navigate(name: string): Loadable | undefined {
    if (name === "textComparison") return this.textComparison;
    if (name === "cellValue") return this.cellValue;
    return undefined;
  }

  /** The rule object of one type; using another type's rule fails like Excel (InvalidOperation). */
  private _rule(name: string, type: ConditionalFormatType): RuleProxy {
    return this._child(
      name,
      () =>
        new RuleProxy(
          this.context,
          () => {
            const t = this._resolve();
            if (t.cf.type !== type)
              fail(
                "InvalidOperation",
                `ConditionalFormat.${name}`,
                `This conditional format is of type ${t.cf.type}.`,
              );
            return t;
          },
          type === "ContainsText" ? "TextConditionalFormat" : "CellValueConditionalFormat",
        ),
    );
  }

  get textComparison(): RuleProxy {
    return this._rule("textComparison", "ContainsText");
  }

  get cellValue(): RuleProxy {
    return this._rule("cellValue", "CellValue");
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this._resolve();
      return { sheet: t.range.sheet, rect: t.cf.range };
    });
  }

  delete(): void {
    this._call("delete", undefined, true, (t) => {
      assertCfWritable(t, "ConditionalFormat.delete");
      const list = t.range.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
    });
  }
}
installProps(ConditionalFormatProxy, Object.keys(CF_PROPS));

const RULE_PROPS: Record<string, PropDef<CfTarget>> = {
  rule: {
    get: (t) => (t.cf.rule ? { ...t.cf.rule } : null),
    set: (t, v) => {
      assertCfWritable(t, "ConditionalFormat.rule");
      if (!v || typeof v !== "object")
        fail("InvalidArgument", "ConditionalFormat.rule", "A rule object is required.");
      t.cf.rule = { ...(v as Record<string, unknown>) };
    },
  },
};

/** TextConditionalFormat / CellValueConditionalFormat: a rule and a format. */
export class RuleProxy extends ProxyObject<CfTarget> {
  declare rule: Record<string, unknown>;

  constructor(
    context: ContextCore,
    resolver: () => CfTarget,
    private readonly className: string,
  ) {
    super(context, resolver);
  }

  get _class(): string {
    return this.className;
  }

  get _props(): Record<string, PropDef<CfTarget>> {
    return RULE_PROPS;
  }

  override _navigate(name: string): Loadable | undefined {
    return name === "format" ? this.format : undefined;
  }

  get format(): CfFormatProxy {
    return this._child("format", () => new CfFormatProxy(this.context, () => this._resolve()));
  }
}
installProps(RuleProxy, Object.keys(RULE_PROPS));

export class CfFormatProxy extends ProxyObject<CfTarget> {
  get _class(): string {
    return "ConditionalRangeFormat";
  }

  get _props(): Record<string, PropDef<CfTarget>> {
    return {};
  }

  override _navigate(name: string): Loadable | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }

  get fill(): CfStyleProxy {
    return this._child(
      "fill",
      () => new CfStyleProxy(this.context, () => this._resolve(), "ConditionalRangeFill"),
    );
  }

  get font(): CfStyleProxy {
    return this._child(
      "font",
      () => new CfStyleProxy(this.context, () => this._resolve(), "ConditionalRangeFont"),
    );
  }
}

function styleProp(fillOrFont: "fill" | "fontColor" | "bold"): PropDef<CfTarget> {
  return {
    get: (t) => t.cf.format[fillOrFont] ?? null,
    set: (t, v) => {
      assertCfWritable(t, "ConditionalRangeFormat");
      if (fillOrFont === "bold") t.cf.format.bold = Boolean(v);
      else t.cf.format[fillOrFont] = normalizeColor(v);
    },
  };
}

const FILL_PROPS: Record<string, PropDef<CfTarget>> = { color: styleProp("fill") };
const FONT_PROPS: Record<string, PropDef<CfTarget>> = {
  color: styleProp("fontColor"),
  bold: styleProp("bold"),
};

/** Conditional fill (color, clear()) or font (color, bold). */
export class CfStyleProxy extends ProxyObject<CfTarget> {
  declare color: string;
  declare bold: boolean;

  constructor(
    context: ContextCore,
    resolver: () => CfTarget,
    private readonly className: "ConditionalRangeFill" | "ConditionalRangeFont",
  ) {
    super(context, resolver);
  }

  get _class(): string {
    return this.className;
  }

  get _props(): Record<string, PropDef<CfTarget>> {
    return this.className === "ConditionalRangeFill" ? FILL_PROPS : FONT_PROPS;
  }

  clear(): void {
    this._call("clear", undefined, true, (t) => {
      if (this.className === "ConditionalRangeFill") delete t.cf.format.fill;
      else {
        delete t.cf.format.fontColor;
        delete t.cf.format.bold;
      }
    });
  }
}
installProps(CfStyleProxy, ["color", "bold"]);
