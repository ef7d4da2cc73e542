import type { CellValue } from "../domain/types";

/** Excel on the web refuses requests or responses over 5 MB; we stay well under with a margin. */
export const PAYLOAD_LIMIT_BYTES = 4 * 1024 * 1024;
/**
 * Target per read block: fewer, fuller syncs, with room under the 5 MB limit for rows longer than the
 * sample (a read's size is estimated from sample rows; 3.8 MB let a 300,000-row CRM read reach 4.2 MB).
 */
export const BLOCK_TARGET_BYTES = 3.5 * 1024 * 1024;
/** Target per write block: a write's bytes are counted exactly, so it can go nearer the 4 MB we allow. */
export const WRITE_BLOCK_TARGET_BYTES = 3.8 * 1024 * 1024;
/** Above this many cells in one range Excel returns null values without an error. */
export const MAX_CELLS_PER_RANGE = 5_000_000;
export const MAX_ROWS_PER_BLOCK = 50_000;
/** A block may shrink to one row when rows hold very long texts. */
export const MIN_ROWS_PER_BLOCK = 1;

/** Approximate UTF-8 bytes of a cell in the JSON Excel exchanges (quotes, escapes and a separator). */
export function cellJsonBytes(value: CellValue | undefined): number {
  if (value === null || value === undefined) return 5;
  if (typeof value === "number") return String(value).length + 1;
  if (typeof value === "boolean") return value ? 5 : 6;
  let bytes = 3;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** Rows per block for a given estimated row size, bounded by the payload target and the cell limit. */
export function rowsPerBlock(bytesPerRow: number, cellsPerRow: number): number {
  const byBytes = Math.floor(BLOCK_TARGET_BYTES / Math.max(1, bytesPerRow));
  const byCells = Math.floor(MAX_CELLS_PER_RANGE / Math.max(1, cellsPerRow));
  return Math.max(MIN_ROWS_PER_BLOCK, Math.min(MAX_ROWS_PER_BLOCK, byBytes, byCells));
}

/** Largest per-row byte estimate seen in sample rows for the given columns, with headroom for longer rows. */
export function estimateBytesPerRow(
  sample: readonly (readonly CellValue[])[],
  columns: readonly number[],
): number {
  let largest = 0;
  let total = 0;
  for (const row of sample) {
    let bytes = 0;
    for (const column of columns) bytes += cellJsonBytes(row[column]);
    total += bytes;
    largest = Math.max(largest, bytes);
  }
  const average = sample.length ? total / sample.length : 0;
  // Rows further down may hold longer text than the sample: take the larger of the longest sampled
  // row and 1.25x the average, and at least 8 bytes per cell. The block target leaves 1.4x headroom
  // under the 5 MB limit, and a block Excel still refuses is split and read again.
  return Math.max(largest, average * 1.25, columns.length * 8);
}
