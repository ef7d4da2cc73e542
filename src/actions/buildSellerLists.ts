import { reportSheetLine, SHEET_TITLES } from "../domain/addinArtifacts";
import { locateHelperColumns } from "../domain/helperColumns";
import {
  chooseSplitColumn,
  cleanSheetName,
  indexSheetLine,
  INDEX_HEADERS,
  INDEX_SHEET_COLUMN,
  MANY_SELLERS,
  sellerColumns,
  sellerColumnsNeeded,
  sellerKey,
  sellerSheetLine,
  sheetA1Reference,
  splitBySellerInSteps,
  uniqueSheetNames,
  type SellerColumn,
} from "../domain/sellers";
import type { ColumnValues } from "../domain/types";
import { isBlank } from "../domain/values";
import { UserFacingError } from "../excel/errors";
import { formatCount, throwIfCancelled, yieldToHost } from "../excel/progress";
import { openReport, type OpenedReport } from "../excel/report";
import {
  findSellerSheets,
  readVisibleRows,
  writeSheets,
  type SheetPlan,
  type VisibleRows,
} from "../excel/sellerSheets";
import { deleteSheets } from "../excel/sheetOps";
import { ensureHelperColumns } from "./addHelperColumns";
import { refuseIfProtected } from "./filtering";
import { BAND_COLOURS, CLUSTER_COLOURS } from "./prepareForSellers";
import type { ActionDefinition, ActionEnv } from "./types";

export interface SellerListsInput {
  /** Column to split by: its header or its offset in the report. Default CRM Owner, else Sales Territory. */
  column?: string | number;
  /** The user confirmed creating more than 100 sheets. */
  confirmManySheets?: boolean;
}

export interface SellerSheetSummary {
  seller: string;
  sheetName: string;
  customers: number;
  actNow: number;
  evaluate: number;
}

export interface SellerListsResult {
  splitBy: string;
  indexSheet: string;
  customers: number;
  sellers: SellerSheetSummary[];
  /** Sheets of the previous run that were replaced. */
  replaced: string[];
}

/** Start of the refusal that asks to confirm many sheets; the pane offers the confirmation. */
export const MANY_SHEETS_REFUSAL = "Confirm to create";

function customerCount(read: VisibleRows): number {
  const columns = [...read.data.values()];
  let count = 0;
  for (let r = 0; r < read.rowCount; r++) if (!columns.every((values) => isBlank(values[r]))) count++;
  return count;
}

function distinctSellers(
  data: ColumnValues,
  splitColumn: number,
  rowCount: number,
  read: VisibleRows,
): number {
  const keys = new Set<string>();
  const columns = [...read.data.values()];
  const split = data.get(splitColumn) ?? [];
  for (let r = 0; r < rowCount; r++)
    if (!columns.every((values) => isBlank(values[r]))) keys.add(sellerKey(split[r]));
  return keys.size;
}

/** Reads what the split needs, refusing (before any write) when there is nothing to split or too much. */
async function readChecked(
  env: ActionEnv,
  report: OpenedReport,
  input: SellerListsInput,
): Promise<{ read: VisibleRows; splitColumn: number; splitHeader: string; columns: SellerColumn[] }> {
  const choice = chooseSplitColumn(report.layout, input.column);
  if (!choice.ok) throw new UserFacingError(choice.reason);
  const { column: splitColumn, header: splitHeader } = choice.choice;
  const columns = sellerColumns(report.layout);
  const needed = sellerColumnsNeeded(report.layout, columns, splitColumn);
  const read = await readVisibleRows(env.host, env.capabilities, report, needed, {
    onProgress: env.onProgress,
    signal: env.signal,
  });
  if (read.hiddenColumns.includes(splitColumn)) {
    throw new UserFacingError(
      `The column ${splitHeader} is hidden: unhide it (or pick another column) to split by it.`,
    );
  }
  const customers = customerCount(read);
  if (customers === 0) {
    throw new UserFacingError(
      `No customers are visible on "${report.sheetName}": change or clear the filter, then make the seller lists.`,
    );
  }
  const sellers = distinctSellers(read.data, splitColumn, read.rowCount, read);
  if (sellers > MANY_SELLERS && !input.confirmManySheets) {
    throw new UserFacingError(
      `${MANY_SHEETS_REFUSAL} ${sellers.toLocaleString("en-US")} sheets? Splitting by ${splitHeader} gives ` +
        `${sellers.toLocaleString("en-US")} values, more than ${MANY_SELLERS}. Confirm, or pick another column.`,
    );
  }
  return { read, splitColumn, splitHeader, columns };
}

