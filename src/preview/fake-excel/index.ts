/** The in-memory Excel: tests, the browser preview and the benchmark run the add-in against it. */
export { FakeExcel, createFakeExcel, type FakeExcelOptions } from "./fakeExcel";
export { FakeOfficeError, type FakeErrorCode } from "./errors";
export { WorkbookModel, SheetModel, type CellInfo, type SheetVisibility } from "./model";
export type { CellValue, CellFormat, FilterCriteria, FilterState } from "./types";
export type { TableModel, PivotModel, ChartModel, ConditionalFormatModel, DataFieldModel } from "./objects";
export type { SyncStats } from "./stats";
export { workbookSnapshot, sheetSnapshot, type WorkbookSnapshot, type SheetSnapshot } from "./snapshot";
export {
  type Rect,
  columnLetters,
  columnIndex,
  cellAddress,
  parseAddress,
  rectAddress,
  MAX_ROWS,
  MAX_COLUMNS,
} from "./address";
export { displayText, formatNumber } from "./numberFormat";
export { WEB_PAYLOAD_LIMIT, MAX_CELLS_PER_READ } from "./proxy/context";
export { utf8Length, jsonBytes } from "./payload";
