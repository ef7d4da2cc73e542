import type { ExcelHost } from "../../excel/host";
import { WorkbookModel } from "./model";
import type { HostInternals } from "./proxy/context";
import { FakeRequestContext } from "./proxy/workbook";
import { FakeOfficeError } from "./errors";
import { compareVersions, isSupported } from "./requirements";
import { type SyncStats, emptyStats, resetStats } from "./stats";

export interface FakeExcelOptions {
  /** Highest supported ExcelApi version: "1.17" (default), "1.7" mimics Office 2019, "1.1" Office 2016. */
  apiVersion?: string;
  /** "web" (default) enforces 5 MB per request and per response of one sync. */
  limits?: "web" | "desktop";
  documentUrl?: string;
  /** Artificial delay per sync, for the preview; 0 resolves on a microtask. */
  latencyMs?: number;
}

/** An in-memory Excel behind the add-in's ExcelHost seam. */
export class FakeExcel implements ExcelHost {
  readonly workbook = new WorkbookModel();
  readonly stats: SyncStats = emptyStats();
  /** Members ("Worksheet.autoFilter") the add-in touched, each checked against its ExcelApi set. */
  readonly checkedMembers = new Set<string>();
  /** Workbooks opened with createWorkbook, as the base64 .xlsx each was given (newest last). */
  readonly createdWorkbooks: string[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly internals: HostInternals;
  private readonly options: Required<Omit<FakeExcelOptions, "documentUrl">> & { documentUrl?: string };

  constructor(options: FakeExcelOptions = {}, workbook?: WorkbookModel) {
    if (workbook) this.workbook = workbook;
    this.options = {
      apiVersion: options.apiVersion ?? "1.17",
      limits: options.limits ?? "web",
      latencyMs: options.latencyMs ?? 0,
      documentUrl: options.documentUrl,
    };
    const listeners = this.listeners;
    this.internals = {
      model: this.workbook,
      apiVersion: this.options.apiVersion,
      limits: this.options.limits,
      latencyMs: this.options.latencyMs,
      stats: this.stats,
      checkedMembers: this.checkedMembers,
      notifyChanged: () => listeners.forEach((listener) => listener()),
    };
  }

  /** Like Excel.run: a fresh context; pending work is synced when the batch resolves. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = new FakeRequestContext(this.internals);
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  }

  /** Another host over the same workbook: the document opened in an Excel of another ExcelApi version. */
  withApiVersion(apiVersion: string): FakeExcel {
    return new FakeExcel({ ...this.options, apiVersion }, this.workbook);
  }

  isSetSupported(name: string, version: string): boolean {
    return name === "ExcelApi" && compareVersions(version, this.options.apiVersion) <= 0;
  }

  /**
   * Excel.createWorkbook(base64) (ExcelApi 1.8, Office.js reference): opens a new workbook; the
   * in-memory Excel keeps the file. Below 1.8 the call is missing, as in Office 2019 and older.
   */
  async createWorkbook(base64: string): Promise<void> {
    this.checkedMembers.add("Excel.createWorkbook");
    if (!isSupported(this.options.apiVersion, "1.8")) {
      throw new FakeOfficeError(
        "ApiNotFound",
        `Excel.createWorkbook requires ExcelApi 1.8; this Excel supports ExcelApi ${this.options.apiVersion}.`,
      );
    }
    if (typeof base64 !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64))
      throw new FakeOfficeError("InvalidArgument", "Excel.createWorkbook needs a base64-encoded .xlsx file.");
    this.createdWorkbooks.push(base64);
    await Promise.resolve();
  }

  documentUrl(): string | undefined {
    return this.options.documentUrl;
  }

  /**
   * The document closed and opened again (or Excel on the web reloading the add-in): cells, sheets,
   * filters and objects stay; settings stay unless `workbook.settingsLostOnReload` is set; the
   * selection goes back to the active sheet's A1.
   */
  reload(): void {
    if (this.workbook.settingsLostOnReload) this.workbook.settings.clear();
    this.workbook.selection = null;
  }

  resetStats(): void {
    resetStats(this.stats);
  }

  /** Called after every sync that changed the workbook; returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function createFakeExcel(options?: FakeExcelOptions): FakeExcel {
  return new FakeExcel(options);
}
