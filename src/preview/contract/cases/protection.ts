import type { ContractCase } from "../types";
import { put } from "./support";

/**
 * A protected sheet can be read but not written: values, formats and filters are refused with
 * AccessDenied (WorksheetProtection, ExcelApi 1.2).
 */
export const protection: ContractCase = {
  id: "protected-sheet-writes",
  title: "Writes to a protected sheet",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection",
  members: [
    "Worksheet.protection",
    "WorksheetProtection.protected",
    "WorksheetProtection.protect",
    "WorksheetProtection.unprotect",
  ],
  async run(c) {
    const protect = await c.attempt(async (context, sheet) => {
      put(sheet, "A1:B2", [
        ["Customer", "Cluster"],
        ["Contoso", "Act Now"],
      ]);
      sheet.protection.load("protected");
      await context.sync();
      const before = sheet.protection.protected;
      sheet.protection.protect();
      sheet.protection.load("protected");
      await context.sync();
      return { before, after: sheet.protection.protected };
    });
    const read = await c.attempt(async (context, sheet) => {
      const range = sheet.getRange("A1:B2").load("values");
      await context.sync();
      return range.values as string[][];
    });
    const writeValues = await c.attempt(async (context, sheet) => {
      put(sheet, "C1", [["Helper"]]);
      await context.sync();
      return "written";
    });
    const writeFormat = await c.attempt(async (context, sheet) => {
      sheet.getRange("A1").format.font.bold = true;
      await context.sync();
      return "formatted";
    });
    const filter = await c.attempt(async (context, sheet) => {
      sheet.autoFilter.apply(sheet.getRange("A1:B2"), 1, { filterOn: "Values", values: ["Act Now"] });
      await context.sync();
      return "filtered";
    });
    const unchanged = await c.attempt(async (context, sheet) => {
      const range = sheet.getRange("C1").load("values");
      await context.sync();
      return range.values as string[][];
    });
    const unprotect = await c.attempt(async (context, sheet) => {
      sheet.protection.unprotect();
      put(sheet, "C1", [["Helper"]]);
      sheet.protection.load("protected");
      await context.sync();
      return sheet.protection.protected;
    });
    return { protect, read, writeValues, writeFormat, filter, unchanged, unprotect };
  },
};
