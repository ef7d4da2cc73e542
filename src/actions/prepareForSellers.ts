import { BAND_MEANING } from "../domain/bands";
import { reportSheetLine, SHEET_TITLES } from "../domain/addinArtifacts";
import { isCsvUrl } from "../domain/analysis";
import {
  DEFAULT_SCORE_SETTINGS,
  HELPER_HEADERS,
  SCORE_SIGNALS,
  SCORE_SIGNAL_LABELS,
  type ScoreSettings,
} from "../domain/score";
import type { ReportLayout } from "../domain/types";
import { existingCriteria } from "../excel/filters";
import { openReport } from "../excel/report";
import {
  chooseAddinSheet,
  formatForSellers,
  sheetLayoutBefore,
  queueTextSheet,
  type SellerFormatting,
} from "../excel/sheetOps";
import { loadState, saveState, stateSaveWith } from "../excel/state";
import { ensureHelperColumns } from "./addHelperColumns";
import { refuseIfProtected } from "./filtering";
import type { ActionDefinition } from "./types";

export const ABOUT_TITLE = SHEET_TITLES.about;
/** The About sheet's name when it is free ("About this report (2)" for a second report sheet). */
export const ABOUT_SHEET_NAME = SHEET_TITLES.about;

export const CSV_SHARE_WARNING =
  "This workbook is a .csv file: Excel keeps only the active sheet's values in a CSV, so the filters, helper columns, " +
  "summaries and this preparation are lost when it is saved. Use File > Save As > Excel Workbook (.xlsx) before sharing.";

/** Fills that read on white and in dark mode: green for sales-ready, amber for marketing-ready. */
export const CLUSTER_COLOURS = [
  { beginsWith: "Act", fill: "#C6EFCE" },
  { beginsWith: "Eval", fill: "#FFEB9C" },
  { beginsWith: "Nur", fill: "#DDEBF7" },
  { beginsWith: "Edu", fill: "#EDEDED" },
];
export const BAND_COLOURS = [
  { beginsWith: "ET", fill: "#EDEDED" },
  { beginsWith: "A", fill: "#C6EFCE" },
  { beginsWith: "E", fill: "#FFEB9C" },
  { beginsWith: "N", fill: "#DDEBF7" },
];

export function aboutLines(options: {
  layout: ReportLayout;
  sheetName: string;
  rows: number;
  today: Date;
  filters: string[];
  settings: ScoreSettings;
  csv: boolean;
}): string[] {
  const { layout, settings } = options;
  const products =
    settings.products === "all"
      ? layout.products.map((p) => p.label).join(", ")
      : layout.products
          .filter((p) => (settings.products as string[]).includes(p.key))
          .map((p) => p.label)
          .join(", ");
  const weights = SCORE_SIGNALS.map(
    (signal) => `${SCORE_SIGNAL_LABELS[signal]} ${settings.weights[signal]}`,
  ).join(", ");
  const lines = [
    ABOUT_TITLE,
    reportSheetLine(options.sheetName),
    `Prepared ${options.today.toISOString().slice(0, 10)} with Propensity Pane from the sheet "${options.sheetName}": ` +
      `${layout.reportTypeLabel}, ${options.rows.toLocaleString("en-US")} customers.`,
    options.filters.length
      ? `Filters applied: ${options.filters.join(", ")}.`
      : "No filters applied: every customer is listed.",
    "",
    "How to use it: sort by Priority Score (highest first) and call the top rows; filter Best Cluster to Act Now and Evaluate for the sales-ready customers.",
    "",
    "Helper columns (right of the report)",
    `${HELPER_HEADERS[0]}: the best Microsoft propensity cluster among the products considered (${products || "none"}): Act Now, then Evaluate, Nurture, Educate.`,
    `${HELPER_HEADERS[1]}: Microsoft's Fit x Intent cell for that product. ${["A1", "A4", "E5", "E8", "N9", "ET10"].map((b) => BAND_MEANING[b as keyof typeof BAND_MEANING]).join("; ")}. A1 is the most sales-ready; a bare letter (A, E, N, ET) means Fit or Intent was missing.`,
    `${HELPER_HEADERS[2]}: the product(s) at that band.`,
    `${HELPER_HEADERS[3]}: 0-100, to order the call list. Weights in use: ${weights}. Band counts most; breadth is the share of products at Act Now or Evaluate; size follows the sub segment; value is potential (or expiring) revenue; recency is a transaction in the last 36 months; trend is the change since last month (Up scores most, Down least; needs Compare with last month). Signals missing from the report are left out and the rest re-weighted.`,
    `${HELPER_HEADERS[4]}: the facts behind the score, in words.`,
    "",
    "Colours: green = Act Now (sales-ready), amber = Evaluate (marketing-ready), blue = Nurture, grey = Educate.",
    "Source: Microsoft Partner Center CloudAscent report. Customer data stays in this workbook.",
  ];
  if (options.csv) lines.push("", CSV_SHARE_WARNING);
  return lines;
}

