import type { ContractCase } from "../types";
import { put } from "./support";

/**
 * Worksheets and the used range: names are unique ignoring case and may not hold : \ / ? * [ ];
 * getItem of a missing sheet fails with ItemNotFound where getItemOrNullObject gives a null object;
 * the used range of an empty sheet (getUsedRange) and with valuesOnly.
 */
export const sheets: ContractCase = {
  id: "worksheets-and-used-range",
  title: "Worksheets, names and the used range",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection",
  members: [
    "RequestContext.workbook",
    "Workbook.worksheets",
    "WorksheetCollection.add",
    "WorksheetCollection.getItem",
    "WorksheetCollection.getItemOrNullObject",
    "WorksheetCollection.getActiveWorksheet",
    "WorksheetCollection.items",
    "Worksheet.name",
    "Worksheet.delete",
    "Worksheet.getRange",
    "Worksheet.getUsedRange",
    "Worksheet.getUsedRangeOrNullObject",
    "Range.rowIndex",
    "Range.columnIndex",
    "Range.rowCount",
    "Range.columnCount",
  ],
  async run(c) {
    const emptyUsedRange = await c.attempt(async (context, sheet) => {
      const range = sheet.getUsedRange().load("address");
      await context.sync();
      return range.address.replace(/^.*!/, "");
    });
    const emptyUsedRangeOrNull = await c.attempt(async (context, sheet) => {
      const range = sheet.getUsedRangeOrNullObject(true);
      await context.sync();
      return range.isNullObject;
    });
    const usedRange = await c.attempt(async (context, sheet) => {
      put(sheet, "B3:C4", [
        ["a", "b"],
        ["c", 1],
      ]);
      sheet.getRange("E8").format.font.bold = true;
      const valuesOnly = sheet.getUsedRange(true).load("rowIndex, columnIndex, rowCount, columnCount");
      const all = sheet.getUsedRange().load("address");
      await context.sync();
      return {
        valuesOnly: [
          valuesOnly.rowIndex,
          valuesOnly.columnIndex,
          valuesOnly.rowCount,
          valuesOnly.columnCount,
        ],
        withFormats: all.address.replace(/^.*!/, ""),
      };
    });
    const lookups = await c.attempt(async (context, sheet) => {
      const listed = context.workbook.worksheets.load("items/name");
      const byOtherCase = context.workbook.worksheets.getItem(c.sheetName.toUpperCase()).load("name");
      const missing = context.workbook.worksheets.getItemOrNullObject("PP contract no such sheet");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      sheet.load("name");
      await context.sync();
      return {
        listed: listed.items.some((s) => s.name === c.sheetName),
        byOtherCase: byOtherCase.name === sheet.name,
        missingIsNull: missing.isNullObject,
        activeHasName: typeof active.name === "string",
      };
    });
    const getMissing = await c.attempt(async (context) => {
      context.workbook.worksheets.getItem("PP contract no such sheet").load("name");
      await context.sync();
      return "found";
    });
    const duplicate = await c.attempt(async (context) => {
      context.workbook.worksheets.add(c.sheetName.toLowerCase());
      await context.sync();
      return "added";
    });
    const invalidName = await c.attempt(async (context) => {
      context.workbook.worksheets.add("PP contract a:b");
      await context.sync();
      return "added";
    });
    const addAndDelete = await c.attempt(async (context) => {
      const extra = context.workbook.worksheets.add("PP contract extra");
      extra.load("name");
      await context.sync();
      const name = extra.name;
      extra.delete();
      const gone = context.workbook.worksheets.getItemOrNullObject("PP contract extra");
      await context.sync();
      return { name, goneAfterDelete: gone.isNullObject };
    });
    return {
      emptyUsedRange,
      emptyUsedRangeOrNull,
      usedRange,
      lookups,
      getMissing,
      duplicate,
      invalidName,
      addAndDelete,
    };
  },
};
