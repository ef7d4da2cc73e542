/**
 * Issue 16: after Reset the pane updates its report from Reset's result (reportAfterReset) instead of
 * analysing the sheet again. That is only right if it equals a fresh analysis, whatever the add-in had
 * added before: filters (the add-in's and the user's), helper, CRM and last-month columns, summaries,
 * About sheet. Mutation-checked: leaving hasHelperColumns or isFiltered as they were fails here.
 */
import { actions, reportAfterReset, type SheetReport } from "../../src/actions";
import { generateCrmSample } from "../../src/preview/sample-report/crmSample";
import { deriveLastMonth } from "../../src/preview/sample-report/lastMonth";
import { scenario, type SheetOptions } from "./support";

function done<T>(outcome: { status: string; message: string; data?: T }): T {
  if (outcome.status !== "done") throw new Error(`${outcome.status}: ${outcome.message}`);
  return outcome.data as T;
}

async function everythingThenReset(options: SheetOptions, keepUserFilters: boolean) {
  const s = await scenario(options);
  const session = s.session;
  const sample = s.sheets[0].sample;
  s.fake.workbook.addSheet("CRM", generateCrmSample(sample, { flavour: "salesforce", seed: 4 }).rows);
  const lastMonth = deriveLastMonth(sample, { seed: options.seed + 1 });
  s.fake.workbook.addSheet("October", lastMonth.rows);
  s.fake.workbook.setActive(options.name);

  const first = done(await session.run(actions.analyzeSheet, undefined));
  done(await session.run(actions.showActNowEvaluate, { product: first.analysis.products[0].key }));
  done(await session.run(actions.addHelperColumns, {}));
  done(await session.run(actions.matchCrm, {}));
  done(
    await session.run(actions.compareLastMonth, { source: { sheetName: "October" }, confirmLowMatch: true }),
  );
  done(await session.run(actions.buildSummaries, { crmOwner: true }));
  done(await session.run(actions.prepareForSellers, undefined));
  // What the pane knows just before Reset: the sheet with everything on it.
  const known: SheetReport = done(await session.run(actions.analyzeSheet, undefined));
  const result = done(await session.run(actions.resetSheet, { keepUserFilters }));
  const fresh: SheetReport = done(await session.run(actions.analyzeSheet, undefined));
  return { known, fresh, derived: reportAfterReset(known, result) };
}

const base: SheetOptions = { name: "Report", layout: "ai-business", rows: 240, seed: 77 };

describe("the pane's report after Reset equals a fresh analysis", () => {
  it.each([
    [
      "a messy report with the user's filter and notes, filters kept",
      { ...base, notes: true, strayHeaderSpaces: true, userCountryFilter: true },
      true,
    ],
    ["the same, every filter removed", { ...base, notes: true, userCountryFilter: true }, false],
    ["a report without a filter of the user's", { ...base, seed: 78 }, true],
    [
      "an Excel table with the user's filter",
      { ...base, seed: 79, table: true, userCountryFilter: true },
      true,
    ],
  ] as [string, SheetOptions, boolean][])(
    "%s",
    async (_name, options, keepUserFilters) => {
      const { known, fresh, derived } = await everythingThenReset(options, keepUserFilters);
      // The flow did change what the pane shows, so the check is not vacuous.
      expect(known.hasHelperColumns).toBe(true);
      expect(known.quickFilters.some((q) => q.role === "crmOwner")).toBe(true);
      expect(derived).toEqual(fresh);
    },
    60_000,
  );

  it("leaves a report of another sheet to a fresh analysis", async () => {
    const { known } = await everythingThenReset({ ...base, seed: 80 }, true);
    expect(
      reportAfterReset(
        { ...known, sheetName: "Other" },
        { removed: [], leftInPlace: [], sheetName: "Report", stillFiltered: false, rowOrderRestored: false },
      ),
    ).toBeNull();
    // Rows moved back by Reset (a priority sort undone): the pane analyses again.
    expect(
      reportAfterReset(known, {
        removed: [],
        leftInPlace: [],
        sheetName: known.sheetName,
        stillFiltered: false,
        rowOrderRestored: true,
      }),
    ).toBeNull();
  }, 60_000);

  it("after a priority sort Reset says it moved the rows back, and the pane analyses again", async () => {
    const s = await scenario({ ...base, seed: 81 });
    const known: SheetReport = done(await s.session.run(actions.analyzeSheet, undefined));
    done(await s.session.run(actions.sortByPriority, undefined));
    const result = done(await s.session.run(actions.resetSheet, {}));
    expect(result.rowOrderRestored).toBe(true);
    expect(reportAfterReset(known, result)).toBeNull();
  }, 60_000);
});
