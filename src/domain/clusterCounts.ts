/**
 * Analyze without reading the columns (issue 16): cluster and customer counts from COUNTIFS, which
 * Excel evaluates itself for a few hundred bytes a call.
 *
 * COUNTIFS equality is case-insensitive but exact otherwise ("act now " is another text), while
 * parseCluster also accepts stray spaces, `_` and `-`. So counts are only taken when they are PROVEN
 * equal to what the domain would count from the cells:
 * - each cluster is counted as the sum of its listed spellings (case, one or two stray spaces,
 *   `_`/`-`/no separator), and as one wildcard SUPERSET: the label's letters in order ("*a*c*t*n*o*w*"),
 *   which every text that folds to the label matches. Equal sums mean no other spelling is present;
 * - every domain-blank text that is not empty (spaces, zero-width characters, Excel errors) starts
 *   with whitespace, an invisible character or "#": counting those starts proves there are none beyond
 *   the listed ones.
 * When a proof fails the caller reads that column, as before. Pure: no Office types.
 */
import { CLUSTERS, type Cluster, type ClusterCounts, type ReportLayout } from "./types";
import { identityColumn } from "./analysis";
import { ERROR_TEXTS } from "./values";

/** One COUNTIFS call: `criterion` on `column`; `customersOnly` adds (identity column, "<>"); `where` more pairs. */
export interface CountQuery {
  id: string;
  column: number;
  criterion: string;
  customersOnly: boolean;
  where?: readonly { column: number; criterion: string }[];
}

/** Characters a domain-blank text can start with: what String.trim removes, and the invisible ones. */
const BLANK_STARTS = [
  "\t",
  "\n",
  "\u000B",
  "\f",
  "\r",
  " ",
  "\u00A0",
  "\u1680",
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  "\u2028",
  "\u2029",
  "\u202F",
  "\u205F",
  "\u3000",
  "\uFEFF",
  "\u200B",
  "\u200C",
  "\u200D",
  "\u2060",
];
/** Blank cells counted by their exact text (stray spaces); anything else starting with a blank fails the proof. */
const BLANK_SPACES = [" ", "  ", "   ", "    "];

/** A literal text as a COUNTIFS criterion: `~` escapes the wildcards `*`, `?` and `~` itself. */
export function literalCriterion(text: string): string {
  return text.replace(/[~*?]/g, (ch) => `~${ch}`);
}

/** Spellings of a cluster label that parseCluster accepts and COUNTIFS can count exactly. */
export function clusterSpellings(cluster: Cluster): string[] {
  const words = cluster.split(" ");
  const separators = words.length > 1 ? [" ", "  ", "_", "-", ""] : [""];
  const pads = ["", " ", "  "];
  const out: string[] = [];
  for (const separator of separators)
    for (const lead of pads) for (const trail of pads) out.push(lead + words.join(separator) + trail);
  return out;
}

/** "*a*c*t*n*o*w*": every text whose letters fold to the label matches it (and some others do too). */
export function clusterSuperset(cluster: Cluster): string {
  return `*${[...cluster.replace(/ /g, "").toLowerCase()].join("*")}*`;
}

const ERROR_CRITERIA = ERROR_TEXTS.map(literalCriterion);

/**
 * Criteria that together count every non-empty cell the domain calls blank (isBlank): texts starting
 * with a blank or invisible character or "#", and Excel's errors. Zero for each proves there is none.
 */
export function blankLookingCriteria(): string[] {
  return [...BLANK_STARTS.map((ch) => `${ch}*`), "#*", ...ERROR_CRITERIA];
}

function blankQueries(prefix: string, column: number, customersOnly: boolean): CountQuery[] {
  return [
    ...BLANK_STARTS.map((ch, i) => ({
      id: `${prefix}:start:${i}`,
      column,
      criterion: `${ch}*`,
      customersOnly,
    })),
    { id: `${prefix}:hash`, column, criterion: "#*", customersOnly },
    ...ERROR_CRITERIA.map((criterion, i) => ({
      id: `${prefix}:error:${i}`,
      column,
      criterion,
      customersOnly,
    })),
  ];
}

/**
 * The COUNTIFS calls that count customers and every product's clusters; null when the report has no
 * identity column (customers are then told by any non-blank cell, which COUNTIFS cannot prove).
 */
export function analysisCountQueries(layout: ReportLayout): CountQuery[] | null {
  const identity = identityColumn(layout);
  if (identity === undefined) return null;
  const queries: CountQuery[] = [
    { id: "customers", column: identity, criterion: "<>", customersOnly: false },
    ...blankQueries("identity", identity, false),
  ];
  for (const product of layout.products) {
    const c = product.cluster;
    const p = `p${c}`;
    queries.push({ id: `${p}:empty`, column: c, criterion: "", customersOnly: true });
    queries.push(...blankQueries(p, c, true));
    BLANK_SPACES.forEach((text, i) =>
      queries.push({ id: `${p}:space:${i}`, column: c, criterion: text, customersOnly: true }),
    );
    for (const cluster of CLUSTERS) {
      queries.push({
        id: `${p}:${cluster}:superset`,
        column: c,
        criterion: clusterSuperset(cluster),
        customersOnly: true,
      });
      clusterSpellings(cluster).forEach((text, i) =>
        queries.push({
          id: `${p}:${cluster}:${i}`,
          column: c,
          criterion: literalCriterion(text),
          customersOnly: true,
        }),
      );
    }
  }
  return queries;
}

