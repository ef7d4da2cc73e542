/** A cell as `range.values` returns it ("" for an empty cell). */
export type CellValue = string | number | boolean | null;

/** Formats the in-memory Excel stores per cell, row or column; absent = Excel's default. */
export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  fontSize?: number;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  wrapText?: boolean;
}

/** The subset of Excel.FilterCriteria the in-memory Excel evaluates. */
export interface FilterCriteria {
  filterOn: "Values" | "Custom";
  values?: string[];
  criterion1?: string;
  criterion2?: string;
  operator?: "And" | "Or";
}

/** A filter range: the first row is the header, criteria are keyed by column offset. */
export interface FilterState {
  range: import("./address").Rect;
  criteria: Map<number, FilterCriteria>;
  /** Rows (absolute indexes) this filter hides, as of its last evaluation. */
  hidden: Set<number>;
}
