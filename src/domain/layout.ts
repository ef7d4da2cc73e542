/**
 * Finding the report in a sheet: the header row (possibly below title rows), every column's role,
 * product columns, ownership flags and cohort / sales-play columns (by header or by the shape of
 * their values in the sample rows). Never throws: a sheet that is not a report gets a plain reason.
 */
import { FIRMOGRAPHIC_ROLES, IDENTITY_ROLES, productColumns, RENEWAL_ROLES, roleOf } from "./columns";
import { cleanHeader, foldHeader, HEADER_SEARCH_ROWS, SAMPLE_ROWS, uniqueHeaders } from "./headers";
import { detectReportType } from "./reportType";
import type {
  CellValue,
  CohortColumn,
  ColumnRole,
  LayoutResult,
  ProductColumns,
  ReportLayout,
} from "./types";
import { cleanText, isBlank, parseYesNo } from "./values";

export const NOT_A_REPORT_REASON =
  "This sheet doesn't look like a CloudAscent report: none of its first 20 rows has the report's column " +
  "headers (such as AccountName, SubSegment, AzureCluster). Open the CSV downloaded from Partner Center " +
  "and try again.";

export const EMPTY_SHEET_REASON =
  "The sheet is empty: there is nothing to analyse. Open the CloudAscent report (the CSV downloaded from " +
  "Partner Center) and try again.";

export function wrongSeparatorReason(separator: string): string {
  const name = separator === ";" ? "semicolon" : separator === "\t" ? "tab" : "comma";
  return (
    "The report opened in a single column: the CSV was split with the wrong separator. Select column A, " +
    `use Data > Text to Columns > Delimited with ${name} as the delimiter (or open the file with ` +
    "Data > From Text/CSV), then analyse the sheet again."
  );
}

/** What one candidate header row recognises. */
interface HeaderReading {
  roles: Partial<Record<ColumnRole, number>>;
  roleColumns: Set<number>;
  products: ProductColumns[];
  productColumnsUsed: Set<number>;
  ownership: number[];
  recognised: number;
  qualifies: boolean;
}

/** Has* ownership / competitor flag: HasGoogle, HasAWS, HasEA, HasOpen, Azure_HasOpenRenewal. */
function isOwnershipHeader(raw: string): boolean {
  const tokens = cleanHeader(raw).split(/[\s_-]+/);
  return tokens.some((token, i) => {
    if (!/^has/i.test(token)) return false;
    const rest = foldHeader(tokens.slice(i).join(""));
    if (rest.length <= 3 || rest.startsWith("hastransacted")) return false;
    // "Has" alone followed by words ("Has Azure") counts, as does "HasGoogle".
    return i === 0 || token.length > 3;
  });
}

function readHeader(cells: readonly string[]): HeaderReading {
  const roles: Partial<Record<ColumnRole, number>> = {};
  const roleColumns = new Set<number>();
  cells.forEach((text, i) => {
    const role = roleOf(foldHeader(text));
    if (role === undefined) return;
    roleColumns.add(i);
    if (roles[role] === undefined) roles[role] = i;
  });
  const { products, used } = productColumns(cells);
  const ownership: number[] = [];
  cells.forEach((text, i) => {
    if (!roleColumns.has(i) && !used.has(i) && isOwnershipHeader(text)) ownership.push(i);
  });
  const recognised = roleColumns.size + used.size + ownership.length;
  const hasCustomerColumns = [...IDENTITY_ROLES, ...FIRMOGRAPHIC_ROLES].some((r) => roles[r] !== undefined);
  const hasAnchor =
    products.length > 0 ||
    roles.transacted36 !== undefined ||
    RENEWAL_ROLES.some((r) => roles[r] !== undefined);
  return {
    roles,
    roleColumns,
    products,
    productColumnsUsed: used,
    ownership,
    recognised,
    qualifies: recognised >= 3 && hasCustomerColumns && hasAnchor,
  };
}

// ---- cohorts --------------------------------------------------------------------------------

/** Headers that name a sales play or cohort. */
const COHORT_HEADER =
  /cohort|salesplay|(?<!dis)play|upsell|crosssell|promo|xdr|hastransacted|campaign|scenario/;
/** Words of headers that are never cohorts even when they mention one (amounts, scores, explanations, ids). */
const NOT_COHORT_WORDS: ReadonlySet<string> = new Set([
  "revenue",
  "potential",
  "score",
  "fit",
  "intent",
  "cluster",
  "band",
  "signal",
  "signals",
  "reason",
  "reasons",
  "date",
  "amount",
  "percent",
  "count",
  "workload",
  "workloads",
  "description",
  "comment",
  "comments",
  "note",
  "notes",
]);

/** Last words of identifier headers (Agreement ID, Opportunity Number); "Entra ID P1" is still a play. */
const ID_LAST_WORDS: ReadonlySet<string> = new Set(["id", "number", "no", "code", "key"]);

