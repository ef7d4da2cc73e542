/**
 * The second line of defence (issue 10): writeGrid writes a string Excel would read as a formula
 * as text even when its column's format is not text, so a caller's mistake cannot open a hole.
 * Mutation-checked: without neutralisedFormats in writeGrid, the first test fails.
 */
import { writeGrid } from "../../src/excel/write";
import { detectCapabilities } from "../../src/excel/requirements";
import { createFakeExcel } from "../../src/preview/fake-excel";

const HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(1,2)", "\t=1+1"];

describe("writeGrid neutralises formula-like text in columns that are not text", () => {
  it("writes hostile strings as text in General and number columns, other cells as given", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Sheet1", [[""]]);
    const rows = HOSTILE.map((text, i) => [text, i, `plain ${i}`]);
    await writeGrid(fake, detectCapabilities(fake), {
      sheetName: "Sheet1",
      row: 0,
      column: 0,
      rows,
      numberFormats: ["General", "0", "General"],
    });
    const sheet = fake.workbook.sheet("Sheet1")!;
    HOSTILE.forEach((text, r) => {
      expect(sheet.cell(r, 0)).toMatchObject({ value: text, numberFormat: "@" });
      expect(sheet.getFormula(r, 0)).toBeUndefined();
      expect(sheet.cell(r, 1)).toMatchObject({ value: r, numberFormat: "0" });
      expect(sheet.cell(r, 2)).toMatchObject({ value: `plain ${r}`, numberFormat: "General" });
    });
  });

  it("leaves negative numbers written as numbers alone", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Sheet1", [[""]]);
    await writeGrid(fake, detectCapabilities(fake), {
      sheetName: "Sheet1",
      row: 0,
      column: 0,
      rows: [[-5], [12]],
      numberFormats: ["0"],
    });
    const sheet = fake.workbook.sheet("Sheet1")!;
    expect(sheet.cell(0, 0)).toMatchObject({ value: -5, numberFormat: "0" });
  });
});
