import { generateReport, SAMPLE_LAYOUTS, type SampleLayout } from "../preview/sample-report";
import {
  bestKnown as bestOf,
  deriveLastMonth,
  expectedChanges,
  known,
} from "../preview/sample-report/lastMonth";
import {
  compareInSteps,
  compareReports,
  FROM_LABELS,
  matchSummary,
  normaliseAccountName,
  normaliseDomain,
  planComparison,
  reportMonth,
  TO_LABELS,
  type ComparePlan,
  type Comparison,
} from "./compare";
import { whatChangedSheet } from "./compareSheet";
import { detectLayout } from "./layout";
import { columnsOf, testLayout } from "./testSupport";
import type { CellValue, Cluster, ReportLayout } from "./types";

function side(rows: CellValue[][]) {
  const detection = detectLayout(rows.slice(0, 220));
  if (!detection.ok) throw new Error(detection.reason);
  const layout = detection.layout;
  const data = rows.slice(layout.headerRow + 1);
  return { layout, columns: columnsOf(data, layout.rawHeaders.length), rowCount: data.length };
}

function plan(
  current: ReportLayout,
  previous: ReportLayout,
  products: string[] | "all" = "all",
): ComparePlan {
  const planned = planComparison(current, previous, products);
  if (!planned.ok) throw new Error(planned.reason);
  return planned.plan;
}

function run(layout: SampleLayout, messy: boolean, rows = 400, seed = 3) {
  const report = generateReport({ layout, rows, seed, messy });
  const last = deriveLastMonth(report, { seed: seed + 100 });
  const current = side(report.rows);
  const previous = side(last.rows);
  const p = plan(current.layout, previous.layout);
  return { report, last, current, previous, plan: p, comparison: compareReports(current, previous, p) };
}

describe("compare with last month, against a last month derived with known changes", () => {
  const cases = SAMPLE_LAYOUTS.flatMap((layout) => [
    [layout, false],
    [layout, true],
  ]) as [SampleLayout, boolean][];

  it.each(cases)(
    "%s (messy %s): every row's Last Month, Change and details equal the known ones",
    (layout, messy) => {
      const { report, last, current, comparison } = run(layout, messy);
      const labels = new Map(current.layout.products.map((p) => [p.key, p.label]));
      expect(comparison.key).toBe("customerId");
      // Every product was matched by meaning despite last month's other spelling and column order.
      expect(comparison.products.map((p) => p.key)).toEqual(report.truth.products.map((p) => p.key));
      expect(comparison.rows).toEqual(expectedChanges(report, last, labels));

      const customers = report.truth.dataRows - report.truth.blankRows.length;
      const newCount = last.isNew.filter(Boolean).length;
      expect(comparison.customers).toBe(customers);
      expect(comparison.newCustomers).toBe(newCount);
      expect(comparison.matched).toBe(customers - newCount);
      expect(matchSummary(comparison)).toBe(
        `Matched ${(customers - newCount).toLocaleString("en-US")} of ${customers.toLocaleString("en-US")} by Customer ID`,
      );
      expect(comparison.gone.map((g) => g.name).sort()).toEqual(last.gone.map((g) => g.name).sort());
      const goneByName = new Map(comparison.gone.map((g) => [g.name, g]));
      for (const g of last.gone) expect(goneByName.get(g.name)!.lastCluster).toBe(bestOf(g.clusters) ?? "");
    },
  );

  it.each(cases.filter(([, messy]) => messy))(
    "%s: transition tables count every move, new and gone",
    (layout) => {
      const { report, last, comparison } = run(layout, true);
      report.truth.products.forEach((p, i) => {
        const expected = FROM_LABELS.map(() => TO_LABELS.map(() => 0));
        const index = (c: Cluster | null) =>
          c ? ["Act Now", "Evaluate", "Nurture", "Educate"].indexOf(c) : 4;
        const blank = new Set(report.truth.blankRows);
        for (let r = 0; r < report.truth.dataRows; r++) {
          if (blank.has(r)) continue;
          const now = known(p.clusters[r]);
          if (last.isNew[r]) expected[5][index(now)]++;
          else expected[index(known(last.previousClusters[r][i]))][index(now)]++;
        }
        for (const g of last.gone) expected[index(g.clusters[i])][5]++;
        expect(comparison.transitions[i].counts).toEqual(expected);
      });
    },
  );
});

