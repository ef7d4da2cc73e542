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
  currentColumnsNeeded,
  currentIdentityColumn,
  FROM_LABELS,
  matchSummary,
  nameGoneCustomers,
  normaliseAccountName,
  normaliseDomain,
  planComparison,
  previousColumnsNeeded,
  previousNameColumn,
  reportMonth,
  rowsBlankInEveryColumn,
  settleRowsWithoutKey,
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

describe("names read only where they matter (issue 16)", () => {
  /** A side holding only the given columns of a full side. */
  function only(full: ReturnType<typeof side>, columns: readonly number[]) {
    return { ...full, columns: new Map(columns.map((c) => [c, full.columns.get(c)!])) };
  }

  /** The cells of one column of a side at some rows, as the action reads them. */
  function cellsAt(full: ReturnType<typeof side>, column: number, rows: readonly number[]) {
    return new Map(rows.map((r) => [r, full.columns.get(column)![r]]));
  }

  it.each(SAMPLE_LAYOUTS.flatMap((layout) => [[layout, false] as const, [layout, true] as const]))(
    "%s (messy %s): identity and gone names read at their rows only give what reading both columns in full gives",
    (layout, messy) => {
      const report = generateReport({ layout, rows: 400, seed: 9, messy });
      const last = deriveLastMonth(report, { seed: 109 });
      const fullCurrent = side(report.rows);
      const header = fullCurrent.layout.headerRow;
      const data = report.rows.slice(header + 1);
      const roles = fullCurrent.layout.roles;
      const keyColumn = roles.customerId!;
      const nameColumn = roles.accountName!;
      const clusters = fullCurrent.layout.products.map((p) => p.cluster);
      // Rows the generator never makes: a name and nothing else; no key but a cluster; a name with a
      // blank-looking key; a blank row.
      const blankAll = (row: CellValue[]) => [keyColumn, ...clusters].forEach((c) => (row[c] = ""));
      blankAll(data[3]);
      data[3][nameColumn] = "Only A Name Ltd";
      data[7][keyColumn] = "";
      blankAll(data[11]);
      data[11][keyColumn] = " \u200b ";
      data[11][nameColumn] = "  Spaces Around  ";
      blankAll(data[15]);
      data[15][nameColumn] = "";
      const current = side(report.rows);
      const previous = side(last.rows);
      const p = plan(current.layout, previous.layout);
      // As the action read them before: key, clusters and identity of this month, key, clusters and names of last.
      const identity = currentIdentityColumn(current.layout, p)!;
      const name = previousNameColumn(previous.layout, p)!;
      expect(identity).toBe(nameColumn);
      expect(name).toBe(previous.layout.roles.accountName);
      const expected = compareReports(
        only(current, [...currentColumnsNeeded(current.layout, p), identity]),
        only(previous, [...previousColumnsNeeded(previous.layout, p), name]),
        p,
      );
      expect(expected.rowsWithoutKey).toBeGreaterThanOrEqual(3);
      expect(expected.rows[3].details).toBe("Not compared: no Customer ID.");
      expect(expected.rows[15]).toEqual({ lastMonth: "", change: "", details: "" });

      const partialCurrent = only(current, currentColumnsNeeded(current.layout, p));
      const partial = compareReports(
        partialCurrent,
        only(previous, previousColumnsNeeded(previous.layout, p)),
        p,
      );
      const blankRows = rowsBlankInEveryColumn(partialCurrent);
      expect(blankRows).toEqual(expect.arrayContaining([3, 11, 15]));
      expect(blankRows).not.toContain(7);
      const settled = nameGoneCustomers(
        settleRowsWithoutKey(partial, cellsAt(current, identity, blankRows)),
        cellsAt(
          previous,
          name,
          partial.gone.map((g) => g.row),
        ),
      );
      expect(settled).toEqual(expected);
      expect(settled.gone.length).toBeGreaterThan(0);
      expect(settled.gone.every((g) => g.name !== "")).toBe(true);
    },
  );

  it("refuses to settle a row that was read with data", () => {
    const { current, previous, plan: p } = run("azure", false, 100, 4);
    const c = compareReports(current, previous, p);
    expect(() => settleRowsWithoutKey(c, new Map([[0, "Contoso"]]))).toThrow(/not blank/);
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
