/**
 * Seller call lists: split the visible customers by one column (CRM Owner, Sales Territory, ...),
 * one list per value, best first, with the columns a seller needs. Pure: the Excel layer reads the
 * visible rows and writes the sheets.
 */
import { COLUMN_GROUPS } from "./addinArtifacts";
import { locateColumnGroup } from "./columnGroups";
import { foldHeader } from "./headers";
import { locateHelperColumns } from "./helperColumns";
import { HELPER_HEADERS } from "./score";
import type { CellValue, ColumnRole, ColumnValues, ReportLayout } from "./types";
import { cleanText, isBlank, parseCluster, parseYesNo } from "./values";

/** Where blank split values go. */
export const UNASSIGNED = "Unassigned";
/** Above this many sellers the user confirms before that many sheets are made. */
export const MANY_SELLERS = 100;
/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME_LENGTH = 31;
/** Header of the column listing the cohorts and sales plays a customer is in. */
export const COHORTS_HEADER = "Cohorts and Sales Plays";
/** Excel reserves this name for its change history. */
const RESERVED_SHEET_NAMES = new Set(["history"]);
const FORBIDDEN_IN_SHEET_NAME = /[:\\/?*[\]]/g;

// ---- the split column ---------------------------------------------------------------------------

export interface SplitChoice {
  /** Report column offset. */
  column: number;
  header: string;
}

/** The CRM Owner column the CRM match writes, found by its header. */
export function crmOwnerColumn(rawHeaders: readonly unknown[]): number | null {
  const start = locateColumnGroup(rawHeaders, "crm");
  if (start !== null) return start + COLUMN_GROUPS.crm.indexOf("CRM Owner");
  const folded = foldHeader("CRM Owner");
  const found = rawHeaders.findIndex((h) => foldHeader(h) === folded);
  return found >= 0 ? found : null;
}

/**
 * The column to split by: the one asked for (header text, folded, or a column offset), else CRM
 * Owner when the CRM match has run, else Sales Territory. null with a reason when there is none.
 */
export function chooseSplitColumn(
  layout: ReportLayout,
  requested?: string | number,
): { ok: true; choice: SplitChoice } | { ok: false; reason: string } {
  const header = (column: number) => layout.headers[column] ?? `Column ${column + 1}`;
  if (requested !== undefined && requested !== "") {
    let column = -1;
    if (typeof requested === "number") column = requested;
    else {
      const folded = foldHeader(requested);
      column = layout.headers.findIndex((h) => foldHeader(h) === folded);
      if (column < 0) column = layout.rawHeaders.findIndex((h) => foldHeader(h) === folded);
    }
    if (!Number.isInteger(column) || column < 0 || column >= layout.rawHeaders.length) {
      return { ok: false, reason: `The report has no column "${String(requested)}" to split by.` };
    }
    return { ok: true, choice: { column, header: header(column) } };
  }
  const owner = crmOwnerColumn(layout.rawHeaders);
  if (owner !== null) return { ok: true, choice: { column: owner, header: header(owner) } };
  const territory = layout.roles.salesTerritory;
  if (territory !== undefined) return { ok: true, choice: { column: territory, header: header(territory) } };
  return {
    ok: false,
    reason:
      "The report has no CRM Owner (run Match to CRM first) and no Sales Territory column: pick the column to split by.",
  };
}

/** Columns offered in the pane's "split by" list: the defaults first, then the firmographics and user columns. */
export function splitColumnOptions(layout: ReportLayout): SplitChoice[] {
  const header = (column: number) => layout.headers[column] ?? `Column ${column + 1}`;
  const roles: ColumnRole[] = [
    "salesTerritory",
    "subSegment",
    "state",
    "country",
    "industry",
    "vertical",
    "area",
  ];
  const columns = [
    crmOwnerColumn(layout.rawHeaders),
    ...roles.map((role) => layout.roles[role] ?? null),
  ].filter((c): c is number => c !== null);
  const known = new Set<number>(
    [
      ...Object.values(layout.roles).filter((c): c is number => c !== undefined),
      ...layout.products.flatMap((p) => [p.cluster, p.fit, p.intent, p.potentialRevenue, p.owned]),
      ...layout.cohorts.map((c) => c.column),
      ...layout.ownership,
    ].filter((c): c is number => c !== undefined),
  );
  const helpers = locateHelperColumns(layout.rawHeaders);
  // Columns the report does not explain (a user's own column, e.g. "Account Manager"), not the add-in's.
  const userColumns = layout.rawHeaders
    .map((_, column) => column)
    .filter(
      (column) =>
        !known.has(column) &&
        foldHeader(layout.rawHeaders[column]) !== "" &&
        !(helpers !== null && column >= helpers && column < helpers + HELPER_HEADERS.length) &&
        !Object.values(COLUMN_GROUPS).some((headers) =>
          headers.some((h) => foldHeader(h) === foldHeader(layout.rawHeaders[column]) && h !== "CRM Owner"),
        ),
    );
  return [...new Set([...columns, ...userColumns])].map((column) => ({ column, header: header(column) }));
}

