/**
 * After Match to CRM, CRM Owner is a quick filter and a row field of Build summaries (customers per
 * owner and best cluster), as PivotTables and as static tables; Reset takes all of it away.
 */
import { actions } from ".";
import { workbookSnapshot, type FakeExcel } from "../preview/fake-excel";
import { generateCrmSample } from "../preview/sample-report/crmSample";
import { loadSample } from "../../test/support/workbooks";
import type { FakeExcelOptions } from "../preview/fake-excel";

const CLUSTERS = ["Act Now", "Evaluate", "Nurture", "Educate"];

function done<T>(outcome: { status: string; message: string; data?: T }): T {
  if (outcome.status !== "done") throw new Error(`${outcome.status}: ${outcome.message}`);
  return outcome.data as T;
}

function setUp(options: FakeExcelOptions = {}) {
  const loaded = loadSample({ layout: "ai-business", rows: 300, seed: 31, messy: true }, options);
  const crm = generateCrmSample(loaded.report, { flavour: "dynamics", seed: 8 });
  loaded.fake.workbook.addSheet("CRM", crm.rows);
  return { ...loaded, before: workbookSnapshot(loaded.fake.workbook) };
}

/** The report column a header sits in, read from the sheet. */
function columnOf(fake: FakeExcel, headerRow: number, header: string): number {
  const sheet = fake.workbook.sheet("Report")!;
  const headers = sheet.values(headerRow, 0, 1, sheet.usedRange(true)!.columnCount)[0];
  const column = headers.indexOf(header);
  if (column < 0) throw new Error(`${header} not on the sheet`);
  return column;
}

/** Owner -> five counts (Act Now .. Educate, blank), counted on the sheet as a reader would. */
function countByOwner(fake: FakeExcel, headerRow: number, rows: number) {
  const sheet = fake.workbook.sheet("Report")!;
  const owners = sheet.values(headerRow + 1, columnOf(fake, headerRow, "CRM Owner"), rows, 1);
  const best = sheet.values(headerRow + 1, columnOf(fake, headerRow, "Best Cluster"), rows, 1);
  const counts = new Map<string, number[]>();
  owners.forEach(([owner], i) => {
    if (owner === "" && best[i][0] === "") return;
    const key = String(owner) || "(blank)";
    const row = counts.get(key) ?? [0, 0, 0, 0, 0];
    const index = CLUSTERS.indexOf(String(best[i][0]));
    row[index === -1 ? 4 : index] += 1;
    counts.set(key, row);
  });
  return counts;
}

/** The static table under a heading in column A, as key -> five counts. */
function tableUnder(fake: FakeExcel, heading: string): Map<string, number[]> {
  const sheet = fake.workbook.sheet("Propensity Summary")!;
  let row = 0;
  while (row < 2000 && sheet.getValue(row, 0) !== heading) row++;
  if (row === 2000) throw new Error(`${heading} not found`);
  const table = new Map<string, number[]>();
  for (let r = row + 2; ; r++) {
    const key = sheet.getValue(r, 0);
    if (key === "" || key === null || key === "Total") break;
    table.set(String(key), sheet.values(r, 1, 1, 5)[0].map(Number));
  }
  return table;
}

/**
 * Reset leaves the workbook as it was, cell by cell, sheets and filters included; only the CRM column
 * mapping stays in the workbook settings (a correction the user made to the export, not to the report).
 */
function expectResetToOriginal(fake: FakeExcel, before: ReturnType<typeof workbookSnapshot>) {
  const after = workbookSnapshot(fake.workbook);
  expect({ ...after, settings: {} }).toEqual({ ...before, settings: {} });
  expect(Object.keys(after.settings)).toEqual(["PropensityPane.crmMapping"]);
}

