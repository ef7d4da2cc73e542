/**
 * Last month's report derived from a generated one, with known changes: some of this month's customers
 * are left out (they are new this month), some clusters moved, some customers were only in last
 * month's report (gone), rows are shuffled, columns reversed and headers spelled another way, as
 * reports do between fiscal years. Used by the comparison's tests, the preview and the benchmark.
 */
import type { CellValue } from "../../domain/types";
import type { CanonicalCluster, SampleReport, TruthCluster } from "./generate";
import { Rng } from "./rng";

export interface LastMonthOptions {
  seed?: number;
  /** Share of this month's customers missing from last month's report. Default 0.05. */
  newShare?: number;
  /** Share of product cluster cells that differ last month. Default 0.15. */
  moveShare?: number;
  /** Customers only in last month's report. Default 3% of the rows (at least 3). */
  goneCount?: number;
  /** Spell last month's headers differently (default true). */
  renameHeaders?: boolean;
  /** Reverse last month's column order (default true). */
  reverseColumns?: boolean;
}

export interface GoneTruth {
  name: string;
  customerId: string;
  /** Per product of the truth, last month's canonical cluster (null = none). */
  clusters: (CanonicalCluster | null)[];
}

export interface LastMonthReport {
  /** Last month's sheet as Excel holds it (title rows too when this month's had them). */
  rows: CellValue[][];
  headerRow: number;
  headers: string[];
  /** Per data row of this month's report: the customer is not in last month's report. */
  isNew: boolean[];
  /** Per data row of this month's report and product: last month's cluster (null for new rows). */
  previousClusters: (TruthCluster | null)[][];
  gone: GoneTruth[];
}

const CLUSTERS: readonly CanonicalCluster[] = ["Act Now", "Evaluate", "Nurture", "Educate"];

/** Another spelling of a header, with the same meaning once folded (or by the domain's product synonyms). */
const SYNONYMS: readonly [RegExp, string][] = [
  [/^m365[\s_-]*copilot[\s_-]*/i, "Copilot "],
  [/^m365[\s_-]*/i, "Microsoft 365 "],
  [/^d365[\s_-]*bc[\s_-]*/i, "Business Central "],
  [/^azure[\s_-]*(?=cluster|fit|intent)/i, "Microsoft Azure "],
  [/^surface[\s_-]*(?=cluster|fit|intent)/i, "Microsoft Surface "],
];

export function respell(header: string): string {
  for (const [pattern, replacement] of SYNONYMS) {
    if (pattern.test(header)) return header.replace(pattern, replacement).replace(/\s+/g, " ").trim();
  }
  // Spaced <-> CamelCase: "Customer ID" -> "CustomerID", "AccountName" -> "Account_Name".
  if (/[\s_]/.test(header)) return header.replace(/[\s_]+/g, "");
  return header.replace(/([a-z0-9])([A-Z])/g, "$1_$2");
}

function clusterText(c: CanonicalCluster | null, messy: boolean, rng: Rng): string {
  if (c === null) return "";
  if (!messy || rng.chance(0.5)) return c;
  return rng.chance(0.5) ? c.toUpperCase() : ` ${c.toLowerCase()} `;
}

function differentCluster(c: TruthCluster, rng: Rng): CanonicalCluster | null {
  const options: (CanonicalCluster | null)[] = [...CLUSTERS, null].filter((o) => o !== c);
  return rng.pick(options);
}