export interface CountedAnalysis {
  /** Customers, proven (null: the identity column holds blank-looking or error texts; read it). */
  customers: number | null;
  /** Cluster counts per product cluster column; a column whose counts are not proven is absent. */
  products: Map<number, ClusterCounts>;
}

/** Turns COUNTIFS results (by query id) into the counts the domain would compute, where proven. */
export function countsFromQueries(
  layout: ReportLayout,
  results: ReadonlyMap<string, number>,
): CountedAnalysis {
  const get = (id: string) => results.get(id);
  const sum = (prefix: string, n: number) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const v = get(`${prefix}:${i}`);
      if (v === undefined) return NaN;
      total += v;
    }
    return total;
  };
  const customersAll = get("customers");
  const identityClean =
    customersAll !== undefined &&
    sum("identity:start", BLANK_STARTS.length) === 0 &&
    get("identity:hash") === 0 &&
    sum("identity:error", ERROR_TEXTS.length) === 0;
  const products = new Map<number, ClusterCounts>();
  if (!identityClean) return { customers: null, products };
  const customers = customersAll;
  for (const product of layout.products) {
    const c = product.cluster;
    const p = `p${c}`;
    const empty = get(`${p}:empty`);
    const spaces = sum(`${p}:space`, BLANK_SPACES.length);
    const errors = sum(`${p}:error`, ERROR_TEXTS.length);
    const blankStarts = sum(`${p}:start`, BLANK_STARTS.length);
    if (empty === undefined || !Number.isFinite(spaces + errors + blankStarts)) continue;
    const counts: ClusterCounts = { "Act Now": 0, Evaluate: 0, Nurture: 0, Educate: 0, Blank: 0, Unknown: 0 };
    let proven = get(`${p}:hash`) === errors;
    let spelledWithLeadingBlank = 0;
    for (const cluster of CLUSTERS) {
      const spellings = clusterSpellings(cluster);
      const listed = sum(`${p}:${cluster}`, spellings.length);
      if (!(listed === get(`${p}:${cluster}:superset`))) proven = false;
      counts[cluster] = listed;
      spellings.forEach((text, i) => {
        if (text.startsWith(" ")) spelledWithLeadingBlank += get(`${p}:${cluster}:${i}`) ?? 0;
      });
    }
    // Every cell starting with a blank character is a listed blank or a listed spelling.
    if (blankStarts !== spaces + spelledWithLeadingBlank) proven = false;
    if (!proven) continue;
    counts.Blank = empty + spaces + errors;
    counts.Unknown = customers - counts.Blank - CLUSTERS.reduce((n, k) => n + counts[k], 0);
    if (counts.Unknown < 0) continue;
    products.set(c, counts);
  }
  return { customers, products };
}

/**
 * Act Now + Evaluate without reading the column (issue 16): the COUNTIFS calls that prove one wildcard
 * criterion per cluster keeps exactly the rows a values filter of its spellings would, and count what
 * stays visible. The criteria are the letters-in-order supersets; they are exact when every cell they
 * match, on any row, is a listed spelling.
 */
export function filterCountQueries(
  layout: ReportLayout,
  column: number,
  wanted: readonly Cluster[],
): CountQuery[] | null {
  const identity = identityColumn(layout);
  if (identity === undefined) return null;
  const queries: CountQuery[] = [
    { id: "customers", column: identity, criterion: "<>", customersOnly: false },
    ...blankQueries("identity", identity, false),
  ];
  for (const cluster of wanted) {
    for (const customersOnly of [false, true]) {
      const p = `${customersOnly ? "c" : "all"}:${cluster}`;
      queries.push({ id: `${p}:superset`, column, criterion: clusterSuperset(cluster), customersOnly });
      clusterSpellings(cluster).forEach((text, i) =>
        queries.push({ id: `${p}:${i}`, column, criterion: literalCriterion(text), customersOnly }),
      );
    }
  }
  return queries;
}

export interface ProvenFilter {
  /** AutoFilter custom criteria ("=*a*c*t*n*o*w*"), one per wanted cluster, OR-ed. */
  criteria: string[];
  /** Customers in all, and visible customers per wanted cluster once the criteria apply. */
  customers: number;
  visible: Partial<Record<Cluster, number>>;
  /** Rows of any kind the criteria keep (0: nothing to filter to). */
  rowsKept: number;
}

export function provenFilter(
  results: ReadonlyMap<string, number>,
  wanted: readonly Cluster[],
): ProvenFilter | null {
  const get = (id: string) => results.get(id);
  const sum = (prefix: string, n: number) => {
    let total = 0;
    for (let i = 0; i < n; i++) total += get(`${prefix}:${i}`) ?? NaN;
    return total;
  };
  const customers = get("customers");
  if (
    customers === undefined ||
    sum("identity:start", BLANK_STARTS.length) !== 0 ||
    get("identity:hash") !== 0 ||
    sum("identity:error", ERROR_TEXTS.length) !== 0
  )
    return null;
  const visible: Partial<Record<Cluster, number>> = {};
  let rowsKept = 0;
  for (const cluster of wanted) {
    const n = clusterSpellings(cluster).length;
    const all = sum(`all:${cluster}`, n);
    // Every cell the wildcard keeps is a listed spelling, on every row (blank ones included).
    if (!(all === get(`all:${cluster}:superset`))) return null;
    const shown = sum(`c:${cluster}`, n);
    if (!(shown === get(`c:${cluster}:superset`))) return null;
    visible[cluster] = shown;
    rowsKept += all;
  }
  return { criteria: wanted.map((cluster) => `=${clusterSuperset(cluster)}`), customers, visible, rowsKept };
}
