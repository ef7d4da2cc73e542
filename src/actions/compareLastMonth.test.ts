import { actions, createSession, type ActionOutcome } from ".";
import { workbookSnapshot, createFakeExcel, type FakeExcel } from "../preview/fake-excel";
import { generateReport, reportToCsv, type SampleOptions } from "../preview/sample-report";
import { deriveLastMonth, expectedChanges, known } from "../preview/sample-report/lastMonth";
import { detectLayout } from "../domain/layout";
import {
  compareReports,
  comparisonWarnings,
  currentColumnsNeeded,
  planComparison,
  previousColumnsNeeded,
} from "../domain/compare";
import { whatChangedSheet } from "../domain/compareSheet";
import { HEADER_SEARCH_ROWS, SAMPLE_ROWS } from "../domain/headers";
import type { CellValue } from "../domain/types";
import { TODAY } from "../../test/support/workbooks";
import { isLowMatchRefusal, progressAfterCompare, type CompareResult } from "./compareLastMonth";
import type { WorkbookProgress } from "./describeWorkbook";

function setup(sample: SampleOptions, { lastMonthSheet = "October" as string | null, seed = 5 } = {}) {
  const report = generateReport(sample);
  const last = deriveLastMonth(report, { seed });
  const fake = createFakeExcel();
  fake.workbook.addSheet("Report", report.rows);
  if (lastMonthSheet) fake.workbook.addSheet(lastMonthSheet, last.rows);
  const session = createSession(fake, () => TODAY);
  const detection = detectLayout(report.rows.slice(0, 220));
  if (!detection.ok) throw new Error(detection.reason);
  const labels = new Map(detection.layout.products.map((p) => [p.key, p.label]));
  return { report, last, fake, session, labels, width: report.rows[report.truth.headerRow].length };
}

function done<T>(outcome: ActionOutcome<T>): T {
  if (outcome.status !== "done") throw new Error(`${outcome.status}: ${outcome.message}`);
  return outcome.data;
}

/** The Last Month group as written on the report sheet: [lastMonth, change, details] per data row. */
function groupOnSheet(fake: FakeExcel, headerRow: number, firstColumn: number, rows: number) {
  const sheet = fake.workbook.sheet("Report")!;
  const header = sheet.values(headerRow, firstColumn, 1, 3)[0];
  const values = sheet.values(headerRow + 1, firstColumn, rows, 3).map(([lastMonth, change, details]) => ({
    lastMonth,
    change,
    details,
  }));
  return { header, values };
}

function csvBytes(rows: unknown[][]): Uint8Array {
  return new TextEncoder().encode(reportToCsv(rows as never));
}

