import type { CountQuery } from "../domain/clusterCounts";
import type { FoundCell, LookupQuery } from "../domain/summaryCounts";
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
      for (const pair of query.where ?? []) args.push(rangeOf(pair.column), pair.criterion);
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

/**
 * COUNTIFS calls and exact lookups in one sync: each lookup is MATCH(text, column, 0), where the text
 * first appears, and VLOOKUP(text, column, 1, FALSE), how that cell is spelled (ExcelApi 1.2). A text
 * not found is absent from `found`. Null when the host lacks the API or a COUNTIFS fails.
 */
export async function countAndLookUp(
  host: ExcelHost,
  capabilities: Capabilities,
  area: CountArea,
  queries: readonly CountQuery[],
  lookups: readonly LookupQuery[],
): Promise<{ counts: Map<string, number>; found: Map<string, FoundCell> } | null> {
  if (
    !capabilities.has("worksheetFunctions") ||
    area.rowCount <= 0 ||
    queries.length + 2 * lookups.length > MAX_CALLS
  )
    return null;
  try {
    return await host.run(async (context) => {
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
      const functions = context.workbook.functions;
      const counted = queries.map((query) => {
        const args: (Excel.Range | string)[] = [rangeOf(query.column), query.criterion];
        for (const pair of query.where ?? []) args.push(rangeOf(pair.column), pair.criterion);
        return { id: query.id, result: functions.countIfs(...args).load("value, error") };
      });
      const looked = lookups.map((lookup) => ({
        id: lookup.id,
        position: functions.match(lookup.text, rangeOf(lookup.column), 0).load("value, error"),
        cell: functions.vlookup(lookup.text, rangeOf(lookup.column), 1, false).load("value, error"),
      }));
      await context.sync();
      const counts = new Map<string, number>();
      for (const { id, result } of counted) {
        if (result.error || typeof result.value !== "number") return null;
        counts.set(id, result.value);
      }
      const found = new Map<string, FoundCell>();
      for (const { id, position, cell } of looked) {
        if (position.error || cell.error || typeof position.value !== "number") continue;
        found.set(id, { position: position.value, value: cell.value });
      }
      return { counts, found };
    });
  } catch (error) {
    // A fast path only: any failure leaves the caller to read the columns. Cancelling is not a failure.
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    return null;
  }
}
