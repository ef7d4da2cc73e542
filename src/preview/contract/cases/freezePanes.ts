import type { ContractCase } from "../types";

/** Freezing the header row (ExcelApi 1.7) and reading where the panes are frozen. */
export const freezePanes: ContractCase = {
  id: "freeze-panes",
  title: "Freeze panes",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes",
  members: [
    "Worksheet.freezePanes",
    "WorksheetFreezePanes.freezeRows",
    "WorksheetFreezePanes.getLocationOrNullObject",
    "WorksheetFreezePanes.unfreeze",
  ],
  async run(c) {
    const frozen = await c.attempt(async (context, sheet) => {
      const before = sheet.freezePanes.getLocationOrNullObject();
      await context.sync();
      const nothingFrozen = before.isNullObject;
      sheet.freezePanes.freezeRows(3);
      const location = sheet.freezePanes.getLocationOrNullObject().load("address");
      await context.sync();
      return { nothingFrozen, location: location.address.replace(/^.*!/, "") };
    });
    const unfrozen = await c.attempt(async (context, sheet) => {
      sheet.freezePanes.unfreeze();
      const location = sheet.freezePanes.getLocationOrNullObject();
      await context.sync();
      return location.isNullObject;
    });
    return { frozen, unfrozen };
  },
};
