/**
 * One seller's list as its own .xlsx (built with exceljs, in the pane): the seller's sheet, its header
 * row frozen and filtered, clusters coloured, and an About sheet. Text cells are strings, never
 * formulas (exceljs writes a formula only for a { formula } value).
 */
import type { Workbook } from "exceljs";
import type { CellValue } from "./types";

export interface SellerWorkbookInput {
  sheetName: string;
  /** Every cell of the seller sheet from A1, row by row (title lines, header row, customers). */
  rows: readonly (readonly CellValue[])[];
  /** 0-based row of the table's header. */
  headerRow: number;
  /** Table columns whose cells are coloured by their text (first rule whose text is contained wins). */
  colours: readonly { header: string; rules: readonly { beginsWith: string; fill: string }[] }[];
  /** Table columns whose widths are fitted. */
  fitHeaders: readonly string[];
  aboutLines: readonly string[];
  created: Date;
}

const ABOUT_SHEET = "About";

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

function displayLength(value: CellValue | undefined): number {
  return value === null || value === undefined ? 0 : String(value).length;
}

async function newWorkbook(): Promise<Workbook> {
  // Loaded on first use, so the pane's first paint does not wait for the .xlsx writer.
  const exceljs = await import("exceljs");
  const Ctor =
    (exceljs as unknown as { Workbook?: new () => Workbook }).Workbook ??
    (exceljs as unknown as { default: { Workbook: new () => Workbook } }).default.Workbook;
  return new Ctor();
}

/** The .xlsx bytes of a seller's workbook. */
export async function buildSellerWorkbook(input: SellerWorkbookInput): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = "Propensity Pane";
  workbook.created = input.created;
  const sheet = workbook.addWorksheet(input.sheetName, {
    views: [{ state: "frozen", ySplit: input.headerRow + 1 }],
  });
  const headers = (input.rows[input.headerRow] ?? []).map((h) => String(h ?? ""));
  input.rows.forEach((row, r) => {
    const line = sheet.getRow(r + 1);
    row.forEach((value, c) => {
      if (value === null || value === "") return;
      // Strings stay strings: a value starting with "=" is text here, as on the seller sheet.
      line.getCell(c + 1).value =
        typeof value === "boolean" || typeof value === "number" ? value : String(value);
    });
  });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getRow(input.headerRow + 1).font = { bold: true };
  const lastRow = input.rows.length;
  if (headers.length) {
    sheet.autoFilter = {
      from: { row: input.headerRow + 1, column: 1 },
      to: { row: Math.max(lastRow, input.headerRow + 1), column: headers.length },
    };
  }
  for (const header of input.fitHeaders) {
    const c = headers.indexOf(header);
    if (c < 0) continue;
    let longest = header.length;
    for (let r = input.headerRow + 1; r < input.rows.length; r++)
      longest = Math.max(longest, displayLength(input.rows[r][c]));
    sheet.getColumn(c + 1).width = Math.min(60, longest + 2);
  }
  if (lastRow > input.headerRow + 1) {
    for (const { header, rules } of input.colours) {
      const c = headers.indexOf(header);
      if (c < 0) continue;
      const letter = sheet.getColumn(c + 1).letter;
      sheet.addConditionalFormatting({
        ref: `${letter}${input.headerRow + 2}:${letter}${lastRow}`,
        rules: rules.map(({ beginsWith, fill }, priority) => ({
          type: "containsText",
          operator: "containsText",
          text: beginsWith,
          priority: priority + 1,
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill) } } },
        })),
      });
    }
  }
  const about = workbook.addWorksheet(ABOUT_SHEET);
  input.aboutLines.forEach((line, i) => {
    about.getCell(i + 1, 1).value = line;
    about.getCell(i + 1, 1).alignment = { wrapText: true, vertical: "top" };
  });
  about.getCell(1, 1).font = { bold: true, size: 14 };
  about.getColumn(1).width = 110;
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Base64 of bytes, in slices (String.fromCharCode takes a bounded number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const SLICE = 0x8000;
  for (let i = 0; i < bytes.length; i += SLICE)
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}
