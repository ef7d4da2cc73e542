import { actions, type ActionDefinition, type Session } from ".";
import { workbookSnapshot, type FakeExcel } from "../preview/fake-excel";
import { loadSample } from "../../test/support/workbooks";

type Step = [string, ActionDefinition<never, unknown>, unknown];

function step<I, O>(name: string, action: ActionDefinition<I, O>, input: I): Step {
  return [name, action as unknown as ActionDefinition<never, unknown>, input];
}

async function runAll(session: Session, steps: readonly Step[]) {
  for (const [name, action, input] of steps) {
    const outcome = await session.run(action, input as never);
    if (outcome.status !== "done") throw new Error(`${name}: ${outcome.message}`);
  }
}

/** Everything a user would notice on the report sheet and in the workbook. */
function original(fake: FakeExcel) {
  return workbookSnapshot(fake.workbook);
}

describe("Reset sheet", () => {
  const orders: [string, (product: string) => Step[]][] = [
    [
      "filter, helpers, sort, summaries, prepare",
      (product) => [
        step("filter", actions.showActNowEvaluate, { product }),
        step("helpers", actions.addHelperColumns, {}),
        step("sort", actions.sortByPriority, undefined),
        step("summaries", actions.buildSummaries, undefined),
        step("prepare", actions.prepareForSellers, undefined),
      ],
    ],
    [
      "prepare, sort, any-product filter, summaries twice",
      () => [
        step("prepare", actions.prepareForSellers, undefined),
        step("sort", actions.sortByPriority, undefined),
        step("any", actions.showActNowEvaluate, { product: "any" }),
        step("summaries", actions.buildSummaries, undefined),
        step("summaries again", actions.buildSummaries, undefined),
      ],
    ],
    [
      "sort, helpers with other weights, sort again",
      () => [
        step("sort", actions.sortByPriority, undefined),
        step("helpers", actions.addHelperColumns, {
          settings: {
            products: "all",
            weights: { band: 10, breadth: 10, size: 50, value: 20, recency: 10, trend: 5 },
          },
        }),
        step("sort again", actions.sortByPriority, undefined),
      ],
    ],
  ];

  it.each(orders)("restores the workbook cell by cell after: %s", async (_name, steps) => {
    const { fake, session, report } = loadSample({ layout: "ai-business", rows: 250, seed: 51, messy: true });
    const before = original(fake);
    await runAll(session, steps(report.truth.products[0].key));
    expect(original(fake)).not.toEqual(before);

    const outcome = await session.run(actions.resetSheet, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(original(fake)).toEqual(before);
  });

  it("works from the sheet alone when the stored settings were lost (reopened on another host)", async () => {
    const { fake, session, report } = loadSample({ layout: "renewal", rows: 150, seed: 52 });
    const before = fake.workbook
      .sheet("Report")!
      .values(0, 0, report.rows.length, report.truth.headers.length);
    await runAll(session, [
      step("sort", actions.sortByPriority, undefined),
      step("summaries", actions.buildSummaries, undefined),
      step("prepare", actions.prepareForSellers, undefined),
    ]);
    fake.workbook.settings.clear();

    const outcome = await session.run(actions.resetSheet, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    const sheet = fake.workbook.sheet("Report")!;
    expect(sheet.values(0, 0, report.rows.length, report.truth.headers.length)).toEqual(before);
    expect(sheet.usedRange(true)!.columnCount).toBe(report.truth.headers.length);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Report"]);
    expect(outcome.data.leftInPlace.join(" ")).toMatch(/record of them was lost/);
  });

  it("keeps what a seller added and the user's own filter", async () => {
    const { fake, session, report } = loadSample({ layout: "azure", rows: 120, seed: 53 });
    const product = report.truth.products[0].key;
    await runAll(session, [
      step("helpers", actions.addHelperColumns, {}),
      step("filter", actions.showActNowEvaluate, { product }),
    ]);
    // A seller types a note in a new column far right, and the user filters Country by hand.
    const sheet = fake.workbook.sheet("Report")!;
    const noteColumn = report.truth.headers.length + 8;
    sheet.setValues(report.truth.headerRow + 3, noteColumn, [["called, follow up"]]);
    const analysis = await session.run(actions.analyzeSheet, undefined);
    if (analysis.status !== "done") throw new Error(analysis.message);
    const countryColumn = analysis.data.quickFilters.find((q) => q.role === "country")!.column;
    const countryValues = await session.run(actions.countColumnValues, {
      column: countryColumn,
      kind: "quick",
    });
    if (countryValues.status !== "done") throw new Error(countryValues.message);
    const country = countryValues.data;
    await session.run(actions.applyValueFilter, {
      column: country.column,
      values: [country.values[0].value],
    });
    // Forget that the add-in set the country filter: now it is the user's.
    const stateKey = [...fake.workbook.settings.keys()][0];
    const state = JSON.parse(String(fake.workbook.settings.get(stateKey)));
    const record = state.sheets[sheet.id];
    record.filtersApplied = record.filtersApplied.filter(
      (f: { column: number }) => f.column !== country.column,
    );
    fake.workbook.settings.set(stateKey, JSON.stringify(state));

    const outcome = await session.run(actions.resetSheet, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(sheet.getValue(report.truth.headerRow + 3, noteColumn)).toBe("called, follow up");
    expect(outcome.message).toMatch(/Left your filter on/);
    const countryTexts = sheet
      .values(report.truth.headerRow + 1, country.column, report.truth.dataRows, 1)
      .map((r) => r[0]);
    const hidden = sheet.hiddenRows().map((r) => r - report.truth.headerRow - 1);
    expect(hidden).toEqual(countryTexts.flatMap((v, i) => (v === country.values[0].value ? [] : [i])));
  });
});
