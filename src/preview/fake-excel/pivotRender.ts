import { type Rect, intersect } from "./address";
import { fail } from "./errors";
import type { CellValue } from "./types";
import type { DataFieldModel, PivotModel } from "./objects";

/** Excel's default aggregation for a field: Sum when every non-blank value is a number, else Count. */
export function defaultSummarizeBy(values: CellValue[]): "Sum" | "Count" {
  const filled = values.filter((v) => v !== "" && v !== null);
  return filled.length > 0 && filled.every((v) => typeof v === "number") ? "Sum" : "Count";
}

interface Accumulator {
  count: number;
  numbers: number[];
}

function summarize(acc: Accumulator | undefined, field: DataFieldModel): CellValue {
  if (!acc) return "";
  const n = acc.numbers;
  switch (field.summarizeBy) {
    case "Count":
      return acc.count;
    case "CountNumbers":
      return n.length;
    case "Average":
      return n.length ? n.reduce((a, b) => a + b, 0) / n.length : "#DIV/0!";
    case "Max":
      return n.length ? Math.max(...n) : 0;
    case "Min":
      return n.length ? Math.min(...n) : 0;
    case "Product":
      return n.reduce((a, b) => a * b, 1);
    default:
      return n.reduce((a, b) => a + b, 0);
  }
}

function compareItems(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  const numA = a !== "" && Number.isFinite(na);
  const numB = b !== "" && Number.isFinite(nb);
  if (numA && numB) return na - nb;
  if (numA !== numB) return numA ? -1 : 1;
  if (a === "(blank)" || b === "(blank)") return a === b ? 0 : a === "(blank)" ? 1 : -1;
  return a.localeCompare(b, "en", { sensitivity: "base" });
}

/**
 * The items of one source field as Excel lists them (PivotField.items): every distinct displayed text
 * of the source column, grouped case-insensitively and named by its first occurrence, a blank cell
 * as "(blank)", in the order the PivotTable shows them.
 */
export function pivotItems(pivot: PivotModel, field: string): string[] {
  const source = pivot.sourceRange();
  const names = pivot.fieldNames();
  const column = names.findIndex((n) => n.toLowerCase() === field.toLowerCase());
  if (column < 0) return [];
  const src = pivot.source.sheet;
  const items = new Map<string, string>();
  for (let r = source.row + 1; r < source.row + source.rowCount; r++) {
    const text = src.text(r, source.column + column) || "(blank)";
    const key = text.toLowerCase();
    if (!items.has(key)) items.set(key, text);
  }
  return [...items.values()].sort(compareItems);
}

/**
 * Computes the pivot grid from the current source data (every row: pivots ignore the sheet's
 * filters) and writes it at the destination, replacing the previous rendering. A compact, tabular
 * rendering: row items down, column items x data fields across, grand totals as configured.
 */
