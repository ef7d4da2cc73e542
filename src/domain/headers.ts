/**
 * Header text handling: folding for matching, and unique display names for pivots and filters.
 * Pure functions; they accept anything and never throw.
 */

/** The header may sit below title rows: search the first 20 rows. */
export const HEADER_SEARCH_ROWS = 20;

/** Data rows read with the header block, used to recognise cohort columns by their values. */
export const SAMPLE_ROWS = 200;

/** Text of a header cell, whatever Excel returned (numbers and booleans become text). */
function headerString(text: unknown): string {
  if (typeof text === "string") return text;
  if (typeof text === "number") return Number.isFinite(text) ? String(text) : "";
  if (typeof text === "boolean") return text ? "TRUE" : "FALSE";
  return "";
}

/** Header as a person reads it: BOM and zero-width characters removed, NBSP as space, trimmed. */
export function cleanHeader(text: unknown): string {
  return headerString(text)
    .replace(/[\uFEFF\u200B-\u200D\u2060]/g, "")
    .replace(/[\u00A0\u2007\u202F]/g, " ")
    .trim();
}

/**
 * Header folded for matching: BOM and NBSP removed, lower case, spaces, `_` and `-` removed.
 * "Transacted in the last 36 months", "TransactedInTheLast36Months" -> "transactedinthelast36months".
 */
export function foldHeader(text: unknown): string {
  return cleanHeader(text)
    .toLowerCase()
    .replace(/[\s_\-\u2010-\u2013]+/g, "");
}

/**
 * Unique, non-blank header names (case-insensitive), safe as pivot field names:
 * a blank header becomes "Column N" (N = 1-based column number), a repeated one "Industry (2)".
 * Names that appear first keep their text; later copies are numbered.
 */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const list: readonly unknown[] = Array.isArray(raw) ? raw : [];
  const base = list.map((text, i) => cleanHeader(text) || `Column ${i + 1}`);
  const taken = new Set<string>();
  const firstOf = new Map<string, number>();
  base.forEach((name, i) => {
    const key = name.toLowerCase();
    if (!firstOf.has(key)) {
      firstOf.set(key, i);
      taken.add(key);
    }
  });
  return base.map((name, i) => {
    if (firstOf.get(name.toLowerCase()) === i) return name;
    for (let n = 2; ; n++) {
      const candidate = `${name} (${n})`;
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  });
}
