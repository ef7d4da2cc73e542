import { actions, createSession } from ".";
import type { ExcelHost } from "../excel/host";
import { FakeOfficeError, type FakeExcel } from "../preview/fake-excel";
import { loadSample, TODAY, type Loaded } from "../../test/support/workbooks";
import { detectLayout } from "../domain/layout";
import { summarize } from "../domain/summaries";
import { parseCluster } from "../domain/values";
import type { CellValue } from "../domain/types";

const CLUSTERS = ["Act Now", "Evaluate", "Nurture", "Educate"];

/** Counts straight from the sheet: sub segment x Best Cluster, as a reader with a calculator would. */
function countBySubSegment(
  fake: FakeExcel,
  headerRow: number,
  subSegmentColumn: number,
  bestColumn: number,
  rows: number,
) {
  const sheet = fake.workbook.sheet("Report")!;
  const counts = new Map<string, number[]>();
  const subSegments = sheet.values(headerRow + 1, subSegmentColumn, rows, 1);
  const best = sheet.values(headerRow + 1, bestColumn, rows, 1);
  subSegments.forEach(([segment], i) => {
    if (segment === "" && best[i][0] === "") return;
    const key = String(segment) || "(blank)";
    const row = counts.get(key) ?? [0, 0, 0, 0, 0];
    const index = CLUSTERS.indexOf(String(best[i][0]));
    row[index === -1 ? 4 : index] += 1;
    counts.set(key, row);
  });
  return counts;
}

/** The row (0-based) of column A holding `text` on a sheet. */
function rowOf(fake: FakeExcel, sheetName: string, text: string): number {
  const sheet = fake.workbook.sheet(sheetName)!;
  for (let r = 0; r < 1000; r++) if (sheet.getValue(r, 0) === text) return r;
  throw new Error(`${text} not found`);
}

/** The table written under a heading cell, read back as key -> five cluster counts. */
function tableAt(fake: FakeExcel, sheetName: string, row: number, column: number): Map<string, number[]> {
  const sheet = fake.workbook.sheet(sheetName)!;
  const table = new Map<string, number[]>();
  for (let r = row + 1; ; r++) {
    const key = sheet.getValue(r, column);
    if (key === "" || key === null || key === "Total") break;
    table.set(String(key), sheet.values(r, column + 1, 1, 5)[0].map(Number));
  }
  return table;
}

/** What summarize computes from every cell of the report and its helper columns: the reading path's answer. */
function summariesFromCells({ fake, report }: Loaded) {
  const sheet = fake.workbook.sheet("Report")!;
  const width = report.truth.headers.length + 5;
  const rows = sheet.values(0, 0, report.rows.length, width);
  const detected = detectLayout(rows);
  if (!detected.ok) throw new Error(detected.reason);
  const { layout } = detected;
  const data = new Map<number, CellValue[]>();
  for (let c = 0; c < width; c++)
    data.set(
      c,
      rows.slice(layout.headerRow + 1).map((row) => row[c]),
    );
  const best = data.get(layout.rawHeaders.indexOf("Best Cluster"))!.map((v) => parseCluster(v) ?? "");
  return summarize(layout, data, best, rows.length - layout.headerRow - 1, undefined, { revenue: false });
}

/** The chart's data table as written, in order: [key, five cluster counts]. */
function chartRows(fake: FakeExcel): [string, number[]][] {
  const chartData = rowOf(fake, "Propensity Summary", "Chart data (as built)");
  return [...tableAt(fake, "Propensity Summary", chartData + 1, 0)];
}

const asRows = (table: ReturnType<typeof summarize>["bySubSegment"]) =>
  (table?.rows ?? []).map((r): [string, number[]] => [
    r.key,
    [r.counts["Act Now"], r.counts.Evaluate, r.counts.Nurture, r.counts.Educate, r.counts.Blank],
  ]);

/** Sets a data cell (0-based data row, header text) of the report sheet. */
function setCell(loaded: Loaded, dataRow: number, header: string, value: CellValue) {
  const column = loaded.report.truth.headers.indexOf(header);
  if (column < 0) throw new Error(`${header} not found`);
  loaded.fake.workbook.sheet("Report")!.setCell(loaded.report.truth.headerRow + 1 + dataRow, column, value);
}

/** Data rows whose cell under `header` is `value`. */
function rowsWith(loaded: Loaded, header: string, value: CellValue): number[] {
  const column = loaded.report.truth.headers.indexOf(header);
  const { headerRow, dataRows } = loaded.report.truth;
  return loaded.fake.workbook
    .sheet("Report")!
    .values(headerRow + 1, column, dataRows, 1)
    .flatMap(([v], i) => (v === value ? [i] : []));
}

