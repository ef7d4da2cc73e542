import type { ContractCase } from "../types";
import { put } from "./support";

/** Range formats the add-in sets and reads back: bold, size, fill, wrap, widths, autofit. */
export const formats: ContractCase = {
  id: "range-formats",
  title: "Fonts, fills, widths and autofit",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.rangeformat",
  members: [
    "Range.format",
    "RangeFormat.font",
    "RangeFont.bold",
    "RangeFont.size",
    "RangeFormat.fill",
    "RangeFill.color",
    "RangeFormat.wrapText",
    "RangeFormat.columnWidth",
    "RangeFormat.autofitColumns",
  ],
  async run(c) {
    const set = await c.attempt(async (context, sheet) => {
      put(sheet, "A1:B2", [
        ["Header", "A much longer header text than fits"],
        ["x", "y"],
      ]);
      const header = sheet.getRange("A1:B1");
      header.format.font.bold = true;
      header.format.font.size = 14;
      header.format.fill.color = "#FFFF00";
      header.format.wrapText = true;
      await context.sync();
      header.format.load("wrapText");
      header.format.font.load("bold, size");
      header.format.fill.load("color");
      const mixed = sheet.getRange("A1:A2").format.font.load("bold");
      await context.sync();
      return {
        bold: header.format.font.bold,
        size: header.format.font.size,
        fill: header.format.fill.color,
        wrapText: header.format.wrapText,
        mixedBold: mixed.bold as boolean | null,
      };
    });
    const widths = await c.attempt(async (context, sheet) => {
      const a = sheet.getRange("A:A");
      a.format.columnWidth = 100;
      const b = sheet.getRange("B:B");
      b.format.load("columnWidth");
      await context.sync();
      const before = b.format.columnWidth;
      a.format.load("columnWidth");
      sheet.getRange("B1:B2").format.wrapText = false;
      sheet.getRange("B:B").format.autofitColumns();
      b.format.load("columnWidth");
      await context.sync();
      return { set: a.format.columnWidth, autofitWidened: b.format.columnWidth > before };
    });
    return { set, widths };
  },
};
