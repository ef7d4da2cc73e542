import {
  planImport,
  reportMonth,
  reportShortName,
  uniqueSheetName,
  type ImportPlan,
} from "../domain/importPlan";
import {
  decodeText,
  detectDelimiter,
  fileTooLargeReason,
  parseDelimitedInChunks,
  TextFileError,
  type Delimiter,
  type TextEncodingName,
} from "../domain/textFile";
import { CancelledError, UserFacingError } from "../excel/errors";
import { createImportedSheet, deleteSheetQuietly, sheetNames, showImportedSheet } from "../excel/importSheet";
import { formatCount, throwIfCancelled, yieldToHost, type WorkOptions } from "../excel/progress";
import type { ActionDefinition, ActionEnv } from "./types";

export { MAX_TEXT_FILE_BYTES, fileTooLargeReason } from "../domain/textFile";

/** A file the user picked, read in the pane (FileReader / arrayBuffer). */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface OpenReportFileInput {
  files: readonly PickedFile[];
}

export interface OpenedSheet {
  fileName: string;
  sheetName: string;
  customers: number;
  /** Headers of the identity and code columns written as text. */
  idColumns: string[];
  encoding: TextEncodingName;
  delimiter: Delimiter;
  notes: string[];
}

export interface OpenReportFileResult {
  sheets: OpenedSheet[];
}

export const ACCEPTED_EXTENSIONS = [".csv", ".txt", ".tsv"] as const;

const DELIMITER_NAMES: Record<Delimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

interface Prepared {
  file: PickedFile;
  plan: ImportPlan;
  encoding: TextEncodingName;
  delimiter: Delimiter;
}

function refuse(fileName: string, reason: string): never {
  throw new UserFacingError(`${fileName}: ${reason}`, "BadReportFile");
}

/** Decodes, parses and plans one file; refuses with the file's name and a reason. */
export async function prepareFile(file: PickedFile, options: WorkOptions = {}): Promise<Prepared> {
  const tooLarge = fileTooLargeReason(file.name, file.bytes.length);
  if (tooLarge) throw new UserFacingError(tooLarge, "FileTooLarge");
  if (file.bytes.length === 0) refuse(file.name, "The file is empty: it has no header and no rows.");
  let decoded;
  try {
    decoded = decodeText(file.bytes);
  } catch (error) {
    if (error instanceof TextFileError) refuse(file.name, `${error.message} Nothing was imported.`);
    throw error;
  }
  const { text } = decoded;
  const delimiter = detectDelimiter(text);
  // Parsed in chunks, yielding between them: a 100,000-row file must not freeze the pane.
  const { rows } = await parseDelimitedInChunks(text, delimiter, async (charsRead) => {
    throwIfCancelled(options.signal);
    options.onProgress?.({
      message: `Reading ${file.name}: ${Math.round((100 * charsRead) / Math.max(1, text.length))}%`,
      done: charsRead,
      total: text.length,
    });
    await yieldToHost();
  });
  throwIfCancelled(options.signal);
  const planned = planImport(rows, { delimiter });
  if (!planned.ok) refuse(file.name, planned.reason);
  return { file, plan: planned.plan, encoding: decoded.encoding, delimiter };
}

function sentenceFor(sheet: OpenedSheet): string {
  const ids = sheet.idColumns.length;
  return (
    `Opened ${formatCount(sheet.customers)} customers from ${sheet.fileName}; ` +
    `${ids} ID column${ids === 1 ? "" : "s"} kept as text.`
  );
}

/** Writes prepared files to new sheets; any failure removes every sheet this run added. */
export async function writePreparedSheets(
  env: ActionEnv,
  prepared: readonly Prepared[],
  nameFor: (item: Prepared) => { stem: string; month: string },
): Promise<OpenedSheet[]> {
  const taken = await sheetNames(env.host);
  const written: OpenedSheet[] = [];
  try {
    for (const [index, item] of prepared.entries()) {
      throwIfCancelled(env.signal);
      const { stem, month } = nameFor(item);
      const sheetName = uniqueSheetName(stem, taken, month);
      taken.push(sheetName);
      const { plan } = item;
      const prefix = prepared.length > 1 ? `${item.file.name} (${index + 1} of ${prepared.length}): ` : "";
      await createImportedSheet(
        env.host,
        env.capabilities,
        {
          name: sheetName,
          topRows: [...plan.titleRows, plan.headerRow],
          dataRows: plan.dataRows,
          numberFormats: plan.columns.map((c) => c.numberFormat),
        },
        {
          signal: env.signal,
          onProgress: (p) => env.onProgress?.({ ...p, message: prefix + p.message }),
        },
      );
      written.push({
        fileName: item.file.name,
        sheetName,
        customers: plan.customerCount,
        idColumns: plan.columns.filter((c) => c.kind === "id").map((c) => c.header),
        encoding: item.encoding,
        delimiter: item.delimiter,
        notes: plan.notes,
      });
    }
  } catch (error) {
    for (const sheet of written) await deleteSheetQuietly(env.host, sheet.sheetName);
    if (error instanceof CancelledError)
      throw new CancelledError("Cancelled. The half-written sheet was removed; the workbook is as it was.");
    throw error;
  }
  const first = written[0];
  const firstPlan = prepared[0].plan;
  await showImportedSheet(env.host, env.capabilities, first.sheetName, firstPlan.titleRows.length + 1);
  return written;
}

/** Opens report files picked in the pane, each into its own new sheet, keeping IDs as text. */
export const openReportFile: ActionDefinition<OpenReportFileInput, OpenReportFileResult> = {
  id: "openReportFile",
  label: "Open report file…",
  description:
    "Reads CloudAscent CSV files you pick into new sheets, keeping IDs, leading zeros and dates exactly as in the file.",
  requires: [],
  needs: [],
  async perform(env, input) {
    const files = input?.files ?? [];
    if (files.length === 0)
      throw new UserFacingError("Pick a report file first (a .csv, .txt or .tsv file).", "NoFile");
    // Every file is checked before the first sheet is added: a refused file changes nothing.
    const prepared: Prepared[] = [];
    for (const file of files)
      prepared.push(await prepareFile(file, { signal: env.signal, onProgress: env.onProgress }));
    const now = env.now?.() ?? new Date();
    const sheets = await writePreparedSheets(env, prepared, ({ plan, file }) => ({
      stem: reportShortName(plan.layout),
      month: reportMonth(plan.titleRows, file.name, now),
    }));
    const message = sheets
      .map(
        (sheet) =>
          `${sentenceFor(sheet)} Read as ${sheet.encoding}, ${DELIMITER_NAMES[sheet.delimiter]}-separated, into the sheet "${sheet.sheetName}".`,
      )
      .join(" ");
    const warnings = sheets.flatMap((sheet) =>
      sheet.notes.map((note) => (sheets.length > 1 ? `${sheet.fileName}: ${note}` : note)),
    );
    return { message, warnings, data: { sheets } };
  },
};
