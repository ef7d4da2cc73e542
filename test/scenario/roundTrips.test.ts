/**
 * Issue 16: the round trips of the main flow, pinned where they are deterministic (a sync is a sync,
 * whatever the machine's speed). A report of 3,000 rows fits one read block and one write block, so
 * each action's count is its fixed cost: the batches it cannot merge. `npm run bench` gives the
 * figures at 10,000-300,000 rows. Each click counts what the pane runs after it (usePane.ts).
 */
import { actions, createSession, type ActionDefinition } from "../../src/actions";
import { createFakeExcel, workbookSnapshot } from "../../src/preview/fake-excel";
import { generateReport } from "../../src/preview/sample-report";

const as = (action: unknown) => action as ActionDefinition<never, unknown>;

describe("the main flow's round trips (web limits, 3,000 rows)", () => {
  it("Analyze 2, Act now + Evaluate 3, helper columns 3, summaries 5, Prepare 4, Reset 3; Reset leaves the workbook as it was", async () => {
    const report = generateReport({ layout: "ai-business", rows: 3000, seed: 21, messy: true });
    const fake = createFakeExcel({ limits: "web", apiVersion: "1.17" });
    fake.workbook.addSheet("Report", report.rows);
    const before = workbookSnapshot(fake.workbook);
    const session = createSession(fake, () => new Date(Date.UTC(2026, 10, 24)));
    const syncsOf = async (action: unknown, input?: unknown) => {
      fake.resetStats();
      const outcome = await session.run(as(action), input as never);
      if (outcome.status !== "done") throw new Error(outcome.message);
      return { syncs: fake.stats.syncs, data: outcome.data };
    };
    const analyzed = await syncsOf(actions.analyzeSheet);
    const product = (analyzed.data as { analysis: { products: { key: string }[] } }).analysis.products[0].key;
    const counts = {
      analyze: analyzed.syncs,
      filter: (await syncsOf(actions.showActNowEvaluate, { product })).syncs,
      // Open, one read block, one write block carrying the filter's lift and return, header and record.
      helperColumns: (await syncsOf(actions.addHelperColumns, {})).syncs,
      // Open, sheet + first PivotTable, second PivotTable, COUNTIFS over their items, chart.
      summaries: (await syncsOf(actions.buildSummaries)).syncs,
      // Open, the layout before, the sheets' titles, then freeze + fit + colour + About sheet.
      prepare: (await syncsOf(actions.prepareForSellers)).syncs,
      // Open, the sheets' titles, then everything else in one batch.
      reset: (await syncsOf(actions.resetSheet, {})).syncs,
    };
    expect(counts).toEqual({ analyze: 2, filter: 3, helperColumns: 3, summaries: 5, prepare: 4, reset: 3 });
    expect(workbookSnapshot(fake.workbook)).toEqual(before);
  }, 60_000);
});
