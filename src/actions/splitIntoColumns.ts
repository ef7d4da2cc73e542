import { detectOneColumnReport } from "../domain/csvDamage";
import { planImport, reportMonth, reportShortName } from "../domain/importPlan";
import { parseDelimited } from "../domain/textFile";
import type { CellValue } from "../domain/types";
import { UserFacingError } from "../excel/errors";
import { readActiveSheetValues } from "../excel/importSheet";
import { formatCount } from "../excel/progress";
import { writePreparedSheets, type OpenedSheet } from "./openReportFile";
import type { ActionDefinition } from "./types";

/** Analyze refuses a one-column report with this opening (see wrongSeparatorReason in the domain). */
const ONE_COLUMN_REFUSAL = "The report opened in a single column";

/** The pane offers Split into columns when Analyze refused the sheet for landing in one column. */
export function isOneColumnRefusal(message: string | null | undefined): boolean {
  return typeof message === "string" && message.startsWith(ONE_COLUMN_REFUSAL);
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/**
 * The file's lines again: the sheet split each line on its own list separator (the other one), so
 * the cells of a row are joined back with it; trailing empty cells are padding, not fields.
 */
export function linesOfOneColumnSheet(
  rows: readonly (readonly CellValue[])[],
  fileDelimiter: string,
): string {
  const sheetSeparator = fileDelimiter === ";" ? "," : ";";
  return rows
    .map((row) => {
      let end = row.length;
      while (end > 0 && cellText(row[end - 1]) === "") end--;
      return row.slice(0, end).map(cellText).join(sheetSeparator);
    })
    .join("\n");
}

export interface SplitResult {
  sourceSheet: string;
  sheet: OpenedSheet;
}

/** Repairs a report that landed in one column: the split report goes to a new sheet, the original stays. */
export const splitIntoColumns: ActionDefinition<void, SplitResult> = {
  id: "splitIntoColumns",
  label: "Split into columns",
  description:
    "Splits a report that landed in one column (a CSV opened with another list separator) into a new sheet; the original sheet stays as it is.",
  requires: [],
  needs: [],
  async perform(env) {
    const { sheetName, rows } = await readActiveSheetValues(env.host, env.capabilities, {
      signal: env.signal,
      onProgress: env.onProgress,
    });
    const found = detectOneColumnReport(rows.slice(0, 20));
    if (!found)
      throw new UserFacingError(
        `The sheet "${sheetName}" is not a report squeezed into one column, so there is nothing to split. ` +
          "Nothing was changed.",
        "NotOneColumn",
      );
    const text = linesOfOneColumnSheet(rows, found.delimiter);
    const parsed = parseDelimited(text, found.delimiter);
    const planned = planImport(parsed.rows, { delimiter: found.delimiter });
    if (!planned.ok) throw new UserFacingError(`${planned.reason}`, "NotAReport");
    const { plan } = planned;
    const now = env.now?.() ?? new Date();
    const [sheet] = await writePreparedSheets(
      env,
      [
        {
          file: { name: sheetName, bytes: new Uint8Array(0) },
          plan,
          encoding: "UTF-8",
          delimiter: found.delimiter,
        },
      ],
      () => ({ stem: reportShortName(plan.layout), month: reportMonth(plan.titleRows, "", now) }),
    );
    return {
      message:
        `Split ${formatCount(plan.customerCount)} customers into ${plan.width} columns on the new sheet ` +
        `"${sheet.sheetName}"; "${sheetName}" is unchanged.`,
      warnings: [
        "Excel had already read this file once: a value that began with a quote may have lost it. For values " +
          'exactly as in the file, open the downloaded CSV with "Open report file…".',
        ...plan.notes,
      ],
      data: { sourceSheet: sheetName, sheet },
    };
  },
};
