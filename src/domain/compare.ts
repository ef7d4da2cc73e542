/**
 * Compare with last month (issue 13): match this month's customers to last month's report by one key,
 * then say per customer what changed (Last Month, Change, Change Details) and, for the What Changed
 * sheet, how many moved between clusters per product, who is new and who is no longer in the report.
 * Pure: both reports arrive as a layout plus the columns read from them.
 */
import { REPORT_TYPE_LABELS } from "./reportType";
import type { CellValue, Cluster, ColumnValues, ProductColumns, ReportLayout } from "./types";
import { CLUSTERS } from "./types";
import { cleanText, isBlank, parseCluster } from "./values";

/** Identity columns a comparison can match on, in the order they are tried. */
export type MatchKey = "customerId" | "tpid" | "domain" | "accountName";
export const MATCH_KEYS: readonly MatchKey[] = ["customerId", "tpid", "domain", "accountName"];
export const MATCH_KEY_LABELS: Readonly<Record<MatchKey, string>> = {
  customerId: "Customer ID",
  tpid: "TPID",
  domain: "Domain",
  accountName: "account name",
};

export type Change = "New" | "Up" | "Down" | "Same";

/** Best cluster first: Act Now > Evaluate > Nurture > Educate > none. */
const RANK: Readonly<Record<Cluster, number>> = { "Act Now": 4, Evaluate: 3, Nurture: 2, Educate: 1 };

/** One side of the comparison: a layout and the columns read for it (data rows only). */
export interface ReportSide {
  layout: ReportLayout;
  columns: ColumnValues;
  rowCount: number;
}

/** What the Last Month group holds for one row of this month's report. */
export interface LastMonthRow {
  /** Last month's best cluster across the compared products; "" for a new or unmatched customer. */
  lastMonth: Cluster | "";
  /** "" when the row is blank or was not compared (duplicated or missing key). */
  change: Change | "";
  details: string;
}

/** "From" rows of a transition table: the four clusters, no cluster, and new customers. */
export const FROM_LABELS = [...CLUSTERS, "No cluster", "New"] as const;
/** "To" columns of a transition table: the four clusters, no cluster, and customers gone. */
export const TO_LABELS = [...CLUSTERS, "No cluster", "Gone"] as const;

export interface ProductTransitions {
  key: string;
  label: string;
  /** counts[from][to], indexes as in FROM_LABELS and TO_LABELS. */
  counts: number[][];
}

export interface GoneCustomer {
  /** 0-based data row of last month's report (below its header). */
  row: number;
  name: string;
  /** The key value as last month's report showed it. */
  key: string;
  /** Best cluster last month across the compared products ("" when none). */
  lastCluster: Cluster | "";
  /** Per product, e.g. "Microsoft 365: Evaluate; Azure: Nurture". */
  byProduct: string;
}

export interface DuplicateKeys {
  /** Distinct key values that appear more than once. */
  keys: number;
  /** Rows carrying one of them (left unmatched). */
  rows: number;
  /** A few of them, as shown in the report. */
  examples: string[];
}

export interface Comparison {
  key: MatchKey;
  keyLabel: string;
  /** Compared products (chosen and present in both reports), this month's labels. */
  products: { key: string; label: string }[];
  /** Chosen products only one of the reports has (left out). */
  productsOnlyThisMonth: string[];
  productsOnlyLastMonth: string[];
  /** Rows of this month's report with a key value. */
  customers: number;
  lastMonthCustomers: number;
  matched: number;
  /** matched / customers (0 when there are no customers). */
  matchRate: number;
  newCustomers: number;
  gone: GoneCustomer[];
  /** Matched customers by Change. */
  changes: Record<Exclude<Change, "New">, number>;
  duplicatesThisMonth: DuplicateKeys;
  duplicatesLastMonth: DuplicateKeys;
  /** This month's rows with no key value but other data (not compared). */
  rowsWithoutKey: number;
  transitions: ProductTransitions[];
  /** One per data row of this month's report. */
  rows: LastMonthRow[];
}

// ---- keys -----------------------------------------------------------------------------------

