/**
 * Cells that COUNTIFS and wildcard criteria match differently from the domain's parsing, for the tests
 * of the counting fast paths (Analyze, Act Now + Evaluate).
 */
import fc from "fast-check";
import type { CellValue } from "../../src/domain/types";
import { generateReport } from "../../src/preview/sample-report";

/** Cluster cells COUNTIFS matches differently from parseCluster, or not at all. */
export const CLUSTER_CELLS: CellValue[] = [
  "Act Now",
  "act now",
  " Act Now",
  "Act now ",
  "Act  Now",
  "Act_Now",
  "act-now",
  "ActNow",
  "  Educate",
  "Educate  ",
  "EVALUATE",
  "Nurture",
  "Act\tNow",
  "act now\u00A0",
  "\u200BAct Now",
  "Hot",
  "TBD",
  "Don't act now",
  "Re-evaluate",
  "",
  " ",
  "   ",
  "\u00A0",
  "\u200B",
  "#N/A",
  "#n/a",
  " #N/A",
  "#N/A ",
  "#1 prospect",
  5,
  true,
];
/** Identity cells: names, and cells the domain counts as blank although they are not empty. */
export const IDENTITY_CELLS: CellValue[] = [
  "Contoso",
  "Fabrikam",
  12345,
  "",
  " ",
  "#N/A",
  "\u200B",
  " Contoso",
];

/** An Azure report whose first product's cluster and account name cells are the given ones. */
export function reportWith(clusters: CellValue[], identities: CellValue[]) {
  const report = generateReport({ layout: "azure", rows: clusters.length, seed: 3 });
  const header = report.rows[report.truth.headerRow];
  const clusterColumn = header.indexOf(report.truth.products[0].clusterHeader);
  const identityColumn = header.indexOf(report.truth.roles.accountName!);
  const rows = report.rows.map((row) => [...row]);
  clusters.forEach((cell, i) => {
    rows[report.truth.headerRow + 1 + i][clusterColumn] = cell;
    rows[report.truth.headerRow + 1 + i][identityColumn] = identities[i];
  });
  return { rows, headerRow: report.truth.headerRow, clusterColumn };
}

/**
 * [cluster, identity] cells of 30-60 rows: mostly cells the counts can prove, so the fast path is taken and
 * checked, plus at most one odd cluster cell, one odd identity cell and one odd cluster cell on a row that is
 * not a customer, each of which may send the action back to reading the column.
 */
export const messyCellRows: fc.Arbitrary<[CellValue, CellValue][]> = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom(...CLUSTER_CELLS.slice(0, 12), "Hot", "", "#N/A", 5),
        fc.constantFrom<CellValue>("Contoso", 12345, ""),
      ),
      { minLength: 30, maxLength: 60 },
    ),
    fc.option(fc.tuple(fc.constantFrom(...CLUSTER_CELLS), fc.nat())),
    fc.option(fc.tuple(fc.constantFrom(...IDENTITY_CELLS), fc.nat())),
    fc.option(fc.tuple(fc.constantFrom(...CLUSTER_CELLS), fc.nat())),
  )
  .map(([cells, oddCluster, oddIdentity, oddBlankRow]) => {
    const rows = cells.map(([cluster, identity]): [CellValue, CellValue] => [cluster, identity]);
    if (oddCluster) rows[oddCluster[1] % rows.length][0] = oddCluster[0];
    if (oddBlankRow) rows[oddBlankRow[1] % rows.length] = [oddBlankRow[0], ""];
    if (oddIdentity) rows[oddIdentity[1] % rows.length][1] = oddIdentity[0];
    return rows;
  });
