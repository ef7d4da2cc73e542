/**
 * Helper columns (issue 4): Best Cluster, Cluster Band, Top Products, Priority Score, Score Reasons.
 * One pass over the columns the score needs; text parsing is memoised because report columns repeat
 * a handful of distinct texts across tens of thousands of rows.
 */
import { BLANK_BAND_RANK, bandRank, clusterBand } from "./bands";
import { inferDateOrder, inferDecimalMark } from "./columnFormats";
import { locateColumnGroup } from "./columnGroups";
import { CLUSTERS } from "./types";
import type {
  CellValue,
  Cluster,
  ClusterBand,
  ColumnValues,
  ProductColumns,
  ReportLayout,
  ScoreBand,
} from "./types";
import {
  cleanText,
  isBlank,
  parseCluster,
  parseDate,
  parseMoney,
  parseScore,
  parseSizeTier,
  parseYesNo,
  scoreBand,
} from "./values";
import type { DecimalMark, SizeTier } from "./values";

export const HELPER_HEADERS = [
  "Best Cluster",
  "Cluster Band",
  "Top Products",
  "Priority Score",
  "Score Reasons",
] as const;

export type ScoreSignal = "band" | "breadth" | "size" | "value" | "recency" | "trend";
export const SCORE_SIGNALS: readonly ScoreSignal[] = ["band", "breadth", "size", "value", "recency", "trend"];

/** What each signal means, for the pane and the About sheet. */
export const SCORE_SIGNAL_LABELS: Record<ScoreSignal, string> = {
  band: "best cluster band",
  breadth: "share of products at Act Now or Evaluate",
  size: "company size",
  value: "potential revenue (renewal: expiring revenue and days to agreement end)",
  recency: "transacted in the last 36 months",
  trend: "change since last month (Compare with last month: Up, Same or New, Down)",
};

export interface ScoreSettings {
  /** Product keys as in ProductColumns.key, or every product in the report. */
  products: string[] | "all";
  weights: Record<ScoreSignal, number>;
}

export const DEFAULT_SCORE_SETTINGS: ScoreSettings = {
  products: "all",
  weights: { band: 60, breadth: 10, size: 10, value: 10, recency: 10, trend: 5 },
};

export interface HelperRow {
  bestCluster: Cluster | "";
  band: ClusterBand | "";
  topProducts: string;
  score: number | "";
  reasons: string;
}

export interface HelperComputation {
  rows: HelperRow[];
  /** Cluster cells (of the chosen products) whose fit puts them in another cluster of the matrix. */
  disagreements: number;
  /** Signals whose columns are in the file and whose weight is above 0. */
  signalsUsed: ScoreSignal[];
  /** Signals whose columns are not in the file (dropped; the others are re-weighted). */
  signalsMissing: ScoreSignal[];
  warnings: string[];
}

const SIZE_SCORE: Record<SizeTier, number> = { "Upper Medium": 1, Medium: 0.6, Small: 0.3 };

/** Days to agreement end at which the renewal urgency halves. */
const RENEWAL_HALF_LIFE_DAYS = 90;
const DAY_MS = 86_400_000;

/** Products the settings choose, in report order; every product when the choice matches none. */
function chosenProducts(
  layout: ReportLayout,
  settings: ScoreSettings,
): { products: ProductColumns[]; fellBack: boolean } {
  if (settings.products === "all") return { products: layout.products, fellBack: false };
  const wanted = new Set(settings.products);
  const products = layout.products.filter((p) => wanted.has(p.key));
  if (products.length === 0 && layout.products.length > 0)
    return { products: layout.products, fellBack: true };
  return { products, fellBack: false };
}

export type Change = "New" | "Up" | "Down" | "Same";
/** Trend signal (issue 13): moving up scores best; a new customer or an unread change is neutral. */
const TREND_SCORE: Record<Change, number> = { Up: 1, Same: 0.5, Down: 0, New: 0.5 };
const NEUTRAL_TREND = 0.5;
const CHANGE_BY_FOLDED: ReadonlyMap<string, Change> = new Map([
  ["new", "New"],
  ["up", "Up"],
  ["down", "Down"],
  ["same", "Same"],
]);

