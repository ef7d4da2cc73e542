/**
 * Prints every sync of one Compare with last month click as the pane makes it (bench/benchRow.ts
 * paneClick: the pane updates itself from the action's result), with members and sizes.
 * node --max-old-space-size=8192 --import tsx bench/traceCompare.ts [--rows 10000]
 */
import { actions, createSession } from "../src/actions";
import { createFakeExcel } from "../src/preview/fake-excel";
import { generateReport } from "../src/preview/sample-report";
import { deriveLastMonth } from "../src/preview/sample-report/lastMonth";
import { FROM_RESULT, paneClick } from "./benchRow";

const args = process.argv.slice(2);
const rowsArg = args.indexOf("--rows");
const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 10_000;
const KB = 1024;

async function main() {
  const current = generateReport({ layout: "ai-business", rows, columns: 150, seed: 7, messy: true });
  const last = deriveLastMonth(current, { seed: 8 });
  const fake = createFakeExcel({ limits: "web", apiVersion: "1.17" });
  fake.workbook.addSheet("Report", current.rows);
  fake.workbook.addSheet("October", last.rows);
  fake.stats.trace = [];
  const session = createSession(fake, () => new Date(Date.UTC(2026, 10, 24)));
  const outcome = await paneClick(
    session,
    actions.compareLastMonth,
    { source: { sheetName: "October" } },
    FROM_RESULT,
  );
  const trace = fake.stats.trace ?? [];
  console.log(
    `== compare: ${outcome.status} ${outcome.message}\n   ${trace.length} syncs, ${(fake.stats.bytesMoved / KB / KB).toFixed(2)} MB moved, ${(fake.stats.bytesRead / KB / KB).toFixed(2)} MB read`,
  );
  for (const sync of trace) {
    const counts = new Map<string, number>();
    for (const m of sync.members) counts.set(m, (counts.get(m) ?? 0) + 1);
    const members = [...counts].map(([m, n]) => (n > 1 ? `${m} x${n}` : m)).join(", ");
    console.log(
      `  req ${(sync.requestBytes / KB).toFixed(0).padStart(6)} KB  resp ${(sync.responseBytes / KB).toFixed(0).padStart(6)} KB  ${members.slice(0, 260)}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
