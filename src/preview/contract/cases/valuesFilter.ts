import type { ContractCase } from "../types";
import { CUSTOMERS, CUSTOMER_RANGE, DATA_ROWS, hiddenRows, put } from "./support";

/**
 * Which rows a values filter keeps: Excel compares the cells' displayed text, ignoring case
 * (MS-XLSB BrtFilter, "the comparison is case-insensitive"), so "act now" keeps "Act Now" and "ACT NOW"
 * but not "act now " (a trailing space is another text). A number is kept by its displayed text ("50%").
 */
export const valuesFilter: ContractCase = {
  id: "values-filter-case-rules",
  title: "Values filters: displayed text, case-insensitive",
  source:
    "https://learn.microsoft.com/openspecs/office_file_formats/ms-xlsb/3b0ffb8a-b8a8-4cd8-bd8e-cd9f9a2ba8e1",
  members: ["AutoFilter.apply", "Range.rowHidden", "Range.getEntireRow"],
  async run(c) {
    const byText = await c.attempt(async (context, sheet) => {
      put(sheet, CUSTOMER_RANGE, CUSTOMERS);
      sheet.autoFilter.apply(sheet.getRange(CUSTOMER_RANGE), 1, { filterOn: "Values", values: ["act now"] });
      await context.sync();
      return hiddenRows(context, sheet, DATA_ROWS);
    });
    const trailingSpace = await c.attempt(async (context, sheet) => {
      sheet.autoFilter.apply(sheet.getRange(CUSTOMER_RANGE), 1, { filterOn: "Values", values: ["act now "] });
      await context.sync();
      return hiddenRows(context, sheet, DATA_ROWS);
    });
    const percent = await c.attempt(async (context, sheet) => {
      sheet.autoFilter.remove();
      put(sheet, "F1:F4", [["Share"], [0.5], [0.25], [0.5]]);
      sheet.getRange("F2:F4").numberFormat = [["0%"], ["0%"], ["0%"]];
      await context.sync();
      sheet.autoFilter.apply(sheet.getRange("F1:F4"), 0, { filterOn: "Values", values: ["50%"] });
      await context.sync();
      const byDisplayed = await hiddenRows(context, sheet, [2, 3, 4]);
      sheet.autoFilter.apply(sheet.getRange("F1:F4"), 0, { filterOn: "Values", values: ["0.5"] });
      await context.sync();
      return { byDisplayed, byValue: await hiddenRows(context, sheet, [2, 3, 4]) };
    });
    return { byText, trailingSpace, percent };
  },
};
