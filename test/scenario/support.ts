/**
 * Workbooks as a user has them on day one (issue 10): a messy report, a notes column without a
 * header right of it, a Country filter set by hand before the add-in ran, header cells with stray
 * spaces, a second report sheet. And steps run as a user runs them, with the checks that must hold
 * after every step.
 */
import {
  actions,
  createSession,
  type ActionOutcome,
  type Session,
  type SheetReport,
} from "../../src/actions";
import type { CellValue } from "../../src/domain/types";
import {
  createFakeExcel,
  sheetSnapshot,
  workbookSnapshot,
  type FakeExcel,
  type SheetModel,
} from "../../src/preview/fake-excel";
import { generateReport, type SampleLayout, type SampleReport } from "../../src/preview/sample-report";
import { TODAY } from "../support/workbooks";

export interface ReportSheet {
  name: string;
  sample: SampleReport;
  /** Columns of the report itself (named headers), and of the notes column when there is one. */
  width: number;
  notesColumn: number | null;
  countryColumn: number;
  /** The values the user's own Country filter keeps. */
  userCountries: string[];
}

export interface Scenario {
  fake: FakeExcel;
  session: Session;
  sheets: ReportSheet[];
}

export interface SheetOptions {
  name: string;
  layout: SampleLayout;
  rows: number;
  seed: number;
  /** A column of notes without a header right of the report, a few cells filled. */
  notes?: boolean;
  /** Stray spaces around header cells ("Industry ", " Country"). */
  strayHeaderSpaces?: boolean;
  /** The user filtered Country by hand before the add-in ran. */
  userCountryFilter?: boolean;
  /** The report is formatted as an Excel table. */
  table?: boolean;
  /** The generator's messy mode (title rows, BOM, stray case, text amounts); default true. */
  messy?: boolean;
}

function addReportSheet(fake: FakeExcel, options: SheetOptions): ReportSheet {
  const sample = generateReport({
    layout: options.layout,
    rows: options.rows,
    seed: options.seed,
    messy: options.messy ?? true,
  });
  const rows = sample.rows.map((row) => [...row]);
  const header = rows[sample.truth.headerRow];
  const width = sample.truth.headers.length;
  const countryColumn = header.indexOf(sample.truth.roles.country);
  if (options.strayHeaderSpaces) {
    const industry = header.indexOf(sample.truth.roles.industry);
    header[industry] = `${String(header[industry])} `;
    header[countryColumn] = ` ${String(header[countryColumn])}`;
  }
  let notesColumn: number | null = null;
  if (options.notes) {
    notesColumn = width;
    for (const [row, note] of [
      [1, "called, follow up"],
      [4, "=not a formula, just a note"],
      [Math.min(9, options.rows - 1), "left a voicemail"],
    ] as const) {
      rows[sample.truth.headerRow + 1 + row][notesColumn] = note;
    }
  }
  const sheet = fake.workbook.addSheet(options.name, rows as CellValue[][]);
  void sheet;
  const countries = rows
    .slice(sample.truth.headerRow + 1)
    .map((row) => row[countryColumn])
    .filter((v): v is string => typeof v === "string" && v.trim() !== "");
  const userCountries = [...new Set(countries)].slice(0, 2);
  return { name: options.name, sample, width, notesColumn, countryColumn, userCountries };
}