/** Words of a header: "AzureSignalExplainability" -> azure, signal, explainability; "D365BCCluster" -> d365, bc, cluster. */
function headerWords(header: string): string[] {
  return cleanHeader(header)
    .replace(/([a-z])(?=[A-Z])/g, "$1 ")
    .replace(/([0-9])(?=[A-Z][a-z])/g, "$1 ")
    .replace(/([A-Z]+)(?=[A-Z][a-z])/g, "$1 ")
    .toLowerCase()
    .split(/[^a-z0-9&]+/)
    .filter(Boolean);
}

function isNotCohortHeader(header: string): boolean {
  const words = headerWords(header);
  const last = words[words.length - 1] ?? "";
  return ID_LAST_WORDS.has(last) || words.some((w) => NOT_COHORT_WORDS.has(w) || w.startsWith("explain"));
}

/** 2023 sales-play prefixes. */
const SALES_PLAY_PREFIX = /^(azure|mw|d365|m365|o365|bizapps|security|surface|copilot)[\s_-]/i;
/** Values that name a cohort. */
const COHORT_VALUE = /cohort|cross[\s_-]?sell|up[\s_-]?sell|expand/i;

const MAX_NAMED_VALUES = 12;
const MAX_NAMED_LENGTH = 60;

function isNumberLike(v: CellValue): boolean {
  if (typeof v === "number") return true;
  if (typeof v !== "string") return false;
  return /^[\s+-]*[$€£¥]?\s*\d[\d\s,.']*%?$/.test(v.trim());
}

/** Cohort kind of an otherwise unrecognised column, from its header and its sample values. */
export function cohortKind(header: string, sample: readonly CellValue[]): CohortColumn["kind"] | undefined {
  const folded = foldHeader(header);
  const values = sample.filter((v) => !isBlank(v));
  if (isNotCohortHeader(header)) return undefined;
  const byHeader = COHORT_HEADER.test(folded);
  const prefixed = SALES_PLAY_PREFIX.test(cleanHeader(header));

  if (values.length === 0) return byHeader || prefixed ? "flag" : undefined;

  if (values.every((v) => parseYesNo(v) !== undefined)) {
    // A column of 0/1 numbers alone could be a count: it needs a sales-play name to be a flag.
    const textual = values.some((v) => !isNumberLike(v));
    return textual || byHeader || prefixed ? "flag" : undefined;
  }

  const texts = values.map((v) => cleanText(v));
  const distinct = new Set(texts);
  const fewShortTexts =
    distinct.size <= MAX_NAMED_VALUES &&
    texts.every((t) => t.length > 0 && t.length <= MAX_NAMED_LENGTH) &&
    !values.some(isNumberLike);
  if (!fewShortTexts) return undefined;
  if (byHeader || folded.includes("cohort")) return "named";
  return [...distinct].some((t) => COHORT_VALUE.test(t)) ? "named" : undefined;
}

// ---- warnings -------------------------------------------------------------------------------

function quoteList(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  return names.length > max ? `${shown.join(", ")} and ${names.length - max} more` : shown.join(", ");
}

function headerWarnings(rawHeaders: readonly string[], headers: readonly string[]): string[] {
  const warnings: string[] = [];
  const blank = rawHeaders.map((h, i) => (h === "" ? headers[i] : "")).filter((h) => h !== "");
  if (blank.length === 1) warnings.push(`One column has no header; it is called ${quoteList(blank)}.`);
  if (blank.length > 1)
    warnings.push(`${blank.length} columns have no header; they are called ${quoteList(blank)}.`);

  const groups = new Map<string, number[]>();
  rawHeaders.forEach((h, i) => {
    if (h === "") return;
    const key = h.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const columns of groups.values()) {
    if (columns.length < 2) continue;
    const copies = columns.slice(1).map((i) => headers[i]);
    warnings.push(
      `The header "${rawHeaders[columns[0]]}" appears ${columns.length} times; ` +
        `the ${copies.length === 1 ? "copy is" : "copies are"} called ${quoteList(copies)}.`,
    );
  }
  return warnings;
}

function missingColumnWarnings(reading: HeaderReading): string[] {
  const warnings: string[] = [];
  const { roles, products } = reading;
  if (!IDENTITY_ROLES.some((r) => roles[r] !== undefined)) {
    warnings.push(
      "No customer identity column (such as AccountName, CustomerID, TPID or Customer Tenant ID): " +
        "customers can only be told apart by their row.",
    );
  }
  if (roles.subSegment === undefined) {
    warnings.push(
      'No "SubSegment" column: customers cannot be grouped by size (Upper Medium, Medium, Small).',
    );
  }
  if (roles.transacted36 === undefined) {
    warnings.push(
      'No "Transacted in the last 36 months" column: recent customers cannot be told apart from older ones.',
    );
  }
  if (products.length === 0) {
    warnings.push(
      "No product cluster column (such as AzureCluster): there are no Act Now / Evaluate counts to show.",
    );
  }
  for (const p of products) {
    const missing = [p.fit === undefined ? "Fit" : "", p.intent === undefined ? "Intent" : ""].filter(
      Boolean,
    );
    if (missing.length === 0) continue;
    warnings.push(
      `${p.label} has a cluster column but no ${missing.join(" or ")} column: ` +
        "its Cluster Band falls back to the bare cluster (A, E, N, ET).",
    );
  }
  return warnings;
}

// ---- detection ------------------------------------------------------------------------------

function asRows(block: unknown): CellValue[][] {
  if (!Array.isArray(block)) return [];
  return block.map((row) => (Array.isArray(row) ? (row as CellValue[]) : []));
}

export function headerTexts(row: readonly CellValue[], width: number): string[] {
  return Array.from({ length: width }, (_, i) => cleanHeader(row[i]));
}

/** A header squeezed into one cell by a CSV split on the wrong separator; returns the separator. */
function wrongSeparator(rows: readonly (readonly CellValue[])[]): string | undefined {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    for (const cell of row) {
      if (typeof cell !== "string") continue;
      for (const sep of [",", ";", "\t"]) {
        if (!cell.includes(sep)) continue;
        const parts = cell.split(sep).map((p) => cleanHeader(p.replace(/^"|"$/g, "")));
        if (readHeader(parts).recognised >= 3) return sep;
      }
    }
  }
  return undefined;
}

function notFoundReason(rows: readonly (readonly CellValue[])[], readings: readonly HeaderReading[]): string {
  const sep = wrongSeparator(rows);
  if (sep !== undefined) return wrongSeparatorReason(sep);
  const near = readings.findIndex((r) => r.recognised >= 3);
  if (near >= 0) {
    return (
      `${NOT_A_REPORT_REASON} (Row ${near + 1} has customer columns, but no product cluster, renewal or ` +
      '"Transacted in the last 36 months" column.)'
    );
  }
  return NOT_A_REPORT_REASON;
}

function detect(block: unknown): LayoutResult {
  const rows = asRows(block);
  if (!rows.some((row) => row.some((v) => !isBlank(v)))) return { ok: false, reason: EMPTY_SHEET_REASON };
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);

  const searched = rows.slice(0, HEADER_SEARCH_ROWS);
  const readings = searched.map((row) => readHeader(headerTexts(row, width)));
  let headerRow = -1;
  readings.forEach((r, i) => {
    if (r.qualifies && (headerRow < 0 || r.recognised > readings[headerRow].recognised)) headerRow = i;
  });
  if (headerRow < 0) return { ok: false, reason: notFoundReason(rows, readings) };

  const reading = readings[headerRow];
  const rawHeaders = headerTexts(rows[headerRow], width);
  const headers = uniqueHeaders(rawHeaders);
  const sampleRows = rows.slice(headerRow + 1, headerRow + 1 + SAMPLE_ROWS);
  const hasData = rows.slice(headerRow + 1).some((row) => row.some((v) => !isBlank(v)));

  const taken = new Set<number>([
    ...reading.roleColumns,
    ...reading.productColumnsUsed,
    ...reading.ownership,
  ]);
  const cohorts: CohortColumn[] = [];
  for (let i = 0; i < width; i++) {
    if (taken.has(i)) continue;
    const kind = cohortKind(
      rawHeaders[i],
      sampleRows.map((row) => row[i] ?? null),
    );
    if (kind) cohorts.push({ column: i, header: headers[i], kind });
  }

  const warnings = [...headerWarnings(rawHeaders, headers), ...missingColumnWarnings(reading)];
  if (!hasData) warnings.push("The report has a header but no data rows below it.");

  const base: Omit<ReportLayout, "reportType" | "reportTypeLabel"> = {
    headerRow,
    rawHeaders,
    headers,
    roles: reading.roles,
    products: reading.products,
    cohorts,
    ownership: reading.ownership,
    warnings,
  };
  return { ok: true, layout: { ...base, ...detectReportType(base) } };
}

/**
 * Finds the report in `block` (the first up to HEADER_SEARCH_ROWS + SAMPLE_ROWS rows of the used
 * range, all columns). The header row is the row among the first 20 with the most recognised
 * headers, needing at least 3, one identity or firmographic column, and one cluster, renewal or
 * "transacted in the last 36 months" column.
 */
export function detectLayout(block: readonly (readonly CellValue[])[]): LayoutResult {
  try {
    return detect(block);
  } catch {
    return { ok: false, reason: NOT_A_REPORT_REASON };
  }
}