/** Splits the visible customers into one call list per seller, best first, with an index of links. */
export const buildSellerLists: ActionDefinition<SellerListsInput, SellerListsResult> = {
  id: "buildSellerLists",
  label: "Seller lists",
  description:
    "Makes one sheet per seller (CRM Owner, or any column) with their visible customers, best first, and a Sellers index with links.",
  requires: [],
  needs: ["isReport"],
  async perform(env, input = {}) {
    let report = await openReport(env.host, env.capabilities);
    const existing = await findSellerSheets(env.host, report.sheetName);
    if (existing.addinSheets.includes(report.sheetName)) {
      throw new UserFacingError(
        `"${report.sheetName}" is a sheet the add-in made: go to the report sheet, then make the seller lists.`,
      );
    }
    let checked = await readChecked(env, report, input);
    const warnings: string[] = [];
    // Lists are ordered by Priority Score: add the helper columns first when missing (the first write).
    if (locateHelperColumns(report.layout.rawHeaders) === null) {
      if (!report.layout.products.length) {
        throw new UserFacingError(
          "This report has no product cluster columns, so there is no Priority Score to order the lists by.",
        );
      }
      refuseIfProtected(report);
      report = (await ensureHelperColumns(env, report)).report;
      checked = await readChecked(env, report, {
        ...input,
        confirmManySheets: true,
        column: checked.splitColumn,
      });
      warnings.push("Added the helper columns (Best Cluster ... Score Reasons) to order the lists.");
    }
    const { read, splitColumn, splitHeader } = checked;
    const columns = checked.columns.filter(
      (c) => c.source.kind === "cohorts" || !read.hiddenColumns.includes(c.source.column),
    );
    const dropped = checked.columns.filter((c) => !columns.includes(c)).map((c) => c.header);
    if (dropped.length) warnings.push(`Left out ${dropped.join(", ")}: hidden on "${report.sheetName}".`);
    if (read.allRows)
      warnings.push(env.capabilities.missingMessage("visibleView") + " Every customer was included.");
    const steps = splitBySellerInSteps(report.layout, columns, splitColumn, read.data, read.rowCount);
    let step = steps.next();
    while (!step.done) {
      throwIfCancelled(env.signal);
      env.onProgress?.({
        message: `Splitting customers: ${formatCount(step.value)} of ${formatCount(read.rowCount)}`,
        done: step.value,
        total: read.rowCount,
      });
      await yieldToHost();
      step = steps.next();
    }
    const split = step.value;

    // Sheets the add-in made for this report before are replaced; anyone else's sheet keeps its name.
    const replaced = existing.sellerSheets.map((s) => s.name);
    const taken = existing.names.filter((name) => !replaced.includes(name));
    const takenLower = new Set(taken.map((n) => n.toLowerCase()));
    const [indexSheet, ...names] = uniqueSheetNames(
      [SHEET_TITLES.sellersIndex, ...split.lists.map((l) => l.seller)],
      taken,
    );
    const clashes = split.lists.filter((list) => takenLower.has(cleanSheetName(list.seller).toLowerCase()));
    if (clashes.length) {
      warnings.push(
        `A sheet the add-in did not make already has the name of ${clashes.map((l) => `"${l.seller}"`).join(", ")}: ` +
          `their list${clashes.length === 1 ? " is" : "s are"} on ${clashes.map((l) => `"${names[split.lists.indexOf(l)]}"`).join(", ")}.`,
      );
    }

    const line = reportSheetLine(report.sheetName);
    const at = (header: string) => split.headers.indexOf(header);
    const colours = [
      { column: at("Best Cluster"), rules: CLUSTER_COLOURS },
      { column: at("Cluster Band"), rules: BAND_COLOURS },
    ].filter((c) => c.column >= 0);
    const fitColumns = columns.flatMap((c, i) => (c.key ? [i] : []));
    const plans: SheetPlan[] = split.lists.map((list, i) => ({
      name: names[i],
      lines: [SHEET_TITLES.sellerList, line, sellerSheetLine(splitHeader, list)],
      headers: split.headers,
      numberFormats: split.numberFormats,
      rows: list.rows,
      fitColumns,
      colours,
    }));
    plans.push({
      name: indexSheet,
      lines: [SHEET_TITLES.sellersIndex, line, indexSheetLine(splitHeader, split, report.sheetName)],
      headers: INDEX_HEADERS,
      numberFormats: ["@", "@", "General", "General", "General"],
      rows: split.lists.map((list, i) => [
        list.seller,
        names[i],
        list.rows.length,
        list.actNow,
        list.evaluate,
      ]),
      fitColumns: [0, 1, 2, 3, 4],
      colours: [],
      links: names.map((name, row) => ({
        row,
        column: INDEX_SHEET_COLUMN,
        sheet: name,
        reference: sheetA1Reference(name),
      })),
    });

    await deleteSheets(env.host, replaced);
    const written = await writeSheets(env.host, env.capabilities, plans, {
      onProgress: env.onProgress,
      signal: env.signal,
    });
    warnings.push(...written.warnings);
    const sellers = split.lists.map((list, i) => ({
      seller: list.seller,
      sheetName: names[i],
      customers: list.rows.length,
      actNow: list.actNow,
      evaluate: list.evaluate,
    }));
    const count = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
    return {
      message:
        `Seller lists: ${count(split.customers, "visible customer")} split by ${splitHeader} into ` +
        `${count(sellers.length, "sheet")}, best first; links on "${indexSheet}".` +
        (replaced.length ? ` Replaced the ${count(replaced.length, "sheet")} of the previous run.` : ""),
      warnings,
      data: { splitBy: splitHeader, indexSheet, customers: split.customers, sellers, replaced },
    };
  },
};
