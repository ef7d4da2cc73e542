import { FakeOfficeError, fail } from "../errors";
import type { WorkbookModel } from "../model";
import { jsonBytes } from "../payload";
import { apiSetOf, isSupported } from "../requirements";
import type { SyncStats } from "../stats";

/** 5 MB per request and per response of one sync, as Excel on the web enforces. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Reads of more cells than this return null for the cell properties (no error). */
export const MAX_CELLS_PER_READ = 5_000_000;
/** Rough JSON envelope of one action and of one response entry (ids, types, object paths). */
const ACTION_OVERHEAD = 96;
const RESULT_OVERHEAD = 32;
const MESSAGE_OVERHEAD = 64;

/** What a context needs from its host: the model, options, and counters. */
export interface HostInternals {
  readonly model: WorkbookModel;
  readonly apiVersion: string;
  readonly limits: "web" | "desktop";
  readonly latencyMs: number;
  readonly stats: SyncStats;
  /** Every "Class.member" checked against its requirement set so far (contract tests read it). */
  readonly checkedMembers: Set<string>;
  notifyChanged(): void;
}

/** One queued action: applied in order at sync. */
export interface Op {
  /** "Class.member": the requirement-set key and the errorLocation of a failure. */
  member: string;
  args?: unknown;
  /** Does applying it change the workbook (for onChange)? */
  write: boolean;
  apply(): void;
}

export class SyncState {
  /** Results delivered to proxies only if the whole sync succeeds. */
  readonly deliveries: (() => void)[] = [];
  responseBytes = MESSAGE_OVERHEAD;
  readBytes = 0;
  cellReads: number[] = [];
}

/**
 * The queue and sync machinery behind the proxies. `RequestContext` (below, in proxy/workbook.ts)
 * extends it with `workbook` and `runtime`.
 */
export class ContextCore {
  private queue: Op[] = [];
  private current: SyncState | null = null;
  /** Set when the owning run() has finished: proxies can no longer queue work. */
  closed = false;

  constructor(readonly host: HostInternals) {}

  enqueue(op: Op): void {
    if (this.closed) {
      fail(
        "InvalidOperation",
        op.member,
        "The request context of this object has ended (its run() finished). Objects cannot be used across run() calls.",
      );
    }
    this.queue.push(op);
  }

  /** Queues a plain action on behalf of a proxy method. */
  action(member: string, args: unknown, write: boolean, apply: () => void): void {
    this.enqueue({ member, args, write, apply });
  }

  /** The sync in progress (for proxies delivering load results). */
  get syncing(): SyncState {
    if (!this.current) throw new Error("No sync in progress.");
    return this.current;
  }

  requireApi(member: string): void {
    this.host.checkedMembers.add(member);
    const needed = apiSetOf(member);
    if (!isSupported(this.host.apiVersion, needed)) {
      fail(
        "ApiNotFound",
        member,
        `${member} requires ExcelApi ${needed}; this Excel supports ExcelApi ${this.host.apiVersion}.`,
      );
    }
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    await this.roundTrip();
    if (ops.length === 0) return;
    const { stats, limits } = this.host;
    stats.syncs++;
    let requestBytes = MESSAGE_OVERHEAD;
    let writtenBytes = 0;
    for (const op of ops) {
      const argBytes = op.args === undefined ? 0 : jsonBytes(op.args);
      requestBytes += ACTION_OVERHEAD + op.member.length + argBytes;
      if (op.member === "Range.values" || op.member === "Range.formulas") writtenBytes += argBytes;
    }
    stats.requestBytes.push(requestBytes);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    if (limits === "web" && requestBytes > WEB_PAYLOAD_LIMIT) {
      this.countResponse(MESSAGE_OVERHEAD, requestBytes);
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit of ${WEB_PAYLOAD_LIMIT} bytes.`,
      );
    }
    const state = new SyncState();
    this.current = state;
    let error: FakeOfficeError | null = null;
    let changed = false;
    try {
      for (const op of ops) {
        try {
          this.requireApi(op.member);
          op.apply();
          changed ||= op.write;
        } catch (e) {
          error = asOfficeError(e, op.member);
          break;
        }
      }
    } finally {
      this.current = null;
    }
    this.countResponse(state.responseBytes, requestBytes);
    if (!error) {
      stats.bytesWritten += writtenBytes;
      stats.bytesRead += state.readBytes;
      stats.cellsRead += state.cellReads.reduce((a, b) => a + b, 0);
      stats.maxCellsPerRead = Math.max(stats.maxCellsPerRead, ...state.cellReads);
    }
    if (!error && limits === "web" && state.responseBytes > WEB_PAYLOAD_LIMIT) {
      error = new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${state.responseBytes} bytes) has exceeded the limit of ${WEB_PAYLOAD_LIMIT} bytes.`,
      );
    }
    stats.trace?.push({
      members: ops.map((op) => op.member),
      requestBytes,
      responseBytes: state.responseBytes,
    });
    if (!error) for (const deliver of state.deliveries) deliver();
    if (changed) this.host.notifyChanged();
    if (error) throw error;
  }

  /** Adds a load result to the current sync: counted now, visible to the proxy only on success. */
  deliver(values: Record<string, unknown>, onSuccess: () => void, cellProps?: Record<string, number>): void {
    const state = this.syncing;
    let bytes = RESULT_OVERHEAD;
    for (const [name, value] of Object.entries(values)) {
      const size = name.length + 3 + jsonBytes(value);
      bytes += size;
      if (cellProps && name in cellProps) {
        state.readBytes += size;
        state.cellReads.push(cellProps[name]);
      }
    }
    state.responseBytes += bytes;
    state.deliveries.push(onSuccess);
  }

  private countResponse(bytes: number, requestBytes: number): void {
    const { stats } = this.host;
    stats.responseBytes.push(bytes);
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, bytes);
    stats.bytesMoved += requestBytes + bytes;
  }

  private roundTrip(): Promise<void> {
    const ms = this.host.latencyMs;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }
}

function asOfficeError(e: unknown, member: string): FakeOfficeError {
  if (e instanceof FakeOfficeError) {
    if (!e.debugInfo.errorLocation) e.debugInfo.errorLocation = member;
    return e;
  }
  const message = e instanceof Error ? e.message : String(e);
  return new FakeOfficeError("GeneralException", `${member}: ${message}`, member);
}