/** Derives last month's report from this month's generated report. Deterministic for a seed. */
export function deriveLastMonth(report: SampleReport, options: LastMonthOptions = {}): LastMonthReport {
  const rng = new Rng(options.seed ?? 7);
  const newShare = options.newShare ?? 0.05;
  const moveShare = options.moveShare ?? 0.15;
  const { truth } = report;
  const goneCount = options.goneCount ?? Math.max(3, Math.floor(truth.dataRows * 0.03));
  const headerRow = truth.headerRow;
  const header = report.rows[headerRow].map((h) => String(h ?? ""));
  const width = header.length;
  const messy = headerRow > 0;
  const col = (role: string) => {
    const name = truth.roles[role];
    return name === undefined ? -1 : header.indexOf(name);
  };
  const customerIdCol = col("customerId");
  const nameCol = col("accountName");
  const identity: [number, (n: number) => CellValue][] = [
    [
      customerIdCol,
      (n) =>
        typeof report.rows[headerRow + 1][customerIdCol] === "number"
          ? 990_000_000 + n
          : `gone-${n}-0000-4000-8000-000000000000`,
    ],
    [col("tpid"), (n) => 900_000_000 + n],
    [col("tenantId"), (n) => `tenant-gone-${n}`],
    [col("domain"), (n) => `gone-customer-${n}.example`],
    [nameCol, (n) => `Gone Customer ${n} Ltd`],
  ];
  const clusterCols = truth.products.map((p) => header.indexOf(p.clusterHeader));
  const blank = new Set(truth.blankRows);

  const isNew: boolean[] = [];
  const previousClusters: (TruthCluster | null)[][] = [];
  const dataRows: CellValue[][] = [];
  for (let r = 0; r < truth.dataRows; r++) {
    const row = report.rows[headerRow + 1 + r];
    if (blank.has(r)) {
      isNew.push(false);
      previousClusters.push(truth.products.map(() => null));
      dataRows.push(row.slice());
      continue;
    }
    if (rng.chance(newShare)) {
      isNew.push(true);
      previousClusters.push(truth.products.map(() => null));
      continue;
    }
    isNew.push(false);
    const copy = row.slice();
    previousClusters.push(
      truth.products.map((p, i) => {
        const now = p.clusters[r];
        if (!rng.chance(moveShare)) return now;
        const before = differentCluster(now, rng);
        copy[clusterCols[i]] = clusterText(before, messy, rng);
        return before;
      }),
    );
    dataRows.push(copy);
  }

  const gone: GoneTruth[] = [];
  for (let n = 0; n < goneCount; n++) {
    let source = rng.int(truth.dataRows);
    while (blank.has(source)) source = (source + 1) % truth.dataRows;
    const copy = report.rows[headerRow + 1 + source].slice();
    for (const [c, value] of identity) if (c >= 0) copy[c] = value(n);
    const clusters = truth.products.map((_, i) => {
      const c = rng.chance(0.1) ? null : rng.pick(CLUSTERS);
      copy[clusterCols[i]] = clusterText(c, messy, rng);
      return c;
    });
    gone.push({ name: String(copy[nameCol] ?? ""), customerId: String(copy[customerIdCol] ?? ""), clusters });
    dataRows.push(copy);
  }

  // Shuffled rows: matching must never rely on positions.
  for (let i = dataRows.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [dataRows[i], dataRows[j]] = [dataRows[j], dataRows[i]];
  }

  const headers =
    options.renameHeaders === false ? header.slice() : header.map((h) => respell(h.replace(/^\uFEFF/, "")));
  const titleRows = report.rows
    .slice(0, headerRow)
    .map((row) => row.map((v) => (typeof v === "string" ? v.replace("2026-11-25", "2026-10-25") : v)));
  let rows: CellValue[][] = [...titleRows, headers, ...dataRows];
  if (options.reverseColumns !== false) {
    rows = rows.map((row) => {
      const full = Array.from({ length: width }, (_, c) => row[c] ?? "");
      return full.reverse();
    });
    // Title text stays in column A, as a real file has it.
    for (let t = 0; t < headerRow; t++) rows[t] = [...titleRows[t]];
  }
  return {
    rows,
    headerRow,
    headers: options.reverseColumns !== false ? [...headers].reverse() : headers,
    isNew,
    previousClusters,
    gone,
  };
}

// ---- what a comparison must find, from the truth alone (for tests) ------------------------------

const RANK: Readonly<Record<CanonicalCluster, number>> = {
  "Act Now": 4,
  Evaluate: 3,
  Nurture: 2,
  Educate: 1,
};

export function known(c: unknown): CanonicalCluster | null {
  return c === "Act Now" || c === "Evaluate" || c === "Nurture" || c === "Educate" ? c : null;
}

export function bestKnown(clusters: readonly unknown[]): CanonicalCluster | null {
  let top: CanonicalCluster | null = null;
  for (const raw of clusters) {
    const c = known(raw);
    if (c && (!top || RANK[c] > RANK[top])) top = c;
  }
  return top;
}

/** Last Month, Change and Change Details each row of this month's report must get (product labels by key). */
export function expectedChanges(
  report: SampleReport,
  last: LastMonthReport,
  labels: ReadonlyMap<string, string>,
): { lastMonth: string; change: string; details: string }[] {
  const blank = new Set(report.truth.blankRows);
  const rank = (c: CanonicalCluster | null) => (c ? RANK[c] : 0);
  return Array.from({ length: report.truth.dataRows }, (_, r) => {
    if (blank.has(r)) return { lastMonth: "", change: "", details: "" };
    if (last.isNew[r]) return { lastMonth: "", change: "New", details: "New: not in last month's report." };
    const now = report.truth.products.map((p) => known(p.clusters[r]));
    const then = last.previousClusters[r].map(known);
    const a = rank(bestKnown(now));
    const b = rank(bestKnown(then));
    const moved = report.truth.products
      .map((p, i) =>
        now[i] === then[i] ? "" : `${labels.get(p.key)}: ${then[i] ?? "none"} → ${now[i] ?? "none"}`,
      )
      .filter(Boolean);
    return {
      lastMonth: bestKnown(then) ?? "",
      change: a > b ? "Up" : a < b ? "Down" : "Same",
      details: moved.length ? moved.join("; ") : "No change",
    };
  });
}
