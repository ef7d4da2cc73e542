import type { ContractCase } from "../types";
import { CUSTOMERS, CUSTOMER_RANGE, put } from "./support";

/**
 * The visible part of a filtered range: `getVisibleView()` (ExcelApi 1.3) counts the header and the
 * rows the filter keeps; load only rowCount (and values of a small view), never cellAddresses of a
 * big one (office-js#4263).
 */
export const rangeView: ContractCase = {
  id: "range-view-row-counts",
  title: "RangeView row counts after a filter",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.rangeview",
  members: [
    "Range.getVisibleView",
    "RangeView.rowCount",
    "RangeView.columnCount",
    "RangeView.values",
    "Range.columnHidden",
  ],
  async run(c) {
    const unfiltered = await c.attempt(async (context, sheet) => {
      put(sheet, CUSTOMER_RANGE, CUSTOMERS);
      const view = sheet.getRange(CUSTOMER_RANGE).getVisibleView().load("rowCount, columnCount");
      await context.sync();
      return { rows: view.rowCount, columns: view.columnCount };
    });
    const filtered = await c.attempt(async (context, sheet) => {
      sheet.autoFilter.apply(sheet.getRange(CUSTOMER_RANGE), 2, { filterOn: "Values", values: ["DE"] });
      sheet.getRange("C:C").columnHidden = true;
      await context.sync();
      const view = sheet.getRange(CUSTOMER_RANGE).getVisibleView().load("rowCount, columnCount, values");
      const column = sheet.getRange("A2:A6").getVisibleView().load("rowCount");
      await context.sync();
      return {
        rows: view.rowCount,
        columns: view.columnCount,
        values: view.values,
        dataRows: column.rowCount,
      };
    });
    return { unfiltered, filtered };
  },
};
