/**
 * Filter plans (issue 3). Excel's AutoFilter "values" criteria match the displayed text exactly,
 * so plans list the exact distinct texts present ("Act Now", "act now ", "EVALUATE"), never a
 * normalised guess. `visibleRows` mirrors that rule to predict what Excel will show.
 */
import type { Cluster, ClusterCounts, ColumnTexts, ValueCount } from "./types";
import { isBlank, parseCluster, parseYesNo } from "./values";

/** Column -> the exact texts allowed in it. A row is visible when every column allows its text. */
export type FilterCriteria = ReadonlyMap<number, ReadonlySet<string>>;

/** Code-unit order: the same on every machine and locale, so plans are deterministic. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Exact distinct texts accepted by `accept`, sorted. */
export function valueFilterValues(texts: readonly string[], accept: (text: string) => boolean): string[] {
  const seen = new Set<string>();
  const accepted: string[] = [];
  for (const text of texts) {
    if (typeof text !== "string" || seen.has(text)) continue;
    seen.add(text);
    if (accept(text)) accepted.push(text);
  }
  return accepted.sort(byCodeUnits);
}

/** Exact distinct texts whose cluster is one of `wanted`. */
export function clusterFilterValues(texts: readonly string[], wanted: readonly Cluster[]): string[] {
  const clusters = new Set(wanted);
  return valueFilterValues(texts, (text) => {
    const cluster = parseCluster(text);
    return cluster !== null && cluster !== undefined && clusters.has(cluster);
  });
}

/** Exact distinct texts that mean Yes ("Yes", "Y", "TRUE", "1" ...). */
export function yesFilterValues(texts: readonly string[]): string[] {
  return valueFilterValues(texts, (text) => parseYesNo(text) === true);
}

/** Which data rows an AutoFilter with these criteria leaves visible (any case). Missing texts count as "". */
export function visibleRows(texts: ColumnTexts, criteria: FilterCriteria, rowCount: number): boolean[] {
  const rows = Math.max(0, Math.floor(Number.isFinite(rowCount) ? rowCount : 0));
  const visible = new Array<boolean>(rows).fill(true);
  for (const [column, allowed] of criteria) {
    // Excel matches values filters case-insensitively on the displayed text.
    const lower = new Set([...allowed].map((text) => text.toLowerCase()));
    const columnTexts = texts.get(column);
    for (let r = 0; r < rows; r++) {
      if (visible[r] && !lower.has((columnTexts?.[r] ?? "").toLowerCase())) visible[r] = false;
    }
  }
  return visible;
}

/** Visible rows per cluster of one cluster column; `total` is every data row, `visible` the shown ones. */
export function countVisibleByCluster(
  clusterTexts: readonly string[],
  visible: readonly boolean[],
): ClusterCounts & { visible: number; total: number } {
  const counts = {
    "Act Now": 0,
    Evaluate: 0,
    Nurture: 0,
    Educate: 0,
    Blank: 0,
    Unknown: 0,
    visible: 0,
    total: Math.max(clusterTexts.length, visible.length),
  };
  for (let r = 0; r < counts.total; r++) {
    if (!visible[r]) continue;
    counts.visible++;
    const cluster = parseCluster(clusterTexts[r]);
    if (cluster === null) counts.Blank++;
    else if (cluster === undefined) counts.Unknown++;
    else counts[cluster]++;
  }
  return counts;
}

/** Distinct non-blank texts with their counts, most frequent first, then in code-unit order. */
export function distinctValueCounts(texts: readonly string[]): ValueCount[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    if (typeof text !== "string" || isBlank(text)) continue;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || byCodeUnits(a.value, b.value));
}

/** The criteria of one filtered column, as the add-in can apply them again (no null properties). */
export interface StoredCriterion {
  filterOn: string;
  [property: string]: unknown;
}

/** Properties whose presence means a column is filtered (filterOn alone does not). */
const FILTERING_PROPERTIES = ["values", "criterion1", "dynamicCriteria", "color", "icon"] as const;

function hasContent(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.values(value).some(hasContent);
  return true;
}

/**
 * One entry of `autoFilter.criteria` as read back from Excel made usable (office-js#1226): null
 * properties dropped, and an entry with no values, criterion1, dynamicCriteria, color or icon taken
 * as "not filtered" (null), whatever its filterOn says.
 */
export function normaliseCriterion(raw: unknown): StoredCriterion | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const entries = Object.entries(raw as Record<string, unknown>).filter(
    ([, value]) => value !== null && value !== undefined,
  );
  const record = Object.fromEntries(entries);
  if (typeof record.filterOn !== "string" || record.filterOn === "") return null;
  if (!FILTERING_PROPERTIES.some((key) => hasContent(record[key]))) return null;
  return record as StoredCriterion;
}
