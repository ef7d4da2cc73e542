import type { CellValue } from "../domain/types";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { a1 } from "./address";
import { cellJsonBytes, MAX_ROWS_PER_BLOCK, WRITE_BLOCK_TARGET_BYTES } from "./payload";
import { formatCount, throwIfCancelled, yieldToHost, type WorkOptions } from "./progress";

/** Number format that makes Excel keep a written string as text, so report text never becomes a formula. */
export const TEXT_FORMAT = "@";

/**
 * Text Excel would read as a formula (or, for a leading tab or return, that spreadsheet apps are
 * known to mishandle) when written through `range.values` into a cell that is not text: "=...",
 * "+x", "-x", "@x" (OWASP's CSV injection list).
 */
export function looksLikeFormula(value: unknown): boolean {
  if (typeof value !== "string" || value.length < 2) return false;
  const first = value.charCodeAt(0);
  // = + - @ \t \r
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
}

/**
 * The formats for one row: the column's format, except "@" for a string that would become a
 * formula. A second line of defence behind the text format of report-text columns, for a caller
 * that writes report text into a number or General column by mistake.
 */
export function neutralisedFormats(
  row: readonly CellValue[],
  numberFormats: readonly string[],
): readonly string[] {
  let formats: string[] | null = null;
  for (let c = 0; c < numberFormats.length; c++) {
    if (numberFormats[c] !== TEXT_FORMAT && looksLikeFormula(row[c])) {
      formats ??= numberFormats.slice();
      formats[c] = TEXT_FORMAT;
    }
  }
  return formats ?? numberFormats;
}

export interface GridWrite {
  sheetName: string;
  /** Absolute 0-based sheet position of rows[0][0]. */
  row: number;
  column: number;
  rows: readonly (readonly CellValue[])[];
  /** One number format per column, set before the values so text stays text. */
  numberFormats: readonly string[];
}

/** How many rows from `start` make one block whose request (values + formats) stays near the block target. */
export function nextBlockSize(
  rows: readonly (readonly CellValue[])[],
  start: number,
  numberFormats: readonly string[],
): number {
  const formatBytes = numberFormats.reduce((sum, format) => sum + format.length + 3, 0);
  let bytes = 0;
  let size = 0;
  for (let r = start; r < rows.length && size < MAX_ROWS_PER_BLOCK; r++) {
    let rowBytes = formatBytes;
    for (const cell of rows[r]) rowBytes += cellJsonBytes(cell);
    if (size > 0 && bytes + rowBytes > WRITE_BLOCK_TARGET_BYTES) break;
    bytes += rowBytes;
    size += 1;
  }
  return size;
}

/** Queues the host's "don't recalculate or repaint until this sync" hints where supported. */
export function suspendUntilSync(context: Excel.RequestContext, capabilities: Capabilities): void {
  if (capabilities.has("suspendCalculation"))
    context.workbook.application.suspendApiCalculationUntilNextSync();
  if (capabilities.has("suspendScreenUpdating"))
    context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

/**
 * Work that travels with a grid's blocks instead of taking round trips of its own (issue 16): `first`
 * is queued before the first block's cells, `last` after the last block's (its returned function runs
 * once that batch is synced). A grid with no rows still makes one batch for them.
 */
export interface GridBatches {
  first?: (context: Excel.RequestContext) => void;
  last?: (context: Excel.RequestContext) => (() => void) | void;
}

/** Writes a grid in blocks, one sync each, yielding between blocks and reporting progress. */
export async function writeGrid(
  host: ExcelHost,
  capabilities: Capabilities,
  write: GridWrite,
  options: WorkOptions = {},
  batches: GridBatches = {},
): Promise<void> {
  const columnCount = write.numberFormats.length;
  if (write.rows.length === 0) {
    if (!batches.first && !batches.last) return;
    await host.run(async (context) => {
      batches.first?.(context);
      const committed = batches.last?.(context);
      await context.sync();
      committed?.();
    });
    return;
  }
  // Blocks are sized as they go, so no single stretch walks every row before the first write.
  for (let start = 0, size = 0; start < write.rows.length; start += size) {
    size = nextBlockSize(write.rows, start, write.numberFormats);
    throwIfCancelled(options.signal);
    options.onProgress?.({
      message: `Writing rows ${formatCount(start + 1)}-${formatCount(start + size)} of ${formatCount(write.rows.length)}`,
      done: start,
      total: write.rows.length,
    });
    const blockStart = start;
    const isFirst = blockStart === 0;
    const isLast = blockStart + size >= write.rows.length;
    await host.run(async (context) => {
      suspendUntilSync(context, capabilities);
      if (isFirst) batches.first?.(context);
      const range = context.workbook.worksheets
        .getItem(write.sheetName)
        .getRange(a1({ row: write.row + blockStart, column: write.column, rowCount: size, columnCount }));
      const formats: string[][] = [];
      const values: CellValue[][] = [];
      for (let r = blockStart; r < blockStart + size; r++) {
        formats.push(neutralisedFormats(write.rows[r], write.numberFormats) as string[]);
        values.push(write.rows[r] as CellValue[]);
      }
      range.numberFormat = formats;
      range.values = values as Excel.Range["values"];
      const committed = isLast ? batches.last?.(context) : undefined;
      // One sync per block of thousands of rows is Microsoft's guidance; the rule targets per-row syncs.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      committed?.();
    });
    await yieldToHost();
  }
}
