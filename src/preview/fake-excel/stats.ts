/** Per-host counters of round trips and bytes, as the benchmark reports them. */
export interface SyncStats {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Request plus response bytes of every sync. */
  bytesMoved: number;
  /** Response bytes of values/text/numberFormat/formulas loads. */
  bytesRead: number;
  maxCellsPerRead: number;
  cellsRead: number;
  /** Request bytes of cell values and formulas set (Range.values, Range.formulas): what a write can't avoid. */
  bytesWritten: number;
  /** When not null, one line per sync: its members, request and response bytes (bench/trace.ts). */
  trace: SyncTrace[] | null;
}

export interface SyncTrace {
  members: string[];
  requestBytes: number;
  responseBytes: number;
}

export function emptyStats(): SyncStats {
  return {
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    bytesMoved: 0,
    bytesRead: 0,
    maxCellsPerRead: 0,
    cellsRead: 0,
    bytesWritten: 0,
    trace: null,
  };
}

export function resetStats(stats: SyncStats): void {
  const tracing = stats.trace !== null;
  Object.assign(stats, emptyStats());
  if (tracing) stats.trace = [];
}
