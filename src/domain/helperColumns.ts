import { foldHeader } from "./headers";
import { HELPER_HEADERS } from "./score";

const FOLDED_HELPERS = HELPER_HEADERS.map(foldHeader);

/** Where the add-in's helper columns sit in a header row (offset of "Best Cluster"), or null. */
export function locateHelperColumns(rawHeaders: readonly unknown[]): number | null {
  const folded = rawHeaders.map(foldHeader);
  for (let start = 0; start + FOLDED_HELPERS.length <= folded.length; start++) {
    if (FOLDED_HELPERS.every((helper, i) => folded[start + i] === helper)) return start;
  }
  return null;
}

/** True for a header the add-in writes, so report-column detection can skip it. */
export function isHelperHeader(header: unknown): boolean {
  return FOLDED_HELPERS.includes(foldHeader(header));
}