describe("CRM Owner after Match to CRM", () => {
  it("is offered only once the CRM columns are on the sheet", async () => {
    const { session } = setUp();
    const plain = done(await session.run(actions.analyzeSheet, undefined));
    expect(plain.quickFilters.map((q) => q.role)).not.toContain("crmOwner");
    const refused = await session.run(actions.buildSummaries, { crmOwner: true });
    expect(refused.status).toBe("refused");
    expect(refused.message).toMatch(/no CRM Owner column.*Match to CRM first.*Nothing was changed/);
  });

  it("summarises and filters by owner with PivotTables, and Reset removes everything", async () => {
    const { fake, session, report, before } = setUp();
    const { headerRow, dataRows } = report.truth;
    // Helper columns first, so the CRM columns land right of them (beyond the usual PivotTable source).
    done(await session.run(actions.addHelperColumns, {}));
    done(await session.run(actions.matchCrm, {}));

    // Quick filter: customers per owner, as on the sheet.
    const analysis = done(await session.run(actions.analyzeSheet, undefined));
    const offered = analysis.quickFilters.find((q) => q.role === "crmOwner")!;
    // Its values are counted when the list opens, as the pane does.
    const quick = done(
      await session.run(actions.countColumnValues, { column: offered.column, kind: "quick" }),
    );
    expect(quick.header).toBe("CRM Owner");
    expect(quick.column).toBe(columnOf(fake, headerRow, "CRM Owner"));
    const sheet = fake.workbook.sheet("Report")!;
    const owners = sheet.values(headerRow + 1, quick.column, dataRows, 1).map((r) => String(r[0]));
    for (const { value, count } of quick.values) expect(count).toBe(owners.filter((o) => o === value).length);
    expect(quick.values.filter((v) => v.value !== "").length).toBeGreaterThan(1);

    // Summaries with CRM Owner as a row field: a third PivotTable over a source that holds it.
    const summaries = done(await session.run(actions.buildSummaries, { crmOwner: true }));
    expect(summaries.mode).toBe("pivot");
    const summary = fake.workbook.sheet("Propensity Summary")!;
    const pivots = summary.pivotTables;
    expect(pivots.map((p) => [p.rows, p.columns])).toEqual([
      [[report.truth.roles.industry], ["Best Cluster"]],
      [[report.truth.roles.subSegment], ["Best Cluster"]],
      [["CRM Owner"], ["Best Cluster"]],
    ]);
    const source = pivots[2].sourceRange();
    const ownerColumn = columnOf(fake, headerRow, "CRM Owner");
    expect(ownerColumn).toBeGreaterThan(columnOf(fake, headerRow, "Best Cluster"));
    expect(source.column + source.columnCount).toBeGreaterThan(ownerColumn);
    expect(summaries.crmOwners).toBe(countByOwner(fake, headerRow, dataRows).size);

    // Filter one owner: only that owner's customers show.
    const owner = quick.values.find((v) => v.value !== "")!;
    const filtered = done(
      await session.run(actions.applyValueFilter, { column: quick.column, values: [owner.value] }),
    );
    expect(filtered.visible).toBe(owner.count);
    const hidden = new Set(sheet.hiddenRows().map((r) => r - headerRow - 1));
    owners.forEach((o, i) => expect(hidden.has(i)).toBe(o !== owner.value));

    done(await session.run(actions.resetSheet, {}));
    expectResetToOriginal(fake, before);
  });

  it("writes a static table per owner below ExcelApi 1.8, and Reset removes everything", async () => {
    const { fake, session, report, before } = setUp({ apiVersion: "1.7" });
    const { headerRow, dataRows } = report.truth;
    done(await session.run(actions.matchCrm, {}));
    const summaries = done(await session.run(actions.buildSummaries, { crmOwner: true }));
    expect(summaries.mode).toBe("static");
    const expected = countByOwner(fake, headerRow, dataRows);
    expect(tableUnder(fake, "Customers by CRM owner and best cluster")).toEqual(expected);
    // The blank owner: customers the CRM does not have.
    expect(expected.has("(blank)")).toBe(true);
    // Without the option, no owner table.
    done(await session.run(actions.buildSummaries, undefined));
    expect(() => tableUnder(fake, "Customers by CRM owner and best cluster")).toThrow(/not found/);

    done(await session.run(actions.resetSheet, {}));
    expectResetToOriginal(fake, before);
  });
});
