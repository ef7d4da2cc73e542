import type { SummaryTable } from "../domain/summaries";
import type { CellValue } from "../domain/types";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { a1, type Area } from "./address";
import { errorCode } from "./errors";
import { suspendUntilSync, TEXT_FORMAT } from "./write";
import { addinSheetsAmong, SHEET_TITLES, type SheetTitle } from "../domain/addinArtifacts";
import { chooseAddinSheet, sheetTitles } from "./sheetOps";

export const SUMMARY_SHEET_NAME = SHEET_TITLES.summary;
/** A1 of a summary sheet: how the add-in recognises its own sheet when settings were lost. */
export const SUMMARY_TITLE = SHEET_TITLES.summary;

/** Where the first table goes (0-based); the others follow below it, each placed from the real size of the one above. */
const FIRST_TABLE = { row: 7, column: 0 };
/** Empty rows between one table (or PivotTable) and the next one's heading. */
const GAP_ROWS = 2;
const CHART_POSITION = { from: "AB2", to: "AJ20" };

export interface PivotPlan {
  /** "PropensityByIndustry": the sheet's number is added ("PropensityByIndustry2"), see pivotSuffix. */
  name: string;
  rowField: string;
  columnField: string;
  countField: string;
  sumField?: string;
}

export interface SummaryPlan {
  titleLines: string[];
  /** A table is written where no PivotTable is planned (static mode); a PivotTable needs none. */
  tables: { heading: string; table?: SummaryTable; pivot?: PivotPlan }[];
  /** The report range a PivotTable summarises (header row included), when pivots are used. */
  pivotSource?: { sheetName: string; area: Area };
  /**
   * The table the chart shows (customers per cluster by sub segment), or how to get it once the
   * PivotTables are built, from the items of each one's row field (by PivotTable name).
   */
  chartTable:
    SummaryTable | null | ((rowItems: ReadonlyMap<string, string[]>) => Promise<SummaryTable | null>);
}

/** The summary sheet of a report sheet: its own to replace, else the first free "Propensity Summary (n)". */
export async function chooseSummarySheet(
  host: ExcelHost,
  reportSheetName: string,
  knownNames?: readonly string[],
): Promise<{ name: string; replace: boolean }> {
  return chooseAddinSheet(host, "summary", reportSheetName, knownNames);
}

function tableGrid(table: SummaryTable): { values: CellValue[][]; formats: string[][] } {
  const clusters = ["Act Now", "Evaluate", "Nurture", "Educate", "Blank"] as const;
  const header: CellValue[] = [table.dimension, ...clusters, "Total"];
  if (table.revenueLabel) header.push(table.revenueLabel);
  const line = (row: SummaryTable["totals"]): CellValue[] => {
    const cells: CellValue[] = [row.key, ...clusters.map((c) => row.counts[c]), row.total];
    if (table.revenueLabel) cells.push(row.revenue ?? 0);
    return cells;
  };
  const values = [header, ...table.rows.map(line), line(table.totals)];
  // Keys come from the report: text format keeps "=..." industry names from becoming formulas.
  const rowFormats = [TEXT_FORMAT, "0", "0", "0", "0", "0", "0"];
  if (table.revenueLabel) rowFormats.push("#,##0");
  const formats = values.map((_, i) => (i === 0 ? header.map(() => TEXT_FORMAT) : rowFormats));
  return { values, formats };
}

function queueTable(
  sheet: Excel.Worksheet,
  at: { row: number; column: number },
  heading: string,
  table: SummaryTable,
): Area {
  const { values, formats } = tableGrid(table);
  const headingCell = sheet.getRange(a1({ row: at.row - 1, column: at.column, rowCount: 1, columnCount: 1 }));
  headingCell.numberFormat = [[TEXT_FORMAT]];
  headingCell.values = [[heading]];
  headingCell.format.font.bold = true;
  const area = { row: at.row, column: at.column, rowCount: values.length, columnCount: values[0].length };
  const range = sheet.getRange(a1(area));
  range.numberFormat = formats;
  range.values = values as Excel.Range["values"];
  const headerRow = sheet.getRange(a1({ ...area, rowCount: 1 }));
  headerRow.format.font.bold = true;
  headerRow.format.fill.color = "#DCE6F2";
  sheet.getRange(a1({ ...area, row: area.row + area.rowCount - 1, rowCount: 1 })).format.font.bold = true;
  return area;
}

/** Where a summary sheet goes, as chooseSummarySheet answers. */
export interface SummaryTarget {
  name: string;
  replace: boolean;
}

/** "Propensity Summary (2)" -> "2": PivotTable names are unique in the workbook, so they carry it. */
export function pivotSuffix(sheetName: string): string {
  return /\((\d+)\)$/.exec(sheetName)?.[1] ?? "";
}

