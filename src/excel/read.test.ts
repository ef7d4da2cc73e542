/**
 * Reading columns of two reports in shared syncs, and scattered cells, against the in-memory Excel
 * under the web limits (issue 16): the same values as reading each on its own, fewer syncs, and a
 * response Excel refuses as too large read again in smaller pieces.
 */
import { createFakeExcel } from "../preview/fake-excel";
import type { CellValue } from "../domain/types";
import { readCells, readColumns, readColumnsTogether, type ColumnRead } from "./read";

function grid(rows: number, columns: number, cell: (r: number, c: number) => CellValue): CellValue[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cell(r, c)));
}

function request(sheetName: string, rows: CellValue[][], columns: number[], sampleRows = 20): ColumnRead {
  return {
    sheetName,
    firstRow: 1,
    originColumn: 0,
    rowCount: rows.length - 1,
    columns,
    property: "values",
    sample: rows.slice(1, 1 + sampleRows),
  };
}

function columnsOf(rows: CellValue[][], columns: number[]): Map<number, CellValue[]> {
  return new Map(columns.map((c) => [c, rows.slice(1).map((row) => row[c])]));
}

describe("readColumnsTogether", () => {
  it("reads two sheets' columns in one sync when they fit, with what reading each gives", async () => {
    const a = grid(2001, 6, (r, c) => (r === 0 ? `H${c}` : c === 3 ? r * 1.5 : `a${r}-${c}`));
    const b = grid(1501, 4, (r, c) => (r === 0 ? `K${c}` : c === 2 ? "" : `b${r}-${c}`));
    const fake = createFakeExcel();
    fake.workbook.addSheet("A", a);
    fake.workbook.addSheet("B", b);
    fake.resetStats();
    const [fromA, fromB] = await readColumnsTogether(fake, [
      request("A", a, [0, 1, 3, 5]),
      request("B", b, [2, 3]),
    ]);
    expect(fake.stats.syncs).toBe(1);
    expect(fromA).toEqual(columnsOf(a, [0, 1, 3, 5]));
    expect(fromB).toEqual(columnsOf(b, [2, 3]));
  });

  it("fills each sync up to the block target, in order, whatever the sizes", async () => {
    const long = "x".repeat(120);
    // Alone: A in two syncs, B in one; together the rows fit two.
    const a = grid(14_001, 3, (r, c) => (r === 0 ? `H${c}` : `${long}${r}:${c}`));
    const b = grid(5_001, 2, (r, c) => (r === 0 ? `K${c}` : `${long}${r}:${c}`));
    const fake = createFakeExcel();
    fake.workbook.addSheet("A", a);
    fake.workbook.addSheet("B", b);
    fake.resetStats();
    const [fromA, fromB] = await readColumnsTogether(fake, [request("A", a, [0, 2]), request("B", b, [1])]);
    const together = fake.stats.syncs;
    expect(fromA).toEqual(columnsOf(a, [0, 2]));
    expect(fromB).toEqual(columnsOf(b, [1]));
    fake.resetStats();
    await readColumns(fake, request("A", a, [0, 2]));
    await readColumns(fake, request("B", b, [1]));
    expect(together).toBeLessThan(fake.stats.syncs);
    expect(fake.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("a sync Excel finds too large (rows longer than the sample) is read again in smaller pieces", async () => {
    const a = grid(1201, 2, (r, c) => (r === 0 ? `H${c}` : r <= 30 ? "short" : "y".repeat(3000)));
    const b = grid(1201, 2, (r, c) => (r === 0 ? `K${c}` : r <= 30 ? "tiny" : "z".repeat(3000)));
    const fake = createFakeExcel();
    fake.workbook.addSheet("A", a);
    fake.workbook.addSheet("B", b);
    fake.resetStats();
    const [fromA, fromB] = await readColumnsTogether(fake, [
      request("A", a, [0, 1]),
      request("B", b, [0, 1]),
    ]);
    expect(fromA).toEqual(columnsOf(a, [0, 1]));
    expect(fromB).toEqual(columnsOf(b, [0, 1]));
    expect(fake.stats.responseBytes.some((bytes) => bytes > 5 * 1024 * 1024)).toBe(true);
  });
});

describe("readCells", () => {
  it("reads only the wanted rows, near ones through one range, from two sheets in one sync", async () => {
    const a = grid(5001, 3, (r, c) => (r === 0 ? `H${c}` : `name ${r}-${c}`));
    const b = grid(4001, 2, (r, c) => (r === 0 ? `K${c}` : c === 1 && r % 7 === 0 ? "" : `other ${r}-${c}`));
    const fake = createFakeExcel();
    fake.workbook.addSheet("A", a);
    fake.workbook.addSheet("B", b);
    const wantedA = [4999, 0, 10, 11, 13, 2500, 13];
    const wantedB = [6, 7, 3000, 3999];
    fake.resetStats();
    fake.stats.trace = [];
    const [fromA, fromB] = await readCells(fake, [
      { sheetName: "A", firstRow: 1, column: 2, rows: wantedA, sample: a.slice(1, 21).map((row) => row[2]) },
      { sheetName: "B", firstRow: 1, column: 1, rows: wantedB, sample: b.slice(1, 21).map((row) => row[1]) },
    ]);
    expect(fake.stats.syncs).toBe(1);
    expect(fromA).toEqual(new Map([...new Set(wantedA)].map((r) => [r, a[r + 1][2]])));
    expect(fromB).toEqual(new Map(wantedB.map((r) => [r, b[r + 1][1]])));
    expect(fromB.get(6)).toBe("");
    // 0, 10, 11 and 13 in one range (the rows between read through, not returned); 6 and 7 in one.
    expect(fake.stats.trace![0].members.filter((m) => m === "Range.load")).toHaveLength(6);
    expect(fake.stats.cellsRead).toBe(14 + 1 + 1 + 2 + 1 + 1);
  });

  it("cells longer than the sample: a sync Excel finds too large is read again in halves", async () => {
    const a = grid(501, 1, (r) => (r === 0 ? "Name" : r <= 20 ? "short" : "n".repeat(30_000)));
    const fake = createFakeExcel();
    fake.workbook.addSheet("A", a);
    const wanted = Array.from({ length: 200 }, (_, i) => 30 + i * 2);
    fake.resetStats();
    const [cells] = await readCells(fake, [
      { sheetName: "A", firstRow: 1, column: 0, rows: wanted, sample: a.slice(1, 21).map((row) => row[0]) },
    ]);
    expect(cells).toEqual(new Map(wanted.map((r) => [r, a[r + 1][0]])));
    expect(fake.stats.responseBytes.some((bytes) => bytes > 5 * 1024 * 1024)).toBe(true);
  });

  it("nothing wanted: no sync", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("A", [["Name"], ["x"]]);
    fake.resetStats();
    expect(await readCells(fake, [{ sheetName: "A", firstRow: 1, column: 0, rows: [], sample: [] }])).toEqual(
      [new Map()],
    );
    expect(fake.stats.syncs).toBe(0);
  });
});
