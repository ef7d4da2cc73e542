import type { Json } from "../types";

/** Writes a block of values at `address` on the scratch sheet (one queued write). */
export function put(
  sheet: Excel.Worksheet,
  address: string,
  rows: (string | number | boolean)[][],
): Excel.Range {
  const range = sheet.getRange(address);
  range.values = rows;
  return range;
}

/** Rows hidden (by filter or by hand) among the given 1-based sheet rows, read in one sync. */
export async function hiddenRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rows: number[],
): Promise<number[]> {
  const ranges = rows.map((r) => sheet.getRange(`A${r}`).getEntireRow().load("rowHidden"));
  await context.sync();
  return rows.filter((_, i) => ranges[i].rowHidden);
}

/** A loaded grid as JSON (values are strings, numbers, booleans). */
export function grid(values: unknown[][]): Json {
  return values as Json;
}

/** An object's own properties as JSON, with `undefined` made explicit as absent. */
export function plain(value: unknown): Json {
  return JSON.parse(JSON.stringify(value ?? null)) as Json;
}

/** Filter data shared by the AutoFilter cases: a header and five customers. */
export const CUSTOMERS: (string | number)[][] = [
  ["Customer", "Cluster", "Country", "Revenue"],
  ["Contoso", "Act Now", "DE", 100],
  ["Fabrikam", "ACT NOW", "FR", 200],
  ["Litware", "act now ", "DE", 300],
  ["Northwind", "Evaluate", "US", 400],
  ["Tailspin", "Nurture", "DE", 500],
];
export const CUSTOMER_RANGE = "A1:D6";
export const DATA_ROWS = [2, 3, 4, 5, 6];
