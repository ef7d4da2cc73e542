/**
 * The preview's workbook: what was loaded (a generated sample or a CSV the user picked), opened in
 * the in-memory Excel at a chosen ExcelApi version, and the host the pane's session runs on.
 */
import type { ExcelHost } from "../../excel/host";
import type { CellValue } from "../../domain/types";
import { createFakeExcel, type FakeExcel } from "../fake-excel";
import { generateReport, openCsvLikeExcel, type SampleLayout } from "../sample-report";

export interface ExcelVersion {
  id: string;
  label: string;
  apiVersion: string;
}

export const EXCEL_VERSIONS: readonly ExcelVersion[] = [
  { id: "m365", label: "Microsoft 365 (ExcelApi 1.17)", apiVersion: "1.17" },
  { id: "2021", label: "Office 2021 (ExcelApi 1.14)", apiVersion: "1.14" },
  { id: "2019", label: "Office 2019 (ExcelApi 1.7)", apiVersion: "1.7" },
];

export const ROW_CHOICES = [500, 5_000, 100_000] as const;

export const LAYOUT_LABELS: Record<SampleLayout, string> = {
  renewal: "Agreement renewal",
  azure: "Cloud & AI Platform (Azure)",
  "ai-business": "AI Business Solutions (M365)",
  security: "Security",
  surface: "Surface",
  "modern-work-2021": "Modern Work (2021)",
  "azure-2023": "Azure (2023)",
  "d365-2023": "Dynamics 365 (2023)",
};

/** What is open: its rows, the sheet it lands on and the document's name. */
export interface WorkbookSource {
  sheetName: string;
  /** e.g. "CloudAscent_ai-business.xlsx" or the CSV's file name. */
  documentName: string;
  rows: CellValue[][];
}

export interface SampleChoice {
  layout: SampleLayout;
  rows: number;
  messy: boolean;
  seed: number;
}

export const DEFAULT_SAMPLE: SampleChoice = { layout: "ai-business", rows: 500, messy: true, seed: 42 };

export function sampleSource(choice: SampleChoice): WorkbookSource {
  const report = generateReport(choice);
  const name = `CloudAscent_${choice.layout}`;
  return { sheetName: name.slice(0, 31), documentName: `${name}.xlsx`, rows: report.rows };
}

/** Excel names the sheet of an opened CSV after the file (at most 31 characters, no []:*?/\). */
export function csvSheetName(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, "")
    .replace(/[[\]:*?/\\]/g, "_")
    .trim();
  return (base || "Sheet1").slice(0, 31);
}

export function csvSource(fileName: string, text: string): WorkbookSource {
  return { sheetName: csvSheetName(fileName), documentName: fileName, rows: openCsvLikeExcel(text) };
}

export type { FakeExcel };

/** A little latency per sync, so progress and Cancel can be seen as in Excel on the web. */
const PREVIEW_LATENCY_MS = 2;

export function openWorkbook(source: WorkbookSource, apiVersion: string): FakeExcel {
  const fake = createFakeExcel({ apiVersion, latencyMs: PREVIEW_LATENCY_MS });
  fake.workbook.addSheet(source.sheetName, source.rows);
  return fake;
}

/**
 * The host the pane talks to: the in-memory Excel, plus the document's URL (a .csv name makes the
 * analysis warn), the preview's theme, and a call after every batch so the grid can redraw.
 */
export function previewHost(
  fake: FakeExcel,
  options: { documentName: string; theme: () => "light" | "dark"; afterRun: () => void },
): ExcelHost {
  return {
    run: async (batch) => {
      try {
        return await fake.run(batch);
      } finally {
        options.afterRun();
      }
    },
    isSetSupported: (name, version) => fake.isSetSupported(name, version),
    documentUrl: () => `https://contoso-my.sharepoint.com/personal/partner/Documents/${options.documentName}`,
    theme: options.theme,
  };
}