/** The Last Month and Change columns Compare with last month writes (COLUMN_GROUPS.lastMonth), when present. */
export function lastMonthColumns(layout: ReportLayout): { lastMonth: number; change: number } | null {
  const start = locateColumnGroup(layout.rawHeaders ?? [], "lastMonth");
  return start === null ? null : { lastMonth: start, change: start + 1 };
}

const changeOf = memoised((v) => CHANGE_BY_FOLDED.get(cleanText(v).toLowerCase()) ?? null);
const lastMonthCluster = memoised((v) => parseCluster(v) ?? null);

/** "up from Evaluate", "down from Act Now", "new this month"; nothing for Same (no news). */
function describeTrend(change: Change, from: Cluster | null): string {
  switch (change) {
    case "Up":
      return from ? `up from ${from}` : "up since last month";
    case "Down":
      return from ? `down from ${from}` : "down since last month";
    case "New":
      return "new this month";
    case "Same":
      return "";
  }
}

function isRenewal(layout: ReportLayout): boolean {
  return layout.roles.expiringRevenue !== undefined || layout.roles.agreementEndDate !== undefined;
}

/** Sorted unique column indexes the helper columns read. */
export function helperColumnsNeeded(layout: ReportLayout, settings: ScoreSettings): number[] {
  const columns = new Set<number>();
  const add = (c: number | undefined) => {
    if (c !== undefined && Number.isInteger(c) && c >= 0) columns.add(c);
  };
  for (const p of chosenProducts(layout, settings).products) {
    add(p.cluster);
    add(p.fit);
    add(p.intent);
    add(p.potentialRevenue);
  }
  const { roles } = layout;
  add(roles.subSegment);
  add(roles.orgSize);
  add(roles.transacted36);
  add(roles.expiringRevenue);
  add(roles.agreementEndDate);
  const trend = lastMonthColumns(layout);
  if (trend) {
    add(trend.lastMonth);
    add(trend.change);
  }
  // One identity column tells an empty spacer row from a customer without any score.
  add(roles.accountName ?? roles.customerId ?? roles.tpid);
  return [...columns].sort((a, b) => a - b);
}

/** Memoise a parser for text cells; numbers and booleans are cheap to parse directly. */
function memoised<T>(parse: (v: unknown) => T): (v: CellValue | undefined) => T {
  const cache = new Map<string, T>();
  return (v) => {
    if (typeof v !== "string") return parse(v);
    let hit = cache.get(v);
    if (hit === undefined && !cache.has(v)) {
      if (cache.size > 50_000) cache.clear();
      hit = parse(v);
      cache.set(v, hit);
    }
    return hit as T;
  };
}

/** Sum of weights must be positive over the signals present; otherwise the default model applies. */
function effectiveWeights(
  settings: ScoreSettings,
  present: ReadonlySet<ScoreSignal>,
): { weights: Record<ScoreSignal, number>; fellBack: boolean } {
  const weights = { ...DEFAULT_SCORE_SETTINGS.weights };
  for (const signal of SCORE_SIGNALS) {
    const w = settings.weights?.[signal];
    weights[signal] = typeof w === "number" && Number.isFinite(w) && w > 0 ? w : 0;
  }
  const presentTotal = SCORE_SIGNALS.reduce((sum, s) => sum + (present.has(s) ? weights[s] : 0), 0);
  if (presentTotal > 0) return { weights, fellBack: false };
  const anyWeight = SCORE_SIGNALS.some((s) => weights[s] > 0);
  return { weights: { ...DEFAULT_SCORE_SETTINGS.weights }, fellBack: anyWeight };
}

/**
 * Percentile of each value among the known values (mid-rank for ties), in [0, 1]. Only a row's own
 * value moves its percentile, and upwards when it rises. Unknown values score 0.
 */
function percentiles(values: Float64Array): Float64Array {
  // A plain loop: TypedArray.prototype.filter is slow in V8 for 100k elements.
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) count++;
  const known = new Float64Array(count);
  for (let i = 0, k = 0; i < values.length; i++) if (!Number.isNaN(values[i])) known[k++] = values[i];
  known.sort();
  const result = new Float64Array(values.length);
  const n = known.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (n === 1) {
      result[i] = v > 0 ? 1 : 0;
      continue;
    }
    const below = lowerBound(known, v);
    const equalOthers = endOfRun(known, below) - below - 1;
    result[i] = (below + equalOthers / 2) / (n - 1);
  }
  return result;
}