// ---- the columns of a seller sheet ---------------------------------------------------------------

export type SellerColumnSource = { kind: "column"; column: number } | { kind: "cohorts" };

export interface SellerColumn {
  header: string;
  source: SellerColumnSource;
  /** Widths are fitted to these. */
  key: boolean;
  /** What the column is, for the Excel layer (cluster colours, sorting). */
  role?: "bestCluster" | "clusterBand" | "priorityScore";
}

/**
 * Account Name, Domain, City, Country, Sub Segment, Industry, Best Cluster, Cluster Band, Priority
 * Score, Score Reasons, Change and CRM Account when present, each product's potential revenue, and the
 * cohorts and sales plays the customer is in. Columns the report lacks are left out.
 */
export function sellerColumns(layout: ReportLayout): SellerColumn[] {
  const out: SellerColumn[] = [];
  const header = (column: number) => layout.headers[column] ?? `Column ${column + 1}`;
  const add = (
    column: number | null | undefined,
    key: boolean,
    role?: SellerColumn["role"],
    name?: string,
  ) => {
    if (column === null || column === undefined || column >= layout.rawHeaders.length) return;
    out.push({ header: name ?? header(column), source: { kind: "column", column }, key, role });
  };
  const roles = layout.roles;
  add(roles.accountName, true);
  add(roles.domain, true);
  add(roles.city, false);
  add(roles.country, true);
  add(roles.subSegment, true);
  add(roles.industry, true);
  const helpers = locateHelperColumns(layout.rawHeaders);
  if (helpers !== null) {
    add(helpers + HELPER_HEADERS.indexOf("Best Cluster"), true, "bestCluster", "Best Cluster");
    add(helpers + HELPER_HEADERS.indexOf("Cluster Band"), true, "clusterBand", "Cluster Band");
    add(helpers + HELPER_HEADERS.indexOf("Priority Score"), true, "priorityScore", "Priority Score");
    add(helpers + HELPER_HEADERS.indexOf("Score Reasons"), false, undefined, "Score Reasons");
  }
  const lastMonth = locateColumnGroup(layout.rawHeaders, "lastMonth");
  if (lastMonth !== null)
    add(lastMonth + COLUMN_GROUPS.lastMonth.indexOf("Change"), true, undefined, "Change");
  const crm = locateColumnGroup(layout.rawHeaders, "crm");
  if (crm !== null) add(crm + COLUMN_GROUPS.crm.indexOf("CRM Account"), true, undefined, "CRM Account");
  for (const product of layout.products) add(product.potentialRevenue, false);
  if (layout.cohorts.length) out.push({ header: COHORTS_HEADER, source: { kind: "cohorts" }, key: false });
  return out;
}

/** Report columns a split needs to read. */
export function sellerColumnsNeeded(
  layout: ReportLayout,
  columns: readonly SellerColumn[],
  split: number,
): number[] {
  const needed = new Set<number>([split]);
  for (const c of columns) {
    if (c.source.kind === "column") needed.add(c.source.column);
    else for (const cohort of layout.cohorts) needed.add(cohort.column);
  }
  return [...needed].sort((a, b) => a - b);
}

/** "Cohort 1 - Migrate to Cloud; Security Upsell": flag columns at Yes by header, named cohorts by value. */
export function cohortsText(layout: ReportLayout, data: ColumnValues, row: number): string {
  const parts: string[] = [];
  for (const cohort of layout.cohorts) {
    const value = data.get(cohort.column)?.[row];
    if (cohort.kind === "flag") {
      // Most cells are exactly "Yes", "No" or blank: skip the general parser for them.
      const yes =
        value === "Yes" ? true : value === "No" || value === "" ? false : parseYesNo(value) === true;
      if (yes) parts.push(cohort.header);
    } else if (!isBlank(value) && parseYesNo(value) !== false) parts.push(cleanText(value));
  }
  return parts.join("; ");
}