describe("Compare with last month, against the in-memory Excel", () => {
  it("from the only other report sheet: writes the group right of the report and the What Changed sheet; a rerun updates both in place", async () => {
    const { report, last, fake, session, labels, width } = setup({
      layout: "ai-business",
      rows: 300,
      seed: 21,
      messy: true,
    });
    const result = done<CompareResult>(await session.run(actions.compareLastMonth, {}));
    const expected = expectedChanges(report, last, labels);
    const { header, values } = groupOnSheet(fake, report.truth.headerRow, width, report.truth.dataRows);
    expect(header).toEqual(["Last Month", "Change", "Change Details"]);
    expect(values).toEqual(expected);
    expect(result.summary).toMatch(/^Matched [\d,]+ of [\d,]+ by Customer ID$/);
    expect(result.lastMonth).toEqual({ kind: "sheet", name: "October", month: "October 2026" });

    // Report text is stored as text.
    const sheet = fake.workbook.sheet("Report")!;
    expect(sheet.numberFormatAt(report.truth.headerRow + 1, width + 2)).toBe("@");

    const changed = fake.workbook.sheet("What Changed")!;
    expect(changed.getValue(0, 0)).toBe("What Changed");
    expect(changed.getValue(1, 0)).toBe("Report sheet: Report");
    expect(String(changed.getValue(2, 0))).toMatch(/November 2026/);
    expect(String(changed.getValue(3, 0))).toMatch(/Last month: sheet "October".*October 2026/);
    const column = changed.values(0, 0, 200, 2);
    const countOf = (label: string) => column.find((row) => row[0] === label)?.[1];
    expect(countOf("New customers")).toBe(last.isNew.filter(Boolean).length);
    expect(countOf("Customers no longer in the report")).toBe(last.gone.length);
    const names = column.map((row) => row[0]);
    for (const g of last.gone) expect(names).toContain(g.name);

    // Rerun: same columns, same sheet, nothing added.
    const usedBefore = sheet.usedRange(true)!.columnCount;
    const again = done<CompareResult>(
      await session.run(actions.compareLastMonth, { source: { sheetName: "October" } }),
    );
    expect(again.updated).toBe(true);
    expect(again.columns).toBe(result.columns);
    expect(sheet.usedRange(true)!.columnCount).toBe(usedBefore);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Report", "October", "What Changed"]);
    expect(groupOnSheet(fake, report.truth.headerRow, width, report.truth.dataRows).values).toEqual(expected);
  });

  it("from a file: the same changes, and the file is not added to the workbook", async () => {
    const { report, last, fake, session, labels, width } = setup(
      { layout: "renewal", rows: 250, seed: 22 },
      { lastMonthSheet: null },
    );
    const bytes = csvBytes(last.rows);
    const result = done<CompareResult>(
      await session.run(actions.compareLastMonth, {
        source: { file: { name: "CloudAscent renewal 2026-10.csv", bytes } },
      }),
    );
    expect(result.lastMonth).toEqual({
      kind: "file",
      name: "CloudAscent renewal 2026-10.csv",
      month: "October 2026",
    });
    expect(groupOnSheet(fake, report.truth.headerRow, width, report.truth.dataRows).values).toEqual(
      expectedChanges(report, last, labels),
    );
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Report", "What Changed"]);
  });

  it("Reset removes the columns and the What Changed sheet: the workbook is as it was", async () => {
    const { fake, session } = setup({ layout: "azure", rows: 200, seed: 23, messy: true });
    const before = workbookSnapshot(fake.workbook);
    done(await session.run(actions.compareLastMonth, {}));
    done(await session.run(actions.showNewActNowEvaluate, undefined));
    expect(workbookSnapshot(fake.workbook)).not.toEqual(before);
    done(await session.run(actions.resetSheet, {}));
    expect(workbookSnapshot(fake.workbook)).toEqual(before);
  });

  it("New Act Now / Evaluate shows customers Act Now or Evaluate now who were not last month, new ones included", async () => {
    const { report, last, fake, session } = setup({ layout: "ai-business", rows: 300, seed: 24 });
    done(await session.run(actions.compareLastMonth, {}));
    const result = done(await session.run(actions.showNewActNowEvaluate, undefined));
    const blank = new Set(report.truth.blankRows);
    const wantedRows = Array.from({ length: report.truth.dataRows }, (_, r) => r).filter((r) => {
      if (blank.has(r)) return false;
      const bestNow = report.truth.products.map((p) => known(p.clusters[r]));
      const isHot = bestNow.includes("Act Now") || bestNow.includes("Evaluate");
      const wasHot = last.previousClusters[r].some((c) => c === "Act Now" || c === "Evaluate");
      return isHot && (last.isNew[r] || !wasHot);
    });
    const sheet = fake.workbook.sheet("Report")!;
    const shown = Array.from({ length: report.truth.dataRows }, (_, r) => r).filter(
      (r) => !sheet.isRowHidden(report.truth.headerRow + 1 + r),
    );
    expect(shown).toEqual(wantedRows);
    expect(result.visible).toBe(wantedRows.length);
    expect(wantedRows.some((r) => last.isNew[r])).toBe(true);
  });

  it("a picked sheet whose report starts below an empty row and right of empty columns: found in one sync", async () => {
    const { report, last, fake, session, labels, width } = setup(
      { layout: "ai-business", rows: 200, seed: 25, messy: true },
      { lastMonthSheet: null },
    );
    fake.workbook.addSheet("October", [[], ...last.rows.map((row) => ["", "", ...row])]);
    fake.resetStats();
    fake.stats.trace = [];
    const result = done<CompareResult>(
      await session.run(actions.compareLastMonth, { source: { sheetName: "October" } }),
    );
    expect(result.lastMonth).toEqual({ kind: "sheet", name: "October", month: "October 2026" });
    expect(groupOnSheet(fake, report.truth.headerRow, width, report.truth.dataRows).values).toEqual(
      expectedChanges(report, last, labels),
    );
    const changed = fake.workbook.sheet("What Changed")!;
    const names = changed.values(0, 0, 300, 1).map((row) => row[0]);
    for (const g of last.gone) expect(names).toContain(g.name);
    // Opening this report and finding last month's: one sync each, no listing of the sheets.
    const trace = fake.stats.trace;
    expect(trace[1].members.filter((m) => m === "Range.load")).toHaveLength(3);
    expect(trace.filter((sync) => sync.members.includes("Worksheet.getUsedRangeOrNullObject"))).toHaveLength(
      0,
    );
    expect(trace.filter((sync) => sync.members.join() === "WorksheetCollection.load")).toHaveLength(0);
  });

  it.each([
    ["new customers and moves", { layout: "ai-business", rows: 300, seed: 26, messy: true }, 5, undefined],
    ["no new customer", { layout: "azure", rows: 200, seed: 27 }, 6, 0],
  ] as const)(
    "what is done after Compare, from its result alone, is what reading the workbook says (%s)",
    async (_, sample, seed, newShare) => {
      const report = generateReport({ ...sample });
      const last = deriveLastMonth(report, { seed, ...(newShare === undefined ? {} : { newShare }) });
      const fake = createFakeExcel();
      fake.workbook.addSheet("Report", report.rows);
      fake.workbook.addSheet("October", last.rows);
      const session = createSession(fake, () => TODAY);
      const describe = async () =>
        done<WorkbookProgress>(await session.run(actions.describeWorkbook, undefined));
      let progress = await describe();
      expect(progress.lastMonth).toBeNull();
      for (let run = 0; run < 2; run++) {
        const result = done<CompareResult>(await session.run(actions.compareLastMonth, {}));
        const read = await describe();
        expect(progressAfterCompare(progress, result)).toEqual(read);
        progress = read;
      }
      if (newShare === 0) expect(progress.lastMonth!.byChange).not.toHaveProperty("New");
      else expect(progress.lastMonth!.byChange.New).toBeGreaterThan(0);
    },
  );

  it.each([
    ["a plain report", { layout: "azure", rows: 200, seed: 28, messy: true }, false],
    ["helper columns and a filter on", { layout: "ai-business", rows: 300, seed: 29, messy: true }, true],
    ["a 2023 layout", { layout: "d365-2023", rows: 200, seed: 30 }, false],
  ] as const)(
    "changes nothing Analyze reports, so the pane keeps its analysis after it (%s)",
    async (_, sample, worked) => {
      const { session } = setup({ ...sample });
      const analyze = async () => done(await session.run(actions.analyzeSheet, undefined));
      if (worked) {
        const product = (await analyze()).analysis.products[0].key;
        done(await session.run(actions.addHelperColumns, {}));
        done(await session.run(actions.showActNowEvaluate, { product }));
      }
      const before = await analyze();
      done(await session.run(actions.compareLastMonth, {}));
      expect(await analyze()).toEqual(before);
      // A rerun, updating the columns in place.
      done(await session.run(actions.compareLastMonth, {}));
      expect(await analyze()).toEqual(before);
    },
  );

  it("lists the other report sheets, skipping sheets that are not reports", async () => {
    const { fake, session } = setup({ layout: "azure", rows: 50, seed: 25 });
    fake.workbook.addSheet("Notes", [["call list for Friday"]]);
    const azureAgain = generateReport({ layout: "azure", rows: 20, seed: 26 });
    fake.workbook.addSheet("Azure 2026-09", azureAgain.rows);
    const list = done(await session.run(actions.listLastMonthSheets, undefined));
    expect(list.sheets.map((s) => [s.sheetName, s.month, s.sameFamily])).toEqual([
      ["October", null, true],
      ["Azure 2026-09", "September 2026", true],
    ]);
    expect(list.defaultSheet).toBeNull();
    // With two candidates and none picked, Compare asks which one.
    const outcome = await session.run(actions.compareLastMonth, {});
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(/2 other report sheets \("October", "Azure 2026-09"\)/);
  });
});

