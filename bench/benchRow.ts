/**
 * What every action's row in `npm run bench -- --json FILE` holds, and how one click is measured:
 * the action, then what the pane runs after it (src/taskpane/usePane.ts): analyzeSheet when the card
 * or pane method passes refreshAfter: true, and describeWorkbook when it reads the check marks again.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { actions, type ActionDefinition, type ActionOutcome, type Session } from "../src/actions";
import { HEADER_SEARCH_ROWS, SAMPLE_ROWS } from "../src/domain/headers";
import type { CellValue } from "../src/domain/types";
import { cellJsonBytes } from "../src/excel/payload";
import type { FakeExcel } from "../src/preview/fake-excel";

export interface BenchRow {
  rows: number;
  action: string;
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  bytesMoved: number;
  bytesRead: number;
  neededBytes: number;
  maxCellsPerRead: number;
  domainMs: number;
  papaparseMs: number;
  peakRssMb: number;
  longestBlockMs: number;
  /** Bytes the action cannot avoid moving: the needed reads plus the cells it must write. */
  floorBytes: number;
  /** Time the pane waited for the click (action, refresh and describe) against the in-memory Excel. */
  wallMs: number;
  /** The cost model: syncs x 0.25 s + bytes moved / (4 MB/s). */
  estimatedWebSeconds: number;
}

export const ROUND_TRIP_SECONDS = 0.25;
export const WEB_BYTES_PER_SECOND = 4 * 1024 * 1024;
export const MB = 1024 * 1024;

export function estimatedWebSeconds(syncs: number, bytesMoved: number): number {
  return Math.round((syncs * ROUND_TRIP_SECONDS + bytesMoved / WEB_BYTES_PER_SECOND) * 100) / 100;
}

const as = (action: unknown) => action as ActionDefinition<never, unknown>;

/**
 * What the pane runs after an action finished (src/taskpane/usePane.ts `run`): `refresh` when it passes
 * refreshAfter: true (the feature cards: the sheet is analysed again); `describe` when the check marks
 * are read again (progressAfter "read": Analyze and the feature cards). Filters, helper columns, Sort,
 * summaries, Prepare, Reset and Compare (usePane's UPDATED_FROM_RESULT) update the pane from their own
 * result instead.
 */
export interface AfterClick {
  refresh: boolean;
  describe: boolean;
}

/** A feature card (runAction with refreshAfter: true) whose action is not in UPDATED_FROM_RESULT. */
export const REFRESH_AND_DESCRIBE: AfterClick = { refresh: true, describe: true };

/** An action the pane updates itself from: the click is the action alone. */
export const FROM_RESULT: AfterClick = { refresh: false, describe: false };

/** One click as the pane makes it: the action, then what usePane runs after it (AfterClick). */
export async function paneClick(
  session: Session,
  action: unknown,
  input: unknown,
  after: AfterClick,
): Promise<ActionOutcome<unknown>> {
  const outcome = await session.run(as(action), input as never);
  if (outcome.status !== "done") return outcome;
  if (action === actions.analyzeSheet) knownHeaderRow.set(session, headerRowOf(outcome));
  if (after.refresh)
    knownHeaderRow.set(session, headerRowOf(await session.run(as(actions.analyzeSheet), undefined as never)));
  if (!after.describe) return outcome;
  // As the pane does: describe reads the header row the pane knows (from its last analysis).
  const headerRowNumber = knownHeaderRow.get(session);
  await session.run(
    as(actions.describeWorkbook),
    (headerRowNumber === undefined ? undefined : { headerRowNumber }) as never,
  );
  return outcome;
}

/** The header row of the report the pane shows, per session: what its last analysis found. */
const knownHeaderRow = new WeakMap<Session, number | undefined>();

function headerRowOf(outcome: ActionOutcome<unknown>): number | undefined {
  return outcome.status === "done"
    ? (outcome.data as { headerRowNumber?: number }).headerRowNumber
    : undefined;
}

export interface ClickFigures {
  outcome: ActionOutcome<unknown>;
  wallMs: number;
  longestBlockMs: number;
  peakRssMb: number;
}

/** Runs one click with fresh stats, timing it and watching the event loop and memory. */
export async function measureClick(
  fake: FakeExcel,
  click: () => Promise<ActionOutcome<unknown>>,
): Promise<ClickFigures> {
  fake.resetStats();
  let peakRss = process.memoryUsage().rss;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const timer = setInterval(sample, 50);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  const outcome = await click();
  const wallMs = performance.now() - started;
  loop.disable();
  clearInterval(timer);
  sample();
  return {
    outcome,
    wallMs: Math.round(wallMs),
    longestBlockMs: Math.round(loop.max / 1e6),
    peakRssMb: Math.round(peakRss / MB),
  };
}

/** A BenchRow from the fake's stats after a measured click. */
export function benchRow(
  fake: FakeExcel,
  figures: ClickFigures,
  fields: {
    rows: number;
    action: string;
    neededBytes: number;
    floorBytes: number;
    domainMs: number;
    papaparseMs: number;
  },
): BenchRow {
  const s = fake.stats;
  return {
    rows: fields.rows,
    action: fields.action,
    syncs: s.syncs,
    maxRequestBytes: s.maxRequestBytes,
    maxResponseBytes: s.maxResponseBytes,
    bytesMoved: s.bytesMoved,
    bytesRead: s.bytesRead,
    neededBytes: fields.neededBytes,
    maxCellsPerRead: s.maxCellsPerRead,
    domainMs: Math.round(fields.domainMs * 10) / 10,
    papaparseMs: Math.round(fields.papaparseMs),
    peakRssMb: figures.peakRssMb,
    longestBlockMs: figures.longestBlockMs,
    floorBytes: fields.floorBytes,
    wallMs: figures.wallMs,
    estimatedWebSeconds: estimatedWebSeconds(s.syncs, s.bytesMoved),
  };
}

/** JSON bytes of the header block every action reads to find the report: its first rows, every column. */
export function headerBlockBytes(rows: readonly (readonly CellValue[])[]): number {
  let bytes = 0;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS + SAMPLE_ROWS))
    for (const cell of row) bytes += cellJsonBytes(cell);
  return bytes;
}

/** JSON bytes of the given columns below the header row. */
export function columnBytes(
  rows: readonly (readonly CellValue[])[],
  headerRow: number,
  columns: readonly number[],
): number {
  let bytes = 0;
  for (let r = headerRow + 1; r < rows.length; r++)
    for (const c of columns) bytes += cellJsonBytes(rows[r][c]);
  return bytes;
}
