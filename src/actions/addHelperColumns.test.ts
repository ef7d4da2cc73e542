import { columnLetters } from "../preview/fake-excel";
import { actions } from ".";
import { HELPER_HEADERS } from "../domain/score";
import { workbookSnapshot, type FakeExcel } from "../preview/fake-excel";
import { loadRows, loadSample } from "../../test/support/workbooks";
import { scenario, userCountryCriterion } from "../../test/scenario/support";

function headerRow(fake: FakeExcel, row: number, from: number, count: number) {
  return fake.workbook.sheet("Report")!.values(row, from, 1, count)[0];
}

describe("Add helper columns", () => {
  it("does not call a missing comparison news: trend drops out of the score without a warning", async () => {
    const { session } = loadSample({ layout: "ai-business", rows: 60, seed: 5, messy: false });
    const outcome = await session.run(actions.addHelperColumns, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.signalsMissing).toContain("trend");
    expect(outcome.warnings.join(" ")).not.toMatch(/trend/);
  });

  it("writes the five columns right after the report, one row per data row, and updates them in place", async () => {
    const { fake, session, report } = loadSample({ layout: "ai-business", rows: 300, seed: 31, messy: true });
    const width = report.truth.headers.length;
    const outcome = await session.run(actions.addHelperColumns, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    const sheet = fake.workbook.sheet("Report")!;
    const headerAt = report.truth.headerRow;
    expect(headerRow(fake, headerAt, width, 5)).toEqual([...HELPER_HEADERS]);
    expect(sheet.usedRange(true)!.columnCount).toBe(width + 5);

    const helpers = sheet.values(headerAt + 1, width, report.truth.dataRows, 5);
    const blank = new Set(report.truth.blankRows);
    helpers.forEach(([best, band, , score], row) => {
      if (blank.has(row)) return expect([best, band, score]).toEqual(["", "", ""]);
      // Best cluster agrees with the truth: the best canonical cluster among products.
      const order = ["Act Now", "Evaluate", "Nurture", "Educate"];
      const truthBest = report.truth.products
        .map((p) => p.clusters[row])
        .filter((c): c is "Act Now" => c !== null && c !== "unknown")
        .sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
      expect(best).toBe(truthBest ?? "");
      expect(typeof score === "number" && score >= 0 && score <= 100).toBe(true);
    });

    const once = workbookSnapshot(fake.workbook);
    const again = await session.run(actions.addHelperColumns, {});
    if (again.status !== "done") throw new Error(again.message);
    expect(again.data.updated).toBe(true);
    expect(workbookSnapshot(fake.workbook)).toEqual(once);
  });

  it("never turns report text into formulas: formula-like account names stay text", async () => {
    const { fake, session, report } = loadSample({ layout: "azure", rows: 200, seed: 5, messy: true });
    expect(report.truth.formulaLikeAccountRows.length).toBeGreaterThan(0);
    await session.run(actions.addHelperColumns, {});
    const sheet = fake.workbook.sheet("Report")!;
    const width = report.truth.headers.length;
    for (let row = 0; row <= report.truth.dataRows; row++) {
      for (let c = 0; c < width + 5; c++) {
        expect(sheet.getFormula(report.truth.headerRow + row, c)).toBeUndefined();
      }
    }
  });

  it("goes right of a user's notes column without a header, and leaves the notes where they are (issue 10)", async () => {
    const { fake, session, report } = loadSample({ layout: "azure", rows: 60, seed: 6 });
    const width = report.truth.headers.length;
    const sheet = fake.workbook.sheet("Report")!;
    // Notes two columns right of the report's last named header, no header of their own.
    sheet.setValues(report.truth.headerRow + 10, width + 2, [["call back Tuesday"]]);
    sheet.setValues(report.truth.headerRow + 12, width + 2, [["left a voicemail"]]);
    const outcome = await session.run(actions.addHelperColumns, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.columns).toBe(`${columnLetters(width + 3)}:${columnLetters(width + 7)}`);
    expect(sheet.getValue(report.truth.headerRow, width + 3)).toBe("Best Cluster");
    expect(sheet.getValue(report.truth.headerRow + 10, width + 2)).toBe("call back Tuesday");
    expect(sheet.getValue(report.truth.headerRow + 12, width + 2)).toBe("left a voicemail");
    // Run again: updated in place, still right of the notes.
    const again = await session.run(actions.addHelperColumns, {});
    if (again.status !== "done") throw new Error(again.message);
    expect(again.data).toMatchObject({ updated: true, columns: outcome.data.columns });
  });

  it("writes the right values to the right rows of a filtered report and keeps the filter", async () => {
    const { fake, session, report } = loadSample({ layout: "ai-business", rows: 200, seed: 41 });
    const product = report.truth.products[0].key;
    await session.run(actions.showActNowEvaluate, { product });
    const hiddenBefore = fake.workbook.sheet("Report")!.hiddenRows();

    const filtered = await session.run(actions.addHelperColumns, {});
    if (filtered.status !== "done") throw new Error(filtered.message);
    const width = report.truth.headers.length;
    const filteredHelpers = fake.workbook
      .sheet("Report")!
      .values(report.truth.headerRow + 1, width, report.truth.dataRows, 5);
    expect(fake.workbook.sheet("Report")!.hiddenRows()).toEqual(hiddenBefore);

    // The same report, unfiltered, gets the same helper values row by row.
    const plain = loadSample({ layout: "ai-business", rows: 200, seed: 41 });
    await plain.session.run(actions.addHelperColumns, {});
    expect(filteredHelpers).toEqual(
      plain.fake.workbook
        .sheet("Report")!
        .values(report.truth.headerRow + 1, width, report.truth.dataRows, 5),
    );
  });

  it("adds the columns to an Excel table", async () => {
    const { fake, session } = loadRows([
      ["AccountName", "SubSegment", "AzureCluster", "AzureFit", "AzureIntent", "TransactedInTheLast36Months"],
      ["Contoso", "Upper Medium", "Act Now", 90, 80, "Yes"],
      ["Fabrikam", "Small", "Nurture", 40, 20, "No"],
    ]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:F3", true);
      await context.sync();
    });
    const outcome = await session.run(actions.addHelperColumns, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    const table = fake.workbook.sheet("Sheet1")!.tables[0];
    expect(table.columnNames().slice(-5)).toEqual([...HELPER_HEADERS]);
    expect(fake.workbook.sheet("Sheet1")!.values(1, 6, 2, 2)).toEqual([
      ["Act Now", "A1"],
      ["Nurture", "N9"],
    ]);
  });

  it("writes a 100,000-row report in blocks whose requests stay under 4 MB", async () => {
    const { fake, session, report } = loadSample({
      layout: "ai-business",
      rows: 100_000,
      columns: 150,
      seed: 9,
    });
    fake.resetStats();
    const outcome = await session.run(actions.addHelperColumns, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.rows).toBe(report.truth.dataRows);
    expect(fake.stats.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(fake.stats.maxResponseBytes).toBeLessThan(4 * 1024 * 1024);
    expect(fake.stats.syncs).toBeLessThan(80);
  }, 120_000);

  it("lifts the user's filter, writes the header and saves its record in the batches that carry the cells", async () => {
    const s = await scenario({
      name: "Report",
      layout: "ai-business",
      rows: 400,
      seed: 12,
      userCountryFilter: true,
    });
    const sheet = s.sheets[0];
    const criterionBefore = userCountryCriterion(s, sheet);
    expect(criterionBefore).not.toBeNull();
    s.fake.stats.trace = [];
    const outcome = await s.session.run(actions.addHelperColumns, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    const trace = s.fake.stats.trace!;
    const writes = trace.filter((sync) => sync.members.includes("Range.values"));
    // Issue 16: no round trip for the lift, the header, the filter's return or the record alone.
    for (const sync of trace) {
      const rides = sync.members.some(
        (m) => m === "AutoFilter.clearCriteria" || m === "AutoFilter.apply" || m === "SettingCollection.add",
      );
      if (rides) expect(sync.members).toContain("Range.values");
    }
    expect(writes[0].members).toContain("AutoFilter.clearCriteria");
    expect(writes.at(-1)!.members).toEqual(
      expect.arrayContaining(["AutoFilter.apply", "SettingCollection.add"]),
    );
    // The user's filter is back as it was, and every row got its own helper cells (the lift came first).
    expect(userCountryCriterion(s, sheet)).toEqual(criterionBefore);
    const unfiltered = loadSample({ layout: "ai-business", rows: 400, seed: 12, messy: true });
    await unfiltered.session.run(actions.addHelperColumns, {});
    const top = sheet.sample.truth.headerRow;
    const rows = sheet.sample.truth.dataRows;
    const expected = unfiltered.fake.workbook.sheet("Report")!.values(top + 1, sheet.width, rows, 5);
    expect(s.fake.workbook.sheet("Report")!.values(top + 1, sheet.width, rows, 5)).toEqual(expected);
  });
});