describe("bad input: a clear message and the workbook as it was", () => {
  async function refused(
    fake: FakeExcel,
    run: () => Promise<ActionOutcome<unknown>>,
    pattern: RegExp,
  ): Promise<ActionOutcome<unknown>> {
    const before = workbookSnapshot(fake.workbook);
    const outcome = await run();
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(pattern);
    expect(outcome.message).toMatch(/Nothing was changed/);
    expect(workbookSnapshot(fake.workbook)).toEqual(before);
    return outcome;
  }

  it("last month's report of another family", async () => {
    const { fake, session } = setup({ layout: "ai-business", rows: 60, seed: 31 }, { lastMonthSheet: null });
    fake.workbook.addSheet("Azure", generateReport({ layout: "azure", rows: 60, seed: 31 }).rows);
    await refused(
      fake,
      () => session.run(actions.compareLastMonth, {}),
      /Cloud & AI Platform \(Azure\) report/,
    );
  });

  it("a picked sheet that is empty, that the add-in made, or that is gone", async () => {
    const { fake, session } = setup({ layout: "azure", rows: 60, seed: 39 });
    fake.workbook.addSheet("Empty");
    await refused(
      fake,
      () => session.run(actions.compareLastMonth, { source: { sheetName: "empty" } }),
      /The sheet "Empty" does not hold a CloudAscent report: The sheet "Empty" is empty\./,
    );
    done(await session.run(actions.compareLastMonth, { source: { sheetName: "October" } }));
    await refused(
      fake,
      () => session.run(actions.compareLastMonth, { source: { sheetName: "What Changed" } }),
      /"What Changed" is a sheet the add-in made, not a report/,
    );
    await refused(
      fake,
      () => session.run(actions.compareLastMonth, { source: { sheetName: "September" } }),
      /There is no sheet "September" in this workbook any more/,
    );
  });

  it("the same sheet", async () => {
    const { fake, session } = setup({ layout: "azure", rows: 60, seed: 32 });
    await refused(
      fake,
      () => session.run(actions.compareLastMonth, { source: { sheetName: "report" } }),
      /this month's report itself/,
    );
  });

  it("no key in common", async () => {
    const { fake, session, last } = setup({ layout: "azure", rows: 60, seed: 33 }, { lastMonthSheet: null });
    const header = last.rows[last.headerRow];
    const keys = new Set(["CustomerID", "Customer_ID", "TPID", "Domain", "AccountName", "Account_Name"]);
    const keep = header.map((h, c) => (keys.has(String(h)) ? -1 : c)).filter((c) => c >= 0);
    fake.workbook.addSheet(
      "October",
      last.rows.map((row) => keep.map((c) => row[c])),
    );
    await refused(fake, () => session.run(actions.compareLastMonth, {}), /no customer key in common/);
  });

  it("a file that is not a report", async () => {
    const { fake, session } = setup({ layout: "azure", rows: 60, seed: 34 }, { lastMonthSheet: null });
    const bytes = new TextEncoder().encode("Name,Phone\nAda,123\n");
    await refused(
      fake,
      () => session.run(actions.compareLastMonth, { source: { file: { name: "contacts.csv", bytes } } }),
      /"contacts.csv" is not a CloudAscent report/,
    );
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await refused(
      fake,
      () => session.run(actions.compareLastMonth, { source: { file: { name: "october.xlsx", bytes: zip } } }),
      /not a report file: This is an Excel workbook/,
    );
  });

  it("fewer than half matched: asks first, writes when confirmed", async () => {
    const report = generateReport({ layout: "azure", rows: 200, seed: 35 });
    const last = deriveLastMonth(report, { seed: 36, newShare: 0.7 });
    const fake = createFakeExcel();
    fake.workbook.addSheet("Report", report.rows);
    fake.workbook.addSheet("October", last.rows);
    const session = createSession(fake, () => TODAY);
    const outcome = await refused(
      fake,
      () => session.run(actions.compareLastMonth, {}),
      /^Only Matched [\d,]+ of 200 by Customer ID \(\d+%\)/,
    );
    expect(isLowMatchRefusal(outcome)).toBe(true);
    const written = await session.run(actions.compareLastMonth, { confirmLowMatch: true });
    expect(done(written).matchRate).toBeLessThan(0.5);
    if (written.status === "done") expect(written.warnings[0]).toMatch(/written as you asked/);
    expect(fake.workbook.sheet("What Changed")).toBeDefined();
  });

  it("New Act Now / Evaluate before any comparison", async () => {
    const { fake, session } = setup({ layout: "azure", rows: 60, seed: 38 });
    const before = workbookSnapshot(fake.workbook);
    const outcome = await session.run(actions.showNewActNowEvaluate, undefined);
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(/run Compare with last month first/);
    expect(workbookSnapshot(fake.workbook)).toEqual(before);
  });

  it("a gone customer whose name looks like a formula stays text on the What Changed sheet", async () => {
    const { fake, session, last } = setup({ layout: "azure", rows: 80, seed: 37 }, { lastMonthSheet: null });
    const nameColumn = last.rows[last.headerRow].indexOf("Account_Name");
    const goneRow = last.rows.findIndex((row) => row[nameColumn] === last.gone[0].name);
    last.rows[goneRow][nameColumn] = '=HYPERLINK("https://example.com","Gone")';
    fake.workbook.addSheet("October", last.rows);
    done(await session.run(actions.compareLastMonth, {}));
    const changed = fake.workbook.sheet("What Changed")!;
    const used = changed.usedRange(true)!;
    const cells = changed.values(0, 0, used.rowCount, 1).map((r) => r[0]);
    const row = cells.indexOf('=HYPERLINK("https://example.com","Gone")');
    expect(row).toBeGreaterThan(0);
    expect(changed.getFormula(row, 0)).toBeUndefined();
  });

  it("reads the name columns only where they matter (issue 16), with what reading them in full gives", async () => {
    const report = generateReport({ layout: "ai-business", rows: 600, seed: 41, messy: true });
    const last = deriveLastMonth(report, { seed: 42, goneCount: 40 });
    const layoutOf = (rows: CellValue[][]) => {
      const detection = detectLayout(rows.slice(0, HEADER_SEARCH_ROWS + SAMPLE_ROWS));
      if (!detection.ok) throw new Error(detection.reason);
      return detection.layout;
    };
    const now = layoutOf(report.rows);
    const before = layoutOf(last.rows);
    const data = report.rows.slice(now.headerRow + 1);
    const keyColumn = now.roles.customerId!;
    const nameColumn = now.roles.accountName!;
    const clusters = now.products.map((p) => p.cluster);
    const blank = (row: CellValue[]) => [keyColumn, ...clusters].forEach((c) => (row[c] = ""));
    // Rows the generator never makes: a name and nothing else (not compared), a cluster and no key
    // (234: between rows read for their name, read through but not theirs to settle).
    for (const r of [230, 231, 232, 236, 300, 599]) {
      blank(data[r]);
      data[r][nameColumn] = `Only A Name ${r}`;
    }
    data[234][keyColumn] = "";
    blank(data[250]);
    data[250][nameColumn] = "";
    // Last month's names as they come: formula-like, spaced, blank.
    const oldName = before.roles.accountName!;
    const oldRows = last.rows.slice(before.headerRow + 1);
    const goneIds = new Set(last.gone.map((g) => g.customerId));
    const goneRows = oldRows.filter((row) => goneIds.has(String(row[before.roles.customerId!])));
    goneRows[0][oldName] = "=SUM(A1:A2)";
    goneRows[1][oldName] = "  Padded Name  ";
    goneRows[2][oldName] = "";

    // What compare wrote before issue 16: this month's name and last month's names read in full.
    const planned = planComparison(now, before, "all");
    if (!planned.ok) throw new Error(planned.reason);
    const plan = planned.plan;
    const columns = (rows: CellValue[][], read: number[]) =>
      new Map(read.map((c) => [c, rows.map((row) => row[c] ?? "")]));
    const expected = compareReports(
      {
        layout: now,
        columns: columns(data, [...currentColumnsNeeded(now, plan), nameColumn]),
        rowCount: data.length,
      },
      {
        layout: before,
        columns: columns(oldRows, [...previousColumnsNeeded(before, plan), oldName]),
        rowCount: oldRows.length,
      },
      plan,
    );
    expect(expected.rowsWithoutKey).toBe(7);
    // The 40 gone, and the 8 customers whose key this month lost.
    expect(expected.gone.length).toBe(48);

    const fake = createFakeExcel();
    fake.workbook.addSheet("Report", report.rows);
    fake.workbook.addSheet("October", last.rows);
    const session = createSession(fake, () => TODAY);
    fake.resetStats();
    const outcome = await session.run(actions.compareLastMonth, {});
    const cellsRead = fake.stats.cellsRead;
    done(outcome);
    if (outcome.status !== "done") return;
    expect(outcome.warnings).toEqual(comparisonWarnings(expected));
    const width = report.rows[now.headerRow].length;
    expect(groupOnSheet(fake, now.headerRow, width, data.length).values).toEqual(expected.rows);
    const sheet = whatChangedSheet(
      "Report",
      { kind: "sheet", name: "Report", family: now.reportTypeLabel, month: null },
      { kind: "sheet", name: "October", family: before.reportTypeLabel, month: null },
      expected,
    );
    const changed = fake.workbook.sheet("What Changed")!;
    expect(changed.values(sheet.goneHeaderRow + 1, 0, sheet.gone.length + 1, 4)).toEqual([
      ...sheet.gone,
      ["", "", "", ""],
    ]);
    const top = changed.values(4, 0, sheet.goneHeaderRow - 4, sheet.width);
    expect(top).toEqual(
      sheet.top.values.slice(4).map((row) => [...row, ...Array(sheet.width - row.length).fill("")]),
    );
    expect(
      changed.getFormula(
        sheet.goneHeaderRow + 1 + expected.gone.findIndex((g) => g.name === "=SUM(A1:A2)"),
        0,
      ),
    ).toBeUndefined();

    // Neither name column was read down the report: both header blocks, the key and cluster columns,
    // and a few hundred cells around the rows that needed a name.
    const headerCells = 2 * (HEADER_SEARCH_ROWS + SAMPLE_ROWS) * width;
    const keyAndClusters = (1 + clusters.length) * (data.length + oldRows.length);
    expect(cellsRead).toBeGreaterThan(headerCells + keyAndClusters);
    expect(cellsRead).toBeLessThan(headerCells + keyAndClusters + (data.length + oldRows.length) / 2);
  });
});
