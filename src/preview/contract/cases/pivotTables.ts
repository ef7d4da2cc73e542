import type { ContractCase } from "../types";
import { put } from "./support";

/**
 * PivotTables: hierarchies are named from the raw header text (a trailing space included) and
 * duplicates are renamed by Excel; a PivotTable whose range would overlap another is refused
 * (PivotTableRangeConflict); its real size is known from layout.getRange(), read in the batch that
 * adds its hierarchies.
 */
export const pivotTables: ContractCase = {
  id: "pivot-naming-and-overlap",
  title: "PivotTable hierarchy names and overlap",
  source: "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-pivottables",
  members: [
    "Worksheet.pivotTables",
    "PivotTableCollection.add",
    "PivotTable.hierarchies",
    "PivotTable.rowHierarchies",
    "PivotTable.columnHierarchies",
    "PivotTable.dataHierarchies",
    "PivotHierarchyCollection.getItem",
    "RowColumnPivotHierarchyCollection.add",
    "DataPivotHierarchyCollection.add",
    "DataPivotHierarchy.summarizeBy",
    "PivotTable.layout",
    "PivotLayout.getRange",
    "PivotTable.delete",
    "PivotTableCollection.getItem",
    "PivotTable.name",
  ],
  async run(c) {
    const source = "A1:C7";
    const names = await c.attempt(async (context, sheet) => {
      put(sheet, source, [
        ["Industry ", "Cluster", "Revenue"],
        ["Retail", "Act Now", 10],
        ["Retail", "Evaluate", 20],
        ["Health", "Act Now", 30],
        ["Health", "Nurture", 40],
        ["Energy", "Act Now", 50],
        ["Energy", "Evaluate", 60],
      ]);
      const pivot = sheet.pivotTables.add("PPContractPivot1", sheet.getRange(source), sheet.getRange("G1"));
      pivot.hierarchies.load("items/name");
      await context.sync();
      return pivot.hierarchies.items.map((h) => h.name);
    });
    const rawName = await c.attempt(async (context, sheet) => {
      const pivot = sheet.pivotTables.getItem("PPContractPivot1");
      pivot.rowHierarchies.add(pivot.hierarchies.getItem("Industry "));
      pivot.columnHierarchies.add(pivot.hierarchies.getItem("Cluster"));
      const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem("Revenue"));
      data.summarizeBy = "Sum";
      // Read in the batch that adds the hierarchies, as the add-in does: the batch runs in order.
      const range = pivot.layout.getRange().load("address, rowCount, columnCount");
      await context.sync();
      return { address: range.address.replace(/^.*!/, ""), rows: range.rowCount, columns: range.columnCount };
    });
    const trimmedName = await c.attempt(async (context, sheet) => {
      const pivot = sheet.pivotTables.getItem("PPContractPivot1");
      const h = pivot.hierarchies.getItem("Industry").load("name");
      await context.sync();
      return h.name;
    });
    const overlapping = await c.attempt(async (context, sheet) => {
      sheet.pivotTables.add("PPContractPivot2", sheet.getRange(source), sheet.getRange("H3"));
      await context.sync();
      return "added";
    });
    // Two columns with the same header: Excel names the second hierarchy itself.
    const duplicates = await c.attempt(async (context, sheet) => {
      put(sheet, "A20:B22", [
        ["Cluster", "Cluster"],
        ["Act Now", "x"],
        ["Evaluate", "y"],
      ]);
      const pivot = sheet.pivotTables.add(
        "PPContractPivot3",
        sheet.getRange("A20:B22"),
        sheet.getRange("Z1"),
      );
      pivot.hierarchies.load("items/name");
      await context.sync();
      return pivot.hierarchies.items.map((h) => h.name);
    });
    const deleted = await c.attempt(async (context, sheet) => {
      sheet.pivotTables.getItem("PPContractPivot1").delete();
      sheet.pivotTables.load("items/name");
      await context.sync();
      return sheet.pivotTables.items.map((p) => p.name);
    });
    return { names, rawName, trimmedName, overlapping, duplicates, deleted };
  },
};

/**
 * A row field's items (RowColumnPivotHierarchy.fields > PivotField.items, ExcelApi 1.8), read in the
 * batch that adds the hierarchy: one item per distinct text, case aside ("Retail" and "RETAIL" are one
 * item, "Retail " another), a blank cell as "(blank)". Build summaries counts each item with COUNTIFS
 * and proves the items cover every row, so an item named otherwise only makes it read the column.
 */
export const pivotItems: ContractCase = {
  id: "pivot-field-items",
  title: "PivotTable row field items",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.pivotfield",
  members: [
    "RowColumnPivotHierarchy.fields",
    "PivotFieldCollection.getItem",
    "PivotField.items",
    "PivotItemCollection.load",
    "PivotItemCollection.items",
    "PivotItem.name",
    "PivotTable.name",
  ],
  async run(c) {
    const items = await c.attempt(async (context, sheet) => {
      put(sheet, "A1:B7", [
        ["Industry", "Customer"],
        ["Retail", "a"],
        ["RETAIL", "b"],
        ["Retail ", "c"],
        ["", "d"],
        ["Health", "e"],
        ["Retail", "f"],
      ]);
      const pivot = sheet.pivotTables.add("PPContractItems", sheet.getRange("A1:B7"), sheet.getRange("E1"));
      const row = pivot.rowHierarchies.add(pivot.hierarchies.getItem("Industry"));
      const items = row.fields.getItem("Industry").items.load("items/name");
      await context.sync();
      return items.items.map((item) => item.name).sort();
    });
    // Build summaries renames a rebuilt sheet's PivotTables once the old ones are gone: a name in
    // use elsewhere in the workbook is refused.
    const renamed = await c.attempt(async (context, sheet) => {
      const other = sheet.pivotTables.add("PPContractOther", sheet.getRange("A1:B7"), sheet.getRange("J1"));
      other.rowHierarchies.add(other.hierarchies.getItem("Customer"));
      sheet.pivotTables.getItem("PPContractItems").name = "PPContractRenamed";
      sheet.pivotTables.load("items/name");
      await context.sync();
      return sheet.pivotTables.items.map((p) => p.name).sort();
    });
    const taken = await c.attempt(async (context, sheet) => {
      sheet.pivotTables.getItem("PPContractRenamed").name = "ppcontractother";
      await context.sync();
      return "renamed";
    });
    return { items, renamed, taken };
  },
};
