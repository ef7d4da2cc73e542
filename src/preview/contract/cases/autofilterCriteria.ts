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

/**
 * The wildcard criteria Show Act now + Evaluate sets instead of a values list when counting proves them
 * exact (src/domain/clusterCounts.ts): "=*a*c*t*n*o*w*" OR "=*e*v*a*l*u*a*t*e*" keeps stray spellings,
 * hides blanks and other texts, and reads back as set. Excel.FilterCriteria: custom criteria take `*`
 * and `?` wildcards and two criteria joined by an operator.
 */
export const autofilterWildcards: ContractCase = {
  id: "autofilter-custom-wildcards",
  title: "AutoFilter custom criteria with wildcards, OR-ed",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.filtercriteria",
  members: ["Worksheet.autoFilter", "AutoFilter.apply", "AutoFilter.criteria", "AutoFilter.remove"],
  async run(c) {
    return c.attempt(async (context, sheet) => {
      put(sheet, "A1:B9", [
        ["Customer", "Cluster"],
        ["Contoso", "Act Now"],
        ["Fabrikam", " act now "],
        ["Northwind", "Act_Now"],
        ["Litware", "EVALUATE"],
        ["Adatum", "Nurture"],
        ["Tailspin", ""],
        ["Woodgrove", "Hot"],
        ["Proseware", "evaluate  "],
      ]);
      sheet.autoFilter.apply(sheet.getRange("A1:B9"), 1, {
        filterOn: "Custom",
        criterion1: "=*a*c*t*n*o*w*",
        criterion2: "=*e*v*a*l*u*a*t*e*",
        operator: "Or",
      } as Excel.FilterCriteria);
      sheet.autoFilter.load("criteria");
      await context.sync();
      const criteria = plain(sheet.autoFilter.criteria[1]);
      const hidden = await hiddenRows(context, sheet, [2, 3, 4, 5, 6, 7, 8, 9]);
      sheet.autoFilter.remove();
      await context.sync();
      return { criteria, hidden };
    });
  },
};
