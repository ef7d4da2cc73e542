import type { Rect } from "./address";
import type { SheetModel } from "./model";
import type { CellValue, FilterState } from "./types";

/** An Excel table: `range` includes the header row; its filter hides rows like an AutoFilter. */
export class TableModel {
  deleted = false;
  showHeaders = true;
  showTotals = false;
  style = "TableStyleMedium2";
  readonly filter: FilterState;

  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetModel,
    range: Rect,
  ) {
    this.filter = { range, criteria: new Map(), hidden: new Set() };
  }

  get range(): Rect {
    return this.filter.range;
  }

  set range(rect: Rect) {
    this.filter.range = rect;
  }

  /** Column names are the header cells' text, as in Excel. */
  columnNames(): string[] {
    const { row, column, columnCount } = this.range;
    return Array.from({ length: columnCount }, (_, j) => this.sheet.text(row, column + j));
  }

  headerRect(): Rect {
    return { ...this.range, rowCount: 1 };
  }

  bodyRect(): Rect {
    return { ...this.range, row: this.range.row + 1, rowCount: Math.max(1, this.range.rowCount - 1) };
  }
}

export type SummarizeBy =
  | "Sum"
  | "Count"
  | "Average"
  | "Max"
  | "Min"
  | "Product"
  | "CountNumbers"
  | "StandardDeviation"
  | "StandardDeviationP"
  | "Variance"
  | "VarianceP";

export interface DataFieldModel {
  field: string;
  name: string;
  /** False while the name is Excel's default ("Sum of X"), which follows summarizeBy. */
  customName: boolean;
  summarizeBy: SummarizeBy;
  numberFormat: string;
}

export interface PivotLayoutModel {
  layoutType: "Compact" | "Tabular" | "Outline";
  showRowGrandTotals: boolean;
  showColumnGrandTotals: boolean;
}

/** A PivotTable definition plus where its grid was last rendered on the destination sheet. */
export class PivotModel {
  deleted = false;
  readonly rows: string[] = [];
  readonly columns: string[] = [];
  readonly data: DataFieldModel[] = [];
  readonly filters: string[] = [];
  readonly layout: PivotLayoutModel = {
    layoutType: "Compact",
    showRowGrandTotals: true,
    showColumnGrandTotals: true,
  };
  rendered: Rect | null = null;

  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetModel,
    readonly source: { sheet: SheetModel; range: Rect; table?: TableModel },
    readonly destination: { row: number; column: number },
  ) {}

  sourceRange(): Rect {
    return this.source.table && !this.source.table.deleted ? this.source.table.range : this.source.range;
  }

  /** Hierarchy names: the source's header texts. */
  /** Field names as Excel gives them: the raw header text, a repeated header numbered ("Industry2"). */
  fieldNames(): string[] {
    const { row, column, columnCount } = this.sourceRange();
    const taken = new Set<string>();
    return Array.from({ length: columnCount }, (_, j) => {
      const header = this.source.sheet.text(row, column + j);
      let name = header;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${header}${n}`;
      taken.add(name.toLowerCase());
      return name;
    });
  }
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: { startCell: string; endCell?: string } | null;
}

export type ConditionalFormatType =
  | "ContainsText"
  | "CellValue"
  | "Custom"
  | "DataBar"
  | "ColorScale"
  | "IconSet"
  | "TopBottom"
  | "PresetCriteria";

export interface ConditionalFormatStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/** A conditional format; ContainsText and CellValue rules are evaluated for the preview. */
export class ConditionalFormatModel {
  rule: Record<string, unknown> | null = null;
  readonly format: ConditionalFormatStyle = {};
  stopIfTrue = false;

  constructor(
    readonly id: string,
    readonly type: ConditionalFormatType,
    public range: Rect,
    public priority: number,
  ) {}

  matches(value: CellValue, text: string): boolean {
    const rule = this.rule;
    if (!rule) return false;
    if (this.type === "ContainsText") {
      const needle = String(rule.text ?? "").toLowerCase();
      const hay = text.toLowerCase();
      switch (rule.operator) {
        case "NotContains":
          return !hay.includes(needle);
        case "BeginsWith":
          return hay.startsWith(needle);
        case "EndsWith":
          return hay.endsWith(needle);
        default:
          return hay.includes(needle);
      }
    }
    if (this.type === "CellValue") {
      const a = operand(rule.formula1);
      const b = operand(rule.formula2);
      const cmp = (x: CellValue) => compareCell(value, x);
      switch (rule.operator) {
        case "Between":
          return cmp(a) >= 0 && cmp(b) <= 0;
        case "NotBetween":
          return cmp(a) < 0 || cmp(b) > 0;
        case "EqualTo":
          return cmp(a) === 0;
        case "NotEqualTo":
          return cmp(a) !== 0;
        case "GreaterThan":
          return cmp(a) > 0;
        case "LessThan":
          return cmp(a) < 0;
        case "GreaterThanOrEqual":
          return cmp(a) >= 0;
        case "LessThanOrEqual":
          return cmp(a) <= 0;
        default:
          return false;
      }
    }
    return false;
  }
}

function operand(formula: unknown): CellValue {
  if (typeof formula !== "string") return typeof formula === "number" ? formula : "";
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  const quoted = /^"(.*)"$/.exec(body);
  if (quoted) return quoted[1];
  return body.trim() !== "" && Number.isFinite(Number(body)) ? Number(body) : body;
}

function compareCell(value: CellValue, target: CellValue): number {
  if (typeof value === "number" && typeof target === "number") return value - target;
  if (typeof value === "number") return -1;
  if (typeof target === "number") return 1;
  return String(value).toLowerCase().localeCompare(String(target).toLowerCase());
}
