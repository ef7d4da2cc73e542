import { COLUMN_GROUPS, type ColumnGroupId } from "./addinArtifacts";
import { foldHeader } from "./headers";

/** Where a column group's block starts in a header row (0-based offset), or null when it is absent. */
export function locateColumnGroup(rawHeaders: readonly unknown[], group: ColumnGroupId): number | null {
  const wanted = COLUMN_GROUPS[group].map(foldHeader);
  const folded = rawHeaders.map(foldHeader);
  for (let start = 0; start + wanted.length <= folded.length; start++) {
    if (wanted.every((header, i) => folded[start + i] === header)) return start;
  }
  return null;
}

/** True for a header any of the add-in's column groups writes. */
export function isAddinColumnHeader(header: unknown): boolean {
  const folded = foldHeader(header);
  return Object.values(COLUMN_GROUPS).some((headers) => headers.some((h) => foldHeader(h) === folded));
}
