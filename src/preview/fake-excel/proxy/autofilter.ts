import { type Rect, intersect, sameRect } from "../address";
import { fail } from "../errors";
import type { SheetModel } from "../model";
import type { TableModel } from "../objects";
import type { FilterCriteria, FilterState } from "../types";
import { type PropDef, ProxyObject, installProps } from "./base";
import { RangeProxy, assertWritable, resolveRangeArg } from "./range";

/** A sheet AutoFilter, or a table's when `table` is set. */
export interface AutoFilterTarget {
  sheet: SheetModel;
  table?: TableModel;
}

function stateOf(t: AutoFilterTarget): FilterState | null {
  return t.table ? t.table.filter : t.sheet.autoFilter;
}

/** Validates the criteria subset the in-memory Excel evaluates (values and custom filters). */
export function checkCriteria(criteria: unknown, member: string): FilterCriteria {
  const c = criteria as Partial<FilterCriteria> | undefined;
  if (!c || typeof c !== "object") fail("InvalidArgument", member, "Filter criteria are required.");
  // Excel rejects criteria objects with null-valued properties, such as those read back (office-js#1226).
  const nulls = Object.entries(c).filter(([, value]) => value === null);
  if (nulls.length)
    fail("InvalidArgument", member, `Filter criteria property '${nulls[0][0]}' is null (office-js#1226).`);
  if (c.filterOn === "Values") {
    if (!Array.isArray(c.values) || c.values.some((v) => typeof v !== "string")) {
      fail(
        "InvalidArgument",
        member,
        "A values filter needs `values`: an array of strings (date filters are not supported in memory).",
      );
    }
    return { filterOn: "Values", values: [...c.values] };
  }
  if (c.filterOn === "Custom") {
    if (typeof c.criterion1 !== "string")
      fail("InvalidArgument", member, "A custom filter needs `criterion1`.");
    const out: FilterCriteria = { filterOn: "Custom", criterion1: c.criterion1 };
    if (c.criterion2 !== undefined) out.criterion2 = String(c.criterion2);
    if (c.operator !== undefined) out.operator = c.operator === "Or" ? "Or" : "And";
    return out;
  }
  return fail(
    "InvalidArgument",
    member,
    `Filter on '${String(c.filterOn)}' is not supported by the in-memory Excel (use Values or Custom).`,
  );
}

/** Criteria per column as Office reports them: the criteria object, or {} for an unfiltered column. */
export function criteriaList(state: FilterState): object[] {
  return Array.from({ length: state.range.columnCount }, (_, i) => {
    const c = state.criteria.get(i);
    return c ? { ...c, values: c.values ? [...c.values] : undefined } : {};
  }).map((c) => JSON.parse(JSON.stringify(c)) as object);
}

/** Every property Excel returns on a criteria object read back; unused ones are null. */
const CRITERIA_PROPERTIES = [
  "color",
  "criterion1",
  "criterion2",
  "dynamicCriteria",
  "filterOn",
  "icon",
  "operator",
  "subField",
  "values",
] as const;

/**
 * Criteria as Excel reads them back (office-js#1226): one entry per column of the filter range, every
 * property present, unused ones null, and an unfiltered column an empty criterion of nulls.
 */
export function criteriaReadBack(state: FilterState): Record<string, unknown>[] {
  return criteriaList(state).map((c) => {
    const record = c as Record<string, unknown>;
    return Object.fromEntries(CRITERIA_PROPERTIES.map((key) => [key, record[key] ?? null]));
  });
}

const AUTOFILTER_PROPS: Record<string, PropDef<AutoFilterTarget>> = {
  enabled: { get: (t) => stateOf(t) !== null },
  isDataFiltered: { get: (t) => (stateOf(t)?.criteria.size ?? 0) > 0 },
  criteria: { get: (t) => (stateOf(t) ? criteriaReadBack(stateOf(t)!) : []) },
};

export class AutoFilterProxy extends ProxyObject<AutoFilterTarget> {
  declare enabled: boolean;
  declare isDataFiltered: boolean;
  declare criteria: object[];

  get _class(): string {
    return "AutoFilter";
  }

