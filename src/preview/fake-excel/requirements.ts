/**
 * ExcelApi requirement sets of the members the in-memory Excel implements (from the Office.js
 * reference). Members not listed are ExcelApi 1.1. Using a member above the configured apiVersion
 * fails the sync with ApiNotFound, as an older Excel would.
 */
const API_SETS: Record<string, string> = {
  "Workbook.settings": "1.4",
  "Workbook.pivotTables": "1.3",
  "Workbook.functions": "1.2",
  "Functions.*": "1.2",
  "FunctionResult.*": "1.2",
  "Range.getVisibleView": "1.3",
  "RangeView.*": "1.3",
  "Workbook.insertWorksheetsFromBase64": "1.13",
  "Excel.createWorkbook": "1.8",
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "Application.suspendScreenUpdatingUntilNextSync": "1.9",
  "Application.calculationMode.set": "1.8",
  "Runtime.enableEvents": "1.8",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.getCount": "1.4",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.getUsedRange.valuesOnly": "1.2",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.autoFilter": "1.9",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.pivotTables": "1.3",
  "Worksheet.protection": "1.2",
  "Worksheet.tabColor": "1.7",
  "Worksheet.showGridlines": "1.8",
  "WorksheetProtection.protected": "1.2",
  "WorksheetProtection.protect": "1.2",
  "WorksheetProtection.unprotect": "1.2",
  "WorksheetProtection.unprotect.password": "1.7",
  "Range.rowHidden": "1.2",
  "Range.columnHidden": "1.2",
  "Range.hidden": "1.2",
  "Range.formulasR1C1": "1.2",
  "Range.isEntireRow": "1.7",
  "Range.isEntireColumn": "1.7",
  "Range.getResizedRange": "1.2",
  "Range.getIntersectionOrNullObject": "1.4",
  "Range.getUsedRange.valuesOnly": "1.2",
  "Range.getUsedRangeOrNullObject": "1.4",
  "Range.getRowsAbove": "1.2",
  "Range.getRowsBelow": "1.2",
  "Range.getColumnsAfter": "1.2",
  "Range.getColumnsBefore": "1.2",
  "Range.sort": "1.2",
  "Range.hyperlink": "1.7",
  "Workbook.getActiveCell": "1.7",
  "Range.conditionalFormats": "1.6",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.rowHeight": "1.2",
  "RangeFormat.autofitColumns": "1.2",
  "RangeFormat.autofitRows": "1.2",
  "RangeSort.apply": "1.2",
  "AutoFilter.*": "1.9",
  "AutoFilter.clearColumnCriteria": "1.14",
  "TableCollection.getItemOrNullObject": "1.4",
  "TableCollection.getCount": "1.4",
  "TableColumnCollection.getItemOrNullObject": "1.4",
  "TableColumnCollection.getCount": "1.4",
  "TableColumn.filter": "1.2",
  "Filter.*": "1.2",
  "Table.autoFilter": "1.9",
  "Table.sort": "1.2",
  "Table.worksheet": "1.2",
  "Table.clearFilters": "1.2",
  "Table.reapplyFilters": "1.2",
  "Table.convertToRange": "1.2",
  "PivotTableCollection.add": "1.8",
  "PivotTableCollection.getItemOrNullObject": "1.4",
  "PivotTableCollection.getItem": "1.3",
  "PivotTableCollection.getCount": "1.4",
  "PivotTable.*": "1.8",
  "PivotTable.name": "1.3",
  "PivotTable.load": "1.3",
  "PivotHierarchyCollection.*": "1.8",
  "PivotHierarchy.*": "1.8",
  "RowColumnPivotHierarchyCollection.*": "1.8",
  "RowColumnPivotHierarchy.*": "1.8",
  "FilterPivotHierarchyCollection.*": "1.8",
  "DataPivotHierarchyCollection.*": "1.8",
  "DataPivotHierarchy.*": "1.8",
  "PivotLayout.*": "1.8",
  "PivotFieldCollection.*": "1.8",
  "PivotField.*": "1.8",
  "PivotItemCollection.*": "1.8",
  "PivotItem.*": "1.8",
  "PivotTable.refresh": "1.3",
  "PivotTable.worksheet": "1.3",
  "ChartCollection.getItemOrNullObject": "1.4",
  "ChartCollection.getCount": "1.4",
  "Chart.chartType": "1.7",
  "Chart.id": "1.7",
  "Chart.worksheet": "1.2",
  "SettingCollection.*": "1.4",
  "Setting.*": "1.4",
  "ConditionalFormatCollection.*": "1.6",
  "ConditionalFormatCollection.getItemOrNullObject": "1.14",
  "ConditionalFormat.*": "1.6",
  "TextConditionalFormat.*": "1.6",
  "CellValueConditionalFormat.*": "1.6",
  "ConditionalRangeFormat.*": "1.6",
  "ConditionalRangeFill.*": "1.6",
  "ConditionalRangeFont.*": "1.6",
  "TableSort.*": "1.2",
  "WorksheetFreezePanes.*": "1.7",
};

/** The table itself, for the contract test that compares it with excel.d.ts. */
export function apiSetTable(): Readonly<Record<string, string>> {
  return API_SETS;
}

/** The ExcelApi version a member needs; `member` is "Class.member". */
export function apiSetOf(member: string): string {
  return API_SETS[member] ?? API_SETS[`${member.split(".")[0]}.*`] ?? "1.1";
}

/** Compares "1.10" and "1.9" numerically: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function isSupported(apiVersion: string, needed: string): boolean {
  return compareVersions(needed, apiVersion) <= 0;
}