/** First index whose value is >= v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** End (exclusive) of the run of values equal to sorted[start]; galloping, as most runs are 1 long. */
function endOfRun(sorted: Float64Array, start: number): number {
  const v = sorted[start];
  let step = 1;
  let lo = start; // sorted[lo] === v
  while (lo + step < sorted.length && sorted[lo + step] === v) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(lo + step, sorted.length); // sorted[hi] !== v, or the end
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === v) lo = mid;
    else hi = mid;
  }
  return lo + 1;
}

/** "$950", "$25K", "$1.5K", "$1.2M": short enough for a reasons cell. */
export function formatMoneyShort(amount: number): string {
  if (!Number.isFinite(amount)) return "";
  const sign = amount < 0 ? "-" : "";
  const a = Math.abs(amount);
  if (a >= 1e9) return sign + "$" + oneDecimalBelowTen(a / 1e9) + "B";
  if (a >= 1e6) return sign + "$" + oneDecimalBelowTen(a / 1e6) + "M";
  if (a >= 1e3) return sign + "$" + oneDecimalBelowTen(a / 1e3) + "K";
  return sign + "$" + Math.round(a);
}

/** 1.5 stays 1.5, 25.4 becomes 25: one decimal only where it changes the picture. */
function oneDecimalBelowTen(n: number): number {
  return n >= 10 ? Math.round(n) : Math.round(n * 10) / 10;
}

interface BandResult {
  band: ClusterBand;
  disagrees: boolean;
  rank: number;
}

const LEVELS: readonly (ScoreBand | null)[] = ["High", "Medium", "Low", "Very Low", null];
const NO_LEVEL = LEVELS.length - 1;

/**
 * clusterBand for every (cluster, fit, intent), computed once and indexed by position in CLUSTERS
 * and LEVELS: the row loop then does no allocation or string work for bands.
 */
const BAND_TABLE: readonly BandResult[] = CLUSTERS.flatMap((cluster) =>
  LEVELS.flatMap((fit) =>
    LEVELS.map((intent) => {
      const { band, disagrees } = clusterBand(cluster, fit, intent);
      return { band, disagrees, rank: bandRank(band) };
    }),
  ),
);

const bandIndex = (cluster: number, fit: number, intent: number) =>
  (cluster * LEVELS.length + fit) * LEVELS.length + intent;

const REASON_SEPARATOR = " · ";

function withReason(reasons: string, part: string): string {
  if (!part) return reasons;
  return reasons ? reasons + REASON_SEPARATOR + part : part;
}

const BLANK_ROW: HelperRow = Object.freeze({
  bestCluster: "",
  band: "",
  topProducts: "",
  score: "",
  reasons: "",
});

interface ProductReaders {
  product: ProductColumns;
  cluster: readonly CellValue[] | undefined;
  fit: readonly CellValue[] | undefined;
  intent: readonly CellValue[] | undefined;
  revenue: readonly CellValue[] | undefined;
}

/** Rows computed between two pauses of helperRowsInSteps: well under 100 ms of work. */
export const HELPER_ROWS_PER_STEP = 20_000;

