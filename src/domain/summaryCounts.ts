/**
 * Build summaries without reading the columns (issue 16): the counts `summarize` would compute, from
 * COUNTIFS over the report, for the items each PivotTable lists (PivotField.items), and the spelling
 * each item first has from MATCH and VLOOKUP. Pure: no Office types.
 *
 * Counts are taken only when PROVEN equal to what summarize computes from the cells; otherwise the
 * caller reads the columns, as before:
 * - every item is counted with an exact criterion (wildcards escaped) that can only match text equal
 *   to it, case aside: the item is printable ASCII, holds no digit (no number or date), does not
 *   start with an operator, "#" or "'", and is not TRUE/FALSE. Items equal case aside are one item.
 *   So no cell is counted twice, and the counts adding up to the rows proves no cell was missed
 *   (an item Excel named otherwise than its cells, a number, a stray character: the sum falls short);
 * - Best Cluster (written by the add-in) holds the four labels or nothing: its five counts add up to
 *   the rows. COUNTIFS ignores case as parseCluster does;
 * - a row summarize skips (no Best Cluster and nothing in the columns it reads) is counted where each
 *   of those columns is empty; no such row hides a blank-looking text (spaces, an invisible character,
 *   an error): proven column by column, each among rows where the columns before it are empty;
 * - summarize groups texts by their trimmed lower case and names a group by its first spelling:
 *   items are grouped the same way (for ASCII, Excel's case rules are JavaScript's), and the first
 *   spelling is the one VLOOKUP returns at the smallest MATCH position among the group's items.
 */
import { CLUSTERS, type Cluster } from "./types";
import { blankLookingCriteria, literalCriterion, type CountQuery } from "./clusterCounts";
import { BLANK_KEY, TOTAL_KEY, type SummaryRow, type SummaryTable } from "./summaries";
import { cleanText, ERROR_TEXTS } from "./values";

export type SummaryDimension = "industry" | "subSegment" | "crmOwner";

export interface DimensionItems {
  dimension: SummaryDimension;
  /** Layout column of the row field. */
  column: number;
  /** The names of the row field's items, as the PivotTable lists them. */
  items: readonly string[];
  /** Per cluster, with group names: the chart's table. Else only how many groups there are. */
  table?: { label: string };
}

export interface SummaryCountInput {
  /** Layout column of Best Cluster. */
  bestCluster: number;
  /** The columns summarize reads to tell a skipped row (identity first: it is the cleanest). */
  skipColumns: readonly number[];
  rowCount: number;
  dimensions: readonly DimensionItems[];
}

/** One MATCH(text, column, 0) and VLOOKUP(text, column, 1, FALSE) pair: where `text` first appears. */
export interface LookupQuery {
  id: string;
  column: number;
  text: string;
}

export interface FoundCell {
  /** 1-based position of the first match. */
  position: number;
  value: unknown;
}

export interface SummaryCountPlan {
  queries: CountQuery[];
  lookups: LookupQuery[];
}

/** Best Cluster's five buckets: the four labels and empty. */
const BUCKETS: readonly (Cluster | "Blank")[] = [...CLUSTERS, "Blank"];
const bucketCriterion = (bucket: Cluster | "Blank") => (bucket === "Blank" ? "" : bucket);

/** Blank-looking items whose criterion counts exactly their cells: Excel's errors and a few spaces. */
const BLANK_ITEMS: ReadonlySet<string> = new Set([...ERROR_TEXTS, " ", "  ", "   "]);

