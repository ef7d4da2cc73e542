import {
  addinSheetsAmong,
  COLUMN_GROUPS,
  SHEET_TITLES,
  type AddinSheetKind,
  type SheetTitle,
} from "../domain/addinArtifacts";
import { locateColumnGroup } from "../domain/columnGroups";
import type { CellValue } from "../domain/types";
import { sheetTitles } from "../excel/sheetOps";
import { openReport, readReportColumns } from "../excel/report";
import type { ActionDefinition } from "./types";

/**
 * What the add-in has done to the active report, read from the workbook itself (column groups by
 * their headers, add-in sheets by their title in A1), so the pane rebuilds its steps when it reopens.
 */
export interface WorkbookProgress {
  sheetName: string;
  /** Best Cluster ... Score Reasons are on the sheet. */
  helpers: boolean;
  /** The CRM Match column: customers matched to an account, of those with a match result, and per kind. */
  crm: { matched: number; total: number; byKind: Record<string, number> } | null;
  /** The Change column of Compare with last month, counted per value (New, Up, Down, Same). */
  lastMonth: { total: number; byChange: Record<string, number> } | null;
  /** Sheets the add-in made for this report, by kind. */
  sheets: Record<AddinSheetKind, string[]>;
}

/** CRM Match values that do not give the customer an account. */
const UNMATCHED = new Set(["", "not in crm", "ambiguous", "conflict"]);

const text = (value: CellValue | undefined): string =>
  value === null || value === undefined ? "" : String(value).trim();

/** "Similar name (0.93)" counts as "Similar name". */
function matchKind(value: string): string {
  return value.replace(/\s*\([^)]*\)\s*$/, "");
}

export function countCrmMatches(values: readonly (CellValue | undefined)[]): WorkbookProgress["crm"] {
  const byKind: Record<string, number> = {};
  let matched = 0;
  let total = 0;
  for (const value of values) {
    const kind = matchKind(text(value));
    if (!kind) continue;
    total++;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    if (!UNMATCHED.has(kind.toLowerCase())) matched++;
  }
  return { matched, total, byKind };
}

export function countChanges(values: readonly (CellValue | undefined)[]): WorkbookProgress["lastMonth"] {
  const byChange: Record<string, number> = {};
  let total = 0;
  for (const value of values) {
    const change = text(value);
    if (!change) continue;
    total++;
    byChange[change] = (byChange[change] ?? 0) + 1;
  }
  return { total, byChange };
}

/** Add-in sheets of this report sheet, by kind (see addinSheetsAmong). */
export function addinSheetsOf(
  titles: readonly SheetTitle[],
  reportSheet: string,
): WorkbookProgress["sheets"] {
  const kinds = Object.keys(SHEET_TITLES) as AddinSheetKind[];
  const sheets = Object.fromEntries(
    kinds.map((kind) => [kind, [] as string[]]),
  ) as WorkbookProgress["sheets"];
  for (const { name, kind } of addinSheetsAmong(titles, reportSheet)) sheets[kind].push(name);
  return sheets;
}

export const describeWorkbook: ActionDefinition<void, WorkbookProgress> = {
  id: "describeWorkbook",
  label: "Read what is done",
  description:
    "Reads which helper columns and sheets the add-in added for the active report. Changes nothing.",
  requires: [],
  needs: [],
  async perform(env) {
    const report = await openReport(env.host, env.capabilities);
    const headers = report.layout.rawHeaders;
    const helpersAt = locateColumnGroup(headers, "helpers");
    const crmAt = locateColumnGroup(headers, "crm");
    const lastMonthAt = locateColumnGroup(headers, "lastMonth");
    const crmColumn = crmAt === null ? null : crmAt + COLUMN_GROUPS.crm.indexOf("CRM Match");
    const changeColumn =
      lastMonthAt === null ? null : lastMonthAt + COLUMN_GROUPS.lastMonth.indexOf("Change");
    const columns = [crmColumn, changeColumn].filter((c): c is number => c !== null);
    // Reads only the two count columns, and only when they are there.
    const data = columns.length
      ? await readReportColumns(env.host, report, columns, { signal: env.signal })
      : new Map<number, CellValue[]>();
    const titles = await sheetTitles(env.host);
    const progress: WorkbookProgress = {
      sheetName: report.sheetName,
      helpers: helpersAt !== null,
      crm: crmColumn === null ? null : countCrmMatches(data.get(crmColumn) ?? []),
      lastMonth: changeColumn === null ? null : countChanges(data.get(changeColumn) ?? []),
      sheets: addinSheetsOf(titles, report.sheetName),
    };
    return { message: `Read what the add-in added to ${report.sheetName}.`, data: progress };
  },
};
