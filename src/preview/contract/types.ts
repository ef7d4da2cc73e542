import type { ExcelHost } from "../../excel/host";

/** What a case records: JSON only (values, error codes, shapes), never a verdict. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The outcome of one Office.js step: what it returned, or the error code Excel raised. */
export type Attempt<T extends Json = Json> = { ok: T } | { error: string };

export interface CaseContext {
  /** Name of the scratch sheet the runner created for this case (it deletes it afterwards). */
  readonly sheetName: string;
  /** Runs a batch with the case's scratch sheet; errors propagate. */
  batch<T>(work: (context: Excel.RequestContext, sheet: Excel.Worksheet) => Promise<T>): Promise<T>;
  /** Runs a batch and records its result, or the Office error code it failed with. */
  attempt<T extends Json>(
    work: (context: Excel.RequestContext, sheet: Excel.Worksheet) => Promise<T>,
  ): Promise<Attempt<T>>;
  /** The host seam itself, for cases about Excel.run and Office.context. */
  readonly host: ExcelHost;
}

/**
 * One behaviour of Excel the add-in relies on, written once and run by both runners: Node (in-memory
 * Excel, jest) and the contract page inside Excel. It builds what it needs in its scratch sheet and
 * returns what Excel did.
 */
export interface ContractCase {
  /** Stable id: the key of its observation in recorded files. */
  readonly id: string;
  readonly title: string;
  /** Where the expected behaviour is written down: a Microsoft doc page, excel.d.ts or an office-js issue. */
  readonly source: string;
  /** Office.js members it exercises, named as "Class.member" ("Worksheet.getRangeByIndexes"). */
  readonly members: readonly string[];
  run(context: CaseContext): Promise<Json>;
}

/** Who recorded a file: Office.context.diagnostics plus the ExcelApi sets the host answers to. */
export interface HostDescription {
  /** "Excel", or "in-memory Excel". */
  application: string;
  /** Office.context.diagnostics.platform: "PC", "Mac", "OfficeOnline"... */
  platform: string;
  /** Office.context.diagnostics.version, e.g. "16.0.17928.20114". */
  build: string;
  /** Highest supported version per requirement set name, e.g. {"ExcelApi": "1.17"}. */
  apiSets: Record<string, string>;
  userAgent?: string;
}

export interface CaseRecord {
  title: string;
  source: string;
  observation: Json;
  /** Milliseconds the case took (for the page; never compared). */
  ms?: number;
}

/** A whole run: what the contract page saves and test/contract/recorded/ keeps. */
export interface ContractRecording {
  format: 1;
  recordedAt: string;
  host: HostDescription;
  cases: Record<string, CaseRecord>;
  /** Anything the run left in the workbook (should be empty). */
  traces: string[];
}
