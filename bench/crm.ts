/**
 * Match to CRM at size: 100,000 customers against 50,000 CRM accounts.
 * - domain work: index + matching of every customer, alone (target: under 3 s), and peak memory;
 * - the action against the in-memory Excel in web-limits mode (report sheet + CRM sheet): syncs,
 *   bytes moved and estimatedWebSeconds = syncs x 0.25 s + bytes / 4 MB/s (a model, not a measurement).
 * Run on its own: node --max-old-space-size=8192 --import tsx bench/crm.ts [--customers N --accounts N]
 * npm run bench runs it in a process of its own (--json-line), so the time and memory are this work's
 * alone, not those of a heap that still holds the 300,000-row benchmark.
 */
import { actions, createSession } from "../src/actions";
import {
  matchCustomers,
  type CrmAccounts,
  type CrmPhaseTimes,
  type ReportCustomers,
} from "../src/domain/crmMatch";
import type { CellValue } from "../src/domain/types";
import { createFakeExcel } from "../src/preview/fake-excel";
import { generateReport, type SampleReport } from "../src/preview/sample-report";
import { generateCrmSample } from "../src/preview/sample-report/crmSample";

const MB = 1024 * 1024;
const SYLLABLES = [
  "ka",
  "zor",
  "vik",
  "tel",
  "mar",
  "dun",
  "os",
  "bri",
  "lem",
  "qua",
  "nor",
  "fel",
  "tis",
  "ran",
  "gol",
  "per",
];

/** A made-up word per number, so every customer beyond the name pool is a company of its own. */
function madeUpWord(n: number): string {
  let word = "";
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return word[0].toUpperCase() + word.slice(1) + "ex";
}

/** A report of distinct customers: names the pool repeats get a word of their own (and their domain too). */
export function distinctCustomers(report: SampleReport): void {
  const header = report.rows[report.truth.headerRow];
  const nameColumn = header.indexOf(report.truth.roles.accountName);
  const domainColumn = header.indexOf(report.truth.roles.domain);
  const seen = new Set<string>();
  let serial = 0;
  for (const row of report.rows.slice(report.truth.headerRow + 1)) {
    const name = String(row[nameColumn] ?? "");
    if (!name) continue;
    if (!seen.has(name)) {
      seen.add(name);
      continue;
    }
    const word = madeUpWord(serial++);
    row[nameColumn] = `${word} ${name}`;
    const domain = String(row[domainColumn] ?? "");
    if (domain.includes(".")) row[domainColumn] = `${word.toLowerCase()}${domain}`;
  }
}

/** A column as Office.js delivers it: through the JSON of Excel's response. */
function asExcelResponse(values: CellValue[]): CellValue[] {
  return JSON.parse(JSON.stringify(values)) as CellValue[];
}

export interface CrmBenchResult {
  customers: number;
  accounts: number;
  domainMs: number;
  /** Process CPU time over the domain work (GC threads included): steadier than wall time on a busy machine. */
  domainCpuMs: number;
  /** The domain work per phase, ms. */
  phaseMs: CrmPhaseTimes;
  peakRssMb: number;
  syncs: number;
  bytesMoved: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  estimatedWebSeconds: number;
  actionMs: number;
  counts: Record<string, number>;
}

