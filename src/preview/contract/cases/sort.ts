import type { ContractCase } from "../types";
import { put } from "./support";

/** Range.sort.apply (ExcelApi 1.2): rows move together, blanks sort last, text compares ignoring case. */
export const sort: ContractCase = {
  id: "range-sort",
  title: "Sorting rows of a range",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.rangesort",
  members: ["Range.sort", "RangeSort.apply"],
  async run(c) {
    const sorted = await c.attempt(async (context, sheet) => {
      put(sheet, "A1:C6", [
        ["Name", "Score", "Note"],
        ["b", 2, "x"],
        ["B", "", "y"],
        ["a", 10, "z"],
        ["c", 2, "w"],
        ["", 1, "v"],
      ]);
      sheet.getRange("A1:C6").sort.apply([{ key: 1, ascending: false }], false, true);
      const byScore = sheet.getRange("A2:C6").load("values");
      await context.sync();
      const first = byScore.values;
      sheet.getRange("A2:C6").sort.apply([{ key: 0, ascending: true }]);
      const byName = sheet.getRange("A2:C6").load("values");
      await context.sync();
      return { byScoreDescending: first, byName: byName.values };
    });
    return { sorted };
  },
};
