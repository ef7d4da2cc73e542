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
  };
}

export function resetStats(stats: SyncStats): void {
  Object.assign(stats, emptyStats());
}
