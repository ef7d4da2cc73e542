/**
 * What the add-in keeps in the workbook's settings (issues 4 and 6), as JSON. Settings fail to
 * persist on some hosts and may be edited or stale, so reading is tolerant: unusable input gives
 * null (rebuild from the sheet), and each damaged field falls back on its own.
 */
import { DEFAULT_SCORE_SETTINGS, SCORE_SIGNALS } from "./score";
import type { ScoreSettings, ScoreSignal } from "./score";

/** What the add-in keeps for one report sheet. Every field here is read by some action. */
/** A filter the add-in set: a values list, or wildcard criteria proven to keep the same rows. */
export interface AppliedFilter {
  column: number;
  values: string[];
  custom?: { criterion1: string; criterion2?: string; operator?: "Or" | "And" };
}

export interface StoredState {
  version: 1;
  /** Products and weights of the Priority Score (Add helper columns, Analyze, About sheet). */
  score: ScoreSettings;
  /** Criteria the add-in applied, so Clear filters and Reset can leave the user's own filters alone. */
  filtersApplied?: AppliedFilter[];
  /** The add-in turned the sheet AutoFilter on (there was none), so Reset may turn it off again. */
  createdAutoFilter?: boolean;
  /** The user's AutoFilter range (0-based) before the add-in widened it, so Reset can put it back. */
  userFilterRange?: { row: number; column: number; rowCount: number; columnCount: number };
  /** What Prepare for sellers changed, to put back on Reset. */
  prepared?: PreparedChanges;
}

/**
 * The setting's JSON: one StoredState per report sheet, keyed by worksheet id (ids survive renames,
 * names don't), so Reset on one sheet never touches another's record.
 */
export interface StoredWorkbookState {
  version: 2;
  sheets: Record<string, StoredState>;
}

export interface PreparedChanges {
  /** Rows frozen before (0 = none). */
  frozenRowsBefore: number;
  /** Column widths (points) before autofit, by sheet column index. */
  columnWidths: { column: number; width: number }[];
}

/** Weights above this are taken as a typo; the pane offers 0-100. */
const MAX_WEIGHT = 1000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isIndex(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 1_048_576;
}

/** Reads one property without letting a throwing getter or proxy escape. */
function field(record: Record<string, unknown>, key: string): unknown {
  try {
    return record[key];
  } catch {
    return undefined;
  }
}

/**
 * Valid score settings from anything: product keys deduplicated (none -> "all"), each weight a
 * number 0-1000 (missing or invalid -> its default), all-zero weights -> the default weights.
 */
export function normaliseScoreSettings(s: unknown): ScoreSettings {
  const defaults = DEFAULT_SCORE_SETTINGS;
  if (!isRecord(s)) return { products: "all", weights: { ...defaults.weights } };

  let products: ScoreSettings["products"] = "all";
  const rawProducts = field(s, "products");
  if (Array.isArray(rawProducts)) {
    const keys = rawProducts.filter((p): p is string => typeof p === "string").map((p) => p.trim());
    const unique = [...new Set(keys.filter((k) => k !== ""))];
    if (unique.length > 0) products = unique;
  }

  const rawWeights = field(s, "weights");
  const weights = { ...defaults.weights };
  // Signals added later (trend) are absent from older stored settings: they take their default,
  // but do not turn "every weight 0" into "only the new signal counts".
  const absent = new Set<ScoreSignal>();
  if (isRecord(rawWeights)) {
    for (const signal of SCORE_SIGNALS) {
      const w = field(rawWeights, signal);
      if (w === undefined) absent.add(signal);
      if (typeof w === "number" && Number.isFinite(w) && w >= 0) weights[signal] = Math.min(w, MAX_WEIGHT);
    }
  }
  const allZero = SCORE_SIGNALS.every((signal: ScoreSignal) => weights[signal] === 0 || absent.has(signal));
  return { products, weights: allZero ? { ...defaults.weights } : weights };
}

