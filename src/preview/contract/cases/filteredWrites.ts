import type { ContractCase } from "../types";
import { CUSTOMERS, CUSTOMER_RANGE, put } from "./support";

/**
 * Where a block of values lands when it is written over rows a filter hides: the write goes to the
 * rows addressed, visible or not (excel-notes.md records that it misplaces data; this records what
 * each host does).
 */
export const filteredWrites: ContractCase = {
  id: "writes-into-filtered-range",
  title: "Writing a block into a filtered range",
  source: "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values",
  members: ["Range.values", "AutoFilter.apply", "AutoFilter.remove"],
  async run(c) {
    const written = await c.attempt(async (context, sheet) => {
      put(sheet, CUSTOMER_RANGE, CUSTOMERS);
      sheet.autoFilter.apply(sheet.getRange(CUSTOMER_RANGE), 2, { filterOn: "Values", values: ["DE"] });
      await context.sync();
      put(sheet, "E2:E6", [["w1"], ["w2"], ["w3"], ["w4"], ["w5"]]);
      put(sheet, "F3", [["single"]]);
      await context.sync();
      sheet.autoFilter.remove();
      const column = sheet.getRange("E1:F6").load("values");
      await context.sync();
      return column.values as string[][];
    });
    return { written };
  },
};
