import type { SummaryTable } from "../domain/summaries";
import type { CellValue } from "../domain/types";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import { a1, type Area } from "./address";
import { errorCode } from "./errors";
import { suspendUntilSync, TEXT_FORMAT } from "./write";

export const SUMMARY_SHEET_NAME = "Propensity Summary";
/** A1 of a summary sheet: how the add-in recognises its own sheet when settings were lost. */
export const SUMMARY_TITLE = "Propensity Summary";

/** Where things go on the summary sheet (0-based rows/columns). */
const FIRST_TABLE = { row: 7, column: 0 };
const SECOND_TABLE = { row: 7, column: 10 };
const CHART_DATA = { row: 7, column: 20 };
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
  tables: { heading: string; table: SummaryTable; pivot?: PivotPlan }[];
  /** The report range a PivotTable summarises (header row included), when pivots are used. */
  pivotSource?: { sheetName: string; area: Area };
  /** The table the chart shows (customers per cluster by sub segment). */
  chartTable: SummaryTable | null;
}

/** A summary sheet name: ours to replace when its A1 is our title, else the first free "Propensity Summary (n)". */
export async function chooseSummarySheet(host: ExcelHost): Promise<{ name: string; replace: boolean }> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const names = sheets.items.map((sheet) => sheet.name);
    const candidates = [
      SUMMARY_SHEET_NAME,
      ...Array.from({ length: 20 }, (_, i) => `${SUMMARY_SHEET_NAME} (${i + 2})`),
    ];
    const titles = candidates
      .filter((name) => names.includes(name))
      .map((name) => {
        const cell = sheets.getItem(name).getRange("A1");
        cell.load("values");
        return { name, cell };
      });
    await context.sync();
    const ours = titles.find(({ cell }) => cell.values[0][0] === SUMMARY_TITLE);
    if (ours) return { name: ours.name, replace: true };
    const free = candidates.find((name) => !names.includes(name));
    return { name: free ?? `${SUMMARY_SHEET_NAME} ${Date.now() % 10000}`, replace: false };
  });
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
  if (target.replace) {
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(target.name).delete();
      await context.sync();
    });
  }
  try {
    await host.run(async (context) => {
      context.workbook.worksheets.add(target.name);
      await context.sync();
    });
    await host.run(async (context) => {
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
      plan.tables.forEach(({ heading, table, pivot }, i) => {
        const at = i === 0 ? FIRST_TABLE : SECOND_TABLE;
        if (!pivot) queueTable(sheet, at, heading, table);
        else {
          const headingCell = sheet.getRange(
            a1({ row: at.row - 1, column: at.column, rowCount: 1, columnCount: 1 }),
          );
          headingCell.numberFormat = [[TEXT_FORMAT]];
          headingCell.values = [[heading]];
          headingCell.format.font.bold = true;
        }
      });
      await context.sync();
    });
    // One PivotTable per sync, at most two data hierarchies each (bigger batches crash some hosts).
    for (const [i, { pivot }] of plan.tables.entries()) {
      if (!pivot || !plan.pivotSource) continue;
      const source = plan.pivotSource;
      const at = i === 0 ? FIRST_TABLE : SECOND_TABLE;
      await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(target.name);
        const sourceRange = context.workbook.worksheets.getItem(source.sheetName).getRange(a1(source.area));
        const pivotTable = sheet.pivotTables.add(
          pivot.name,
          sourceRange,
          sheet.getRange(a1({ ...at, rowCount: 1, columnCount: 1 })),
        );
        pivotTable.rowHierarchies.add(pivotTable.hierarchies.getItem(pivot.rowField));
        pivotTable.columnHierarchies.add(pivotTable.hierarchies.getItem(pivot.columnField));
        const count = pivotTable.dataHierarchies.add(pivotTable.hierarchies.getItem(pivot.countField));
        count.summarizeBy = "Count";
        if (pivot.sumField) {
          const sum = pivotTable.dataHierarchies.add(pivotTable.hierarchies.getItem(pivot.sumField));
          sum.summarizeBy = "Sum";
        }
        // One PivotTable per sync on purpose (see above), not a per-row sync.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      });
    }
    if (plan.chartTable && plan.chartTable.rows.length) {
      const chartTable = plan.chartTable;
      await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(target.name);
        const area = queueTable(sheet, CHART_DATA, "Chart data (as built)", {
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
