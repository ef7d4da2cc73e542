import type { ColumnFormat } from "./columnFormats";

/**
 * Shared vocabulary of the domain layer. Pure data: no Office types, no behaviour.
 * Column indexes are 0-based offsets from the left edge of the report's used range.
 * Data row i is the i-th row below the header row (0-based), blank rows included.
 */

/** A cell as Excel's `range.values` returns it ("" for an empty cell). */
export type CellValue = string | number | boolean | null;

/** Column index -> that column's values for every data row (length = data row count). */
export type ColumnValues = ReadonlyMap<number, readonly CellValue[]>;

export type Cluster = "Act Now" | "Evaluate" | "Nurture" | "Educate";
export const CLUSTERS: readonly Cluster[] = ["Act Now", "Evaluate", "Nurture", "Educate"];

/** The documented Fit x Intent cell: A1-A4, E5-E8, N9, ET10; or the bare cluster code when fit/intent are missing. */
export type ClusterBand =
  "A1" | "A2" | "A3" | "A4" | "E5" | "E6" | "E7" | "E8" | "N9" | "ET10" | "A" | "E" | "N" | "ET";

export type ScoreBand = "High" | "Medium" | "Low" | "Very Low";

/** Columns recognised by meaning (after folding case, spaces, `_`, `-` and a BOM). */
export type ColumnRole =
  // identity
  | "partnerId"
  | "partnerName"
  | "customerId"
  | "tpid"
  | "tenantId"
  | "duns"
  | "accountName"
  | "domain"
  // firmographics
  | "orgSize"
  | "industry"
  | "vertical"
  | "area"
  | "subsidiary"
  | "salesTerritory"
  | "city"
  | "state"
  | "postalCode"
  | "country"
  | "segment"
  | "subSegment"
  | "smcType"
  | "nonprofit"
  // propensity extras
  | "recommendedWorkloads"
  | "m365UpsellCustomer"
  // renewal report
  | "licenseProgram"
  | "agreementId"
  | "agreementEndDate"
  | "expirationType"
  | "expiringRevenue"
  | "revSumDivision"
  // last column: transacted in the last 36 months
  | "transacted36";

/** One product's propensity columns. `key` is canonical ("Azure", "M365", "M365 Copilot", "D365 BC", ...). */
export interface ProductColumns {
  key: string;
  /** What the pane shows, e.g. "Microsoft 365 Copilot". */
  label: string;
  cluster: number;
  fit?: number;
  intent?: number;
  potentialRevenue?: number;
  /** `Has <product>` ownership flag, when present. */
  owned?: number;
}

/** A cohort or sales-play column, recognised by header or by the shape of its values. */
export interface CohortColumn {
  column: number;
  header: string;
  /** flag: Yes/No values; named: a few repeated cohort names. */
  kind: "flag" | "named";
}

export type ReportType =
  "renewal" | "azure" | "ai-business" | "dynamics" | "security" | "surface" | "unknown";

export interface ReportLayout {
  /** Index of the header row inside the block given to detectLayout (0-based). */
  headerRow: number;
  /** Header texts as found (BOM removed, trimmed). */
  rawHeaders: string[];
  /** Unique, non-blank names: blank -> "Column 7", duplicate -> "Industry (2)". Safe as pivot field names. */
  headers: string[];
  roles: Partial<Record<ColumnRole, number>>;
  products: ProductColumns[];
  cohorts: CohortColumn[];
  /** Other ownership / competitor flags (HasGoogle, HasAWS, HasEA, *_HasOpenRenewal ...). */
  ownership: number[];
  reportType: ReportType;
  /** e.g. "Agreement renewal", "Cloud & AI Platform (Azure)", "CloudAscent report, type unknown". */
  reportTypeLabel: string;
  /** Plain-language notes about the header: renamed duplicates, missing expected columns. */
  warnings: string[];
}

export type LayoutResult = { ok: true; layout: ReportLayout } | { ok: false; reason: string };

export type ClusterCounts = Record<Cluster | "Blank" | "Unknown", number>;

export interface ProductAnalysis {
  key: string;
  label: string;
  column: number;
  header: string;
  counts: ClusterCounts;
  /** Distinct unrecognised cluster texts, as found. */
  unknownValues: string[];
}

export interface ValueCount {
  value: string;
  count: number;
}

export interface CohortAnalysis extends CohortColumn {
  /** Distinct non-blank values as found (exact text), most frequent first. */
  values: ValueCount[];
  /** The column was not read: `values` is empty until the pane counts them (countColumnValues). */
  valuesPending?: true;
}

export interface ReportAnalysis {
  reportType: ReportType;
  reportTypeLabel: string;
  /** 0-based index of the header row in the block given to detectLayout. */
  headerRow: number;
  /** Rows below the header, blank rows included. */
  dataRowCount: number;
  /** Rows whose every read cell is blank. */
  blankRowCount: number;
  products: ProductAnalysis[];
  cohorts: CohortAnalysis[];
  warnings: string[];
  /** How the date and money columns write their text (day-first, decimal comma), ambiguous ones flagged. */
  columnFormats?: ColumnFormat[];
}

/** Column index -> the displayed text (`range.text`) of that column's cells, one per data row. */
export type ColumnTexts = ReadonlyMap<number, readonly string[]>;
