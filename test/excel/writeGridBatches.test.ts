/**
 * Work that travels with a grid's blocks (issue 16): `first` goes in the first block's batch before its
 * cells, `last` in the last block's batch after them, and what `last` returns runs only once that batch
 * has synced. Mutation-checked: queueing `last` in every block makes the second test fail.
 */
import { writeGrid } from "../../src/excel/write";
import { detectCapabilities } from "../../src/excel/requirements";
import { createFakeExcel } from "../../src/preview/fake-excel";

/** Rows long enough that the grid takes several blocks under the per-request target. */
function longRows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [`row ${i} ${"x".repeat(2000)}`]);
}

describe("writeGrid's first and last batches", () => {
  it("sends first with the first block's cells and last with the last block's, no round trip of their own", async () => {
    const fake = createFakeExcel({ limits: "web" });
    fake.workbook.addSheet("Sheet1", [[""]]);
    fake.workbook.addSheet("Notes", [[""]]);
    fake.stats.trace = [];
    const rows = longRows(5000);
    await writeGrid(
      fake,
      detectCapabilities(fake),
      { sheetName: "Sheet1", row: 0, column: 0, rows, numberFormats: ["@"] },
      {},
      {
        first: (context) => {
          context.workbook.worksheets.getItem("Notes").getRange("A1").values = [["first"]];
        },
        last: (context) => {
          context.workbook.worksheets.getItem("Notes").getRange("A2").values = [["last"]];
        },
      },
    );
    const trace = fake.stats.trace!;
    expect(trace.length).toBeGreaterThan(2);
    // Every sync carries grid cells; the first and last carry one more value write each.
    const valueWrites = trace.map((sync) => sync.members.filter((m) => m === "Range.values").length);
    expect(valueWrites).toEqual([2, ...new Array(trace.length - 2).fill(1), 2]);
    const sheet = fake.workbook.sheet("Sheet1")!;
    expect(sheet.values(4999, 0, 1, 1)[0][0]).toBe(rows[4999][0]);
    expect(fake.workbook.sheet("Notes")!.values(0, 0, 2, 1)).toEqual([["first"], ["last"]]);
  });

  it("runs what last returns once, after the last batch synced, and never when a block fails", async () => {
    const fake = createFakeExcel({ limits: "web" });
    fake.workbook.addSheet("Sheet1", [[""]]);
    let committed = 0;
    let queued = 0;
    await writeGrid(
      fake,
      detectCapabilities(fake),
      { sheetName: "Sheet1", row: 0, column: 0, rows: longRows(5000), numberFormats: ["@"] },
      {},
      {
        last: () => {
          queued += 1;
          return () => (committed += 1);
        },
      },
    );
    expect([queued, committed]).toEqual([1, 1]);

    // A write to a sheet that is not there fails at the first sync: nothing is committed.
    committed = 0;
    await expect(
      writeGrid(
        fake,
        detectCapabilities(fake),
        { sheetName: "Missing", row: 0, column: 0, rows: [["a"]], numberFormats: ["@"] },
        {},
        { last: () => () => (committed += 1) },
      ),
    ).rejects.toThrow();
    expect(committed).toBe(0);
  });

  it("still makes the batch for first and last when the grid has no rows", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Sheet1", [[""]]);
    fake.resetStats();
    await writeGrid(
      fake,
      detectCapabilities(fake),
      { sheetName: "Sheet1", row: 0, column: 0, rows: [], numberFormats: ["@"] },
      {},
      {
        first: (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [["header"]];
        },
      },
    );
    expect(fake.stats.syncs).toBe(1);
    expect(fake.workbook.sheet("Sheet1")!.values(0, 1, 1, 1)).toEqual([["header"]]);
  });
});
