/** A rectangle in absolute, 0-based sheet coordinates. */
export interface Area {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A1 address of an area ("B3:D10"); A1-style addresses work on every ExcelApi version, unlike getRangeByIndexes (1.7). */
export function a1(area: Area): string {
  const topLeft = `${columnLetters(area.column)}${area.row + 1}`;
  if (area.rowCount === 1 && area.columnCount === 1) return topLeft;
  const bottomRight = `${columnLetters(area.column + area.columnCount - 1)}${area.row + area.rowCount}`;
  return `${topLeft}:${bottomRight}`;
}

/** Splits sorted column indexes into runs of adjacent columns, so a block reads one range per run. */
export function contiguousRuns(columns: readonly number[]): { start: number; count: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: { start: number; count: number }[] = [];
  for (const column of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === column) last.count += 1;
    else runs.push({ start: column, count: 1 });
  }
  return runs;
}
