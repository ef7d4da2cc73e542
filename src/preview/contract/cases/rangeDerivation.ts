import type { ContractCase } from "../types";
import { grid, put } from "./support";

/**
 * Ranges derived from the used range in the batch that loads them (how the add-in reads a sheet's
 * frame and first rows in one sync): the used range's first cell resized by (rows, columns) and cut
 * to the used range is the used range's top rows; a resize past the sheet's edge fails the batch
 * (excel.d.ts: "the resulting range ... outside the worksheet" is an error), and so does an
 * intersection of ranges that don't meet (getIntersection: "If no intersection is found, will throw
 * an ItemNotFound error"); the add-in then reads in steps.
 */
export const rangeDerivation: ContractCase = {
  id: "used-range-corner-block",
  title: "The used range's first rows from its first cell, resized and intersected, in one batch",
  source:
    "https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getresizedrange-member(1)",
  members: [
    "Range.getCell",
    "Range.getResizedRange",
    "Range.getIntersection",
    "Range.address",
    "Range.values",
  ],
  async run(c) {
    const cornerBlock = await c.attempt(async (context, sheet) => {
      put(sheet, "C3:E6", [
        ["Customer", "Cluster", "Country"],
        ["Contoso", "Act Now", "DE"],
        ["Fabrikam", "Evaluate", "FR"],
        ["Litware", "Nurture", "US"],
      ]);
      const used = sheet.getUsedRange(true);
      const top = used.getIntersection(used.getCell(0, 0).getResizedRange(1, 9)).load("address, values");
      const whole = used.getIntersection(used.getCell(0, 0).getResizedRange(99, 99)).load("address");
      await context.sync();
      return {
        topTwoRows: top.address.replace(/^.*!/, ""),
        values: grid(top.values),
        cutToUsedRange: whole.address.replace(/^.*!/, ""),
      };
    });
    const pastTheBottomEdge = await c.attempt(async (context, sheet) => {
      const range = sheet.getRange("A1048570").getResizedRange(20, 0).load("address");
      await context.sync();
      return range.address;
    });
    const noIntersection = await c.attempt(async (context, sheet) => {
      const range = sheet.getRange("A1:B2").getIntersection(sheet.getRange("D4:E5")).load("address");
      await context.sync();
      return range.address;
    });
    return { cornerBlock, pastTheBottomEdge, noIntersection };
  },
};
