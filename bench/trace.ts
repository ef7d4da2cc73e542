/**
 * Prints every sync of the main flow at one size: the members it queued, request and response bytes.
 * A tool for finding round trips to remove: node --import tsx bench/trace.ts [--rows 100000]
 */
import { actions, createSession, type ActionDefinition } from "../src/actions";
import { createFakeExcel } from "../src/preview/fake-excel";
import { generateReport } from "../src/preview/sample-report";

const args = process.argv.slice(2);
const rowsArg = args.indexOf("--rows");
const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 100_000;
const KB = 1024;

async function main() {
  const report = generateReport({ layout: "ai-business", rows, columns: 150, seed: 7, messy: true });
  const fake = createFakeExcel({ limits: "web", apiVersion: "1.17" });
  fake.workbook.addSheet("Report", report.rows);
  fake.stats.trace = [];
  const session = createSession(fake, () => new Date(Date.UTC(2026, 10, 24)));
  const as = (action: unknown) => action as ActionDefinition<never, unknown>;
  const analyzed = await session.run(as(actions.analyzeSheet), undefined as never);
  if (analyzed.status !== "done") throw new Error(analyzed.message);
  const product = (analyzed.data as { analysis: { products: { key: string }[] } }).analysis.products[0].key;
  const steps: [string, ActionDefinition<never, unknown>, unknown][] = [
    ["analyze", as(actions.analyzeSheet), undefined],
    ["filter", as(actions.showActNowEvaluate), { product }],
    ["helperColumns", as(actions.addHelperColumns), {}],
    ["summaries", as(actions.buildSummaries), undefined],
    ["prepare", as(actions.prepareForSellers), undefined],
    ["reset", as(actions.resetSheet), {}],
  ];
  for (const [name, action, input] of steps) {
    fake.resetStats();
    const outcome = await session.run(action, input as never);
    const trace = fake.stats.trace ?? [];
    console.log(
      `\n== ${name}: ${outcome.status}, ${trace.length} syncs, ${(fake.stats.bytesMoved / KB / KB).toFixed(1)} MB`,
    );
    for (const sync of trace) {
      const counts = new Map<string, number>();
      for (const m of sync.members) counts.set(m, (counts.get(m) ?? 0) + 1);
      const members = [...counts].map(([m, n]) => (n > 1 ? `${m} x${n}` : m)).join(", ");
      console.log(
        `  req ${(sync.requestBytes / KB).toFixed(0).padStart(6)} KB  resp ${(sync.responseBytes / KB).toFixed(0).padStart(6)} KB  ${members.slice(0, 220)}`,
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
