import type { ContractCase } from "../types";
import { CUSTOMERS, CUSTOMER_RANGE, DATA_ROWS, hiddenRows, plain, put } from "./support";

/**
 * What `autoFilter.criteria` reads back after a values filter on one column, and whether those
 * objects can be handed back to `apply()` (office-js#1226: unused properties come back null, an
 * unfiltered column comes back as an empty criterion, and apply() rejects them).
 */
export const autofilterCriteria: ContractCase = {
  id: "autofilter-criteria-readback",
  title: "AutoFilter criteria read back, and applied again",
  source: "https://github.com/OfficeDev/office-js/issues/1226",
  members: [
    "Worksheet.autoFilter",
    "AutoFilter.apply",
    "AutoFilter.criteria",
    "AutoFilter.enabled",
    "AutoFilter.isDataFiltered",
    "AutoFilter.getRangeOrNullObject",
    "AutoFilter.clearCriteria",
    "AutoFilter.remove",
    "AutoFilter.clearColumnCriteria",
  ],
  async run(c) {
    const before = await c.attempt(async (context, sheet) => {
      put(sheet, CUSTOMER_RANGE, CUSTOMERS);
      const range = sheet.autoFilter.getRangeOrNullObject();
      sheet.autoFilter.load("enabled, isDataFiltered");
      await context.sync();
      return { enabled: sheet.autoFilter.enabled, rangeIsNull: range.isNullObject };
    });
    const applied = await c.attempt(async (context, sheet) => {
      sheet.autoFilter.apply(sheet.getRange(CUSTOMER_RANGE), 2, {
        filterOn: "Values",
        values: ["DE"],
      });
      const range = sheet.autoFilter.getRangeOrNullObject();
      range.load("address");
      sheet.autoFilter.load("enabled, isDataFiltered, criteria");
      await context.sync();
      return {
        enabled: sheet.autoFilter.enabled,
        isDataFiltered: sheet.autoFilter.isDataFiltered,
        address: range.address.replace(/^.*!/, ""),
        criteria: plain(sheet.autoFilter.criteria),
        hiddenRows: await hiddenRows(context, sheet, DATA_ROWS),
      };
    });
    // The read-back criteria, unchanged, handed to apply(): the filtered column and an unfiltered one.
    const reapplyAsRead = async (column: number) =>
      c.attempt(async (context, sheet) => {
        sheet.autoFilter.load("criteria");
        await context.sync();
        const criteria = sheet.autoFilter.criteria[column];
        sheet.autoFilter.apply(sheet.getRange(CUSTOMER_RANGE), column, criteria);
        await context.sync();
        return hiddenRows(context, sheet, DATA_ROWS);
      });
    const reappliedFiltered = await reapplyAsRead(2);
    const reappliedUnfiltered = await reapplyAsRead(0);
    const clearedColumn = await c.attempt(async (context, sheet) => {
      sheet.autoFilter.clearColumnCriteria(2);
      await context.sync();
      return hiddenRows(context, sheet, DATA_ROWS);
    });
    const cleared = await c.attempt(async (context, sheet) => {
      sheet.autoFilter.apply(sheet.getRange(CUSTOMER_RANGE), 2, { filterOn: "Values", values: ["FR"] });
      sheet.autoFilter.clearCriteria();
      sheet.autoFilter.load("enabled, isDataFiltered");
      await context.sync();
      return {
        enabled: sheet.autoFilter.enabled,
        isDataFiltered: sheet.autoFilter.isDataFiltered,
        hiddenRows: await hiddenRows(context, sheet, DATA_ROWS),
      };
    });
    const removed = await c.attempt(async (context, sheet) => {
      sheet.autoFilter.remove();
      const range = sheet.autoFilter.getRangeOrNullObject();
      sheet.autoFilter.load("enabled");
      await context.sync();
      return { enabled: sheet.autoFilter.enabled, rangeIsNull: range.isNullObject };
    });
    return { before, applied, reappliedFiltered, reappliedUnfiltered, clearedColumn, cleared, removed };
  },
};