describe("Build summaries counted by Excel (issue 16)", () => {
  async function build(loaded: Loaded) {
    const helpers = await loaded.session.run(actions.addHelperColumns, {});
    if (helpers.status !== "done") throw new Error(helpers.message);
    return helpers;
  }

  it("takes the chart's table from COUNTIFS over the PivotTable's items, case, stray spaces and errors as summarize groups them", async () => {
    const loaded = loadSample({ layout: "ai-business", rows: 400, seed: 65, messy: true });
    const { fake, session, report } = loaded;
    await build(loaded);
    const { subSegment, industry } = report.truth.roles;
    const small = rowsWith(loaded, subSegment, "Small");
    const medium = rowsWith(loaded, subSegment, "Medium");
    // The group is named by its first spelling (upper case here), whatever Excel calls the item.
    setCell(loaded, small[0], subSegment, "SMALL");
    setCell(loaded, small[3], subSegment, "small");
    // Stray spaces: another item for Excel, the same group for summarize.
    setCell(loaded, small[1], subSegment, " Small ");
    setCell(loaded, medium[0], subSegment, "Medium  ");
    // Wildcard characters are literal; an error text is a blank sub segment.
    setCell(loaded, medium[1], subSegment, "A*B?");
    setCell(loaded, medium[2], subSegment, "AxBy");
    setCell(loaded, medium[3], subSegment, "#N/A");
    setCell(loaded, medium[4], industry, "#N/A");
    setCell(loaded, medium[5], industry, " ");

    fake.resetStats();
    const outcome = await session.run(actions.buildSummaries, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.mode).toBe("pivot");

    const truth = summariesFromCells(loaded);
    expect(chartRows(fake)).toEqual(asRows(truth.bySubSegment));
    expect(chartRows(fake).map(([key]) => key)).toEqual(
      expect.arrayContaining(["SMALL", "A*B?", "AxBy", "(blank)"]),
    );
    expect(outcome.data.subSegments).toBe(truth.bySubSegment!.rows.length);
    expect(outcome.data.industries).toBe(truth.byIndustry!.rows.length);
    // No column was read: the header block and the sheets' titles only.
    const width = report.truth.headers.length + 5;
    expect(fake.stats.cellsRead).toBeLessThanOrEqual(220 * width + 2 * 10);
  });

  it("reads the columns when an item cannot be counted exactly (a number), with the same results", async () => {
    const loaded = loadSample({ layout: "ai-business", rows: 300, seed: 66, messy: true });
    const { fake, session, report } = loaded;
    await build(loaded);
    const { subSegment } = report.truth.roles;
    const small = rowsWith(loaded, subSegment, "Small");
    // COUNTIFS "5" counts the number 5 and the text "5" alike: no proof, so read.
    setCell(loaded, small[0], subSegment, 5);
    setCell(loaded, small[1], subSegment, "5");
    fake.resetStats();
    const outcome = await session.run(actions.buildSummaries, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    const truth = summariesFromCells(loaded);
    expect(chartRows(fake)).toEqual(asRows(truth.bySubSegment));
    expect(outcome.data.subSegments).toBe(truth.bySubSegment!.rows.length);
    expect(outcome.data.industries).toBe(truth.byIndustry!.rows.length);
    expect(fake.stats.cellsRead).toBeGreaterThanOrEqual(3 * report.truth.dataRows);
  });

  it("reads the columns when a row summarize skips may hide a blank-looking cell, with the same results", async () => {
    const loaded = loadSample({ layout: "ai-business", rows: 300, seed: 67, messy: true });
    const { fake, session, report } = loaded;
    await build(loaded);
    // A row with no Best Cluster whose only content is a space in the account name: summarize skips it.
    const width = report.truth.headers.length + 5;
    const sheetRow = report.truth.headerRow + 1 + 10;
    for (let c = 0; c < width; c++) fake.workbook.sheet("Report")!.setCell(sheetRow, c, "");
    setCell(loaded, 10, report.truth.roles.accountName, " ");
    fake.resetStats();
    const outcome = await session.run(actions.buildSummaries, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    const truth = summariesFromCells(loaded);
    expect(chartRows(fake)).toEqual(asRows(truth.bySubSegment));
    expect(outcome.data.subSegments).toBe(truth.bySubSegment!.rows.length);
    expect(outcome.data.industries).toBe(truth.byIndustry!.rows.length);
    expect(fake.stats.cellsRead).toBeGreaterThanOrEqual(3 * report.truth.dataRows);
  });
});

describe("Build summaries", () => {
  it("with PivotTables reads no column: not the revenue the PivotTables sum, nor the chart's counts", async () => {
    const { fake, session, report } = loadSample({ layout: "ai-business", rows: 300, seed: 61 });
    const helpers = await session.run(actions.addHelperColumns, {});
    if (helpers.status !== "done") throw new Error(helpers.message);
    fake.resetStats();
    const outcome = await session.run(actions.buildSummaries, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.mode).toBe("pivot");
    // The header block (220 rows at most), A1:A2 of each sheet (to find the summary sheet) and the
    // spelling of each sub segment where it first appears.
    const width = report.truth.headers.length + 5;
    const headerBlock = Math.min(220, report.truth.headerRow + 1 + report.truth.dataRows) * width;
    expect(fake.stats.cellsRead).toBeLessThanOrEqual(headerBlock + 2 * 10);
    expect(fake.stats.syncs).toBeLessThanOrEqual(5);
  });

  it("creates two PivotTables by industry and sub segment over the report and its helper columns, plus a chart", async () => {
    const { fake, session, report } = loadSample({ layout: "ai-business", rows: 300, seed: 61 });
    const outcome = await session.run(actions.buildSummaries, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.mode).toBe("pivot");
    expect(outcome.warnings.join(" ")).toMatch(/helper columns were added first/);

    const summary = fake.workbook.sheet("Propensity Summary")!;
    expect(summary.getValue(0, 0)).toBe("Propensity Summary");
    const pivots = summary.pivotTables;
    expect(pivots.map((p) => [p.rows, p.columns])).toEqual([
      [[report.truth.roles.industry], ["Best Cluster"]],
      [[report.truth.roles.subSegment], ["Best Cluster"]],
    ]);
    for (const pivot of pivots) {
      expect(pivot.data[0]).toMatchObject({ summarizeBy: "Count" });
      const source = pivot.sourceRange();
      expect(source.row).toBe(report.truth.headerRow);
      expect(source.rowCount).toBe(report.truth.dataRows + 1);
      expect(source.columnCount).toBe(report.truth.headers.length + 5);
    }
    expect(summary.charts).toHaveLength(1);

    // The chart's data table holds the same numbers a person would count on the sheet.
    const width = report.truth.headers.length;
    const subSegmentColumn = report.truth.headers.indexOf(report.truth.roles.subSegment);
    const expected = countBySubSegment(
      fake,
      report.truth.headerRow,
      subSegmentColumn,
      width,
      report.truth.dataRows,
    );
    const chartData = rowOf(fake, "Propensity Summary", "Chart data (as built)");
    expect(tableAt(fake, "Propensity Summary", chartData + 1, 0)).toEqual(expected);
  });

  it("writes static tables below ExcelApi 1.8 and says they don't refresh", async () => {
    const { fake, session, report } = loadSample(
      { layout: "azure", rows: 200, seed: 62 },
      { apiVersion: "1.7" },
    );
    const outcome = await session.run(actions.buildSummaries, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.mode).toBe("static");
    const summary = fake.workbook.sheet("Propensity Summary")!;
    expect(summary.pivotTables).toHaveLength(0);
    expect(summary.values(0, 0, 6, 1).flat().join(" ")).toMatch(/static: they do not refresh/);
    const width = report.truth.headers.length;
    const subSegmentColumn = report.truth.headers.indexOf(report.truth.roles.subSegment);
    const bySubSegment = rowOf(fake, "Propensity Summary", "Customers by sub segment and best cluster");
    expect(tableAt(fake, "Propensity Summary", bySubSegment + 1, 0)).toEqual(
      countBySubSegment(fake, report.truth.headerRow, subSegmentColumn, width, report.truth.dataRows),
    );
  });

  it("replaces its own sheet when run again, and leaves a user's sheet of the same name alone", async () => {
    const { fake, session } = loadSample({ layout: "azure", rows: 80, seed: 63 });
    fake.workbook.addSheet("Propensity Summary", [["My own notes"]]);
    await session.run(actions.buildSummaries, undefined);
    await session.run(actions.buildSummaries, undefined);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([
      "Report",
      "Propensity Summary",
      "Propensity Summary (2)",
    ]);
    expect(fake.workbook.sheet("Propensity Summary")!.getValue(0, 0)).toBe("My own notes");
  });

  it("rebuilds its own sheet under its name and place, its PivotTables renamed to match, in five syncs", async () => {
    const { fake, session } = loadSample({ layout: "azure", rows: 80, seed: 68 });
    fake.workbook.addSheet("Propensity Summary", [["My own notes"]]);
    await session.run(actions.addHelperColumns, {});
    const first = await session.run(actions.buildSummaries, undefined);
    if (first.status !== "done") throw new Error(first.message);
    expect(first.data.sheetName).toBe("Propensity Summary (2)");
    fake.workbook.addSheet("Notes", [["later"]]);
    fake.workbook.sheet("Propensity Summary (2)")!.setCell(40, 40, "left from the first build");

    fake.resetStats();
    const again = await session.run(actions.buildSummaries, undefined);
    if (again.status !== "done") throw new Error(again.message);
    expect(again.message).toMatch(/^Rebuilt the "Propensity Summary \(2\)" sheet/);
    expect(fake.stats.syncs).toBeLessThanOrEqual(5);
    // The new sheet was built as "Propensity Summary (3)" and took the old one's name; it comes last.
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([
      "Report",
      "Propensity Summary",
      "Notes",
      "Propensity Summary (2)",
    ]);
    const summary = fake.workbook.sheet("Propensity Summary (2)")!;
    expect(summary.getValue(0, 0)).toBe("Propensity Summary");
    expect(summary.getValue(40, 40)).toBe("");
    expect(summary.pivotTables.map((p) => p.name)).toEqual([
      "PropensityByIndustry2",
      "PropensityBySubSegment2",
    ]);
    expect(summary.charts).toHaveLength(1);
  });

  /** The in-memory Excel, with `meanwhile` run just before the second sync (after the report was read). */
  function changingHost(fake: FakeExcel, meanwhile: () => void): ExcelHost {
    let syncs = 0;
    return {
      ...fake,
      isSetSupported: (name, version) => fake.isSetSupported(name, version),
      documentUrl: () => undefined,
      run: (batch) =>
        fake.run((context) => {
          const sync = context.sync.bind(context);
          context.sync = (async () => {
            if (++syncs === 2) meanwhile();
            return sync();
          }) as typeof context.sync;
          return batch(context);
        }),
    };
  }

  it("lists the sheets again when one came after the report was read: its own summary sheet is rebuilt", async () => {
    const { fake } = loadSample({ layout: "azure", rows: 80, seed: 69 });
    const session = createSession(fake, () => TODAY);
    await session.run(actions.addHelperColumns, {});
    // A copy of this report's summary sheet appears between reading the report and building.
    const host = changingHost(fake, () =>
      fake.workbook.addSheet("Arrived meanwhile", [["Propensity Summary"], ["Report sheet: Report"]]),
    );
    const outcome = await createSession(host, () => TODAY).run(actions.buildSummaries, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.sheetName).toBe("Arrived meanwhile");
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Report", "Arrived meanwhile"]);
    expect(fake.workbook.sheet("Arrived meanwhile")!.pivotTables.map((p) => p.name)).toEqual([
      "PropensityByIndustry",
      "PropensityBySubSegment",
    ]);
  });

  it("builds again from a fresh listing when a sheet read with the report was renamed meanwhile", async () => {
    const { fake, session } = loadSample({ layout: "azure", rows: 80, seed: 70 });
    await session.run(actions.addHelperColumns, {});
    await session.run(actions.buildSummaries, undefined);
    const host = changingHost(fake, () => (fake.workbook.sheet("Propensity Summary")!.name = "Renamed"));
    const outcome = await createSession(host, () => TODAY).run(actions.buildSummaries, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.sheetName).toBe("Renamed");
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Report", "Renamed"]);
    expect(fake.workbook.sheet("Renamed")!.getValue(0, 0)).toBe("Propensity Summary");
    expect(fake.workbook.sheet("Renamed")!.charts).toHaveLength(1);
  });

  it("removes a half-built summary sheet when Excel fails part-way", async () => {
    const { fake, session } = loadSample({ layout: "azure", rows: 80, seed: 64 });
    // Helper columns first, so the failure below lands in the summary sheet's own syncs.
    await session.run(actions.addHelperColumns, {});
    let failed = false;
    const flaky: ExcelHost = {
      ...fake,
      isSetSupported: (name, version) => fake.isSetSupported(name, version),
      documentUrl: () => undefined,
      run: (batch) =>
        fake.run((context) => {
          const sync = context.sync.bind(context);
          context.sync = (async () => {
            if (!failed && fake.workbook.sheet("Propensity Summary")) {
              failed = true;
              throw new FakeOfficeError("GeneralException", "PivotTable creation failed.");
            }
            return sync();
          }) as typeof context.sync;
          return batch(context);
        }),
    };
    const outcome = await createSession(flaky, () => TODAY).run(actions.buildSummaries, undefined);
    expect(outcome.status).toBe("failed");
    expect(failed).toBe(true);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Report"]);
  });
});