/** Helper columns for every data row, computed in one go. */
export function computeHelperRows(
  layout: ReportLayout,
  data: ColumnValues,
  rowCount: number,
  settings: ScoreSettings,
  today: Date,
): HelperComputation {
  const steps = helperRowsInSteps(layout, data, rowCount, settings, today);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same computation, pausing (yielding the rows done) every HELPER_ROWS_PER_STEP rows, so a
 * caller can hand the thread back to the host between steps on very large reports.
 */
export function* helperRowsInSteps(
  layout: ReportLayout,
  data: ColumnValues,
  rowCount: number,
  settings: ScoreSettings,
  today: Date,
): Generator<number, HelperComputation, void> {
  const warnings: string[] = [];
  const rows = Math.max(0, Math.floor(Number.isFinite(rowCount) ? rowCount : 0));
  const col = (c: number | undefined) => (c === undefined ? undefined : data.get(c));
  const { products, fellBack } = chosenProducts(layout, settings);
  if (fellBack) warnings.push("None of the chosen products is in this report, so every product was used.");
  if (products.length === 0)
    warnings.push("No cluster column was found, so Best Cluster and Cluster Band are blank.");

  const readers: ProductReaders[] = products.map((product) => ({
    product,
    cluster: col(product.cluster),
    fit: col(product.fit),
    intent: col(product.intent),
    revenue: col(product.potentialRevenue),
  }));
  const { roles } = layout;
  const subSegment = col(roles.subSegment);
  const orgSize = col(roles.orgSize);
  const transacted = col(roles.transacted36);
  const trendColumns = lastMonthColumns(layout);
  const lastMonth = trendColumns ? col(trendColumns.lastMonth) : undefined;
  const changeColumn = trendColumns ? col(trendColumns.change) : undefined;
  const renewal = isRenewal(layout);
  const expiring = col(roles.expiringRevenue);
  const endDate = col(roles.agreementEndDate);
  const neededColumns = helperColumnsNeeded(layout, settings).map((c) => data.get(c));

  const present = new Set<ScoreSignal>();
  if (products.length > 0) present.add("band").add("breadth");
  if (roles.subSegment !== undefined || roles.orgSize !== undefined) present.add("size");
  if (renewal || products.some((p) => p.potentialRevenue !== undefined)) present.add("value");
  if (roles.transacted36 !== undefined) present.add("recency");
  if (trendColumns) present.add("trend");
  const signalsMissing = SCORE_SIGNALS.filter((s) => !present.has(s));
  const { weights, fellBack: weightsFellBack } = effectiveWeights(settings, present);
  if (weightsFellBack)
    warnings.push(
      "The chosen weights give no weight to any signal in this report; the default weights were used.",
    );
  const signalsUsed = SCORE_SIGNALS.filter((s) => present.has(s) && weights[s] > 0);
  const totalWeight = signalsUsed.reduce((sum, s) => sum + weights[s], 0);
  // Weights of the signals in use; the others contribute nothing.
  const w: Record<ScoreSignal, number> = { band: 0, breadth: 0, size: 0, value: 0, recency: 0, trend: 0 };
  for (const s of signalsUsed) w[s] = weights[s];

  const clusterIndex = memoised((v) => {
    const c = parseCluster(v);
    return c ? CLUSTERS.indexOf(c) : -1;
  });
  // Text numbers and dates are read the way their column writes them (columnFormats.ts).
  const levelReaders = new Map<DecimalMark | undefined, (v: CellValue | undefined) => number>();
  const levelReader = (values: readonly CellValue[] | undefined) => {
    const mark = inferDecimalMark(values).decimalMark;
    let levelText = levelReaders.get(mark);
    if (!levelText) {
      levelText = memoised((v) => {
        const band = parseScore(v, mark)?.band;
        return band ? LEVELS.indexOf(band) : NO_LEVEL;
      });
      levelReaders.set(mark, levelText);
    }
    const text = levelText;
    // Fit and intent are mostly numbers: band them without allocating.
    return (v: CellValue | undefined) =>
      typeof v === "number" ? (v >= 0 && v <= 100 ? LEVELS.indexOf(scoreBand(v)) : NO_LEVEL) : text(v);
  };
  const moneyReaders = new Map<DecimalMark | undefined, (v: CellValue | undefined) => number | null>();
  const moneyReader = (values: readonly CellValue[] | undefined) => {
    const mark = inferDecimalMark(values).decimalMark;
    let moneyText = moneyReaders.get(mark);
    if (!moneyText) {
      moneyText = memoised((v) => parseMoney(v, mark)?.value ?? null);
      moneyReaders.set(mark, moneyText);
    }
    const text = moneyText;
    return (v: CellValue | undefined) => (typeof v === "number" ? (Number.isFinite(v) ? v : null) : text(v));
  };
  const expiringMoney = moneyReader(expiring);
  const productMoney: ((v: CellValue | undefined) => number | null)[] = [];
  const fitLevel: ((v: CellValue | undefined) => number)[] = [];
  const intentLevel: ((v: CellValue | undefined) => number)[] = [];
  for (const reader of readers) {
    // Each column's format is judged on all its rows: pause between columns.
    yield 0;
    productMoney.push(moneyReader(reader.revenue));
    fitLevel.push(levelReader(reader.fit));
    intentLevel.push(levelReader(reader.intent));
  }
  const segmentTier = memoised((v) => parseSizeTier(v));
  const orgSizeTier = memoised((v) => parseSizeTier("", v));
  const yes = memoised(parseYesNo);
  const endDateOrder = inferDateOrder(endDate).dateOrder;
  const date = memoised((v) => parseDate(v, endDateOrder));

  const blank = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    if (r > 0 && r % HELPER_ROWS_PER_STEP === 0) yield r;
    blank[r] = neededColumns.every((values) => values === undefined || isBlank(values[r])) ? 1 : 0;
  }

  // Value: percentile of revenue among the non-blank rows (renewal: expiring revenue).
  // NaN marks a row without any revenue figure.
  const revenue = new Float64Array(rows).fill(NaN);
  for (let r = 0; r < rows; r++) {
    if (r > 0 && r % HELPER_ROWS_PER_STEP === 0) yield r;
    if (blank[r]) continue;
    if (renewal) {
      revenue[r] = (expiring ? expiringMoney(expiring[r]) : null) ?? NaN;
    } else {
      let sum = NaN;
      for (let i = 0; i < readers.length; i++) {
        const reader = readers[i];
        const v = reader.revenue ? productMoney[i](reader.revenue[r]) : null;
        if (v !== null) sum = Number.isNaN(sum) ? v : sum + v;
      }
      revenue[r] = sum;
    }
  }
  const revenueScore = percentiles(revenue);
  const todayUtc = Math.floor(today.getTime() / DAY_MS);

  let disagreements = 0;
  const out: HelperRow[] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    if (r > 0 && r % HELPER_ROWS_PER_STEP === 0) yield r;
    if (blank[r]) {
      out[r] = { ...BLANK_ROW };
      continue;
    }
    let bestRank = BLANK_BAND_RANK;
    let bestBand: ClusterBand | "" = "";
    let bestCluster: Cluster | "" = "";
    // Labels of the products at the best band, for the column (", ") and the reasons (" & ").
    let topProducts = "";
    let topReason = "";
    let activeProducts = 0;
    for (let i = 0; i < readers.length; i++) {
      const reader = readers[i];
      const c = reader.cluster ? clusterIndex(reader.cluster[r]) : -1;
      if (c < 0) continue;
      const fit = reader.fit ? fitLevel[i](reader.fit[r]) : NO_LEVEL;
      const intent = reader.intent ? intentLevel[i](reader.intent[r]) : NO_LEVEL;
      const result = BAND_TABLE[bandIndex(c, fit, intent)];
      if (result.disagrees) disagreements++;
      // CLUSTERS order: Act Now, Evaluate, Nurture, Educate.
      if (c <= 1) activeProducts++;
      const rank = result.rank;
      if (rank < bestRank) {
        bestRank = rank;
        bestBand = result.band;
        bestCluster = CLUSTERS[c];
        topProducts = topReason = reader.product.label;
      } else if (rank === bestRank) {
        topProducts += ", " + reader.product.label;
        topReason += " & " + reader.product.label;
      }
    }

    const change = changeColumn ? changeOf(changeColumn[r]) : null;
    const sizeTier =
      (subSegment ? segmentTier(subSegment[r]) : null) ?? (orgSize ? orgSizeTier(orgSize[r]) : null);
    const transactedYes = transacted ? yes(transacted[r]) === true : false;
    // undefined: no end date column; null: this row's date is blank or unreadable.
    let daysToEnd: number | null | undefined;
    if (endDate) {
      const end = date(endDate[r]);
      daysToEnd = end ? Math.floor(end.getTime() / DAY_MS) - todayUtc : null;
    }

    const weighted =
      w.band * (bestBand ? 1 - bestRank / BLANK_BAND_RANK : 0) +
      w.breadth * (readers.length > 0 ? activeProducts / readers.length : 0) +
      w.size * (sizeTier ? SIZE_SCORE[sizeTier] : 0) +
      w.value * (renewal ? renewalValue(expiring ? revenueScore[r] : null, daysToEnd) : revenueScore[r]) +
      w.recency * (transactedYes ? 1 : 0) +
      w.trend * (change ? TREND_SCORE[change] : NEUTRAL_TREND);
    const score =
      totalWeight > 0 ? Math.min(100, Math.max(0, Math.round((100 * weighted) / totalWeight))) : 0;

    // Plain concatenation: this runs once per row of a 100k-row report.
    let reasons = bestBand ? topReason + " " + bestBand : readers.length > 0 ? "no product scored" : "";
    if (activeProducts > 1) reasons = withReason(reasons, activeProducts + " products at Act Now/Evaluate");
    if (sizeTier) reasons = withReason(reasons, sizeTier);
    const amount = Number.isNaN(revenue[r]) ? null : revenue[r];
    if (renewal) reasons = withReason(reasons, describeRenewal(amount, daysToEnd));
    else if (amount !== null && amount !== 0)
      reasons = withReason(reasons, formatMoneyShort(amount) + " potential");
    if (transactedYes) reasons = withReason(reasons, "transacted ≤36 months");
    if (change && trendColumns)
      reasons = withReason(reasons, describeTrend(change, lastMonthCluster(lastMonth?.[r])));

    out[r] = { bestCluster, band: bestBand, topProducts, score, reasons };
  }

  if (disagreements > 0) {
    warnings.push(
      `${disagreements} cluster ${disagreements === 1 ? "cell disagrees" : "cells disagree"} with the fit score; ` +
        "the report's cluster was kept; a fit below the cluster shows only the cluster code, a fit above it " +
        "ranks with the cluster's own cells.",
    );
  }
  // Trend needs Compare with last month first: its absence is the normal case, not news.
  const missingToTell = signalsMissing.filter((s) => s !== "trend");
  if (missingToTell.length > 0) {
    warnings.push(`Not in this report: ${missingToTell.join(", ")}. The score re-weights the other signals.`);
  }
  return { rows: out, disagreements, signalsUsed, signalsMissing, warnings };
}