// ---- the split ---------------------------------------------------------------------------------

export interface SellerList {
  /** The split value as first seen (trimmed), or "Unassigned". */
  seller: string;
  /** One row per customer, best first, one cell per seller column. */
  rows: CellValue[][];
  actNow: number;
  evaluate: number;
}

export interface SellerSplit {
  headers: string[];
  /** "@" for text columns, "General" for columns whose every value is a number. */
  numberFormats: string[];
  lists: SellerList[];
  /** Visible, non-blank rows split. */
  customers: number;
}

/** One collator for every comparison: localeCompare with options builds a new one per call. */
const byName = new Intl.Collator("en", { sensitivity: "base" });

function priorityOf(value: CellValue | undefined): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : -Infinity;
}

/** Split key: sellers differing only in case or spacing are one seller (Excel sheet names ignore case too). */
export function sellerKey(value: unknown): string {
  const text = cleanText(value).replace(/\s+/g, " ");
  return text === "" ? UNASSIGNED.toLowerCase() : text.toLowerCase();
}

/**
 * Splits the visible rows (column-major, as the Excel layer reads them) by the split column. Blank
 * rows are not customers. Lists are ordered by customer count, largest first, "Unassigned" last.
 */
export function splitBySeller(
  layout: ReportLayout,
  columns: readonly SellerColumn[],
  splitColumn: number,
  data: ColumnValues,
  rowCount: number,
): SellerSplit {
  const steps = splitBySellerInSteps(layout, columns, splitColumn, data, rowCount);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows split between two yields, so the pane's thread gets a turn on large reports. */
export const SPLIT_ROWS_PER_STEP = 5_000;

/** splitBySeller in steps: yields the rows done after each SPLIT_ROWS_PER_STEP rows, returns the split. */
export function* splitBySellerInSteps(
  layout: ReportLayout,
  columns: readonly SellerColumn[],
  splitColumn: number,
  data: ColumnValues,
  rowCount: number,
): Generator<number, SellerSplit> {
  const read = [...data.keys()];
  const groups = new Map<
    string,
    { seller: string; rows: { cells: CellValue[]; score: number; name: string }[] }
  >();
  const numeric = columns.map(() => true);
  let customers = 0;
  for (let r = 0; r < rowCount; r++) {
    if (r > 0 && r % SPLIT_ROWS_PER_STEP === 0) yield r;
    if (read.every((column) => isBlank(data.get(column)![r]))) continue;
    customers++;
    const splitValue = data.get(splitColumn)?.[r];
    const key = sellerKey(splitValue);
    let group = groups.get(key);
    if (!group) {
      const seller =
        key === UNASSIGNED.toLowerCase() ? UNASSIGNED : cleanText(splitValue).replace(/\s+/g, " ");
      group = { seller, rows: [] };
      groups.set(key, group);
    }
    let score = -Infinity;
    const cells = columns.map((column, i): CellValue => {
      if (column.source.kind === "cohorts") {
        numeric[i] = false;
        return cohortsText(layout, data, r);
      }
      const value = data.get(column.source.column)?.[r] ?? "";
      if (column.role === "priorityScore") score = priorityOf(value);
      if (isBlank(value)) return "";
      if (typeof value !== "number") numeric[i] = false;
      return value;
    });
    const nameColumn = layout.roles.accountName;
    group.rows.push({
      cells,
      score,
      name: nameColumn === undefined ? "" : cleanText(data.get(nameColumn)?.[r]),
    });
  }
  const clusterIndex = columns.findIndex((c) => c.role === "bestCluster");
  const lists = [...groups.values()].map(({ seller, rows }) => {
    rows.sort((a, b) => b.score - a.score || byName.compare(a.name, b.name));
    let actNow = 0;
    let evaluate = 0;
    const out = rows.map(({ cells }) => {
      if (clusterIndex >= 0) {
        const cluster = parseCluster(cells[clusterIndex]);
        if (cluster === "Act Now") actNow++;
        else if (cluster === "Evaluate") evaluate++;
      }
      // Text stays text: a mixed column is written as text throughout.
      return cells.map((cell, i) => (numeric[i] || typeof cell !== "number" ? cell : String(cell)));
    });
    return { seller, rows: out, actNow, evaluate };
  });
  lists.sort(
    (a, b) =>
      Number(a.seller === UNASSIGNED) - Number(b.seller === UNASSIGNED) ||
      b.rows.length - a.rows.length ||
      byName.compare(a.seller, b.seller),
  );
  return {
    headers: columns.map((c) => c.header),
    numberFormats: columns.map((_, i) => (numeric[i] ? "General" : "@")),
    lists,
    customers,
  };
}

// ---- sheet names -------------------------------------------------------------------------------

/** A legal sheet name from any text: no : \ / ? * [ ], no leading or trailing apostrophe, 31 characters. */
export function cleanSheetName(text: string, fallback = UNASSIGNED): string {
  let name = text
    .replace(FORBIDDEN_IN_SHEET_NAME, "-")
    // Control characters (tabs, line breaks) cannot be typed into a sheet tab.
    .replace(/\p{Cc}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  name = name.replace(/^'+|'+$/g, "").trim();
  name = name.slice(0, MAX_SHEET_NAME_LENGTH).replace(/'+$/, "").trim();
  return name === "" ? fallback : name;
}

/**
 * Gives each wanted name a legal sheet name, unique regardless of case among themselves and the
 * names already taken: a clash gets " (2)", " (3)", ... within 31 characters.
 */
export function uniqueSheetNames(wanted: readonly string[], taken: Iterable<string>): string[] {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  return wanted.map((text) => {
    const base = cleanSheetName(text);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()) || RESERVED_SHEET_NAMES.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Excel's reference to a sheet's A1, quoted: 'O''Brien'!A1. */
export function sheetA1Reference(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!A1`;
}

// ---- the sheets' layout ------------------------------------------------------------------------

/**
 * Seller and index sheets: A1 the title (SHEET_TITLES), A2 `Report sheet: <name>`, A3 what the
 * sheet holds, then the table's header row (frozen with everything above it) and its rows.
 */
export const SELLER_SHEET_HEADER_ROW = 3;
export const INDEX_HEADERS = ["Seller", "Sheet", "Customers", "Act Now", "Evaluate"] as const;
export const INDEX_SHEET_COLUMN = INDEX_HEADERS.indexOf("Sheet");

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

/** A3 of a seller sheet: "CRM Owner: Alice Smith (42 customers: Act Now 10, Evaluate 20; best first)". */
export function sellerSheetLine(splitHeader: string, list: SellerList): string {
  return (
    `${splitHeader}: ${list.seller} (${plural(list.rows.length, "customer")}: ` +
    `Act Now ${list.actNow}, Evaluate ${list.evaluate}; best first by Priority Score)`
  );
}

/** A3 of the index sheet. */
export function indexSheetLine(splitHeader: string, split: SellerSplit, reportSheet: string): string {
  return (
    `${plural(split.customers, "customer")} visible on "${reportSheet}", split by ${splitHeader} into ` +
    `${plural(split.lists.length, "seller list")}. Click a sheet name to open it.`
  );
}

/** The About sheet of a seller's own workbook. */
export function sellerAboutLines(options: {
  sheetLine: string;
  reportSheetLine: string;
  today: Date;
  headers: readonly string[];
}): string[] {
  const has = (header: string) => options.headers.includes(header);
  return [
    "About this list",
    options.sheetLine,
    `Prepared ${options.today.toISOString().slice(0, 10)} with Propensity Pane from a Microsoft Partner Center CloudAscent propensity report (${options.reportSheetLine}).`,
    "",
    "How to use it: call from the top. Customers are sorted by Priority Score, highest first; the filter buttons on the header row narrow the list.",
    ...(has("Best Cluster")
      ? [
          "Best Cluster: Microsoft's propensity cluster for the customer's best product. Act Now = sales-ready (green), Evaluate = marketing-ready (amber), Nurture (blue), Educate (grey).",
        ]
      : []),
    ...(has("Cluster Band")
      ? ["Cluster Band: the Fit x Intent cell, A1 the most sales-ready, ET10 the least."]
      : []),
    ...(has("Priority Score")
      ? ["Priority Score: 0-100, the order of the list; Score Reasons gives the facts behind it."]
      : []),
    ...(has(COHORTS_HEADER) ? [`${COHORTS_HEADER}: the report's campaigns the customer qualifies for.`] : []),
    "",
    "Customer data from the report: keep it within your organisation.",
  ];
}
