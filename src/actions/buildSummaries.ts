import { reportSheetLine } from "../domain/addinArtifacts";
import { HELPER_HEADERS } from "../domain/score";
import { locateCrmOwnerColumn } from "../domain/crmColumns";
import { pivotFieldNames, summarize, summaryColumnsNeeded, type SummaryTable } from "../domain/summaries";
import {
  summariesFromCounts,
  summaryCountPlan,
  type SummaryCountInput,
  type SummaryDimension,
} from "../domain/summaryCounts";
import { columnLetters } from "../excel/address";
import { foldHeader } from "../domain/headers";
import { parseCluster, isBlank } from "../domain/values";
import type { Cluster, ReportLayout } from "../domain/types";
import { existingCriteria } from "../excel/filters";
import { UserFacingError } from "../excel/errors";
import { countAndLookUpInReport, openReport, readReportColumns, type OpenedReport } from "../excel/report";
import { writeSummarySheet, SUMMARY_TITLE, type PivotPlan, type SummaryPlan } from "../excel/summarySheet";
import { ensureHelperColumns } from "./addHelperColumns";
import { refuseIfProtected } from "./filtering";
import type { ActionDefinition } from "./types";

export interface SummariesResult {
  sheetName: string;
  /** "pivot": native PivotTables; "static": tables that don't refresh (old Excel or unusable headers). */
  mode: "pivot" | "static";
  industries: number;
  subSegments: number;
  /** Owners in the CRM Owner table, when one was asked for. */
  crmOwners?: number;
}

export interface SummariesInput {
  /** Also a table (and PivotTable) of customers per CRM owner and best cluster; needs Match to CRM's columns. */
  crmOwner?: boolean;
}

/** Why a PivotTable can't use these source field names (Excel refuses a blank header), or null. */
function pivotHeaderProblem(fieldNames: readonly string[], firstColumn: number): string | null {
  const blank = fieldNames.findIndex((name) => name === "");
  return blank < 0
    ? null
    : `column ${columnLetters(firstColumn + blank)} has no header (give it one and build again)`;
}

/** A revenue column a PivotTable can sum: numbers, not range text like "$1K - $5K". */
function summableRevenueColumn(
  layout: ReportLayout,
  sample: readonly (readonly unknown[])[],
): number | undefined {
  const column =
    layout.roles.expiringRevenue ??
    layout.products.find((p) => p.potentialRevenue !== undefined)?.potentialRevenue;
  if (column === undefined) return undefined;
  const values = sample.map((row) => row[column]).filter((v) => !isBlank(v));
  return values.length && values.every((v) => typeof v === "number") ? column : undefined;
}

function titleLines(
  report: OpenedReport,
  filtered: string[],
  today: Date,
  mode: "pivot" | "static",
  why: string | null,
) {
  const lines = [
    SUMMARY_TITLE,
    reportSheetLine(report.sheetName),
    `Report: ${report.layout.reportTypeLabel} · ${report.dataRowCount.toLocaleString("en-US")} data rows`,
    `Built: ${today.toISOString().slice(0, 10)} by Propensity Pane`,
    filtered.length
      ? `Filters active when built: ${filtered.join(", ")}. The tables count every row of the report, including rows hidden by filters.`
      : "No filters were active when built. The tables count every row of the report.",
  ];
  lines.push(
    mode === "pivot"
      ? "The PivotTables refresh with the data (PivotTable Analyze > Refresh); Excel lists the clusters alphabetically " +
          "there (drag a column label to reorder). The chart shows the numbers as built."
      : `These tables are static: they do not refresh${why ? ` (${why})` : ""}. Run Build summaries again after changes.`,
  );
  return lines;
}