/** A formula-like name as a messy file holds it: =HYPERLINK("...","Name") -> Name; +Name -> Name. */
function unformula(text: string): string {
  const hyperlink = /^=\s*HYPERLINK\s*\(.*,\s*"([^"]*)"\s*\)\s*$/i.exec(text);
  if (hyperlink) return hyperlink[1];
  return text.replace(/^[=+\-@]+/, "");
}

/**
 * Account name folded: accents, case, punctuation, "&" vs "and". Legal suffixes are kept: "Contoso Ltd"
 * and "Contoso GmbH" are different customers, and a key must never join two of them.
 */
export function normaliseAccountName(v: unknown): string {
  const text = unformula(cleanText(v))
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return text.replace(/ +/g, " ");
}

/** Domain folded: scheme, "www.", path, port, an e-mail's user part and a trailing dot removed. */
export function normaliseDomain(v: unknown): string {
  let text = cleanText(v).toLowerCase();
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  text = text.replace(/^.*@/, "");
  text = text.replace(/[/?#:].*$/, "");
  text = text.replace(/^www\d*\./, "").replace(/\.+$/, "");
  return text;
}

/** An id folded: case (GUIDs), braces and surrounding spaces; numbers as Excel shows them. */
const PLAIN_ID = /^[0-9a-z][0-9a-z-]*$/;

function normaliseId(v: unknown): string {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  // Most ids are already plain (lower-case GUIDs, digits): skip the cleaning.
  if (typeof v === "string" && PLAIN_ID.test(v)) return v;
  return cleanText(v)
    .replace(/^\{(.*)\}$/, "$1")
    .toLowerCase();
}

export function normaliseKey(key: MatchKey, v: unknown): string {
  if (isBlank(v)) return "";
  if (key === "domain") return normaliseDomain(v);
  if (key === "accountName") return normaliseAccountName(v);
  return normaliseId(v);
}

/** The first key both reports have a column for (Customer ID, TPID, Domain, account name), or null. */
export function chooseMatchKey(current: ReportLayout, previous: ReportLayout): MatchKey | null {
  return MATCH_KEYS.find((k) => current.roles[k] !== undefined && previous.roles[k] !== undefined) ?? null;
}

// ---- products -------------------------------------------------------------------------------

/** Products the score settings choose, in report order; every product when the choice matches none. */
export function chosenProducts(layout: ReportLayout, products: string[] | "all"): ProductColumns[] {
  if (products === "all") return layout.products;
  const wanted = new Set(products);
  const chosen = layout.products.filter((p) => wanted.has(p.key));
  return chosen.length ? chosen : layout.products;
}

export interface ComparePlan {
  key: MatchKey;
  /** Pairs of product columns compared, matched by the product's meaning (its key). */
  products: { key: string; label: string; current: number; previous: number }[];
  productsOnlyThisMonth: string[];
  productsOnlyLastMonth: string[];
}

export type PlanResult = { ok: true; plan: ComparePlan } | { ok: false; reason: string };

function familyLabel(layout: ReportLayout): string {
  return layout.reportTypeLabel || REPORT_TYPE_LABELS[layout.reportType];
}

/**
 * Checks the two reports can be compared and says on what: same family, a key in common and at least
 * one chosen product in both. Never throws; a plain reason otherwise.
 */
export function planComparison(
  current: ReportLayout,
  previous: ReportLayout,
  products: string[] | "all",
): PlanResult {
  const bothUnknown = current.reportType === "unknown" || previous.reportType === "unknown";
  if (current.reportType !== previous.reportType && !bothUnknown) {
    return {
      ok: false,
      reason:
        `Last month's report is a ${familyLabel(previous)} report, but this one is ${familyLabel(current)}. ` +
        "Pick last month's report of the same kind. Nothing was changed.",
    };
  }
  const key = chooseMatchKey(current, previous);
  if (key === null) {
    return {
      ok: false,
      reason:
        "The two reports have no customer key in common (Customer ID, TPID, Domain or account name), so " +
        "customers can't be matched. Nothing was changed.",
    };
  }
  const chosen = chosenProducts(current, products);
  const previousByKey = new Map(previous.products.map((p) => [p.key, p]));
  const pairs = chosen.flatMap((p) => {
    const before = previousByKey.get(p.key);
    return before ? [{ key: p.key, label: p.label, current: p.cluster, previous: before.cluster }] : [];
  });
  if (pairs.length === 0) {
    return {
      ok: false,
      reason:
        (current.reportType !== previous.reportType
          ? `Last month's report is a ${familyLabel(previous)} report, but this one is ${familyLabel(current)}: `
          : "") +
        "none of the products compared here has a cluster column in last month's report. Pick last month's " +
        "report of the same kind. Nothing was changed.",
    };
  }
  return {
    ok: true,
    plan: {
      key,
      products: pairs,
      productsOnlyThisMonth: chosen.filter((p) => !previousByKey.has(p.key)).map((p) => p.label),
      productsOnlyLastMonth: previous.products
        .filter((p) => !current.products.some((c) => c.key === p.key))
        .map((p) => p.label),
    },
  };
}

/**
 * Columns of this month's report the comparison reads for every row: the key and the compared
 * clusters. The identity column (currentIdentityColumn) matters only on rows blank in all of these.
 */
export function currentColumnsNeeded(current: ReportLayout, plan: ComparePlan): number[] {
  const columns = new Set<number>([current.roles[plan.key]!, ...plan.products.map((p) => p.current)]);
  return [...columns].sort((a, b) => a - b);
}

/**
 * The column that tells a row without a key from a blank row (account name, else Customer ID), when
 * it is not among currentColumnsNeeded; undefined otherwise. Issue 16: only the rows blank in every
 * read column need it (rowsBlankInEveryColumn), then settleRowsWithoutKey says what they are.
 */
export function currentIdentityColumn(current: ReportLayout, plan: ComparePlan): number | undefined {
  const identity = current.roles.accountName ?? current.roles.customerId;
  return identity === undefined || currentColumnsNeeded(current, plan).includes(identity)
    ? undefined
    : identity;
}

/**
 * Columns of last month's report the comparison reads for every row: the key and the compared
 * clusters. Its names (previousNameColumn) are needed only for the customers no longer in the report.
 */
export function previousColumnsNeeded(previous: ReportLayout, plan: ComparePlan): number[] {
  const columns = new Set<number>([previous.roles[plan.key]!, ...plan.products.map((p) => p.previous)]);
  return [...columns].sort((a, b) => a - b);
}

/**
 * Last month's account name column when it is not among previousColumnsNeeded (undefined otherwise):
 * read only at the rows of the gone customers, then given to nameGoneCustomers.
 */
export function previousNameColumn(previous: ReportLayout, plan: ComparePlan): number | undefined {
  const name = previous.roles.accountName;
  return name === undefined || previousColumnsNeeded(previous, plan).includes(name) ? undefined : name;
}

// ---- comparison -----------------------------------------------------------------------------

/** Memoised cluster parsing: a column repeats a handful of texts. */
function clusterReader(): (v: CellValue | undefined) => Cluster | null {
  const cache = new Map<unknown, Cluster | null>();
  return (v) => {
    const hit = cache.get(v);
    if (hit !== undefined) return hit;
    const parsed = parseCluster(v) ?? null; // text that is no cluster counts as none
    if (cache.size < 1000) cache.set(v, parsed);
    return parsed;
  };
}

function best(clusters: readonly (Cluster | null)[]): Cluster | null {
  let top: Cluster | null = null;
  for (const c of clusters) if (c !== null && (top === null || RANK[c] > RANK[top])) top = c;
  return top;
}

function rankOf(c: Cluster | null): number {
  return c === null ? 0 : RANK[c];
}

const NONE_INDEX = 4;
const NEW_OR_GONE = 5;
function clusterIndex(c: Cluster | null): number {
  return c === null ? NONE_INDEX : CLUSTERS.indexOf(c);
}

function clusterName(c: Cluster | null): string {
  return c ?? "none";
}

interface KeyIndex {
  /** key -> the only row holding it; keys held by several rows are in `duplicated` instead. */
  rows: Map<string, number>;
  /** key -> how many rows hold it (2 or more). */
  duplicated: Map<string, number>;
  /** Row -> its normalised key ("" when blank). */
  keys: string[];
}

function indexKeys(values: readonly CellValue[], key: MatchKey, rowCount: number): KeyIndex {
  // One map while scanning (row >= 0, or minus the count of rows for a duplicated key), split after.
  const seen = new Map<string, number>();
  const keys: string[] = new Array<string>(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const k = normaliseKey(key, values[r]);
    keys[r] = k;
    if (k === "") continue;
    const at = seen.get(k);
    if (at === undefined) seen.set(k, r);
    else seen.set(k, at >= 0 ? -2 : at - 1);
  }
  const duplicated = new Map<string, number>();
  for (const [k, at] of seen) {
    if (at >= 0) continue;
    duplicated.set(k, -at);
    seen.delete(k);
  }
  return { rows: seen, duplicated, keys };
}

function duplicateSummary(index: KeyIndex, values: readonly CellValue[]): DuplicateKeys {
  let rows = 0;
  for (const count of index.duplicated.values()) rows += count;
  const examples: string[] = [];
  if (index.duplicated.size) {
    const shown = new Set<string>();
    for (let r = 0; r < index.keys.length && examples.length < 5; r++) {
      const k = index.keys[r];
      if (!index.duplicated.has(k) || shown.has(k)) continue;
      shown.add(k);
      examples.push(cleanText(values[r]));
    }
  }
  return { keys: index.duplicated.size, rows, examples };
}

function rowHasData(side: ReportSide, row: number): boolean {
  for (const values of side.columns.values()) if (!isBlank(values[row])) return true;
  return false;
}

/** Rows blank in every column read for this side (no key, no cluster): the only rows whose identity cell matters. */
export function rowsBlankInEveryColumn(side: ReportSide): number[] {
  const rows: number[] = [];
  for (let r = 0; r < side.rowCount; r++) if (!rowHasData(side, r)) rows.push(r);
  return rows;
}

function notComparedRow(keyLabel: string): LastMonthRow {
  return { lastMonth: "", change: "", details: `Not compared: no ${keyLabel}.` };
}

/**
 * Matches this month's customers to last month's by the plan's key and computes every output.
 * Keys held by more than one row on either side are reported and those rows left unmatched.
 */
export function compareReports(current: ReportSide, previous: ReportSide, plan: ComparePlan): Comparison {
  const steps = compareInSteps(current, previous, plan);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Rows compared between two pauses, so a very large report never blocks Excel for long. */
export const COMPARE_ROWS_PER_STEP = 20_000;

/** compareReports in steps: the caller yields to the host between them; the last value is the comparison. */
export function* compareInSteps(
  current: ReportSide,
  previous: ReportSide,
  plan: ComparePlan,
): Generator<void, Comparison, void> {
  const keyLabel = MATCH_KEY_LABELS[plan.key];
  const currentKeyValues = current.columns.get(current.layout.roles[plan.key]!) ?? [];
  const previousKeyValues = previous.columns.get(previous.layout.roles[plan.key]!) ?? [];
  const currentKeys = indexKeys(currentKeyValues, plan.key, current.rowCount);
  yield;
  const previousKeys = indexKeys(previousKeyValues, plan.key, previous.rowCount);
  yield;
  const read = clusterReader();
  const nowColumns = plan.products.map((p) => current.columns.get(p.current) ?? []);
  const beforeColumns = plan.products.map((p) => previous.columns.get(p.previous) ?? []);
  const clustersAt = (columns: readonly (readonly CellValue[])[], row: number) =>
    columns.map((values) => read(values[row]));

  const transitions: ProductTransitions[] = plan.products.map((p) => ({
    key: p.key,
    label: p.label,
    counts: FROM_LABELS.map(() => TO_LABELS.map(() => 0)),
  }));
  const changes = { Up: 0, Down: 0, Same: 0 };
  let customers = 0;
  let matched = 0;
  let newCustomers = 0;
  let rowsWithoutKey = 0;
  const matchedPrevious = new Set<number>();
  const rows: LastMonthRow[] = new Array<LastMonthRow>(current.rowCount);
  const blankRow: LastMonthRow = { lastMonth: "", change: "", details: "" };

  for (let r = 0; r < current.rowCount; r++) {
    if (r > 0 && r % COMPARE_ROWS_PER_STEP === 0) yield;
    const k = currentKeys.keys[r];
    if (k === "") {
      if (rowHasData(current, r)) {
        rowsWithoutKey += 1;
        rows[r] = notComparedRow(keyLabel);
      } else rows[r] = blankRow;
      continue;
    }
    customers += 1;
    const duplicateHere = currentKeys.duplicated.get(k);
    if (duplicateHere !== undefined) {
      rows[r] = {
        lastMonth: "",
        change: "",
        details: `Not compared: this ${keyLabel} is on ${duplicateHere} rows of this report.`,
      };
      continue;
    }
    const duplicateBefore = previousKeys.duplicated.get(k);
    if (duplicateBefore !== undefined) {
      rows[r] = {
        lastMonth: "",
        change: "",
        details: `Not compared: this ${keyLabel} is on ${duplicateBefore} rows of last month's report.`,
      };
      continue;
    }
    const now = clustersAt(nowColumns, r);
    const before = previousKeys.rows.get(k);
    if (before === undefined) {
      newCustomers += 1;
      now.forEach((c, p) => transitions[p].counts[NEW_OR_GONE][clusterIndex(c)]++);
      rows[r] = { lastMonth: "", change: "New", details: "New: not in last month's report." };
      continue;
    }
    matched += 1;
    matchedPrevious.add(before);
    const then = clustersAt(beforeColumns, before);
    const moved: string[] = [];
    plan.products.forEach((p, i) => {
      transitions[i].counts[clusterIndex(then[i])][clusterIndex(now[i])]++;
      if (now[i] !== then[i]) moved.push(`${p.label}: ${clusterName(then[i])} → ${clusterName(now[i])}`);
    });
    const bestNow = best(now);
    const bestThen = best(then);
    const change: Change =
      rankOf(bestNow) > rankOf(bestThen) ? "Up" : rankOf(bestNow) < rankOf(bestThen) ? "Down" : "Same";
    changes[change] += 1;
    rows[r] = {
      lastMonth: bestThen ?? "",
      change,
      details: moved.length ? moved.join("; ") : "No change",
    };
  }

  const gone: GoneCustomer[] = [];
  const nameColumn =
    previous.layout.roles.accountName === undefined
      ? undefined
      : previous.columns.get(previous.layout.roles.accountName);
  let lastMonthCustomers = 0;
  for (let r = 0; r < previous.rowCount; r++) {
    if (r > 0 && r % COMPARE_ROWS_PER_STEP === 0) yield;
    const k = previousKeys.keys[r];
    if (k === "") continue;
    lastMonthCustomers += 1;
    // Duplicated keys were reported as such; a key this month holds twice is not "gone" either.
    if (previousKeys.duplicated.has(k) || matchedPrevious.has(r)) continue;
    if (currentKeys.duplicated.has(k)) continue;
    const then = clustersAt(beforeColumns, r);
    then.forEach((c, p) => transitions[p].counts[clusterIndex(c)][NEW_OR_GONE]++);
    gone.push({
      row: r,
      name: nameColumn ? cleanText(nameColumn[r]) : "",
      key: cleanText(previousKeyValues[r]),
      lastCluster: best(then) ?? "",
      byProduct: plan.products.map((p, i) => `${p.label}: ${clusterName(then[i])}`).join("; "),
    });
  }

  return {
    key: plan.key,
    keyLabel,
    products: plan.products.map(({ key, label }) => ({ key, label })),
    productsOnlyThisMonth: plan.productsOnlyThisMonth,
    productsOnlyLastMonth: plan.productsOnlyLastMonth,
    customers,
    lastMonthCustomers,
    matched,
    matchRate: customers === 0 ? 0 : matched / customers,
    newCustomers,
    gone,
    changes,
    duplicatesThisMonth: duplicateSummary(currentKeys, currentKeyValues),
    duplicatesLastMonth: duplicateSummary(previousKeys, previousKeyValues),
    rowsWithoutKey,
    transitions,
    rows,
  };
}

/**
 * The comparison as compareReports gives it with the identity column read in full, from one made
 * without it: `identity` holds the identity cells of rows blank in every other read column
 * (rowsBlankInEveryColumn). Such a row with a name (or id) but no key is "Not compared", and counted
 * in rowsWithoutKey; on every other row the identity cell changes nothing.
 */
export function settleRowsWithoutKey(
  comparison: Comparison,
  identity: ReadonlyMap<number, CellValue>,
): Comparison {
  let rows: LastMonthRow[] | null = null;
  let rowsWithoutKey = comparison.rowsWithoutKey;
  for (const [r, value] of identity) {
    if (isBlank(value)) continue;
    const row = comparison.rows[r];
    if (!row || row.change !== "" || row.details !== "")
      throw new Error(`settleRowsWithoutKey: row ${r} was not blank in every read column.`);
    rows ??= comparison.rows.slice();
    rows[r] = notComparedRow(comparison.keyLabel);
    rowsWithoutKey += 1;
  }
  return rows ? { ...comparison, rows, rowsWithoutKey } : comparison;
}

/**
 * The gone customers with their names, from last month's name cells read at their rows only
 * (`names`: data row -> cell), as compareReports names them with the column read in full.
 */
export function nameGoneCustomers(comparison: Comparison, names: ReadonlyMap<number, CellValue>): Comparison {
  return { ...comparison, gone: comparison.gone.map((g) => ({ ...g, name: cleanText(names.get(g.row)) })) };
}

/** Below this share of matched customers the comparison asks before writing. */
export const LOW_MATCH_RATE = 0.5;

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** "Matched 11,870 of 12,345 by Customer ID" */
export function matchSummary(c: Pick<Comparison, "matched" | "customers" | "keyLabel">): string {
  return `Matched ${count(c.matched)} of ${count(c.customers)} by ${c.keyLabel}`;
}

export function percent(rate: number): string {
  return `${Math.floor(rate * 100)}%`;
}

/** Plain-language notes: duplicates, rows without a key, products only one report has. */
export function comparisonWarnings(c: Comparison): string[] {
  const warnings: string[] = [];
  const dup = (d: DuplicateKeys, where: string) =>
    `${count(d.keys)} ${c.keyLabel} value${d.keys === 1 ? "" : "s"} appear more than once in ${where} ` +
    `(${count(d.rows)} rows, e.g. ${d.examples.map((e) => `"${e}"`).join(", ")}): those customers were left unmatched.`;
  if (c.duplicatesThisMonth.keys) warnings.push(dup(c.duplicatesThisMonth, "this report"));
  if (c.duplicatesLastMonth.keys) warnings.push(dup(c.duplicatesLastMonth, "last month's report"));
  if (c.rowsWithoutKey)
    warnings.push(`${count(c.rowsWithoutKey)} rows have no ${c.keyLabel}: they were not compared.`);
  if (c.productsOnlyThisMonth.length)
    warnings.push(`Not in last month's report, so not compared: ${c.productsOnlyThisMonth.join(", ")}.`);
  return warnings;
}

// ---- report month ---------------------------------------------------------------------------

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function monthFromText(text: string): string | null {
  const iso = /(20\d{2})[-_./ ]?(0[1-9]|1[0-2])(?:[-_./ ]?(0[1-9]|[12]\d|3[01]))?(?!\d)/.exec(text);
  if (iso) return `${MONTHS[Number(iso[2]) - 1]} ${iso[1]}`;
  const named =
    /(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[\s_.-]*'?(20\d{2}|\d{2})?(?!\d)/i.exec(
      text,
    );
  if (named && named[2]) {
    const index = MONTHS.findIndex((m) => m.toLowerCase().startsWith(named[1].toLowerCase().slice(0, 3)));
    const year = named[2].length === 2 ? `20${named[2]}` : named[2];
    return `${MONTHS[index]} ${year}`;
  }
  const us = /(?<!\d)(0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])\/(20\d{2})(?!\d)/.exec(text);
  if (us) return `${MONTHS[Number(us[1]) - 1]} ${us[2]}`;
  return null;
}

/**
 * The month a report is of, from a date in its title rows ("Downloaded 2026-11-25") or in its sheet
 * or file name ("AI Business 2026-10", "Oct 2026"); null when neither says.
 */
export function reportMonth(titleRows: readonly (readonly CellValue[])[], name: string): string | null {
  for (const row of titleRows) {
    for (const cell of row) {
      if (typeof cell !== "string" || cell.length > 200) continue;
      const month = monthFromText(cell);
      if (month) return month;
    }
  }
  return monthFromText(name);
}
