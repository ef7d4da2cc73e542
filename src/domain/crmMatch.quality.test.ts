/**
 * Precision and recall of Match to CRM on generated CRM exports derived from the sample reports,
 * next to a Power-Query-like baseline (exact domain, then Jaccard of name tokens >= 0.80).
 */
import { generateReport, type SampleLayout } from "../preview/sample-report";
import { generateCrmSample, type CrmFlavour, type CrmSample } from "../preview/sample-report/crmSample";
import { matchCustomers, type CrmAccounts, type ReportCustomers } from "./crmMatch";
import type { CellValue } from "./types";

interface Case {
  layout: SampleLayout;
  flavour: CrmFlavour;
  seed: number;
}

const CASES: Case[] = [
  { layout: "ai-business", flavour: "salesforce", seed: 1 },
  { layout: "azure", flavour: "dynamics", seed: 2 },
  { layout: "renewal", flavour: "hubspot", seed: 3 },
  { layout: "modern-work-2021", flavour: "salesforce", seed: 4 },
  { layout: "security", flavour: "dynamics", seed: 5 },
];

function columnOf(headers: readonly CellValue[], wanted: string | undefined): number {
  return wanted === undefined ? -1 : headers.indexOf(wanted);
}

function setUp({ layout, flavour, seed }: Case) {
  const report = generateReport({ layout, rows: 2500, seed, messy: true });
  const crm = generateCrmSample(report, { flavour, seed });
  const header = report.rows[report.truth.headerRow];
  const data = report.rows.slice(report.truth.headerRow + 1);
  const col = (role: string) => {
    const c = columnOf(header, report.truth.roles[role]);
    return c < 0 ? undefined : data.map((row) => row[c]);
  };
  const customers: ReportCustomers = {
    count: data.length,
    name: col("accountName"),
    domain: col("domain"),
    customerId: col("customerId"),
    tpid: col("tpid"),
    tenantId: col("tenantId"),
  };
  const body = crm.rows.slice(1);
  const accounts: CrmAccounts = {
    count: body.length,
    accountId: body.map((r) => r[0]),
    name: body.map((r) => r[1]),
    website: body.map((r) => r[2]),
    owner: body.map((r) => r[3]),
    msId: body.map((r) => r[5]),
    tenantId: body.map((r) => r[6]),
  };
  return { customers, accounts, crm };
}

function score(predicted: readonly (string | null)[], crm: CrmSample) {
  let made = 0;
  let right = 0;
  const pairs = crm.truth.filter((t) => t !== null).length;
  predicted.forEach((p, r) => {
    if (p === null) return;
    made++;
    if (p === crm.truth[r]) right++;
  });
  return { made, right, pairs, precision: made ? right / made : 1, recall: pairs ? right / pairs : 1 };
}

/** Power Query's merge as partners use it: the domain column as it is, then fuzzy names by token Jaccard. */
function baseline(customers: ReportCustomers, accounts: CrmAccounts): (string | null)[] {
  const lower = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase() : "");
  const tokens = (v: unknown) =>
    new Set(
      lower(v)
        .split(/[^a-z0-9]+/)
        .filter(Boolean),
    );
  const byDomain = new Map<string, number>();
  for (let a = 0; a < accounts.count; a++) {
    const d = lower(accounts.website?.[a]);
    if (d && !byDomain.has(d)) byDomain.set(d, a);
  }
  const accountTokens = accounts.name.map(tokens);
  const index = new Map<string, number[]>();
  accountTokens.forEach((set, a) => set.forEach((t) => index.set(t, [...(index.get(t) ?? []), a])));
  return Array.from({ length: customers.count }, (_, r) => {
    const d = lower(customers.domain?.[r]);
    const hit = d ? byDomain.get(d) : undefined;
    if (hit !== undefined) return String(accounts.accountId![hit]);
    const mine = tokens(customers.name?.[r]);
    if (mine.size === 0) return null;
    let best = -1;
    let bestScore = 0;
    const seen = new Set<number>();
    for (const t of mine)
      for (const a of index.get(t) ?? []) {
        if (seen.has(a)) continue;
        seen.add(a);
        const other = accountTokens[a];
        let shared = 0;
        for (const x of mine) if (other.has(x)) shared++;
        const jaccard = shared / (mine.size + other.size - shared);
        if (jaccard > bestScore) {
          bestScore = jaccard;
          best = a;
        }
      }
    return bestScore >= 0.8 ? String(accounts.accountId![best]) : null;
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe("Match to CRM: precision and recall on generated CRM exports", () => {
  it("finds >= 95% of the true pairs, and >= 99% of its matches are right, well above the Power Query baseline", () => {
    const totals = { ours: { made: 0, right: 0, pairs: 0 }, base: { made: 0, right: 0, pairs: 0 } };
    const lines: string[] = [];
    for (const c of CASES) {
      const { customers, accounts, crm } = setUp(c);
      const result = matchCustomers(customers, accounts);
      const ours = score(
        result.rows.map((row) => (row.account >= 0 ? String(accounts.accountId![row.account]) : null)),
        crm,
      );
      const base = score(baseline(customers, accounts), crm);
      for (const [key, s] of [
        ["ours", ours],
        ["base", base],
      ] as const) {
        totals[key].made += s.made;
        totals[key].right += s.right;
        totals[key].pairs += s.pairs;
      }
      lines.push(
        `${c.layout} / ${c.flavour}: ${crm.accountCount} accounts, ${ours.pairs} true pairs; ` +
          `ours precision ${pct(ours.precision)} recall ${pct(ours.recall)}; ` +
          `baseline precision ${pct(base.precision)} recall ${pct(base.recall)}; ` +
          `kinds ${JSON.stringify(result.counts)}`,
      );
    }
    const precision = totals.ours.right / totals.ours.made;
    const recall = totals.ours.right / totals.ours.pairs;
    const basePrecision = totals.base.right / totals.base.made;
    const baseRecall = totals.base.right / totals.base.pairs;
    lines.push(
      `ALL: ours precision ${pct(precision)} recall ${pct(recall)}; ` +
        `Power-Query-like baseline precision ${pct(basePrecision)} recall ${pct(baseRecall)}`,
    );
    console.log(lines.join("\n"));
    expect(precision).toBeGreaterThanOrEqual(0.99);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    // Each case on its own too: no layout or export flavour hides behind the others.
    expect(recall).toBeGreaterThan(baseRecall);
  });
});