/** Sets up the workbook with the user's own changes made through Excel, as a user would. */
export async function scenario(...sheetOptions: SheetOptions[]): Promise<Scenario> {
  const fake = createFakeExcel();
  const sheets = sheetOptions.map((options) => addReportSheet(fake, options));
  for (const [i, options] of sheetOptions.entries()) {
    const sheet = sheets[i];
    const top = sheet.sample.truth.headerRow;
    const lastRow = top + sheet.sample.truth.dataRows;
    const lastColumn = sheet.width - 1 + (sheet.notesColumn === null ? 0 : 1);
    const range = `A${top + 1}:${columnName(lastColumn)}${lastRow + 1}`;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet.name);
      if (options.table) ws.tables.add(range, true);
      await context.sync();
      if (!options.userCountryFilter) return;
      const criteria = { filterOn: "Values", values: sheet.userCountries } as Excel.FilterCriteria;
      if (options.table) {
        const table = ws.tables.getItemAt(0);
        table.columns.getItemAt(sheet.countryColumn).filter.apply(criteria);
      } else ws.autoFilter.apply(range, sheet.countryColumn, criteria);
      await context.sync();
    });
  }
  fake.workbook.setActive(sheets[0].name);
  return { fake, session: createSession(fake, () => TODAY), sheets };
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The report's own cells (and the notes column): header block and data rows, as the user made them. */
export function reportCells(s: Scenario, sheet: ReportSheet): CellValue[][] {
  const model = s.fake.workbook.sheet(sheet.name)!;
  const columns = sheet.width + (sheet.notesColumn === null ? 0 : 1);
  return model.values(0, 0, sheet.sample.truth.headerRow + 1 + sheet.sample.truth.dataRows, columns);
}

/** The same cells, rows in any order (after a sort each row's cells are still together). */
export function reportRowsAnyOrder(s: Scenario, sheet: ReportSheet): string[] {
  return reportCells(s, sheet)
    .map((row) => JSON.stringify(row))
    .sort();
}

/** The user's Country criterion as Excel holds it now (sheet AutoFilter or table), or null. */
export function userCountryCriterion(s: Scenario, sheet: ReportSheet): unknown {
  const model: SheetModel = s.fake.workbook.sheet(sheet.name)!;
  const state = model.tables[0]?.filter ?? model.autoFilter;
  if (!state) return null;
  const offset = sheet.countryColumn - state.range.column;
  return state.criteria.get(offset) ?? null;
}

export type Step = { name: string; run: (session: Session, s: Scenario) => Promise<ActionOutcome<unknown>> };

export const steps = {
  analyze: (): Step => ({ name: "Analyze", run: (session) => session.run(actions.analyzeSheet, undefined) }),
  actNow: (product = "any"): Step => ({
    name: `Act now + Evaluate (${product})`,
    run: (session) => session.run(actions.showActNowEvaluate, { product }),
  }),
  cohort: (): Step => ({
    name: "Apply cohort filter",
    run: async (session) => {
      const analysis = await session.run(actions.analyzeSheet, undefined);
      if (analysis.status !== "done") return analysis;
      const report = analysis.data as SheetReport;
      // As the pane does: the cohort's values are counted when its list opens.
      for (const cohort of report.analysis.cohorts) {
        const listed = await session.run(actions.countColumnValues, {
          column: cohort.column,
          kind: "cohort",
        });
        if (listed.status !== "done") return listed;
        if (listed.data.values.length === 0) continue;
        return session.run(actions.applyValueFilter, {
          column: cohort.column,
          values: [listed.data.values[0].value],
        });
      }
      throw new Error("the sample has no cohort column with values");
    },
  }),
  clear: (all = false): Step => ({
    name: "Clear filters",
    run: (session) => session.run(actions.clearFilters, { all }),
  }),
  helpers: (): Step => ({
    name: "Add helper columns",
    run: (session) => session.run(actions.addHelperColumns, {}),
  }),
  sort: (): Step => ({
    name: "Sort by priority",
    run: (session) => session.run(actions.sortByPriority, undefined),
  }),
  summaries: (): Step => ({
    name: "Build summaries",
    run: (session) => session.run(actions.buildSummaries, undefined),
  }),
  prepare: (): Step => ({
    name: "Prepare for sellers",
    run: (session) => session.run(actions.prepareForSellers, undefined),
  }),
  reset: (): Step => ({ name: "Reset", run: (session) => session.run(actions.resetSheet, {}) }),
};

/** Everything on one sheet, for "left cell-for-cell identical" checks. */
export function sheetState(s: Scenario, name: string): unknown {
  return sheetSnapshot(s.fake.workbook.sheet(name)!);
}

export function everything(s: Scenario): unknown {
  return workbookSnapshot(s.fake.workbook);
}