/**
 * Days after the agreement end during which the renewal can still be won: urgency falls from its
 * highest value at the end date to 0 over this window instead of dropping to 0 the next day.
 */
export const RENEWAL_GRACE_DAYS = 30;
/**
 * Urgency of an agreement whose end date is unknown: as for one ending in 270 days. Below any
 * agreement ending in the next months, above one that ended beyond the grace window (lost).
 */
export const UNKNOWN_END_URGENCY = 0.25;

/** 1 at the end date, halving every RENEWAL_HALF_LIFE_DAYS before it, linear to 0 over the grace window after it. */
export function renewalUrgency(daysToEnd: number | null): number {
  if (daysToEnd === null) return UNKNOWN_END_URGENCY;
  if (daysToEnd >= 0) return 1 / (1 + daysToEnd / RENEWAL_HALF_LIFE_DAYS);
  return Math.max(0, (RENEWAL_GRACE_DAYS + daysToEnd) / RENEWAL_GRACE_DAYS);
}

/**
 * Renewal value: mean of the expiring-revenue percentile (null: no such column) and the urgency of
 * the agreement end (undefined: no such column; null: no readable date).
 */
function renewalValue(revenuePercentile: number | null, daysToEnd: number | null | undefined): number {
  const parts: number[] = [];
  if (revenuePercentile !== null) parts.push(revenuePercentile);
  if (daysToEnd !== undefined) parts.push(renewalUrgency(daysToEnd));
  return parts.length > 0 ? parts.reduce((a, b) => a + b, 0) / parts.length : 0;
}

function describeRenewal(amount: number | null, daysToEnd: number | null | undefined): string {
  const money = amount !== null && amount !== 0 ? `${formatMoneyShort(amount)} expiring` : "";
  if (daysToEnd === undefined) return money;
  let when: string;
  if (daysToEnd === null) when = "end date unknown";
  else if (daysToEnd < -RENEWAL_GRACE_DAYS) when = "agreement ended";
  else if (daysToEnd < 0) when = `agreement ended ${-daysToEnd} ${daysToEnd === -1 ? "day" : "days"} ago`;
  else if (daysToEnd === 0) when = "agreement ends today";
  else when = `agreement ends in ${daysToEnd} ${daysToEnd === 1 ? "day" : "days"}`;
  if (!money) return when;
  // "$12K expiring in 45 days" reads better than "$12K expiring · agreement ends in 45 days".
  return daysToEnd !== null && daysToEnd >= 0
    ? `${money} ${when.replace("agreement ends ", "")}`
    : `${money} · ${when}`;
}