export async function runCrmBench(customerCount = 100_000, accountCount = 50_000): Promise<CrmBenchResult> {
  let peakRss = 0;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const timer = setInterval(sample, 50);

  const report = generateReport({ layout: "ai-business", rows: customerCount, seed: 7, messy: true });
  distinctCustomers(report);
  const crm = generateCrmSample(report, { seed: 3, inCrm: 0.4 });
  const crmRows: CellValue[][] = crm.rows.slice(0, accountCount + 1);
  while (crmRows.length < accountCount + 1)
    crmRows.push(crm.rows[1 + (crmRows.length % (crm.rows.length - 1))]);

  // Domain work alone, on the columns as the Excel layer hands them over: parsed from Excel's JSON
  // response, so flat strings (the generator's are concatenations V8 would flatten on first use).
  const header = report.rows[report.truth.headerRow];
  const data = report.rows.slice(report.truth.headerRow + 1);
  const column = (role: string) => {
    const c = header.indexOf(report.truth.roles[role]);
    return c < 0 ? undefined : asExcelResponse(data.map((row) => row[c]));
  };
  const customers: ReportCustomers = {
    count: data.length,
    name: column("accountName"),
    domain: column("domain"),
    customerId: column("customerId"),
    tpid: column("tpid"),
    tenantId: column("tenantId"),
  };
  const body = crmRows.slice(1);
  const accounts: CrmAccounts = {
    count: body.length,
    accountId: asExcelResponse(body.map((r) => r[0])),
    name: asExcelResponse(body.map((r) => r[1])),
    website: asExcelResponse(body.map((r) => r[2])),
    owner: asExcelResponse(body.map((r) => r[3])),
    msId: asExcelResponse(body.map((r) => r[5])),
    tenantId: asExcelResponse(body.map((r) => r[6])),
  };
  // Warm-up on a slice, so the measured run is not the JIT's first pass.
  matchCustomers({ ...customers, count: 5000 }, { ...accounts, count: 5000 });
  peakRss = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = matchCustomers(customers, accounts);
  const domainMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  sample();

  // The action against the in-memory Excel with Excel on the web's limits.
  const fake = createFakeExcel({ limits: "web", apiVersion: "1.17" });
  fake.workbook.addSheet("Report", report.rows);
  fake.workbook.addSheet("CRM", crmRows);
  const session = createSession(fake, () => new Date(Date.UTC(2026, 10, 24)));
  fake.resetStats();
  const actionStart = performance.now();
  const outcome = await session.run(actions.matchCrm, {});
  const actionMs = performance.now() - actionStart;
  if (outcome.status !== "done") throw new Error(`matchCrm: ${outcome.message}`);
  sample();
  clearInterval(timer);
  const s = fake.stats;
  return {
    customers: customers.count,
    accounts: accounts.count,
    domainMs: Math.round(domainMs),
    domainCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    phaseMs: Object.fromEntries(
      Object.entries(result.phaseMs).map(([phase, ms]) => [phase, Math.round(ms)]),
    ) as unknown as CrmPhaseTimes,
    peakRssMb: Math.round(peakRss / MB),
    syncs: s.syncs,
    bytesMoved: s.bytesMoved,
    maxRequestBytes: s.maxRequestBytes,
    maxResponseBytes: s.maxResponseBytes,
    estimatedWebSeconds: Math.round((s.syncs * 0.25 + s.bytesMoved / (4 * MB)) * 10) / 10,
    actionMs: Math.round(actionMs),
    counts: result.counts,
  };
}

const PHASE_LABELS: Record<keyof CrmPhaseTimes, string> = {
  accounts: "CRM accounts indexed",
  customers: "report names and domains",
  weights: "word weights",
  exact: "exact keys",
  similarNames: "similar names",
};

function phaseText(phases: CrmPhaseTimes): string {
  return (Object.keys(PHASE_LABELS) as (keyof CrmPhaseTimes)[])
    .map((phase) => `${PHASE_LABELS[phase]} ${phases[phase]} ms`)
    .join(", ");
}

export function printCrmBench(r: CrmBenchResult): void {
  console.log(
    `Match to CRM, ${r.customers.toLocaleString("en-US")} customers x ${r.accounts.toLocaleString("en-US")} accounts: ` +
      `domain work ${r.domainMs} ms (target < 3000${r.domainMs < 3000 ? "" : " MISSED"}; process CPU ${r.domainCpuMs} ms; ${phaseText(r.phaseMs)}), peak RSS ${r.peakRssMb} MB (target < 1024${r.peakRssMb < 1024 ? "" : " MISSED"}); ` +
      `action in web-limits mode: ${r.syncs} syncs, ${(r.bytesMoved / MB).toFixed(1)} MB moved, ` +
      `max request ${(r.maxRequestBytes / MB).toFixed(2)} MB, max response ${(r.maxResponseBytes / MB).toFixed(2)} MB, ` +
      `estimatedWebSeconds ${r.estimatedWebSeconds} (syncs x 0.25 s + bytes / 4 MB/s), wall ${r.actionMs} ms; ` +
      `kinds ${JSON.stringify(r.counts)}`,
  );
}

if (process.argv[1]?.endsWith("crm.ts")) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  runCrmBench(option("customers"), option("accounts"))
    .then((result) => {
      printCrmBench(result);
      // For npm run bench, which runs this in a process of its own: the figures as one JSON line.
      if (args.includes("--json-line")) console.log(`CRM_BENCH_JSON ${JSON.stringify(result)}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
