/**
 * Everything the add-in adds to a workbook, named in one place so that every action writes it the
 * same way and Reset finds it again from the sheet alone (settings do not always persist).
 *
 * - Column groups sit right of the report's last used column (user columns included), each as one
 *   contiguous block whose header row holds exactly these texts, in this order. A rerun finds the
 *   block by its headers and updates it in place; Reset removes every group it finds.
 * - Sheets the add-in creates carry their kind's title in A1 and, in A2, `Report sheet: <name>`
 *   naming the report sheet they were made from, so Reset on one report sheet removes only its own.
 */

export const COLUMN_GROUPS = {
  /** Add helper columns. */
  helpers: ["Best Cluster", "Cluster Band", "Top Products", "Priority Score", "Score Reasons"],
  /** Sort by priority: each row's place before the first sort. */
  originalOrder: ["Original Order"],
  /** Compare with last month. */
  lastMonth: ["Last Month", "Change", "Change Details"],
  /** Match to CRM. */
  crm: ["CRM Account ID", "CRM Account", "CRM Owner", "CRM Match"],
} as const;

export type ColumnGroupId = keyof typeof COLUMN_GROUPS;

export const SHEET_TITLES = {
  summary: "Propensity Summary",
  about: "About this report",
  whatChanged: "What Changed",
  sellersIndex: "Sellers",
  sellerList: "Seller call list",
} as const;

export type AddinSheetKind = keyof typeof SHEET_TITLES;

/** The A2 line of an add-in sheet, naming the report sheet it was made from. */
export const REPORT_SHEET_PREFIX = "Report sheet: ";

export function reportSheetLine(reportSheetName: string): string {
  return `${REPORT_SHEET_PREFIX}${reportSheetName}`;
}

/** The report sheet an add-in sheet's A2 names, or null when it names none. */
export function reportSheetOf(a2: unknown): string | null {
  const text = typeof a2 === "string" ? a2 : "";
  return text.startsWith(REPORT_SHEET_PREFIX) ? text.slice(REPORT_SHEET_PREFIX.length) : null;
}

/** A sheet's name and its first two cells: an add-in sheet holds its title in A1 and its report in A2. */
export interface SheetTitle {
  name: string;
  a1: unknown;
  a2: unknown;
}

export interface AddinSheet {
  name: string;
  kind: AddinSheetKind;
}

/** Kinds the add-in made before its sheets named their report sheet in A2: found by title alone. */
const KINDS_WITHOUT_A2: readonly AddinSheetKind[] = ["summary", "about"];

/**
 * The add-in's sheets made from one report sheet, among every sheet's A1/A2: A1 is one of SHEET_TITLES
 * and A2 reads `Report sheet: <reportSheetName>`. A summary or About sheet from before that line existed
 * (no A2 line) counts as every report sheet's. The one way every action finds its own sheets.
 */
export function addinSheetsAmong(titles: readonly SheetTitle[], reportSheetName: string): AddinSheet[] {
  const kinds = Object.entries(SHEET_TITLES) as [AddinSheetKind, string][];
  return titles.flatMap(({ name, a1, a2 }) => {
    const title = typeof a1 === "string" ? a1.trim() : String(a1 ?? "");
    const kind = kinds.find(([, t]) => t === title)?.[0];
    if (!kind) return [];
    const owner = reportSheetOf(a2);
    const mine = owner === null ? KINDS_WITHOUT_A2.includes(kind) : owner === reportSheetName;
    return mine ? [{ name, kind }] : [];
  });
}
