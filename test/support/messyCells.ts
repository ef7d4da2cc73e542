/**
 * Cells that COUNTIFS and wildcard criteria match differently from the domain's parsing, for the tests
 * of the counting fast paths (Analyze, Act Now + Evaluate).
 */
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
