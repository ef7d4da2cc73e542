/**
 * What the add-in keeps in the workbook's settings (issues 4 and 6), as JSON. Settings fail to
 * persist on some hosts and may be edited or stale, so reading is tolerant: unusable input gives
 * null (rebuild from the sheet), and each damaged field falls back on its own.
 */
import { DEFAULT_SCORE_SETTINGS, SCORE_SIGNALS } from "./score";
import type { ScoreSettings, ScoreSignal } from "./score";

export interface StoredState {
  version: 1;
  score: ScoreSettings;
  /** Where the helper columns were written: sheet column of the first one and the header row (0-based). */
  helperColumns?: { firstColumn: number; headerRow: number };
  summarySheet?: string;
  aboutSheet?: string;
  /** Criteria the add-in applied, so Clear filters can leave the user's own filters alone. */
  filtersApplied?: { column: number; values: string[] }[];
  /** Header of the column that records the original row order before Sort by priority. */
  originalOrderColumn?: string;
  /** The add-in turned the sheet AutoFilter on (there was none), so Reset may turn it off again. */
  createdAutoFilter?: boolean;
  /** What Prepare for sellers changed, to put back on Reset. */
  prepared?: PreparedChanges;
}

export interface PreparedChanges {
  /** Rows frozen before (0 = none). */
  frozenRowsBefore: number;
  /** Column widths (points) before autofit, by sheet column index. */
  columnWidths: { column: number; width: number }[];
}

/** Weights above this are taken as a typo; the pane offers 0-100. */
const MAX_WEIGHT = 1000;
/** Excel's limit on a sheet name. */
const MAX_SHEET_NAME = 31;

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

function sheetName(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const name = v.trim();
  return name !== "" && name.length <= MAX_SHEET_NAME ? name : undefined;
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

  const helper = field(value, "helperColumns");
  if (isRecord(helper)) {
    const firstColumn = field(helper, "firstColumn");
    const headerRow = field(helper, "headerRow");
    if (isIndex(firstColumn) && isIndex(headerRow)) state.helperColumns = { firstColumn, headerRow };
  }

  const summarySheet = sheetName(field(value, "summarySheet"));
  if (summarySheet) state.summarySheet = summarySheet;
  const aboutSheet = sheetName(field(value, "aboutSheet"));
  if (aboutSheet) state.aboutSheet = aboutSheet;

  const filters = field(value, "filtersApplied");
  if (Array.isArray(filters)) {
    const valid: { column: number; values: string[] }[] = [];
    for (const entry of filters) {
      if (!isRecord(entry)) continue;
      const column = field(entry, "column");
      const values = field(entry, "values");
      if (!isIndex(column) || !Array.isArray(values)) continue;
      // Filter texts are exact display strings: keep them as they are, "" included.
      valid.push({ column, values: values.filter((v): v is string => typeof v === "string") });
    }
    state.filtersApplied = valid;
  }

  if (field(value, "createdAutoFilter") === true) state.createdAutoFilter = true;
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

  const orderColumn = field(value, "originalOrderColumn");
  if (typeof orderColumn === "string" && orderColumn.trim() !== "") state.originalOrderColumn = orderColumn;
  return state;
}