/** Parses stored state from JSON text or an already parsed value. Never throws. */
export function parseStoredState(json: unknown): StoredState | null {
  let value = json;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!isRecord(value)) return null;
  // A later version may mean something else by the same fields: better rebuild than misread.
  const version = field(value, "version");
  if (version !== 1 && version !== undefined) return null;

  const state: StoredState = { version: 1, score: normaliseScoreSettings(field(value, "score")) };

  const filters = field(value, "filtersApplied");
  if (Array.isArray(filters)) {
    const valid: AppliedFilter[] = [];
    for (const entry of filters) {
      if (!isRecord(entry)) continue;
      const column = field(entry, "column");
      const values = field(entry, "values");
      if (!isIndex(column) || !Array.isArray(values)) continue;
      // Filter texts are exact display strings: keep them as they are, "" included.
      const applied: AppliedFilter = {
        column,
        values: values.filter((v): v is string => typeof v === "string"),
      };
      const custom = field(entry, "custom");
      if (isRecord(custom) && typeof field(custom, "criterion1") === "string") {
        const criterion2 = field(custom, "criterion2");
        const operator = field(custom, "operator");
        applied.custom = {
          criterion1: field(custom, "criterion1") as string,
          ...(typeof criterion2 === "string" ? { criterion2 } : {}),
          ...(operator === "Or" || operator === "And" ? { operator } : {}),
        };
      }
      valid.push(applied);
    }
    state.filtersApplied = valid;
  }

  if (field(value, "createdAutoFilter") === true) state.createdAutoFilter = true;
  const range = field(value, "userFilterRange");
  if (isRecord(range)) {
    const [row, column, rowCount, columnCount] = ["row", "column", "rowCount", "columnCount"].map((key) =>
      field(range, key),
    );
    if (
      isIndex(row) &&
      isIndex(column) &&
      isIndex(rowCount) &&
      isIndex(columnCount) &&
      rowCount > 0 &&
      columnCount > 0
    )
      state.userFilterRange = { row, column, rowCount, columnCount };
  }
  const prepared = field(value, "prepared");
  if (isRecord(prepared)) {
    const frozen = field(prepared, "frozenRowsBefore");
    const widths = field(prepared, "columnWidths");
    state.prepared = {
      frozenRowsBefore: isIndex(frozen) ? frozen : 0,
      columnWidths: (Array.isArray(widths) ? widths : []).flatMap((entry) => {
        if (!isRecord(entry)) return [];
        const column = field(entry, "column");
        const width = field(entry, "width");
        return isIndex(column) && typeof width === "number" && Number.isFinite(width) && width >= 0
          ? [{ column, width }]
          : [];
      }),
    };
  }
  return state;
}

/**
 * The per-sheet records from the setting's JSON. A version 1 record (one for the whole workbook,
 * written before records were per sheet) is returned as `legacy`: it belongs to whichever report
 * sheet asks first. Never throws.
 */
export function parseWorkbookState(json: unknown): {
  sheets: Record<string, StoredState>;
  legacy: StoredState | null;
} {
  let value = json;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return { sheets: {}, legacy: null };
    }
  }
  if (!isRecord(value)) return { sheets: {}, legacy: null };
  if (field(value, "version") !== 2) return { sheets: {}, legacy: parseStoredState(value) };
  const sheets: Record<string, StoredState> = {};
  const raw = field(value, "sheets");
  if (isRecord(raw)) {
    for (const id of Object.keys(raw)) {
      const state = parseStoredState(field(raw, id));
      if (state) sheets[id] = state;
    }
  }
  return { sheets, legacy: null };
}

/** The setting's JSON with one sheet's record replaced (or removed when null); other sheets' stay. */
export function withSheetState(
  sheets: Readonly<Record<string, StoredState>>,
  sheetId: string,
  state: StoredState | null,
): StoredWorkbookState {
  const next: Record<string, StoredState> = { ...sheets };
  if (state === null) delete next[sheetId];
  else next[sheetId] = state;
  return { version: 2, sheets: next };
}