describe("matching keys", () => {
  it("falls back to TPID, then Domain, then account name when last month lacks the better keys", () => {
    const report = generateReport({ layout: "azure", rows: 300, seed: 11 });
    const last = deriveLastMonth(report, { seed: 12, renameHeaders: false, reverseColumns: false });
    const current = side(report.rows);
    const drop = (rows: CellValue[][], headers: string[]) => {
      const gone = headers.map((h) => rows[0].indexOf(h));
      return rows.map((row) => row.filter((_, c) => !gone.includes(c)));
    };
    const expectKey = (rows: CellValue[][], key: string) => {
      const previous = side(rows);
      const c = compareReports(current, previous, plan(current.layout, previous.layout));
      expect(c.key).toBe(key);
      return c;
    };
    const byTpid = expectKey(drop(last.rows, ["CustomerID"]), "tpid");
    expect(byTpid.matched).toBe(last.isNew.filter((n) => !n).length);
    const byDomain = expectKey(drop(last.rows, ["CustomerID", "TPID"]), "domain");
    // Domains repeat across a company's subsidiaries: those are reported, never guessed.
    expect(byDomain.matched + byDomain.duplicatesThisMonth.rows + byDomain.rowsWithoutKey).toBeGreaterThan(0);
    expect(byDomain.matched).toBeLessThanOrEqual(byTpid.matched);
    const byName = expectKey(drop(last.rows, ["CustomerID", "TPID", "Domain"]), "accountName");
    expect(byName.matched).toBe(byTpid.matched);
  });

  it("reports duplicated keys on either side and leaves those customers unmatched", () => {
    const layout = testLayout([{ key: "Azure", label: "Azure", cluster: 1 }], { customerId: 0 }, "azure");
    const current = {
      layout,
      columns: columnsOf([
        ["A", "Act Now"],
        ["B", "Evaluate"],
        ["B", "Nurture"],
        ["C", "Educate"],
        ["D", "Act Now"],
      ]),
      rowCount: 5,
    };
    const previous = {
      layout,
      columns: columnsOf([
        ["a", "Nurture"],
        ["B", "Evaluate"],
        ["C", "Act Now"],
        ["c", "Nurture"],
        ["E", "Evaluate"],
      ]),
      rowCount: 5,
    };
    const c = compareReports(current, previous, plan(layout, layout));
    expect(c.rows.map((r) => r.change)).toEqual(["Up", "", "", "", "New"]);
    expect(c.rows[0]).toEqual({ lastMonth: "Nurture", change: "Up", details: "Azure: Nurture → Act Now" });
    expect(c.rows[1].details).toMatch(/on 2 rows of this report/);
    expect(c.rows[3].details).toMatch(/on 2 rows of last month's report/);
    expect(c.duplicatesThisMonth).toEqual({ keys: 1, rows: 2, examples: ["B"] });
    expect(c.duplicatesLastMonth).toEqual({ keys: 1, rows: 2, examples: ["C"] });
    expect(c.matched).toBe(1);
    expect(c.gone.map((g) => g.key)).toEqual(["E"]);
  });

  it("a large report is compared in steps of 20,000 rows, with the same result", () => {
    const layout = testLayout([{ key: "Azure", label: "Azure", cluster: 1 }], { customerId: 0 }, "azure");
    const rows = 45_000;
    const clusters = ["Act Now", "Evaluate", "Nurture", "Educate", ""];
    const make = (shift: number) => ({
      layout,
      columns: new Map<number, CellValue[]>([
        [0, Array.from({ length: rows }, (_, r) => `id-${r + shift}`)],
        [1, Array.from({ length: rows }, (_, r) => clusters[(r * 7 + shift) % 5])],
      ]),
      rowCount: rows,
    });
    const p = plan(layout, layout);
    const steps = compareInSteps(make(0), make(100), p);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses += 1;
      step = steps.next();
    }
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(step.value).toEqual(compareReports(make(0), make(100), p));
    expect(step.value.matched).toBe(rows - 100);
  });

  it("normalises domains and names", () => {
    expect(normaliseDomain("https://www.Contoso.co.uk/about")).toBe("contoso.co.uk");
    expect(normaliseDomain("sales@contoso.com")).toBe("contoso.com");
    expect(normaliseAccountName("Contoso & Partners, Inc.")).toBe(
      normaliseAccountName("contoso and partners inc"),
    );
    expect(normaliseAccountName("Contoso Ltd")).not.toBe(normaliseAccountName("Contoso GmbH"));
    expect(normaliseAccountName('=HYPERLINK("https://x","Fabrikam GmbH")')).toBe("fabrikam gmbh");
    expect(normaliseAccountName("Café Zürich AG")).toBe("cafe zurich ag");
  });
});

