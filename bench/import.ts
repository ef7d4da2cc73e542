/**
 * Open report file… on 100,000 rows x 150 columns under the web limits (npm run bench, or on its own:
 * node --max-old-space-size=8192 --import tsx bench/import.ts [--rows N]).
 * Prints syncs, bytes moved, the largest request, the time spent in the pane (decode, parse, plan:
 * the work a real pane does; the in-memory Excel's own time is printed apart), the longest stretch the
 * pane's thread was busy, and estimatedWebSeconds = syncs x 0.25 s + bytesMoved / 4 MB/s, a model
 * (no published figure exists for a sync on the web).
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { actions, createSession } from "../src/actions";
import { prepareFile } from "../src/actions/openReportFile";
import { createFakeExcel } from "../src/preview/fake-excel";
import { generateReport } from "../src/preview/sample-report";
import { reportFile } from "../test/support/reportFiles";

const MB = 1024 * 1024;
const SECONDS_PER_SYNC = 0.25;
const BYTES_PER_SECOND = 4 * MB;

export interface ImportBench {
  rows: number;
  columns: number;
  fileMb: number;
  syncs: number;
  bytesMovedMb: number;
  maxRequestMb: number;
  paneMs: number;
  actionMs: number;
  longestBlockMs: number;
  estimatedWebSeconds: number;
  peakRssMb: number;
}

export async function benchImport(rows = 100_000, columns = 150): Promise<ImportBench> {
  const report = generateReport({ layout: "ai-business", rows, columns, seed: 7, messy: true });
  const file = reportFile(report);
  const picked = { name: "ai-business.csv", bytes: file.bytes };

  // The pane's own work, timed alone (median of three): decode, parse, plan.
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await prepareFile(picked);
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);

  const fake = createFakeExcel({ limits: "web" });
  fake.workbook.addSheet("Sheet1");
  const session = createSession(fake);
  let peakRss = 0;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const start = performance.now();
  const outcome = await session.run(actions.openReportFile, { files: [picked] });
  const actionMs = performance.now() - start;
  loop.disable();
  clearInterval(rssTimer);
  if (outcome.status !== "done") throw new Error(outcome.message);

  const { stats } = fake;
  const result: ImportBench = {
    rows,
    columns,
    fileMb: round(file.bytes.length / MB),
    syncs: stats.syncs,
    bytesMovedMb: round(stats.bytesMoved / MB),
    maxRequestMb: round(stats.maxRequestBytes / MB),
    paneMs: Math.round(runs[1]),
    actionMs: Math.round(actionMs),
    longestBlockMs: Math.round(loop.max / 1e6),
    estimatedWebSeconds: round(stats.syncs * SECONDS_PER_SYNC + stats.bytesMoved / BYTES_PER_SECOND),
    peakRssMb: Math.round(peakRss / MB),
  };
  console.log(`\nOpen report file… (${rows.toLocaleString("en-US")} rows x ${columns} columns, web limits)`);
  console.table([result]);
  console.log(
    `estimatedWebSeconds = ${stats.syncs} syncs x ${SECONDS_PER_SYNC} s + ${result.bytesMovedMb} MB / 4 MB/s ` +
      `= ${result.estimatedWebSeconds} s (a model). ${outcome.message}`,
  );
  if (stats.maxRequestBytes > 4 * MB) {
    console.log("OVER LIMITS: a request above 4 MB.");
    process.exitCode = 1;
  }
  return result;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (process.argv[1]?.endsWith("import.ts")) {
  const i = process.argv.indexOf("--rows");
  benchImport(i >= 0 ? Number(process.argv[i + 1]) : 100_000).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
