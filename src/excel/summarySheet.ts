import type { SummaryTable } from "../domain/summaries";
import type { CellValue } from "../domain/types";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { a1, type Area } from "./address";
import { errorCode } from "./errors";
import { suspendUntilSync, TEXT_FORMAT } from "./write";
import { SHEET_TITLES } from "../domain/addinArtifacts";
import { chooseAddinSheet } from "./sheetOps";

export const SUMMARY_SHEET_NAME = SHEET_TITLES.summary;
/** A1 of a summary sheet: how the add-in recognises its own sheet when settings were lost. */
export const SUMMARY_TITLE = SHEET_TITLES.summary;

/** Where the first table goes (0-based); the others follow below it, each placed from the real size of the one above. */
const FIRST_TABLE = { row: 7, column: 0 };
/** Empty rows between one table (or PivotTable) and the next one's heading. */
const GAP_ROWS = 2;
const CHART_POSITION = { from: "AB2", to: "AJ20" };

export interface PivotPlan {
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

/**
 * Builds the summary sheet in a few syncs. If anything fails, the half-built sheet is deleted so no
 * debris is left, and the error is rethrown.
 */
export async function writeSummarySheet(
  host: ExcelHost,
  capabilities: Capabilities,
  target: { name: string; replace: boolean },
  plan: SummaryPlan,
): Promise<void> {
  try {
    // The old sheet's removal, the new sheet, its title lines and the first table (or PivotTable)
    // travel in one batch. If it fails part-way, the old sheet may be gone, as it was when it was
    // removed in a sync of its own before: the summaries are rebuilt from the report in any case.
    const queueSheet = (context: Excel.RequestContext) => {
      if (target.replace) context.workbook.worksheets.getItem(target.name).delete();
      context.workbook.worksheets.add(target.name);
      suspendUntilSync(context, capabilities);
      const sheet = context.workbook.worksheets.getItem(target.name);
      const title = sheet.getRange(
        a1({ row: 0, column: 0, rowCount: plan.titleLines.length, columnCount: 1 }),
      );
      title.numberFormat = plan.titleLines.map(() => [TEXT_FORMAT]);
      title.values = plan.titleLines.map((line) => [line]);
      const titleCell = sheet.getRange("A1");
      titleCell.format.font.bold = true;
      titleCell.format.font.size = 14;
    };
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
        const placed = await addPivot(host, target.name, plan.pivotSource, pivot, heading, at, before);
        rowItems.set(pivot.name, placed.items);
        row = placed.area.row + placed.area.rowCount + GAP_ROWS + 1;
      } else {
        if (!table) throw new Error(`No table to write under "${heading}".`);
        const area = await host.run(async (context) => {
          before?.(context);
          const written = queueTable(context.workbook.worksheets.getItem(target.name), at, heading, table);
          // One table per sync, not a per-row sync.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          return written;
        });
        row = area.row + area.rowCount + GAP_ROWS + 1;
      }
    }
    if (first) {
      await host.run(async (context) => {
        queueSheet(context);
        await context.sync();
      });
    }
    const chartTable =
      typeof plan.chartTable === "function" ? await plan.chartTable(rowItems) : plan.chartTable;
    if (chartTable && chartTable.rows.length) {
      const chartAt = { row, column: FIRST_TABLE.column };
      await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(target.name);
        const area = queueTable(sheet, chartAt, "Chart data (as built)", {
          ...chartTable,
          revenueLabel: null,
        });
        // Clusters only (no Total column, no totals row), so the bars compare like with like.
        const series = sheet.getRange(a1({ ...area, rowCount: area.rowCount - 1, columnCount: 6 }));
        const chart = sheet.charts.add("ColumnStacked", series, "Columns");
        chart.title.text = "Customers per cluster by sub segment";
        chart.setPosition(CHART_POSITION.from, CHART_POSITION.to);
        await context.sync();
      });
    }
  } catch (error) {
    await removeSheetQuietly(host, target.name);
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
  before?: (context: Excel.RequestContext) => void,
): Promise<{ area: Area; items: string[] }> {
  return host.run(async (context) => {
    before?.(context);
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
