import { actions } from ".";
import { columnLetters, workbookSnapshot, type FakeExcel } from "../preview/fake-excel";
import { loadSample, truthRows } from "../../test/support/workbooks";

/** Data-row indexes hidden on the Report sheet, given the header's sheet row. */
function hiddenDataRows(fake: FakeExcel, headerRow: number): number[] {
  return fake.workbook
    .sheet("Report")!
    .hiddenRows()
    .map((row) => row - headerRow - 1)
    .filter((row) => row >= 0);
}

function allDataRows(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

function valuesOnly(fake: FakeExcel) {
  return workbookSnapshot(fake.workbook).sheets.map((sheet: { values: unknown }) => sheet.values);
}

describe("Show Act now + Evaluate", () => {
  it.each([false, true])(
    "hides exactly the rows whose product is not Act Now or Evaluate (messy: %s)",
    async (messy) => {
      const { fake, session, report } = loadSample({ layout: "ai-business", rows: 300, seed: 21, messy });
      const analysis = await session.run(actions.analyzeSheet, undefined);
      if (analysis.status !== "done") throw new Error(analysis.message);
      const before = valuesOnly(fake);
      const product = analysis.data.analysis.products[1];

      const outcome = await session.run(actions.showActNowEvaluate, { product: product.key });
      if (outcome.status !== "done") throw new Error(outcome.message);

      const shown = truthRows(report, 1, ["Act Now", "Evaluate"]);
      const expectedHidden = allDataRows(report.truth.dataRows).filter((row) => !shown.includes(row));
      expect(hiddenDataRows(fake, report.truth.headerRow)).toEqual(expectedHidden);
      expect(outcome.data.visible).toBe(shown.length);
      expect(outcome.data.visibleByCluster["Act Now"] + outcome.data.visibleByCluster.Evaluate).toBe(
        shown.length,
      );
      // Filtering changes no cell.
      expect(valuesOnly(fake)).toEqual(before);
    },
  );

  it("gives the same state when applied twice", async () => {
    const { fake, session, report } = loadSample({ layout: "azure", rows: 200, seed: 4, messy: true });
    const product = report.truth.products[0].key;
    await session.run(actions.showActNowEvaluate, { product });
    const once = workbookSnapshot(fake.workbook);
    await session.run(actions.showActNowEvaluate, { product });
    expect(workbookSnapshot(fake.workbook)).toEqual(once);
  });

  it("keeps a filter the user had on another column (AND across columns)", async () => {
    const { fake, session, report } = loadSample({ layout: "azure", rows: 300, seed: 8 });
    const analysis = await session.run(actions.analyzeSheet, undefined);
    if (analysis.status !== "done") throw new Error(analysis.message);
    const countryColumn = analysis.data.quickFilters.find((q) => q.role === "country")!.column;
    const countryList = await session.run(actions.countColumnValues, {
      column: countryColumn,
      kind: "quick",
    });
    if (countryList.status !== "done") throw new Error(countryList.message);
    const country = countryList.data;
    const chosenCountry = country.values[0].value;
    // The user filters Country by hand first.
    const headerRow = report.truth.headerRow;
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const used = sheet.getUsedRange(true);
      used.load("address");
      await context.sync();
      const area = sheet.getRange(used.address.split("!")[1].replace(/^A1/, `A${headerRow + 1}`));
      sheet.autoFilter.apply(area, country.column, { filterOn: "Values", values: [chosenCountry] });
      await context.sync();
    });

    const outcome = await session.run(actions.showActNowEvaluate, { product: report.truth.products[0].key });
    if (outcome.status !== "done") throw new Error(outcome.message);

    const countryValues = fake.workbook
      .sheet("Report")!
      .values(headerRow + 1, country.column, report.truth.dataRows, 1);
    const shown = truthRows(report, 0, ["Act Now", "Evaluate"]).filter(
      (row) => countryValues[row][0] === chosenCountry,
    );
    const expectedHidden = allDataRows(report.truth.dataRows).filter((row) => !shown.includes(row));
    expect(hiddenDataRows(fake, headerRow)).toEqual(expectedHidden);
    expect(outcome.data.visible).toBe(shown.length);

    // Clear filters removes only the add-in's criteria and reports the user's.
    const cleared = await session.run(actions.clearFilters, {});
    if (cleared.status !== "done") throw new Error(cleared.message);
    expect(cleared.data.leftInPlace).toEqual([country.header]);
    const userOnlyHidden = allDataRows(report.truth.dataRows).filter(
      (row) => countryValues[row][0] !== chosenCountry,
    );
    expect(hiddenDataRows(fake, headerRow)).toEqual(userOnlyHidden);

    const clearedAll = await session.run(actions.clearFilters, { all: true });
    expect(clearedAll.status).toBe("done");
    expect(hiddenDataRows(fake, headerRow)).toEqual([]);
  });

  it("filters a report formatted as an Excel table with the table's filters", async () => {
    const { fake, session, report } = loadSample({ layout: "surface", rows: 120, seed: 13 });
    const columns = report.rows[report.truth.headerRow].length;
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const lastColumn = columnLetters(columns - 1);
      sheet.tables.add(`A${report.truth.headerRow + 1}:${lastColumn}${report.rows.length}`, true);
      await context.sync();
    });
    const outcome = await session.run(actions.showActNowEvaluate, { product: report.truth.products[0].key });
    if (outcome.status !== "done") throw new Error(outcome.message);
    const shown = truthRows(report, 0, ["Act Now", "Evaluate"]);
    expect(hiddenDataRows(fake, report.truth.headerRow)).toEqual(
      allDataRows(report.truth.dataRows).filter((row) => !shown.includes(row)),
    );
  });

  it("refuses on a protected sheet and changes nothing", async () => {
    const { fake, session, report } = loadSample({ layout: "azure", rows: 50, seed: 2 });
    fake.workbook.sheet("Report")!.protected = true;
    const before = workbookSnapshot(fake.workbook);
    const outcome = await session.run(actions.showActNowEvaluate, { product: report.truth.products[0].key });
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(/protected/);
    expect(workbookSnapshot(fake.workbook)).toEqual(before);
  });

  it("says which Excel versions can filter when the host is Office 2019", async () => {
    const { fake, session, report } = loadSample(
      { layout: "azure", rows: 50, seed: 2 },
      { apiVersion: "1.7" },
    );
    const before = workbookSnapshot(fake.workbook);
    const outcome = await session.run(actions.showActNowEvaluate, { product: report.truth.products[0].key });
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(/ExcelApi 1\.9.*Office 2021/);
    expect(workbookSnapshot(fake.workbook)).toEqual(before);
  });

  it("filters on Best Cluster for any product, adding the helper columns first", async () => {
    const { fake, session, report } = loadSample({ layout: "ai-business", rows: 250, seed: 17, messy: true });
    const outcome = await session.run(actions.showActNowEvaluate, { product: "any" });
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.message).toMatch(/Best Cluster helper column was added/);
    const qualifies = new Set(
      report.truth.products.flatMap((_, i) => truthRows(report, i, ["Act Now", "Evaluate"])),
    );
    expect(hiddenDataRows(fake, report.truth.headerRow)).toEqual(
      allDataRows(report.truth.dataRows).filter((row) => !qualifies.has(row)),
    );
  });
});

describe("Clear filters on a table report", () => {
  it("clears the table filter the add-in set", async () => {
    const { fake, session, report } = loadSample({ layout: "surface", rows: 80, seed: 14 });
    const columns = report.rows[report.truth.headerRow].length;
    await fake.run(async (context) => {
      const address = `A${report.truth.headerRow + 1}:${columnLetters(columns - 1)}${report.rows.length}`;
      context.workbook.worksheets.getItem("Report").tables.add(address, true);
      await context.sync();
    });
    await session.run(actions.showActNowEvaluate, { product: report.truth.products[0].key });
    expect(hiddenDataRows(fake, report.truth.headerRow).length).toBeGreaterThan(0);
    const cleared = await session.run(actions.clearFilters, {});
    if (cleared.status !== "done") throw new Error(cleared.message);
    expect(cleared.data.cleared).toEqual([report.truth.products[0].clusterHeader]);
    expect(hiddenDataRows(fake, report.truth.headerRow)).toEqual([]);
  });
});
