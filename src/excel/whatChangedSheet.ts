/**
 * Writes the "What Changed" sheet: plain values (text format for report text, never formulas), the
 * title in A1 and `Report sheet: <name>` in A2 so a rerun replaces it and Reset finds it.
 */
import type { WhatChangedSheet } from "../domain/compareSheet";
import type { CellValue } from "../domain/types";
import { a1 } from "./address";
import { errorCode } from "./errors";
import type { ExcelHost } from "./host";
import { chooseAddinSheet } from "./sheetOps";
import type { WorkOptions } from "./progress";
import type { Capabilities } from "./requirements";
import { neutralisedFormats, nextBlockSize, suspendUntilSync, TEXT_FORMAT, writeGrid } from "./write";

/** The sheet to write: this report's own What Changed sheet (replaced), else the first free name. */
export function chooseWhatChangedSheet(
  host: ExcelHost,
  reportSheetName: string,
  knownNames?: readonly string[],
): Promise<{ name: string; replace: boolean }> {
  return chooseAddinSheet(host, "whatChanged", reportSheetName, knownNames);
}

function pad<T>(row: readonly T[], width: number, filler: T): T[] {
  return [...row, ...Array.from({ length: width - row.length }, () => filler)];
}

/** Builds the sheet; a half-built sheet is removed again if anything fails. */
export async function writeWhatChangedSheet(
  host: ExcelHost,
  capabilities: Capabilities,
  target: { name: string; replace: boolean },
  content: WhatChangedSheet,
  options: WorkOptions = {},
): Promise<void> {
  if (target.replace) {
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(target.name).delete();
      await context.sync();
    });
  }
  try {
    const { top, width } = content;
    const goneFormats = content.goneHeader.map(() => TEXT_FORMAT);
    const firstBlock = content.gone.length ? nextBlockSize(content.gone, 0, goneFormats) : 0;
    await host.run(async (context) => {
      suspendUntilSync(context, capabilities);
      const sheet = context.workbook.worksheets.add(target.name);
      const range = sheet.getRange(
        a1({ row: 0, column: 0, rowCount: top.values.length, columnCount: width }),
      );
      // Formats first, so report text (product labels, names) is stored as text.
      range.numberFormat = top.formats.map((row) => pad<string>(row, width, TEXT_FORMAT));
      range.values = top.values.map((row) => pad<CellValue>(row, width, "")) as Excel.Range["values"];
      const title = sheet.getRange("A1");
      title.format.font.bold = true;
      title.format.font.size = 14;
      const header = sheet.getRange(
        a1({ row: content.goneHeaderRow, column: 0, rowCount: 1, columnCount: content.goneHeader.length }),
      );
      header.numberFormat = [content.goneHeader.map(() => TEXT_FORMAT)];
      header.values = [content.goneHeader];
      header.format.font.bold = true;
      sheet.getRange("A:A").format.columnWidth = 260;
      // Issue 16: the first block of gone customers (usually all of them) in the same batch.
      if (firstBlock > 0) {
        const gone = sheet.getRange(
          a1({
            row: content.goneHeaderRow + 1,
            column: 0,
            rowCount: firstBlock,
            columnCount: goneFormats.length,
          }),
        );
        const rows = content.gone.slice(0, firstBlock);
        gone.numberFormat = rows.map((row) => neutralisedFormats(row, goneFormats) as string[]);
        gone.values = rows;
      }
      await context.sync();
    });
    await writeGrid(
      host,
      capabilities,
      {
        sheetName: target.name,
        row: content.goneHeaderRow + 1 + firstBlock,
        column: 0,
        rows: content.gone.slice(firstBlock),
        numberFormats: goneFormats,
      },
      options,
    );
  } catch (error) {
    // A sheet of that name made meanwhile (ItemAlreadyExists) is someone else's: never removed.
    if (errorCode(error) !== "ItemAlreadyExists") await removeIfOurs(host, target.name, content);
    throw error;
  }
}

/** Removes the half-built sheet: only when it holds our title in A1, or nothing at all. */
async function removeIfOurs(host: ExcelHost, name: string, content: WhatChangedSheet): Promise<void> {
  try {
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const title = sheet.getRange("A1").load("values");
      const used = sheet.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      if (title.values[0]?.[0] !== content.top.values[0]?.[0] && !used.isNullObject) return;
      sheet.delete();
      await context.sync();
    });
  } catch (error) {
    if (errorCode(error) !== "ItemNotFound") throw error;
  }
}