export function renderPivot(pivot: PivotModel): void {
  const sheet = pivot.sheet;
  if (pivot.rendered) sheet.clear(pivot.rendered, "All");
  pivot.rendered = null;
  if (pivot.deleted || (pivot.rows.length === 0 && pivot.columns.length === 0 && pivot.data.length === 0))
    return;
  const source = pivot.sourceRange();
  const names = pivot.fieldNames();
  const indexOf = (field: string) => names.findIndex((n) => n.toLowerCase() === field.toLowerCase());
  const src = pivot.source.sheet;
  // Items group case-insensitively, labelled by their first occurrence, as in Excel.
  const labels = new Map<string, string>();
  const item = (r: number, field: string) => {
    const text = src.text(r, source.column + indexOf(field)) || "(blank)";
    const key = `${field.toLowerCase()}\u0002${text.toLowerCase()}`;
    if (!labels.has(key)) labels.set(key, text);
    return key;
  };
  const label = (key: string) => labels.get(key) ?? key;
  const cells = new Map<string, Map<string, Accumulator[]>>();
  const rowKeys = new Set<string>();
  const colKeys = new Set<string>();
  const SEP = "\u0001";
  const add = (rk: string, ck: string, r: number) => {
    let byCol = cells.get(rk);
    if (!byCol) cells.set(rk, (byCol = new Map()));
    let accs = byCol.get(ck);
    if (!accs) byCol.set(ck, (accs = pivot.data.map(() => ({ count: 0, numbers: [] }))));
    pivot.data.forEach((d, i) => {
      const v = src.getValue(r, source.column + indexOf(d.field));
      if (v === "" || v === null) return;
      accs![i].count++;
      if (typeof v === "number") accs![i].numbers.push(v);
    });
  };
  for (let r = source.row + 1; r < source.row + source.rowCount; r++) {
    const rk = pivot.rows.map((f) => item(r, f)).join(SEP);
    const ck = pivot.columns.map((f) => item(r, f)).join(SEP);
    rowKeys.add(rk);
    colKeys.add(ck);
    for (const [a, b] of [
      [rk, ck],
      [rk, "*"],
      ["*", ck],
      ["*", "*"],
    ]) {
      add(a, b, r);
    }
  }
  const sortKeys = (keys: Set<string>) =>
    [...keys].sort((a, b) => {
      const pa = a.split(SEP).map(label);
      const pb = b.split(SEP).map(label);
      for (let i = 0; i < pa.length; i++) {
        const d = compareItems(pa[i], pb[i]);
        if (d !== 0) return d;
      }
      return 0;
    });
  const rows = pivot.rows.length ? sortKeys(rowKeys) : [];
  const cols = pivot.columns.length ? sortKeys(colKeys) : [""];
  const showColTotal = pivot.columns.length > 0 && pivot.layout.showRowGrandTotals;
  const colSpecs = [...cols, ...(showColTotal ? ["*"] : [])];
  const dataLabel = (ck: string, d: DataFieldModel) => {
    const item = ck === "*" ? "Grand Total" : ck.split(SEP).map(label).join(" - ");
    if (pivot.columns.length === 0) return d.name;
    return pivot.data.length > 1 ? `${item} ${d.name}` : item;
  };
  const labelWidth = Math.max(1, pivot.rows.length);
  const header: CellValue[] = [
    ...(pivot.rows.length ? pivot.rows : [""]),
    ...colSpecs.flatMap((ck) => pivot.data.map((d) => dataLabel(ck, d))),
  ];
  const grid: CellValue[][] = [header];
  const line = (rk: string, labels: CellValue[]) => [
    ...labels,
    ...colSpecs.flatMap((ck) =>
      pivot.data.map((d, i) => summarize(cells.get(rk)?.get(pivot.columns.length ? ck : "*")?.[i], d)),
    ),
  ];
  for (const rk of rows) grid.push(line(rk, rk.split(SEP).map(label)));
  if (pivot.layout.showColumnGrandTotals || pivot.rows.length === 0) {
    grid.push(line("*", ["Grand Total", ...new Array(labelWidth - 1).fill("")]));
  }
  const { row, column } = pivot.destination;
  const width = Math.max(...grid.map((g) => g.length));
  const wanted: Rect = { row, column, rowCount: grid.length, columnCount: width };
  // Two PivotTables may not overlap: Excel refuses the change that would make them.
  if (
    sheet.pivotTables.some((other) => other !== pivot && other.rendered && intersect(other.rendered, wanted))
  )
    fail(
      "PivotTableRangeConflict",
      "PivotTable",
      "A PivotTable report cannot overlap another PivotTable report.",
    );
  grid.forEach((g, i) => g.forEach((v, j) => sheet.setCell(row + i, column + j, v)));
  const rect: Rect = { row, column, rowCount: grid.length, columnCount: width };
  sheet.setFormat({ ...rect, rowCount: 1 }, { bold: true });
  sheet.setFormat({ ...rect, row: row + grid.length - 1, rowCount: 1 }, { bold: true });
  pivot.data.forEach((d, i) => {
    if (!d.numberFormat || d.numberFormat === "General") return;
    for (let k = 0; k < colSpecs.length; k++) {
      sheet.setFormat(
        {
          row: row + 1,
          rowCount: grid.length - 1,
          column: column + labelWidth + k * pivot.data.length + i,
          columnCount: 1,
        },
        { numberFormat: d.numberFormat },
      );
    }
  });
  pivot.rendered = rect;
}
