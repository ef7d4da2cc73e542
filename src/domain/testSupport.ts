/** Fixtures shared by the domain's tests (not imported by production code). */
import type { CellValue, ColumnRole, ProductColumns, ReportLayout, ReportType } from "./types";

/** A layout with just the roles and products a test cares about. */
export function testLayout(
  products: ProductColumns[],
  roles: Partial<Record<ColumnRole, number>>,
  reportType: ReportType = "unknown",
): ReportLayout {
  return {
    headerRow: 0,
    rawHeaders: [],
    headers: [],
    roles,
    products,
    cohorts: [],
    ownership: [],
    reportType,
    reportTypeLabel: "",
    warnings: [],
  };
}

/** Column data (as the Excel layer hands it over) from rows given as arrays indexed by column. */
export function columnsOf(
  rows: readonly (readonly CellValue[])[],
  width = Math.max(0, ...rows.map((r) => r.length)),
): Map<number, CellValue[]> {
  const data = new Map<number, CellValue[]>();
  for (let c = 0; c < width; c++)
    data.set(
      c,
      rows.map((row) => row[c] ?? ""),
    );
  return data;
}