export interface PrepareResult {
  aboutSheet: string;
}

/** Makes the workbook readable without the add-in: frozen header, fitted widths, coloured clusters, About sheet. */
export const prepareForSellers: ActionDefinition<void, PrepareResult> = {
  id: "prepareForSellers",
  label: "Prepare for sellers",
  description:
    "Freezes the header row, fits key column widths, colours the cluster columns and adds an About this report sheet.",
  requires: [],
  needs: ["isReport", "hasClusterColumns"],
  async perform(env) {
    const opened = await openReport(env.host, env.capabilities);
    refuseIfProtected(opened);
    const { report, bestClusterColumn: first } = await ensureHelperColumns(env, opened);
    const { layout } = report;
    const state = (await loadState(env.host, env.capabilities, report)) ?? {
      version: 1 as const,
      score: DEFAULT_SCORE_SETTINGS,
    };
    const sheetColumn = (offset: number) => report.area.column + offset;
    const keyColumns = [
      layout.roles.accountName,
      layout.roles.industry,
      layout.roles.subSegment,
      layout.roles.country,
      ...layout.products.map((p) => p.cluster),
      ...HELPER_HEADERS.map((_, i) => first + i),
    ]
      .filter((c): c is number => c !== undefined)
      .map(sheetColumn);

    // Record what is changed the first time only, so a second run doesn't record its own changes.
    const prepared =
      state.prepared ?? (await sheetLayoutBefore(env.host, env.capabilities, report.sheetName, keyColumns));
    // The record goes first, in the batch that formats when it can (else on its own, before).
    const record = stateSaveWith(env.capabilities, report, { ...state, prepared });
    if (!record) await saveState(env.host, env.capabilities, { ...state, prepared }, report);

    const warnings: string[] = [];
    const plan: SellerFormatting = { colourRules: [] };
    if (env.capabilities.has("freezePanes")) plan.freezeRows = report.headerSheetRow + 1;
    else warnings.push(env.capabilities.missingMessage("freezePanes"));
    if (env.capabilities.has("autofitColumns"))
      plan.autofit = {
        rows: { row: report.headerSheetRow, rowCount: report.dataRowCount + 1 },
        columns: keyColumns,
      };
    if (env.capabilities.has("conditionalFormats") && report.dataRowCount > 0) {
      const dataRows = { row: report.headerSheetRow + 1, rowCount: report.dataRowCount, columnCount: 1 };
      plan.colourRules.push(
        { area: { ...dataRows, column: sheetColumn(first) }, rules: CLUSTER_COLOURS },
        { area: { ...dataRows, column: sheetColumn(first + 1) }, rules: BAND_COLOURS },
      );
    } else if (!env.capabilities.has("conditionalFormats")) {
      warnings.push(env.capabilities.missingMessage("conditionalFormats"));
    }
    const csv = isCsvUrl(env.host.documentUrl());
    if (csv) warnings.unshift(CSV_SHARE_WARNING);
    const lines = aboutLines({
      layout,
      sheetName: report.sheetName,
      rows: report.dataRowCount,
      today: env.now?.() ?? new Date(),
      filters: existingCriteria(report).map((c) => layout.headers[c.column] ?? `Column ${c.column + 1}`),
      settings: state.score,
      csv,
    });
    const about = await chooseAddinSheet(env.host, "about", report.sheetName, report.sheetNames);
    // Freeze, fit, colour and the About sheet in one round trip (issue 16).
    await formatForSellers(env.host, report.sheetName, plan, record ?? undefined, (context) =>
      queueTextSheet(context, env.capabilities, about.name, about.replace, lines),
    );
    return {
      message: `Ready to share: header frozen, key columns fitted, clusters coloured, "${about.name}" sheet ${about.replace ? "updated" : "added"}.`,
      warnings,
      data: { aboutSheet: about.name },
    };
  },
};