  get _props(): Record<string, PropDef<AutoFilterTarget>> {
    return AUTOFILTER_PROPS;
  }

  protected override _isGone(t: AutoFilterTarget): boolean {
    return t.sheet.deleted || t.table?.deleted === true;
  }

  apply(range: RangeProxy | string, columnIndex?: number, criteria?: unknown): void {
    this._call(
      "apply",
      { range: typeof range === "string" ? range : "(Range)", columnIndex, criteria },
      true,
      (t) => {
        const member = "AutoFilter.apply";
        assertWritable(t.sheet, member);
        const target = resolveRangeArg(this.context, range, t.sheet, member);
        if (target.sheet !== t.sheet) fail("InvalidArgument", member, "The range is on another worksheet.");
        const state = t.table
          ? this._tableState(t.table, target.rect)
          : this._sheetState(t.sheet, target.rect);
        if (columnIndex === undefined || columnIndex === null) {
          if (criteria !== undefined) fail("InvalidArgument", member, "Criteria need a column index.");
          return;
        }
        if (!Number.isInteger(columnIndex) || columnIndex < 0 || columnIndex >= state.range.columnCount) {
          fail("InvalidArgument", member, `Column index ${columnIndex} is outside the filter range.`);
        }
        if (criteria === undefined) return;
        state.criteria.set(columnIndex, checkCriteria(criteria, member));
        t.sheet.evaluateFilter(state);
      },
    );
  }

  /** First apply defines the range; a different range replaces the sheet's AutoFilter. */
  private _sheetState(sheet: SheetModel, rect: Rect): FilterState {
    const member = "AutoFilter.apply";
    if (sheet.tables.some((table) => intersect(table.range, rect))) {
      fail(
        "InvalidOperation",
        member,
        "The range overlaps a table: use the table's filters instead of a sheet AutoFilter.",
      );
    }
    if (sheet.autoFilter && sameRect(sheet.autoFilter.range, rect)) return sheet.autoFilter;
    sheet.autoFilter = { range: rect, criteria: new Map(), hidden: new Set() };
    return sheet.autoFilter;
  }

  private _tableState(table: TableModel, rect: Rect): FilterState {
    if (!intersect(table.range, rect))
      fail("InvalidArgument", "AutoFilter.apply", "The range is outside the table.");
    return table.filter;
  }

  clearCriteria(): void {
    this._call("clearCriteria", undefined, true, (t) =>
      this._clear(t, "AutoFilter.clearCriteria", () => true),
    );
  }

  clearColumnCriteria(columnIndex: number): void {
    this._call("clearColumnCriteria", columnIndex, true, (t) =>
      this._clear(t, "AutoFilter.clearColumnCriteria", (i) => i === columnIndex),
    );
  }

  private _clear(t: AutoFilterTarget, member: string, which: (column: number) => boolean): void {
    assertWritable(t.sheet, member);
    const state = stateOf(t);
    if (!state) return;
    for (const column of [...state.criteria.keys()]) if (which(column)) state.criteria.delete(column);
    t.sheet.evaluateFilter(state);
  }

  reapply(): void {
    this._call("reapply", undefined, true, (t) => {
      assertWritable(t.sheet, "AutoFilter.reapply");
      const state = stateOf(t);
      if (!state) fail("InvalidOperation", "AutoFilter.reapply", "There is no AutoFilter to reapply.");
      t.sheet.evaluateFilter(state);
    });
  }

  remove(): void {
    this._call("remove", undefined, true, (t) => {
      assertWritable(t.sheet, "AutoFilter.remove");
      if (t.table) {
        t.table.filter.criteria.clear();
        t.table.filter.hidden.clear();
      } else t.sheet.autoFilter = null;
    });
  }

  getRange(): RangeProxy {
    return this._range(false);
  }

  getRangeOrNullObject(): RangeProxy {
    return this._range(true)._instantiate("AutoFilter.getRangeOrNullObject");
  }

  private _range(nullable: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const t = this._resolve();
        const state = stateOf(t);
        return state ? { sheet: t.sheet, rect: state.range } : null;
      },
      nullable,
    );
  }
}
installProps(AutoFilterProxy, Object.keys(AUTOFILTER_PROPS));
