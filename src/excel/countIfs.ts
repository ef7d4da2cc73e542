import type { CountQuery } from "../domain/clusterCounts";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { a1 } from "./address";

/** Calls in the one sync: a few hundred bytes each, so the request stays far below the 5 MB limit. */
const MAX_CALLS = 5_000;

export interface CountArea {
  sheetName: string;
  /** Absolute 0-based sheet row of the first data row, and the number of data rows. */
  firstRow: number;
  rowCount: number;
  /** Absolute 0-based sheet column of the layout's column 0. */
  originColumn: number;
  /** Layout column of the identity column that `customersOnly` queries add as (column, "<>"). */
  identityColumn?: number;
}

/**
 * Evaluates COUNTIFS calls with `workbook.functions` (ExcelApi 1.2): Excel counts, nothing is read
 * row by row. Returns each query's count by id, or null when the host lacks the API or a call fails
 * (the caller then reads the columns, as it would without this).
 */
export async function countIfs(
  host: ExcelHost,
  capabilities: Capabilities,
  area: CountArea,
  queries: readonly CountQuery[],
): Promise<Map<string, number> | null> {
  if (
    !capabilities.has("worksheetFunctions") ||
    area.rowCount <= 0 ||
    queries.length === 0 ||
    queries.length > MAX_CALLS
  )
    return null;
  try {
    return await evaluate(host, area, queries);
  } catch (error) {
    // A fast path only: any failure leaves Analyze to read the columns. Cancelling is not a failure.
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    return null;
  }
}

function evaluate(
  host: ExcelHost,
  area: CountArea,
  queries: readonly CountQuery[],
): Promise<Map<string, number> | null> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(area.sheetName);
    const ranges = new Map<number, Excel.Range>();
    const rangeOf = (column: number) => {
      let range = ranges.get(column);
      if (!range) {
        range = sheet.getRange(
          a1({
            row: area.firstRow,
            column: area.originColumn + column,
            rowCount: area.rowCount,
            columnCount: 1,
          }),
        );
        ranges.set(column, range);
      }
      return range;
    };
    const batch = queries.map((query) => {
      const args: (Excel.Range | string)[] = [rangeOf(query.column), query.criterion];
      if (query.customersOnly) {
        if (area.identityColumn === undefined) return null;
        args.push(rangeOf(area.identityColumn), "<>");
      }
      const result = context.workbook.functions.countIfs(...args);
      result.load("value, error");
      return { query, result };
    });
    await context.sync();
    const counts = new Map<string, number>();
    for (const entry of batch) {
      if (!entry || entry.result.error || typeof entry.result.value !== "number") return null;
      counts.set(entry.query.id, entry.result.value);
    }
    return counts;
  });
}