/** The first free name among "Propensity Summary", "Propensity Summary (2)", ... (see chooseAddinSheet). */
function freeSummaryName(names: readonly string[]): string {
  const taken = new Set(names.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = `${SUMMARY_SHEET_NAME.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Builds the summary sheet of a report sheet in a few syncs and says where it went. When the sheets'
 * names are known (read with the report), the listing of their titles travels with the first build
 * batch: the sheet is built under the first free name and, if the report already has a summary sheet,
 * takes its name and place at the end (the old one removed in the last batch). If anything fails,
 * the half-built sheet is deleted so no debris is left, and the error is rethrown.
 */
export async function writeSummarySheet(
  host: ExcelHost,
  capabilities: Capabilities,
  report: { sheetName: string; sheetNames?: readonly string[] },
  plan: SummaryPlan,
): Promise<SummaryTarget> {
  try {
    return await buildSummarySheet(host, capabilities, report, plan);
  } catch (error) {
    // A sheet read with the report is gone (renamed, deleted): its title can't be read by that name,
    // and the first batch stopped there, before adding anything. List the sheets and build again.
    if (!(error instanceof StaleSheetNames)) throw error;
    return buildSummarySheet(host, capabilities, { sheetName: report.sheetName }, plan);
  }
}

class StaleSheetNames extends Error {}

async function buildSummarySheet(
  host: ExcelHost,
  capabilities: Capabilities,
  report: { sheetName: string; sheetNames?: readonly string[] },
  plan: SummaryPlan,
): Promise<SummaryTarget> {
  const known = report.sheetNames?.length ? report.sheetNames : null;
  let built = false;
  // Without the names, list the titles first (one sync), then build under the final name.
  let target: SummaryTarget | null = known ? null : await chooseSummarySheet(host, report.sheetName);
  const building = target?.name ?? freeSummaryName(known ?? []);
  const pivotName = (base: string, sheetName: string) => `${base}${pivotSuffix(sheetName)}`;
  try {
    // The titles' listing, the old sheet's removal, the new sheet, its title lines and the first
    // table (or PivotTable) travel in one batch. The listing goes first, so it sees the sheets as
    // they were; the new sheet is added last in the workbook, where the old one's removal leaves it.
    const queueSheet = (context: Excel.RequestContext) => {
      const sheets = context.workbook.worksheets;
      const listing = known
        ? {
            list: sheets.load("items/name"),
            titles: known.map((name) => ({
              name,
              cell: sheets.getItem(name).getRange("A1:A2").load("values"),
            })),
          }
        : null;
      if (target?.replace) sheets.getItem(target.name).delete();
      sheets.add(building);
      suspendUntilSync(context, capabilities);
      const sheet = sheets.getItem(building);
      const title = sheet.getRange(
        a1({ row: 0, column: 0, rowCount: plan.titleLines.length, columnCount: 1 }),
      );
      title.numberFormat = plan.titleLines.map(() => [TEXT_FORMAT]);
      title.values = plan.titleLines.map((line) => [line]);
      const titleCell = sheet.getRange("A1");
      titleCell.format.font.bold = true;
      titleCell.format.font.size = 14;
      return () => {
        built = true;
        if (!listing) return;
        const listed = listing.list.items.map((item) => item.name);
        if (listed.length !== known!.length || listed.some((name, i) => name !== known![i])) return;
        titles = listing.titles.map(({ name, cell }) => ({
          name,
          a1: cell.values[0]?.[0],
          a2: cell.values[1]?.[0],
        }));
      };
    };
    let titles: SheetTitle[] | null = null;
    // One table (or PivotTable) below the other, each placed from the real size of the one above:
    // a PivotTable's size depends on its items and data fields, and two may not overlap.
    let row = FIRST_TABLE.row;
    let first = true;
    const rowItems = new Map<string, string[]>();
    for (const { heading, table, pivot } of plan.tables) {
      const at = { row, column: FIRST_TABLE.column };
      const before = first ? queueSheet : undefined;
      first = false;
      if (pivot && plan.pivotSource) {
        const placed = await addPivot(
          host,
          building,
          plan.pivotSource,
          { ...pivot, name: pivotName(pivot.name, building) },
          heading,
          at,
          before,
        );
        rowItems.set(pivot.name, placed.items);
        row = placed.area.row + placed.area.rowCount + GAP_ROWS + 1;
      } else {
        if (!table) throw new Error(`No table to write under "${heading}".`);
        const area = await host.run(async (context) => {
          const after = before?.(context);
          const written = queueTable(context.workbook.worksheets.getItem(building), at, heading, table);
          // One table per sync, not a per-row sync.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          after?.();
          return written;
        });
        row = area.row + area.rowCount + GAP_ROWS + 1;
      }
    }
    if (first) {
      await host.run(async (context) => {
        const after = queueSheet(context);
        await context.sync();
        after();
      });
    }
    if (!target) {
      // Sheets came or went since the report was read: list them again (the new one aside).
      titles ??= (await sheetTitles(host)).filter(({ name }) => name !== building);
      const ours = addinSheetsAmong(titles, report.sheetName).find((sheet) => sheet.kind === "summary");
      target = ours ? { name: ours.name, replace: true } : { name: building, replace: false };
    }
    const final = target;
    // A rebuild under the first free name takes the old sheet's name, and its PivotTables the old ones'.
    const queueRename = (context: Excel.RequestContext) => {
      if (final.name === building) return;
      const sheets = context.workbook.worksheets;
      sheets.getItem(final.name).delete();
      const sheet = sheets.getItem(building);
      sheet.name = final.name;
      for (const { pivot } of plan.tables) {
        if (!pivot || !plan.pivotSource) continue;
        const from = pivotName(pivot.name, building);
        const to = pivotName(pivot.name, final.name);
        if (from !== to) sheet.pivotTables.getItem(from).name = to;
      }
    };
    const chartTable =
      typeof plan.chartTable === "function" ? await plan.chartTable(rowItems) : plan.chartTable;
    if (chartTable && chartTable.rows.length) {
      const chartAt = { row, column: FIRST_TABLE.column };
      await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(building);
        const area = queueTable(sheet, chartAt, "Chart data (as built)", {
          ...chartTable,
          revenueLabel: null,
        });
        // Clusters only (no Total column, no totals row), so the bars compare like with like.
        const series = sheet.getRange(a1({ ...area, rowCount: area.rowCount - 1, columnCount: 6 }));
        const chart = sheet.charts.add("ColumnStacked", series, "Columns");
        chart.title.text = "Customers per cluster by sub segment";
        chart.setPosition(CHART_POSITION.from, CHART_POSITION.to);
        queueRename(context);
        await context.sync();
      });
    } else if (final.name !== building) {
      await host.run(async (context) => {
        queueRename(context);
        await context.sync();
      });
    }
    return final;
  } catch (error) {
    await removeSheetQuietly(host, building);
    if (known && !built && errorCode(error) === "ItemNotFound") throw new StaleSheetNames();
    throw error;
  }
}

/**
 * Adds one PivotTable (heading in the row above `at`), at most two data hierarchies in one sync
 * (bigger batches crash some hosts), and reads the range it really takes and its row field's items
 * in the same sync: the batch runs in order, so the layout is the built one. `before` queues writes
 * ahead of it.
 */
async function addPivot(
  host: ExcelHost,
  sheetName: string,
  source: { sheetName: string; area: Area },
  pivot: PivotPlan,
  heading: string,
  at: { row: number; column: number },
  before?: (context: Excel.RequestContext) => () => void,
): Promise<{ area: Area; items: string[] }> {
  return host.run(async (context) => {
    const after = before?.(context);
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const headingCell = sheet.getRange(
      a1({ row: at.row - 1, column: at.column, rowCount: 1, columnCount: 1 }),
    );
    headingCell.numberFormat = [[TEXT_FORMAT]];
    headingCell.values = [[heading]];
    headingCell.format.font.bold = true;
    const sourceRange = context.workbook.worksheets.getItem(source.sheetName).getRange(a1(source.area));
    const pivotTable = sheet.pivotTables.add(
      pivot.name,
      sourceRange,
      sheet.getRange(a1({ ...at, rowCount: 1, columnCount: 1 })),
    );
    const rowHierarchy = pivotTable.rowHierarchies.add(pivotTable.hierarchies.getItem(pivot.rowField));
    const items = rowHierarchy.fields.getItem(pivot.rowField).items.load("items/name");
    pivotTable.columnHierarchies.add(pivotTable.hierarchies.getItem(pivot.columnField));
    const count = pivotTable.dataHierarchies.add(pivotTable.hierarchies.getItem(pivot.countField));
    count.summarizeBy = "Count";
    if (pivot.sumField) {
      const sum = pivotTable.dataHierarchies.add(pivotTable.hierarchies.getItem(pivot.sumField));
      sum.summarizeBy = "Sum";
    }
    const range = pivotTable.layout.getRange();
    range.load("rowIndex, columnIndex, rowCount, columnCount");
    await context.sync();
    after?.();
    return {
      area: {
        row: range.rowIndex,
        column: range.columnIndex,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
      },
      items: items.items.map((item) => item.name),
    };
  });
}

async function removeSheetQuietly(host: ExcelHost, name: string): Promise<void> {
  try {
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(name).delete();
      await context.sync();
    });
  } catch (error) {
    if (errorCode(error) !== "ItemNotFound") throw error;
  }
}
