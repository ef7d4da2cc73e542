import { fail } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A block of cells, 0-based. */
export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export function columnLetters(column: number): string {
  let n = column + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** Excel quotes sheet names that are not plain identifiers. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectAddress(rect: Rect): string {
  const lastRow = rect.row + rect.rowCount - 1;
  const lastCol = rect.column + rect.columnCount - 1;
  if (rect.row === 0 && rect.rowCount === MAX_ROWS) {
    if (rect.column === 0 && rect.columnCount === MAX_COLUMNS) return `1:${MAX_ROWS}`;
    return `${columnLetters(rect.column)}:${columnLetters(lastCol)}`;
  }
  if (rect.column === 0 && rect.columnCount === MAX_COLUMNS) return `${rect.row + 1}:${lastRow + 1}`;
  const first = cellAddress(rect.row, rect.column);
  return rect.rowCount === 1 && rect.columnCount === 1 ? first : `${first}:${cellAddress(lastRow, lastCol)}`;
}

export function fullAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(rect)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** Parses "A1", "A1:C10", "B:D", "3:5", optionally prefixed by "Sheet1!" or "'My sheet'!". */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const rect = parseRect(text);
  if (!rect) fail("InvalidArgument", "Worksheet.getRange", `The address '${address}' is not valid.`);
  return { sheet, rect };
}

function parseRect(text: string): Rect | null {
  let m = COLS.exec(text);
  if (m) {
    const a = columnIndex(m[1]);
    const b = columnIndex(m[2]);
    return checked({ row: 0, column: Math.min(a, b), rowCount: MAX_ROWS, columnCount: Math.abs(b - a) + 1 });
  }
  m = ROWS.exec(text);
  if (m) {
    const a = Number(m[1]) - 1;
    const b = Number(m[2]) - 1;
    return checked({
      row: Math.min(a, b),
      column: 0,
      rowCount: Math.abs(b - a) + 1,
      columnCount: MAX_COLUMNS,
    });
  }
  const parts = text.split(":");
  if (parts.length > 2) return null;
  const cells = parts.map((p) => CELL.exec(p));
  if (cells.some((c) => !c)) return null;
  const rows = cells.map((c) => Number(c![2]) - 1);
  const cols = cells.map((c) => columnIndex(c![1]));
  const row = Math.min(...rows);
  const column = Math.min(...cols);
  return checked({
    row,
    column,
    rowCount: Math.max(...rows) - row + 1,
    columnCount: Math.max(...cols) - column + 1,
  });
}

function checked(rect: Rect): Rect | null {
  return isValidRect(rect) ? rect : null;
}

export function isValidRect(rect: Rect): boolean {
  return (
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.column) &&
    Number.isInteger(rect.rowCount) &&
    Number.isInteger(rect.columnCount) &&
    rect.row >= 0 &&
    rect.column >= 0 &&
    rect.rowCount >= 1 &&
    rect.columnCount >= 1 &&
    rect.row + rect.rowCount <= MAX_ROWS &&
    rect.column + rect.columnCount <= MAX_COLUMNS
  );
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const lastRow = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const lastCol = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  if (lastRow <= row || lastCol <= column) return null;
  return { row, column, rowCount: lastRow - row, columnCount: lastCol - column };
}

export function boundingRect(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return {
    row,
    column,
    rowCount: Math.max(a.row + a.rowCount, b.row + b.rowCount) - row,
    columnCount: Math.max(a.column + a.columnCount, b.column + b.columnCount) - column,
  };
}

export function sameRect(a: Rect, b: Rect): boolean {
  return (
    a.row === b.row && a.column === b.column && a.rowCount === b.rowCount && a.columnCount === b.columnCount
  );
}

export function cellCount(rect: Rect): number {
  return rect.rowCount * rect.columnCount;
}
