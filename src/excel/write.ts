import type { CellValue } from "../domain/types";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { a1 } from "./address";
import { BLOCK_TARGET_BYTES, cellJsonBytes, MAX_ROWS_PER_BLOCK } from "./payload";
import { formatCount, throwIfCancelled, yieldToHost, type WorkOptions } from "./progress";

/** Number format that makes Excel keep a written string as text, so report text never becomes a formula. */
export const TEXT_FORMAT = "@";

export interface GridWrite {
  sheetName: string;
  /** Absolute 0-based sheet position of rows[0][0]. */
  row: number;
  column: number;
  rows: readonly (readonly CellValue[])[];
  /** One number format per column, set before the values so text stays text. */
  numberFormats: readonly string[];
}

/** Splits rows into blocks whose request (values + formats) stays near the block target. */
export function planWriteBlocks(
  rows: readonly (readonly CellValue[])[],
  numberFormats: readonly string[],
): number[] {
  const formatBytes = numberFormats.reduce((sum, format) => sum + format.length + 3, 0);
  const sizes: number[] = [];
  let rowsInBlock = 0;
  let bytes = 0;
  for (const row of rows) {
    let rowBytes = formatBytes;
    for (const cell of row) rowBytes += cellJsonBytes(cell);
    if (rowsInBlock > 0 && (bytes + rowBytes > BLOCK_TARGET_BYTES || rowsInBlock >= MAX_ROWS_PER_BLOCK)) {
      sizes.push(rowsInBlock);
      rowsInBlock = 0;
      bytes = 0;
    }
    rowsInBlock += 1;
    bytes += rowBytes;
  }
  if (rowsInBlock > 0) sizes.push(rowsInBlock);
  return sizes;
}

/** Queues the host's "don't recalculate or repaint until this sync" hints where supported. */
export function suspendUntilSync(context: Excel.RequestContext, capabilities: Capabilities): void {
  if (capabilities.has("suspendCalculation"))
    context.workbook.application.suspendApiCalculationUntilNextSync();
  if (capabilities.has("suspendScreenUpdating"))
    context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

/** Writes a grid in blocks, one sync each, yielding between blocks and reporting progress. */
export async function writeGrid(
  host: ExcelHost,
  capabilities: Capabilities,
  write: GridWrite,
  options: WorkOptions = {},
): Promise<void> {
  const columnCount = write.numberFormats.length;
  let start = 0;
  for (const size of planWriteBlocks(write.rows, write.numberFormats)) {
    throwIfCancelled(options.signal);
    options.onProgress?.({
      message: `Writing rows ${formatCount(start + 1)}-${formatCount(start + size)} of ${formatCount(write.rows.length)}`,
      done: start,
      total: write.rows.length,
    });
    const blockStart = start;
    await host.run(async (context) => {
      suspendUntilSync(context, capabilities);
      const range = context.workbook.worksheets
        .getItem(write.sheetName)
        .getRange(a1({ row: write.row + blockStart, column: write.column, rowCount: size, columnCount }));
      const formats: string[][] = [];
      const values: CellValue[][] = [];
      for (let r = blockStart; r < blockStart + size; r++) {
        formats.push(write.numberFormats as string[]);
        values.push(write.rows[r] as CellValue[]);
      }
      range.numberFormat = formats;
      range.values = values as Excel.Range["values"];
      // One sync per block of thousands of rows is Microsoft's guidance; the rule targets per-row syncs.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    });
    start += size;
    await yieldToHost();
  }
}
