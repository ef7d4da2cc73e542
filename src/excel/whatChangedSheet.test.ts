/**
 * The What Changed sheet against the in-memory Excel: the sheet, its top block and the first block of
 * gone customers in one sync (issue 16), the rest in blocks after it, every row where it belongs.
 */
import { createFakeExcel } from "../preview/fake-excel";
import type { WhatChangedSheet } from "../domain/compareSheet";
import { detectCapabilities } from "./requirements";
import { writeWhatChangedSheet } from "./whatChangedSheet";
import { MAX_ROWS_PER_BLOCK } from "./payload";

function content(goneCount: number): WhatChangedSheet {
  const gone = Array.from({ length: goneCount }, (_, i) => [
    i === 1 ? '=HYPERLINK("https://example.com","Gone")' : `Customer ${i}`,
    `id-${i}`,
    "Nurture",
    "Azure: Nurture",
  ]);
  return {
    top: {
      values: [["What Changed"], ["Report sheet: Report"], ["New customers", 3]],
      formats: [["@"], ["@"], ["@", "0"]],
    },
    goneHeader: ["Account name", "Customer ID", "Last cluster", "Last month by product"],
    gone,
    goneHeaderRow: 4,
    width: 4,
  };
}

async function write(goneCount: number) {
  const fake = createFakeExcel();
  fake.workbook.addSheet("Report", [["Customer ID"], ["id-1"]]);
  const sheet = content(goneCount);
  fake.resetStats();
  fake.stats.trace = [];
  await writeWhatChangedSheet(
    fake,
    detectCapabilities(fake),
    { name: "What Changed", replace: false },
    sheet,
  );
  const written = fake.workbook.sheet("What Changed")!;
  return { fake, sheet, written, syncs: fake.stats.trace.length };
}

describe("writeWhatChangedSheet", () => {
  it("writes the sheet and a short list of gone customers in one sync, report text as text", async () => {
    const { sheet, written, syncs } = await write(12);
    expect(syncs).toBe(1);
    expect(written.values(0, 0, 3, 2)).toEqual([
      ["What Changed", ""],
      ["Report sheet: Report", ""],
      ["New customers", 3],
    ]);
    expect(written.values(4, 0, 1, 4)).toEqual([sheet.goneHeader]);
    expect(written.values(5, 0, 13, 4)).toEqual([...sheet.gone, ["", "", "", ""]]);
    expect(written.getFormula(6, 0)).toBeUndefined();
    expect(written.numberFormatAt(6, 0)).toBe("@");
  });

  it("a list longer than one block: the first block with the sheet, the rest after it, each row in its place", async () => {
    const count = MAX_ROWS_PER_BLOCK + 3;
    const { sheet, written, syncs } = await write(count);
    expect(syncs).toBe(2);
    const rows = written.values(5, 0, count + 1, 4);
    expect(rows.slice(0, count)).toEqual(sheet.gone);
    expect(rows[count]).toEqual(["", "", "", ""]);
    expect(written.values(4, 0, 1, 4)).toEqual([sheet.goneHeader]);
  });

  it("no gone customer: the sheet and its header row in one sync", async () => {
    const { sheet, written, syncs } = await write(0);
    expect(syncs).toBe(1);
    expect(written.values(4, 0, 2, 4)).toEqual([sheet.goneHeader, ["", "", "", ""]]);
  });

  it("a sheet of that name made meanwhile (by the user) is left alone when the write fails", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Report", [["Customer ID"], ["id-1"]]);
    // Free when the add-in listed the sheets; the user made it before the write.
    fake.workbook.addSheet("What Changed", [["my own notes"]]);
    await expect(
      writeWhatChangedSheet(
        fake,
        detectCapabilities(fake),
        { name: "What Changed", replace: false },
        content(3),
      ),
    ).rejects.toThrow();
    expect(fake.workbook.sheet("What Changed")!.values(0, 0, 1, 1)).toEqual([["my own notes"]]);
  });
});
