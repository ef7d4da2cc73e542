/**
 * What the preview grid shows of a sheet: a window of rows and columns of the in-memory workbook,
 * with hidden (filtered) rows, filter buttons on the header row and the add-in's helper columns.
 * Pure: reads the model, never changes it.
 */
import { columnLetters } from "../fake-excel/address";
import type { SheetModel } from "../fake-excel/model";
import type { FilterState } from "../fake-excel/types";
import { isHelperHeader } from "../../domain/helperColumns";

export const MAX_GRID_ROWS = 200;
export const MAX_GRID_COLUMNS = 60;

export interface GridColumn {
  /** 0-based sheet column. */
  index: number;
  letters: string;
  /** A helper column the add-in wrote (header in its header row). */
  helper: boolean;
  /** Columns left out before this one (a gap marker is drawn). */
  gapBefore: number;
  /** Width in pixels when the sheet sets one (autofit, About sheet); absent: the grid's default. */
  width?: number;
}

export interface GridCell {
  text: string;
  numeric: boolean;
  /** Text spills into this many empty cells on its right, as in Excel (absent: none). */
  spills?: number;
  /** The last column's text runs on past the used range, as in Excel. */
  overflows?: boolean;
  /** Fill colour: a conditional format's, else the cell's own. */
  fill?: string;
  bold?: boolean;
  /** Font size in points when not the default. */
  fontSize?: number;
}

export interface GridRow {
  /** 0-based sheet row. */
  index: number;
  hidden: boolean;
  /** The header row of a filter (AutoFilter or table): shows filter buttons. */
  filterHeader: boolean;
  cells: GridCell[];
}

export interface GridView {
  sheetName: string;
  columns: GridColumn[];
  rows: GridRow[];
  /** Used rows and columns of the sheet (from row 1 / column A). */
  totalRows: number;
  totalColumns: number;
  hiddenRowCount: number;
  /** Column index -> "button" (filter dropdown) or "filtered" (has criteria), on filter header rows. */
  filterButtons: Map<number, "button" | "filtered">;
  filterHeaderRows: Set<number>;
  /** Rows frozen at the top (Freeze Panes); a line is drawn below them. */
  frozenRows: number;
}

function filterMarks(states: readonly FilterState[]) {
  const buttons = new Map<number, "button" | "filtered">();
  const headerRows = new Set<number>();
  for (const state of states) {
    const { range } = state;
    headerRows.add(range.row);
    for (let j = 0; j < range.columnCount; j++) {
      const column = range.column + j;
      buttons.set(column, state.criteria.has(j) ? "filtered" : (buttons.get(column) ?? "button"));
    }
  }
  return { buttons, headerRows };
}

/** Which columns to draw: the first `maxColumns`, then any helper or filtered column further right. */
function chooseColumns(
  sheet: SheetModel,
  width: number,
  headerRow: number | undefined,
  filtered: Map<number, "button" | "filtered">,
  maxColumns: number,
): GridColumn[] {
  const isHelper = (c: number) => headerRow !== undefined && isHelperHeader(sheet.getValue(headerRow, c));
  const chosen: number[] = [];
  for (let c = 0; c < width; c++) {
    if (c < maxColumns || isHelper(c) || filtered.get(c) === "filtered") chosen.push(c);
  }
  let previous = -1;
  return chosen.map((index) => {
    const column: GridColumn = {
      index,
      letters: columnLetters(index),
      helper: isHelper(index),
      gapBefore: index - previous - 1,
    };
    const points = sheet.columnWidths.get(index);
    if (points !== undefined) column.width = Math.round((points * 4) / 3);
    previous = index;
    return column;
  });
}

/** Guesses the header row when there is no filter: the first row with many non-blank cells. */
function guessHeaderRow(sheet: SheetModel, width: number, rows: number): number | undefined {
  for (let r = 0; r < Math.min(rows, 20); r++) {
    let filled = 0;
    for (let c = 0; c < width; c++) if (sheet.getValue(r, c) !== "") filled++;
    if (filled >= Math.min(5, width)) return r;
  }
  return undefined;
}

export function gridView(
  sheet: SheetModel,
  maxRows = MAX_GRID_ROWS,
  maxColumns = MAX_GRID_COLUMNS,
): GridView {
  const used = sheet.usedRange(true);
  const totalRows = used ? used.row + used.rowCount : 0;
  const totalColumns = used ? used.column + used.columnCount : 0;
  const { buttons, headerRows } = filterMarks(sheet.filterStates());
  const headerRow = headerRows.size
    ? Math.min(...headerRows)
    : guessHeaderRow(sheet, totalColumns, totalRows);
  const columns = chooseColumns(sheet, totalColumns, headerRow, buttons, maxColumns);
  const rowCount = Math.min(totalRows, maxRows);
  const rows: GridRow[] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells: GridCell[] = columns.map(({ index }) => {
      const value = sheet.getValue(r, index);
      const cell: GridCell = { text: sheet.text(r, index), numeric: typeof value === "number" };
      const format = sheet.format(r, index);
      const fill = sheet.conditionalFill(r, index) ?? format.fill;
      if (fill) cell.fill = fill;
      if (format.bold) cell.bold = true;
      if (format.fontSize && format.fontSize !== 11) cell.fontSize = format.fontSize;
      return cell;
    });
    const last = cells[cells.length - 1];
    if (last?.text && !last.numeric && columns[columns.length - 1].index === totalColumns - 1)
      last.overflows = true;
    for (let i = 0; i + 1 < cells.length; i++) {
      if (!cells[i].text || cells[i].numeric) continue;
      let empty = 0;
      while (
        empty < 8 &&
        i + empty + 1 < cells.length &&
        columns[i + empty + 1].gapBefore === 0 &&
        cells[i + empty + 1].text === ""
      )
        empty++;
      if (empty > 0) cells[i].spills = empty;
    }
    rows.push({ index: r, hidden: sheet.isRowHidden(r), filterHeader: headerRows.has(r), cells });
  }
  return {
    sheetName: sheet.name,
    columns,
    rows,
    totalRows,
    totalColumns,
    hiddenRowCount: sheet.hiddenRows().filter((r) => r < totalRows).length,
    filterButtons: buttons,
    filterHeaderRows: headerRows,
    frozenRows: sheet.frozenRows,
  };
}
