/**
 * The one seam between the add-in and an Excel host. In Excel it wraps `Excel.run` and
 * `Office.context`; in tests and the browser preview the in-memory Excel (src/preview) provides it.
 */
export interface ExcelHost {
  /** Runs a batch against a fresh request context, like `Excel.run`. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Like `Office.context.requirements.isSetSupported(name, version)`. */
  isSetSupported(name: string, version: string): boolean;
  /** The open document's URL (`Office.context.document.url`); used to warn about .csv files. */
  documentUrl(): string | undefined;
  /** "dark" when Office uses a dark theme, so the pane can follow it. */
  theme?(): "light" | "dark";
  /** Opens a new workbook from a base64 .xlsx, like `Excel.createWorkbook` (ExcelApi 1.8). */
  createWorkbook?(base64: string): Promise<void>;
}