/** Builds (or rebuilds) the "Propensity Summary" sheet: by industry and by sub segment, and a chart. */
export const buildSummaries: ActionDefinition<SummariesInput | void, SummariesResult> = {
  id: "buildSummaries",
  label: "Build summaries",
  description:
    "Adds a Propensity Summary sheet with customers per cluster (and revenue) by industry and by sub segment, and a chart.",
  requires: [],
  needs: ["isReport", "hasClusterColumns"],
  async perform(env, input) {
    const wantsOwner = input?.crmOwner === true;
    const opened = await openReport(env.host, env.capabilities);
    // Every refusal comes before the first write (helper columns may be added below).
    refuseIfProtected(opened);
    if (opened.layout.roles.industry === undefined && opened.layout.roles.subSegment === undefined) {
      throw new UserFacingError(
        "This report has neither an Industry nor a Sub Segment column, so there is nothing to summarise by. Nothing was changed.",
      );
    }
    if (wantsOwner && locateCrmOwnerColumn(opened.layout.rawHeaders) === null) {
      throw new UserFacingError(
        "There is no CRM Owner column on this sheet: run Match to CRM first, or build the summaries without it. Nothing was changed.",
      );
    }
    const { report, added, bestClusterColumn } = await ensureHelperColumns(env, opened);
    const { layout } = report;
    const ownerColumn = wantsOwner ? (locateCrmOwnerColumn(layout.rawHeaders) ?? undefined) : undefined;

    // The PivotTables' source runs through the helper columns, and through CRM Owner when it lies beyond them.
    const sourceWidth = Math.max(bestClusterColumn + HELPER_HEADERS.length, (ownerColumn ?? -1) + 1);
    // PivotTable fields are named from the raw header text, as Excel names them ("Industry " included).
    const fieldNames = pivotFieldNames(report.headerCells.slice(0, sourceWidth));
    const headerProblem = pivotHeaderProblem(fieldNames, report.area.column);
    const usePivots = env.capabilities.has("pivotTables") && headerProblem === null;
    const why = !env.capabilities.has("pivotTables")
      ? `PivotTables need ${env.capabilities.missingMessage("pivotTables")}`
      : headerProblem
        ? `PivotTables need a header on every column, and ${headerProblem}`
        : null;

    // PivotTables sum revenue themselves: with them, the tables written are the chart's counts, which
    // need no revenue column (issue 16: the revenue columns were most of the bytes read).
    const columns = [
      ...new Set([
        ...summaryColumnsNeeded(layout, { revenue: !usePivots }),
        bestClusterColumn,
        ...(ownerColumn === undefined ? [] : [ownerColumn]),
      ]),
    ];
    const readAndSummarize = async () => {
      const data = await readReportColumns(env.host, report, columns, {
        onProgress: env.onProgress,
        signal: env.signal,
      });
      const bestClusters = (data.get(bestClusterColumn) ?? []).map(
        (v) => (parseCluster(v) ?? "") as Cluster | "",
      );
      return summarize(layout, data, bestClusters, report.dataRowCount, ownerColumn, {
        revenue: !usePivots,
      });
    };
    // Static tables are written from the columns read; PivotTables count themselves, and the chart's
    // table and the group counts come from COUNTIFS over their items once they are built (issue 16).
    const read = usePivots ? null : await readAndSummarize();
    const groups: Partial<Record<SummaryDimension, number>> = {};
    if (read) {
      groups.industry = read.byIndustry?.rows.length;
      groups.subSegment = read.bySubSegment?.rows.length;
      groups.crmOwner = read.byCrmOwner?.rows.length;
    }

    const identity =
      layout.roles.accountName ?? layout.roles.customerId ?? layout.roles.tpid ?? bestClusterColumn;
    const revenue = summableRevenueColumn(layout, report.sample);
    const pivotFor = (base: string, column: number | undefined): PivotPlan | undefined => {
      if (!usePivots || column === undefined) return undefined;
      return {
        name: base,
        rowField: fieldNames[column],
        columnField: fieldNames[bestClusterColumn],
        countField: fieldNames[identity],
        sumField: revenue === undefined ? undefined : fieldNames[revenue],
      };
    };
    const dimensions: {
      dimension: SummaryDimension;
      column: number | undefined;
      heading: string;
      pivot: string;
      table: SummaryTable | null | undefined;
    }[] = [
      {
        dimension: "industry",
        column: layout.roles.industry,
        heading: "Customers by industry and best cluster",
        pivot: "PropensityByIndustry",
        table: read?.byIndustry,
      },
      {
        dimension: "subSegment",
        column: layout.roles.subSegment,
        heading: "Customers by sub segment and best cluster",
        pivot: "PropensityBySubSegment",
        table: read?.bySubSegment,
      },
      {
        dimension: "crmOwner",
        column: ownerColumn,
        heading: "Customers by CRM owner and best cluster",
        pivot: "PropensityByCrmOwner",
        table: read?.byCrmOwner,
      },
    ];
    const tables: SummaryPlan["tables"] = [];
    for (const { column, heading, pivot, table } of dimensions) {
      if (column === undefined) continue;
      tables.push({ heading, table: table ?? undefined, pivot: pivotFor(pivot, column) });
    }

    // With PivotTables: count each one's items with COUNTIFS, and read the columns only if a count
    // cannot be proven equal to what summarize computes from them.
    const rowIdentity = layout.roles.accountName ?? layout.roles.customerId ?? layout.roles.tpid;
    const countedChart = async (rowItems: ReadonlyMap<string, string[]>): Promise<SummaryTable | null> => {
      const input: SummaryCountInput = {
        bestCluster: bestClusterColumn,
        // Identity first: its cells are the least likely to look blank (see summaryCounts).
        skipColumns: [
          ...summaryColumnsNeeded(layout, { revenue: false }).filter((c) => c === rowIdentity),
          ...summaryColumnsNeeded(layout, { revenue: false }).filter((c) => c !== rowIdentity),
        ],
        rowCount: report.dataRowCount,
        dimensions: dimensions.flatMap(({ dimension, column, pivot }) => {
          const items = rowItems.get(pivot);
          if (column === undefined || !items) return [];
          return [
            {
              dimension,
              column,
              items,
              ...(dimension === "subSegment" ? { table: { label: "Sub Segment" } } : {}),
            },
          ];
        }),
      };
      const plan = summaryCountPlan(input);
      const answers = plan
        ? await countAndLookUpInReport(env.host, env.capabilities, report, plan.queries, plan.lookups)
        : null;
      const counted = answers ? summariesFromCounts(input, answers.counts, answers.found) : null;
      if (counted) {
        Object.assign(groups, counted.groups);
        return counted.tables.subSegment ?? null;
      }
      const fallback = await readAndSummarize();
      groups.industry = fallback.byIndustry?.rows.length;
      groups.subSegment = fallback.bySubSegment?.rows.length;
      groups.crmOwner = fallback.byCrmOwner?.rows.length;
      return fallback.bySubSegment;
    };

    const headers = layout.headers;
    const filtered = existingCriteria(report).map((c) => headers[c.column] ?? `Column ${c.column + 1}`);
    const today = env.now?.() ?? new Date();
    const mode = usePivots ? "pivot" : "static";
    const target = await writeSummarySheet(env.host, env.capabilities, report, {
      titleLines: titleLines(report, filtered, today, mode, why),
      tables,
      pivotSource: usePivots
        ? {
            sheetName: report.sheetName,
            area: {
              row: report.headerSheetRow,
              column: report.area.column,
              rowCount: report.dataRowCount + 1,
              columnCount: sourceWidth,
            },
          }
        : undefined,
      chartTable: read ? read.bySubSegment : countedChart,
    });

    const warnings = [];
    if (added)
      warnings.push("The helper columns were added first: the summaries count customers by Best Cluster.");
    if (why) warnings.push(`Static tables instead of PivotTables: ${why}.`);
    if (!foldHeader(layout.rawHeaders[identity]))
      warnings.push("No account name column: customers are counted by Best Cluster.");
    return {
      message: `${target.replace ? "Rebuilt" : "Built"} the "${target.name}" sheet${mode === "pivot" ? " with PivotTables" : ""}.`,
      warnings,
      data: {
        sheetName: target.name,
        mode,
        industries: groups.industry ?? 0,
        subSegments: groups.subSegment ?? 0,
        ...(ownerColumn !== undefined ? { crmOwners: groups.crmOwner ?? 0 } : {}),
      },
    };
  },
};
