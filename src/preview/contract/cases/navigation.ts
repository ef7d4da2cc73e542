import type { ContractCase } from "../types";
import { put } from "./support";

/**
 * Sheet identity and navigation the add-in relies on: a worksheet id is stable while the sheet is
 * renamed (state is keyed by it), a new sheet's visibility reads "Visible" (hidden CRM sheets are skipped), activate() makes a sheet the active one, getActiveCell() (1.7) is on
 * the active sheet, a cell hyperlink to a sheet's A1 (1.7) reads back with its documentReference, and
 * Excel.createWorkbook (1.8) refuses a string that is not a base64 .xlsx (so no window opens here).
 */
export const navigation: ContractCase = {
  id: "sheet-identity-navigation-links",
  title: "Worksheet ids, activation, the active cell, hyperlinks, createWorkbook's argument",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.worksheet",
  members: [
    "Worksheet.id",
    "Worksheet.visibility",
    "Worksheet.activate",
    "Workbook.getActiveCell",
    "Range.hyperlink",
    "Range.address",
    "Excel.createWorkbook",
  ],
  async run(c) {
    const before = await c.batch(async (context) => {
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return active.name;
    });
    const idStable = await c.attempt(async (context, sheet) => {
      sheet.load("id, name, visibility");
      await context.sync();
      const first = sheet.id;
      const visibility = sheet.visibility;
      const originalName = sheet.name;
      sheet.name = `${originalName} r`;
      sheet.load("id");
      await context.sync();
      const same = sheet.id === first;
      sheet.name = originalName;
      await context.sync();
      return { idIsText: typeof first === "string" && first.length > 0, sameAfterRename: same, visibility };
    });
    const activation = await c.attempt(async (context, sheet) => {
      sheet.activate();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      const cell = context.workbook.getActiveCell().load("address");
      sheet.load("name");
      await context.sync();
      return {
        activeIsScratch: active.name === sheet.name,
        activeCellOnScratch: cell.address.replace(/^'?(.*?)'?!.*$/, "$1") === sheet.name,
      };
    });
    const hyperlink = await c.attempt(async (context, sheet) => {
      sheet.load("name");
      await context.sync();
      put(sheet, "A1", [["target"]]);
      const link = sheet.getRange("B2");
      link.hyperlink = { documentReference: `'${sheet.name}'!A1`, textToDisplay: "Go to A1" };
      link.load("hyperlink, values");
      await context.sync();
      return {
        documentReferencePointsHere: link.hyperlink.documentReference === `'${sheet.name}'!A1`,
        shown: link.values[0][0] as string,
      };
    });
    const createWorkbookRefusesText = await c.attempt(async () => {
      if (!c.host.createWorkbook) return "no createWorkbook on this host";
      await c.host.createWorkbook("this is not a workbook!");
      return "opened";
    });
    // Put the user's active sheet back: activation is part of the trace a case must not leave.
    await c.batch(async (context) => {
      context.workbook.worksheets.getItem(before).activate();
      await context.sync();
    });
    return { idStable, activation, hyperlink, createWorkbookRefusesText };
  },
};