describe("refusals", () => {
  const azure = side(generateReport({ layout: "azure", rows: 30, seed: 1 }).rows).layout;
  const ai = side(generateReport({ layout: "ai-business", rows: 30, seed: 1 }).rows).layout;

  it("another family", () => {
    const planned = planComparison(ai, azure, "all");
    expect(planned.ok).toBe(false);
    if (!planned.ok)
      expect(planned.reason).toMatch(/Cloud & AI Platform \(Azure\) report, but this one is AI Business/);
  });

  it("no key in common", () => {
    const a = testLayout([{ key: "Azure", label: "Azure", cluster: 1 }], { customerId: 0 }, "azure");
    const b = testLayout([{ key: "Azure", label: "Azure", cluster: 1 }], { tpid: 0 }, "azure");
    const planned = planComparison(a, b, "all");
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.reason).toMatch(/no customer key in common/);
  });
});

describe("report month and the What Changed sheet", () => {
  it("finds the month in title rows or the name", () => {
    expect(reportMonth([["Downloaded 2026-10-25"]], "Report")).toBe("October 2026");
    expect(reportMonth([], "CloudAscent_AI_2026-09.csv")).toBe("September 2026");
    expect(reportMonth([], "Nov 2026")).toBe("November 2026");
    expect(reportMonth([], "Report")).toBeNull();
  });

  it("holds the counts beside their labels, one table per product and every gone customer, as plain values", () => {
    const { comparison } = run("ai-business", true, 300, 5);
    const sheet = whatChangedSheet(
      "Report",
      { kind: "sheet", name: "Report", family: "AI Business Solutions", month: "November 2026" },
      { kind: "file", name: "oct.csv", family: "AI Business Solutions", month: "October 2026" },
      comparison as Comparison,
    );
    const values = sheet.top.values;
    expect(values[0][0]).toBe("What Changed");
    expect(values[1][0]).toBe("Report sheet: Report");
    expect(values[3][0]).toMatch(/Last month: file "oct.csv".*October 2026/);
    const at = (label: string) => values.find((row) => row[0] === label)![1];
    expect(at("New customers")).toBe(comparison.newCustomers);
    expect(at("Customers no longer in the report")).toBe(comparison.gone.length);
    expect(values.filter((row) => row[0] === "Last month \\ This month")).toHaveLength(
      comparison.products.length,
    );
    expect(sheet.gone).toHaveLength(comparison.gone.length);
    for (const row of values) for (const cell of row) expect(String(cell)).not.toMatch(/^=/);
  });
});
