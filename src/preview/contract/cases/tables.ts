import type { ContractCase } from "../types";
import { CUSTOMERS, CUSTOMER_RANGE, DATA_ROWS, hiddenRows, plain, put } from "./support";

const TABLE = "PPContractTable";

/**
 * Table reports: column filters (ExcelApi 1.2) keep rows like the sheet AutoFilter; criteria read
 * back; columns added at the right and deleted; getItemOrNullObject for a missing column.
 */
export const tables: ContractCase = {
  id: "table-filters-and-columns",
  title: "Table column filters and columns",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.filter",
  members: [
    "Worksheet.tables",
    "Workbook.tables",
    "TableCollection.add",
    "TableCollection.getItem",
    "TableCollection.items",
    "Table.name",
    "Table.getRange",
    "Table.columns",
    "Table.clearFilters",
    "TableColumnCollection.getItemAt",
    "TableColumnCollection.getItemOrNullObject",
    "TableColumnCollection.add",
    "TableColumnCollection.items",
    "TableColumn.filter",
    "TableColumn.delete",
    "Filter.applyValuesFilter",
    "Filter.apply",
    "Filter.criteria",
    "Filter.clear",
  ],
  async run(c) {
    const created = await c.attempt(async (context, sheet) => {
      put(sheet, CUSTOMER_RANGE, CUSTOMERS);
      const table = sheet.tables.add(CUSTOMER_RANGE, true);
      table.name = TABLE;
      sheet.tables.load("items/name");
      const range = context.workbook.tables.getItem(TABLE).getRange().load("address");
      await context.sync();
      return { names: sheet.tables.items.map((t) => t.name), address: range.address.replace(/^.*!/, "") };
    });
    const valuesFilter = await c.attempt(async (context) => {
      const table = context.workbook.tables.getItem(TABLE);
      table.columns.getItemAt(1).filter.applyValuesFilter(["act now"]);
      const filter = table.columns.getItemAt(1).filter.load("criteria");
      await context.sync();
      const sheet = context.workbook.worksheets.getItem(c.sheetName);
      return { criteria: plain(filter.criteria), hiddenRows: await hiddenRows(context, sheet, DATA_ROWS) };
    });
    const custom = await c.attempt(async (context) => {
      const table = context.workbook.tables.getItem(TABLE);
      table.columns.getItemAt(1).filter.clear();
      table.columns.getItemAt(2).filter.apply({ filterOn: "Custom", criterion1: "=D*" });
      await context.sync();
      const sheet = context.workbook.worksheets.getItem(c.sheetName);
      return hiddenRows(context, sheet, DATA_ROWS);
    });
    const cleared = await c.attempt(async (context) => {
      context.workbook.tables.getItem(TABLE).clearFilters();
      await context.sync();
      const sheet = context.workbook.worksheets.getItem(c.sheetName);
      return hiddenRows(context, sheet, DATA_ROWS);
    });
    const columns = await c.attempt(async (context) => {
      const table = context.workbook.tables.getItem(TABLE);
      table.columns.add(undefined, [["Helper"], ["1"], ["2"], ["3"], ["4"], ["5"]]);
      const missing = table.columns.getItemOrNullObject("No such column");
      table.columns.load("items/name");
      await context.sync();
      const names = table.columns.items.map((col) => col.name);
      table.columns.getItemOrNullObject("Helper").delete();
      const range = table.getRange().load("address");
      await context.sync();
      return { names, missingIsNull: missing.isNullObject, afterDelete: range.address.replace(/^.*!/, "") };
    });
    return { created, valuesFilter, custom, cleared, columns };
  },
};
