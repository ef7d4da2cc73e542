/**
 * Last month's report from a file the user picked: decoded and parsed as "Open a report file" reads
 * it, then found like a report on a sheet. Kept in memory; nothing is added to the workbook.
 */
import { HEADER_SEARCH_ROWS, SAMPLE_ROWS } from "./headers";
import { detectLayout } from "./layout";
import { decodeText, parseDelimited, TextFileError } from "./textFile";
import type { CellValue, ReportLayout } from "./types";

export interface FileReport {
  layout: ReportLayout;
  /** Data rows (below the header), as parsed. */
  rows: string[][];
  rowCount: number;
  titleRows: CellValue[][];
}

export type FileReading = { ok: true; report: FileReport } | { ok: false; reason: string };

/** Reads a picked file as a CloudAscent report. Never throws: a file that is not one gets a reason. */
export function readReportFile(name: string, bytes: Uint8Array): FileReading {
  const label = name ? `"${name}"` : "The file";
  let rows: string[][];
  try {
    rows = parseDelimited(decodeText(bytes).text).rows;
  } catch (error) {
    const why = error instanceof TextFileError ? error.message : "It could not be read as text.";
    return { ok: false, reason: `${label} is not a report file: ${why}` };
  }
  const detection = detectLayout(rows.slice(0, HEADER_SEARCH_ROWS + SAMPLE_ROWS));
  if (!detection.ok) {
    return {
      ok: false,
      reason: `${label} is not a CloudAscent report: ${detection.reason.replace(/^This sheet/, "it")}`,
    };
  }
  const { layout } = detection;
  const data = rows.slice(layout.headerRow + 1);
  return {
    ok: true,
    report: { layout, rows: data, rowCount: data.length, titleRows: rows.slice(0, layout.headerRow) },
  };
}

/** The given columns of a file report, for every data row (only these: a report has 150 columns). */
export function fileReportColumns(report: FileReport, columns: readonly number[]): Map<number, CellValue[]> {
  const out = new Map<number, CellValue[]>();
  for (const c of columns) {
    const values = new Array<CellValue>(report.rowCount);
    for (let r = 0; r < report.rowCount; r++) values[r] = report.rows[r][c] ?? "";
    out.set(c, values);
  }
  return out;
}
