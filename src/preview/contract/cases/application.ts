import type { ContractCase } from "../types";
import { put } from "./support";

/** Pausing calculation (1.6) and screen updating (1.9) for one sync, around a block write. */
export const application: ContractCase = {
  id: "application-suspend",
  title: "Suspending calculation and screen updates",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.application",
  members: [
    "Workbook.application",
    "Application.suspendApiCalculationUntilNextSync",
    "Application.suspendScreenUpdatingUntilNextSync",
  ],
  async run(c) {
    const calculation = await c.attempt(async (context, sheet) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      put(sheet, "A1:B1", [[2, "=A1*2"]]);
      await context.sync();
      const range = sheet.getRange("B1").load("values");
      await context.sync();
      return range.values as number[][];
    });
    const screen = await c.attempt(async (context, sheet) => {
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      put(sheet, "C1", [["x"]]);
      await context.sync();
      return "written";
    });
    return { calculation, screen };
  },
};
