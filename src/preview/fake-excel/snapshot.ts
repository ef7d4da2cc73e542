import { cellAddress, fullAddress, rectAddress } from "./address";
import type { SheetModel, WorkbookModel } from "./model";
import { criteriaList } from "./proxy/autofilter";
import type { CellFormat, CellValue, FilterState } from "./types";

/** Plain JSON of everything the add-in can change, for "run, undo, compare" tests. */
export interface WorkbookSnapshot {
  activeSheet: string | null;
  sheets: SheetSnapshot[];
  settings: Record<string, unknown>;
}

export interface SheetSnapshot {
  name: string;
  visibility: string;
  protected: boolean;
  /** Values from A1 to the bottom-right of the used range. */
  values: CellValue[][];
  formulas: Record<string, string>;
  /** Cell-level formats by address, plus row and column formats. */
  formats: Record<string, CellFormat>;
  rowFormats: Record<number, CellFormat>;
  columnFormats: Record<number, CellFormat>;
  columnWidths: Record<number, number>;
  hiddenRows: number[];
  hiddenColumns: number[];
  autoFilter: { range: string; criteria: object[] } | null;
  tables: { name: string; range: string; showHeaders: boolean; criteria: object[] }[];
  pivotTables: {
    name: string;
    source: string;
    destination: string;
    rows: string[];
    columns: string[];
    data: { field: string; name: string; summarizeBy: string; numberFormat: string }[];
    filters: string[];
    layout: object;
  }[];
  charts: object[];
  frozenRows: number;
  frozenColumns: number;
  conditionalFormats: { type: string; range: string; rule: unknown; format: object }[];
}

function filterJson(state: FilterState): { range: string; criteria: object[] } {
  return { range: rectAddress(state.range), criteria: criteriaList(state) };
}

function sortedRecord<V>(map: Map<number, V>): Record<number, V> {
  return Object.fromEntries([...map].sort(([a], [b]) => a - b));
}

export function sheetSnapshot(sheet: SheetModel): SheetSnapshot {
  const used = sheet.usedRange(false);
  const rows = used ? used.row + used.rowCount : 0;
  const columns = used ? used.column + used.columnCount : 0;
  const formulas: Record<string, string> = {};
  const formats: Record<string, CellFormat> = {};
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const f = sheet.getFormula(r, c);
      if (f !== undefined) formulas[cellAddress(r, c)] = f;
      const rec = sheet.record(r, c);
      if (rec.format) formats[cellAddress(r, c)] = { ...rec.format };
    }
  }
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    protected: sheet.protected,
    values: sheet.values(0, 0, rows, columns),
    formulas,
    formats,
    rowFormats: sortedRecord(sheet.rowFormats),
    columnFormats: sortedRecord(sheet.columnFormats),
    columnWidths: sortedRecord(sheet.columnWidths),
    hiddenRows: sheet.hiddenRows(),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
    autoFilter: sheet.autoFilter ? filterJson(sheet.autoFilter) : null,
    tables: sheet.tables.map((t) => ({
      name: t.name,
      range: rectAddress(t.range),
      showHeaders: t.showHeaders,
      criteria: criteriaList(t.filter),
    })),
    pivotTables: sheet.pivotTables.map((p) => ({
      name: p.name,
      source: fullAddress(p.source.sheet.name, p.sourceRange()),
      destination: fullAddress(p.sheet.name, { ...p.destination, rowCount: 1, columnCount: 1 }),
      rows: [...p.rows],
      columns: [...p.columns],
      data: p.data.map((d) => ({
        field: d.field,
        name: d.name,
        summarizeBy: d.summarizeBy,
        numberFormat: d.numberFormat,
      })),
      filters: [...p.filters],
      layout: { ...p.layout },
    })),
    charts: sheet.charts.map((c) => ({ ...c, position: c.position && { ...c.position } })),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    conditionalFormats: sheet.conditionalFormats.map((cf) => ({
      type: cf.type,
      range: rectAddress(cf.range),
      rule: cf.rule,
      format: { ...cf.format },
    })),
  };
}

export function workbookSnapshot(model: WorkbookModel): WorkbookSnapshot {
  return {
    activeSheet: model.sheets.length ? model.activeSheet.name : null,
    sheets: model.sheets.map(sheetSnapshot),
    settings: JSON.parse(JSON.stringify(Object.fromEntries(model.settings))) as Record<string, unknown>,
  };
}
