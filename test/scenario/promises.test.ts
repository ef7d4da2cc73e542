/**
 * Issue 10: what the add-in promises a user, each failure of the issue with a test that failed
 * before the fix. Refused means nothing changed; once written, it says what it did; one count of
 * customers everywhere; Reset takes away the AutoFilter the add-in made.
 */
import { actions, type FilterResult, type HelperColumnsResult, type SheetReport } from "../../src/actions";
import type { CellValue } from "../../src/domain/types";
import { generateReport } from "../../src/preview/sample-report";
import { loadRows } from "../support/workbooks";
import { everything, scenario, steps } from "./support";

function done<T>(outcome: { status: string; message: string; data?: T }): T {
  if (outcome.status !== "done") throw new Error(`${outcome.status}: ${outcome.message}`);
  return outcome.data as T;
}

describe("Reset removes the AutoFilter the add-in created", () => {
  it("after Act now, cohort, helper columns and sort, with the add-in's record", async () => {
    const s = await scenario({ name: "Report", layout: "azure", rows: 120, seed: 31, notes: true });
    const before = everything(s);
    for (const step of [steps.actNow("any"), steps.cohort(), steps.helpers(), steps.sort()])
      done(await step.run(s.session, s));
    expect(s.fake.workbook.sheet("Report")!.autoFilter).not.toBeNull();
    done(await s.session.run(actions.resetSheet, {}));
    expect(s.fake.workbook.sheet("Report")!.autoFilter).toBeNull();
    expect(everything(s)).toEqual(before);
  });

  it("after the stored settings were lost, when its only criteria are on the add-in's own columns", async () => {
    const s = await scenario({ name: "Report", layout: "azure", rows: 120, seed: 31, notes: true });
    const before = everything(s);
    for (const step of [steps.actNow("any"), steps.sort()]) done(await step.run(s.session, s));
    s.fake.workbook.settings.clear();
    done(await s.session.run(actions.resetSheet, {}));
    expect(s.fake.workbook.sheet("Report")!.autoFilter).toBeNull();
    expect(everything(s)).toEqual(before);
  });
});

describe("refused means nothing changed; once written, say what was done", () => {
  it("Act now + Evaluate for any product adds the helper columns it needs and says so, even when no customer qualifies", async () => {
    const sample = generateReport({ layout: "azure", rows: 30, seed: 5 });
    const rows = sample.rows.map((row) => [...row]);
    const cluster = rows[0].indexOf(sample.truth.products[0].clusterHeader);
    for (const row of rows.slice(1)) if (row[cluster] !== "") row[cluster] = "Nurture";
    const { fake, session } = loadRows(rows as CellValue[][]);
    const outcome = await session.run(actions.showActNowEvaluate, { product: "any" });
    expect(outcome.status).toBe("done");
    expect(outcome.message).toMatch(/Added the helper columns [A-Z]+:[A-Z]+/);
    expect(outcome.message).not.toMatch(/Nothing was (changed|filtered)/);
    expect(fake.workbook.sheet("Sheet1")!.getValue(0, rows[0].length)).toBe("Best Cluster");
    expect(fake.workbook.sheet("Sheet1")!.autoFilter).toBeNull();
  });

  it("the same for one product refuses and changes nothing", async () => {
    const sample = generateReport({ layout: "azure", rows: 30, seed: 5 });
    const rows = sample.rows.map((row) => [...row]);
    const cluster = rows[0].indexOf(sample.truth.products[0].clusterHeader);
    for (const row of rows.slice(1)) if (row[cluster] !== "") row[cluster] = "Educate";
    const { fake, session } = loadRows(rows as CellValue[][]);
    const before = fake.workbook.snapshot();
    const outcome = await session.run(actions.showActNowEvaluate, { product: sample.truth.products[0].key });
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(/Nothing was changed/);
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  it("Build summaries refuses before adding helper columns when there is nothing to summarise by", async () => {
    const sample = generateReport({ layout: "azure", rows: 30, seed: 6 });
    const header = sample.rows[0];
    const drop = [header.indexOf(sample.truth.roles.industry), header.indexOf(sample.truth.roles.subSegment)];
    const rows = sample.rows.map((row) => row.filter((_, i) => !drop.includes(i)));
    const { fake, session } = loadRows(rows as CellValue[][]);
    const before = fake.workbook.snapshot();
    const outcome = await session.run(actions.buildSummaries, undefined);
    expect(outcome.status).toBe("refused");
    expect(fake.workbook.snapshot()).toEqual(before);
  });
});

describe("one definition of a customer row", () => {
  it("Analyze, the filter counts and Add helper columns count the same customers; blank rows are none", async () => {
    const s = await scenario({ name: "Report", layout: "ai-business", rows: 150, seed: 77 });
    const truth = s.sheets[0].sample.truth;
    const customers = truth.dataRows - truth.blankRows.length;
    expect(truth.blankRows.length).toBeGreaterThan(0);
    const analysis = done<SheetReport>(await s.session.run(actions.analyzeSheet, undefined));
    expect(analysis.analysis.dataRowCount - analysis.analysis.blankRowCount).toBe(customers);
    const filter = done<FilterResult>(await s.session.run(actions.showActNowEvaluate, { product: "any" }));
    expect(filter.total).toBe(customers);
    const helpers = done<HelperColumnsResult>(await s.session.run(actions.addHelperColumns, {}));
    expect(helpers.customers).toBe(customers);
  });

  it('says "1 customer", not "1 customers"', async () => {
    const sample = generateReport({ layout: "azure", rows: 1, seed: 8 });
    const { session } = loadRows([...sample.rows, sample.rows[0].map(() => "")] as CellValue[][]);
    const analyze = await session.run(actions.analyzeSheet, undefined);
    expect(analyze.message).toMatch(/: 1 customer\b/);
    const helpers = await session.run(actions.addHelperColumns, {});
    expect(helpers.message).toMatch(/for 1 customer\.$/);
  });
});