/** Can COUNTIFS count this item's cells, and only them, with its literal text as the criterion? */
export function countableItem(item: string): boolean {
  if (BLANK_ITEMS.has(item)) return true;
  if (item.length === 0 || item.length > 200) return false;
  if (!/^[\x20-\x7E]+$/.test(item) || /[0-9]/.test(item)) return false;
  if (/^[=<>#']/.test(item) || /^(true|false)$/i.test(item)) return false;
  return cleanText(item) !== "";
}

/** The criteria of one dimension: "" (empty cells), then each distinct item (case aside). */
function criteriaOf(items: readonly string[]): string[] | null {
  const seen = new Set<string>();
  const out = [""];
  for (const item of items) {
    if (!countableItem(item)) return null;
    const lower = item.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    out.push(item);
  }
  return out;
}

const q = (
  id: string,
  column: number,
  criterion: string,
  where: { column: number; criterion: string }[] = [],
): CountQuery => ({ id, column, criterion, customersOnly: false, ...(where.length ? { where } : {}) });

/** The COUNTIFS and lookups that count every dimension; null when an item cannot be counted exactly. */
export function summaryCountPlan(input: SummaryCountInput): SummaryCountPlan | null {
  const { bestCluster: best, skipColumns } = input;
  const queries: CountQuery[] = [];
  const lookups: LookupQuery[] = [];
  BUCKETS.forEach((bucket, b) => queries.push(q(`best:${b}`, best, bucketCriterion(bucket))));
  const skipped = skipColumns.map((column) => ({ column, criterion: "" }));
  queries.push(q("skipped", best, "", skipped));
  skipColumns.forEach((column, j) =>
    blankLookingCriteria().forEach((criterion, k) =>
      queries.push(q(`hidden:${j}:${k}`, best, "", [...skipped.slice(0, j), { column, criterion }])),
    ),
  );
  for (const [d, dim] of input.dimensions.entries()) {
    const criteria = criteriaOf(dim.items);
    if (!criteria) return null;
    const isSkipColumn = skipColumns.includes(dim.column);
    if (dim.table && !isSkipColumn) return null;
    criteria.forEach((criterion, x) => {
      const text = literalCriterion(criterion);
      const id = `d${d}:x${x}`;
      if (dim.table) {
        BUCKETS.forEach((bucket, b) =>
          queries.push(
            q(`${id}:b${b}`, dim.column, text, [{ column: best, criterion: bucketCriterion(bucket) }]),
          ),
        );
        if (x > 0 && cleanText(criterion) !== "") lookups.push({ id, column: dim.column, text });
      } else queries.push(q(id, dim.column, text));
      // Skipped rows hold an empty cell in a column summarize reads; elsewhere they may hold anything.
      if (!isSkipColumn)
        queries.push(q(`${id}:skipped`, dim.column, text, [{ column: best, criterion: "" }, ...skipped]));
    });
  }
  return { queries, lookups };
}

export interface CountedSummaries {
  tables: Partial<Record<SummaryDimension, SummaryTable>>;
  /** How many rows (groups) each dimension's table has. */
  groups: Partial<Record<SummaryDimension, number>>;
}

function emptyRow(key: string): SummaryRow {
  return {
    key,
    counts: { "Act Now": 0, Evaluate: 0, Nurture: 0, Educate: 0, Blank: 0 },
    total: 0,
    revenue: null,
  };
}

/** The tables summarize would build (revenue aside), or null when a proof fails. */
export function summariesFromCounts(
  input: SummaryCountInput,
  counts: ReadonlyMap<string, number>,
  found: ReadonlyMap<string, FoundCell>,
): CountedSummaries | null {
  const get = (id: string): number => counts.get(id) ?? NaN;
  const rows = input.rowCount;
  // Best Cluster holds the four labels or nothing, on every row.
  if (BUCKETS.reduce((n, _, b) => n + get(`best:${b}`), 0) !== rows) return null;
  // No skipped row hides a blank-looking text: the rows summarize skips are the ones counted empty.
  const criteria = blankLookingCriteria();
  for (let j = 0; j < input.skipColumns.length; j++)
    for (let k = 0; k < criteria.length; k++) if (get(`hidden:${j}:${k}`) !== 0) return null;
  const skippedRows = get("skipped");
  if (!Number.isFinite(skippedRows)) return null;

  const result: CountedSummaries = { tables: {}, groups: {} };
  for (const [d, dim] of input.dimensions.entries()) {
    const list = criteriaOf(dim.items);
    if (!list) return null;
    const isSkipColumn = input.skipColumns.includes(dim.column);
    const groups = new Map<string, { row: SummaryRow; first: number }>();
    let covered = 0;
    for (const [x, criterion] of list.entries()) {
      const id = `d${d}:x${x}`;
      const skipped = isSkipColumn ? (x === 0 ? skippedRows : 0) : get(`${id}:skipped`);
      const row = emptyRow("");
      if (dim.table) {
        BUCKETS.forEach((bucket, b) => (row.counts[bucket] = get(`${id}:b${b}`)));
        covered += row.counts.Blank + CLUSTERS.reduce((n, c) => n + row.counts[c], 0);
      } else {
        row.counts.Blank = get(id);
        covered += row.counts.Blank;
      }
      row.counts.Blank -= skipped;
      row.total = BUCKETS.reduce((n, bucket) => n + row.counts[bucket], 0);
      if (!Number.isFinite(row.total) || row.counts.Blank < 0) return null;
      if (row.total === 0) continue;
      const key = cleanText(criterion).toLowerCase();
      let first = 0;
      if (dim.table && key !== "") {
        // The first spelling of this item: its case may differ from the item's name.
        const cell = found.get(id);
        if (!cell || typeof cell.value !== "string" || cell.value.toLowerCase() !== criterion.toLowerCase())
          return null;
        row.key = cleanText(cell.value);
        first = cell.position;
      }
      const group = groups.get(key);
      if (!group) {
        groups.set(key, { row: { ...row, key: key === "" ? BLANK_KEY : row.key }, first });
        continue;
      }
      for (const bucket of BUCKETS) group.row.counts[bucket] += row.counts[bucket];
      group.row.total += row.total;
      if (first < group.first) {
        group.first = first;
        group.row.key = row.key;
      }
    }
    // Every row counted once: no item was named otherwise than its cells.
    if (covered !== rows) return null;
    // A text "(blank)" beside blank cells: two groups of one name, ordered by where they first appear.
    if (groups.has("") && groups.has(BLANK_KEY.toLowerCase())) return null;
    result.groups[dim.dimension] = groups.size;
    if (!dim.table) continue;
    const sorted = [...groups.values()]
      .map((g) => g.row)
      .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const totals = emptyRow(TOTAL_KEY);
    for (const row of sorted) {
      for (const bucket of BUCKETS) totals.counts[bucket] += row.counts[bucket];
      totals.total += row.total;
    }
    result.tables[dim.dimension] = { dimension: dim.table.label, rows: sorted, totals, revenueLabel: null };
  }
  return result;
}
