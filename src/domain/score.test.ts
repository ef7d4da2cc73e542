import { COLUMN_GROUPS } from "./addinArtifacts";
import { columnsOf, testLayout } from "./testSupport";
import {
  DEFAULT_SCORE_SETTINGS,
  HELPER_HEADERS,
  computeHelperRows,
  formatMoneyShort,
  helperColumnsNeeded,
  RENEWAL_GRACE_DAYS,
  renewalUrgency,
  UNKNOWN_END_URGENCY,
  type ScoreSettings,
} from "./score";
import type { CellValue, ColumnRole, ProductColumns, ReportLayout } from "./types";

const TODAY = new Date(Date.UTC(2026, 2, 1));

function layoutOf(
  products: ProductColumns[],
  roles: Partial<Record<ColumnRole, number>>,
  renewal = false,
): ReportLayout {
  return testLayout(products, roles, renewal ? "renewal" : "azure");
}

/** Columns: 0 name, 1 sub segment, 2 transacted, 3-6 Azure cluster/fit/intent/revenue, 7-8 M365 cluster/revenue. */
const AZURE: ProductColumns = {
  key: "Azure",
  label: "Azure",
  cluster: 3,
  fit: 4,
  intent: 5,
  potentialRevenue: 6,
};
const M365: ProductColumns = { key: "M365", label: "Microsoft 365", cluster: 7, potentialRevenue: 8 };
const FULL = layoutOf([AZURE, M365], { accountName: 0, subSegment: 1, transacted36: 2 });

/** Build column data from rows given as arrays indexed by column. */
function columns(rows: CellValue[][], width = 9): Map<number, CellValue[]> {
  return columnsOf(rows, width);
}

function compute(
  layout: ReportLayout,
  rows: CellValue[][],
  settings: ScoreSettings = DEFAULT_SCORE_SETTINGS,
) {
  return computeHelperRows(layout, columns(rows, 12), rows.length, settings, TODAY);
}

const withWeights = (
  weights: Partial<ScoreSettings["weights"]>,
  products: ScoreSettings["products"] = "all",
) => ({
  products,
  weights: { band: 0, breadth: 0, size: 0, value: 0, recency: 0, trend: 0, ...weights },
});

describe("helperColumnsNeeded", () => {
  it("lists the chosen products' columns, the signal roles and one identity column, sorted", () => {
    const layout = layoutOf([AZURE, M365], {
      accountName: 0,
      customerId: 11,
      subSegment: 1,
      orgSize: 10,
      transacted36: 2,
    });
    expect(helperColumnsNeeded(layout, DEFAULT_SCORE_SETTINGS)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 10]);
    expect(helperColumnsNeeded(layout, { ...DEFAULT_SCORE_SETTINGS, products: ["M365"] })).toEqual([
      0, 1, 2, 7, 8, 10,
    ]);
  });

  it("falls back to customer id, then TPID, for identity and reads renewal columns", () => {
    const layout = layoutOf(
      [M365],
      { tpid: 9, customerId: 11, expiringRevenue: 5, agreementEndDate: 4 },
      true,
    );
    expect(helperColumnsNeeded(layout, DEFAULT_SCORE_SETTINGS)).toEqual([4, 5, 7, 8, 11]);
    expect(helperColumnsNeeded(layoutOf([M365], { tpid: 9 }), DEFAULT_SCORE_SETTINGS)).toEqual([7, 8, 9]);
  });
});

describe("computeHelperRows: best cluster, band and top products", () => {
  it("picks the best band among the products", () => {
    const { rows } = compute(FULL, [["Contoso", "", "", "Evaluate", 60, 80, "", "Act Now", ""]]);
    expect(rows[0]).toMatchObject({ bestCluster: "Act Now", band: "A", topProducts: "Microsoft 365" });
  });

  it("lets the better band win between products of the same cluster", () => {
    const { rows } = compute(FULL, [["Contoso", "", "", "Act Now", "High", "Low", "", "act now", ""]]);
    expect(rows[0]).toMatchObject({ bestCluster: "Act Now", band: "A3", topProducts: "Azure" });
  });

  it("lists every product at the best band", () => {
    const layout = layoutOf([AZURE, { ...M365, fit: 9, intent: 10 }], { accountName: 0 });
    const { rows } = compute(layout, [
      ["Contoso", "", "", "Act Now", 90, 60, "", "ACT NOW", "", 80, "Medium"],
    ]);
    expect(rows[0]).toMatchObject({ band: "A2", topProducts: "Azure, Microsoft 365" });
    expect(rows[0].reasons.startsWith("Azure & Microsoft 365 A2 · 2 products at Act Now/Evaluate")).toBe(
      true,
    );
  });

  it("only considers the chosen products", () => {
    const settings = { ...DEFAULT_SCORE_SETTINGS, products: ["Azure"] };
    const { rows } = compute(FULL, [["Contoso", "", "", "Nurture", 40, "", "", "Act Now", ""]], settings);
    expect(rows[0]).toMatchObject({ bestCluster: "Nurture", band: "N9", topProducts: "Azure" });
  });

  it("uses every product, with a warning, when none of the chosen ones is in the report", () => {
    const result = compute(FULL, [["Contoso", "", "", "", "", "", "", "Evaluate", ""]], {
      ...DEFAULT_SCORE_SETTINGS,
      products: ["Surface"],
    });
    expect(result.rows[0].bestCluster).toBe("Evaluate");
    expect(result.warnings.join(" ")).toMatch(/None of the chosen products/);
  });

  it("counts cluster cells that disagree with their fit and keeps the stated cluster", () => {
    const result = compute(FULL, [
      ["A", "", "", "Act Now", 40, 90, "", "", ""],
      ["B", "", "", "Evaluate", 90, 90, "", "", ""],
      ["C", "", "", "Act Now", 90, 90, "", "", ""],
    ]);
    // Too low a fit for Act Now: the bare code; too high for Evaluate: ranked with Evaluate's cells.
    expect(result.rows.map((r) => r.band)).toEqual(["A", "E5", "A1"]);
    expect(result.disagreements).toBe(2);
    expect(result.warnings.join(" ")).toMatch(/2 cluster cells disagree/);
  });

  it("leaves rows with no scored product without cluster or band, but still scores them", () => {
    const { rows } = compute(FULL, [["Contoso", "Upper Medium", "Yes", "", "", "", "", "n/a", ""]]);
    expect(rows[0]).toMatchObject({ bestCluster: "", band: "", topProducts: "" });
    expect(rows[0].score).toBe(Math.round((100 * (10 * 1 + 10 * 1)) / 100));
    expect(rows[0].reasons).toBe("no product scored · Upper Medium · transacted ≤36 months");
  });

  it("returns empty fields for blank data rows and one output row per data row", () => {
    const result = compute(FULL, [
      ["Contoso", "", "", "Act Now", 90, 90, "", "", ""],
      ["", " ", "", "", "", "#N/A", "", "", ""],
      ["Fabrikam", "", "", "", "", "", "", "", ""],
    ]);
    expect(result.rows).toHaveLength(3);
    expect(result.rows[1]).toEqual({ bestCluster: "", band: "", topProducts: "", score: "", reasons: "" });
    expect(result.rows[2].score).toBe(0);
  });

  it("treats rows past the end of the read columns as blank", () => {
    const result = computeHelperRows(
      FULL,
      columns([["Contoso", "", "", "Act Now"]]),
      2,
      DEFAULT_SCORE_SETTINGS,
      TODAY,
    );
    expect(result.rows.map((r) => r.bestCluster)).toEqual(["Act Now", ""]);
  });
});

describe("computeHelperRows: priority score", () => {
  it("gives 100 to the best possible row and 0 to a row with nothing", () => {
    const { rows } = compute(FULL, [
      ["Top", "Upper Medium", "Yes", "Act Now", 90, 90, "$50K", "Evaluate", "$10K"],
      ["Bottom", "", "No", "", "", "", "", "", ""],
    ]);
    expect(rows.map((r) => r.score)).toEqual([
      // band 1, breadth 1, size 1, value 1 (top revenue), recency 1
      100, 0,
    ]);
  });

  it("weights each signal as documented", () => {
    const { rows } = compute(FULL, [
      // A2 (rank 1 of 14), breadth 1/2, Medium 0.6, lowest revenue of two (0), not transacted
      ["X", "Medium", "No", "Act Now", 90, 60, 1000, "Nurture", ""],
      ["Y", "Small", "Yes", "Educate", 10, 10, 5000, "", ""],
    ]);
    const x = 60 * (1 - 1 / 14) + 10 * 0.5 + 10 * 0.6 + 10 * 0 + 10 * 0;
    // ET10 is rank 12 of 14; no product at Act Now/Evaluate
    const y = 60 * (1 - 12 / 14) + 10 * 0 + 10 * 0.3 + 10 * 1 + 10 * 1;
    expect(rows.map((r) => r.score)).toEqual([Math.round(x), Math.round(y)]);
  });

  it("re-weights when signal columns are missing from the report", () => {
    const layout = layoutOf([{ key: "Azure", label: "Azure", cluster: 3, fit: 4, intent: 5 }], {
      accountName: 0,
    });
    const result = compute(layout, [["X", "", "", "Evaluate", 60, 60]]);
    expect(result.signalsMissing).toEqual(["size", "value", "recency", "trend"]);
    expect(result.warnings).toContain(
      "Not in this report: size, value, recency. The score re-weights the other signals.",
    );
    expect(result.signalsUsed).toEqual(["band", "breadth"]);
    // E6 is rank 6 of 14
    expect(result.rows[0].score).toBe(Math.round((100 * (60 * (1 - 6 / 14) + 10 * 1)) / 70));
    expect(result.warnings.join(" ")).toMatch(/Not in this report: size, value, recency/);
  });

  it("allows zero weights and treats all-zero weights as the default", () => {
    const rows: CellValue[][] = [["X", "Small", "Yes", "Evaluate", 60, 60, 10, "", ""]];
    const bandOnly = compute(FULL, rows, withWeights({ band: 5 }));
    expect(bandOnly.rows[0].score).toBe(Math.round(100 * (1 - 6 / 14)));
    expect(bandOnly.signalsUsed).toEqual(["band"]);
    const recencyOnly = compute(FULL, rows, withWeights({ recency: 1 }));
    expect(recencyOnly.rows[0].score).toBe(100);
    const allZero = compute(FULL, rows, withWeights({}));
    expect(allZero.rows[0].score).toBe(compute(FULL, rows).rows[0].score);
    expect(allZero.warnings.join(" ")).not.toMatch(/default weights/);
  });

  it("falls back to the default weights, with a warning, when only absent signals are weighted", () => {
    const layout = layoutOf([AZURE], { accountName: 0 });
    const rows: CellValue[][] = [["X", "", "", "Evaluate", 60, 60, ""]];
    const result = compute(layout, rows, withWeights({ size: 10, recency: 5 }));
    expect(result.rows[0].score).toBe(compute(layout, rows).rows[0].score);
    expect(result.warnings.join(" ")).toMatch(/default weights were used/);
  });

  it("ranks revenue as a percentile across the file, ties sharing the mid rank", () => {
    const result = compute(
      layoutOf([AZURE], { accountName: 0 }),
      [
        ["A", "", "", "", "", "", "$1K"],
        ["B", "", "", "", "", "", "$5K"],
        ["C", "", "", "", "", "", "5000"],
        ["D", "", "", "", "", "", "$1M"],
        ["E", "", "", "", "", "", ""],
      ],
      withWeights({ value: 1 }),
    );
    // known values 1000, 5000, 5000, 1e6: percentiles 0, 1.5/3, 1.5/3, 1; unknown 0
    expect(result.rows.map((r) => r.score)).toEqual([0, 50, 50, 100, 0]);
  });
});

describe("computeHelperRows: revenue ties", () => {
  it("gives a long run of equal revenues the same mid-rank percentile", () => {
    const revenues = [1000, 5000, 5000, 5000, 5000, 5000];
    const rows: CellValue[][] = revenues.map((r, i) => [`C${i}`, "", "", "", "", "", r]);
    const result = compute(layoutOf([AZURE], { accountName: 0 }), rows, withWeights({ value: 1 }));
    // six known values: 5000 has 1 below and 4 equal others -> (1 + 4 / 2) / 5 = 0.6
    expect(result.rows.map((r) => r.score)).toEqual([0, 60, 60, 60, 60, 60]);
  });
});

describe("computeHelperRows: reasons", () => {
  it("explains the score in one short line", () => {
    const { rows } = compute(FULL, [
      ["Contoso", "SMB - Upper Medium", "Yes", "Act Now", 80, 60, "$25,000", "Nurture", ""],
      ["Fabrikam", "Small", "No", "", "", "", "", "", ""],
    ]);
    expect(rows[0].reasons).toBe("Azure A2 · Upper Medium · $25K potential · transacted ≤36 months");
    expect(rows[1].reasons).toBe("no product scored · Small");
  });

  it("describes expiring revenue and days to agreement end in a renewal report", () => {
    const layout = layoutOf([AZURE], { accountName: 0, expiringRevenue: 9, agreementEndDate: 10 }, true);
    const result = compute(layout, [
      ["Soon", "", "", "Evaluate", 60, 60, "", "", "", "$12,000", "2026-04-15"],
      ["Past", "", "", "Evaluate", 60, 60, "", "", "", "$12,000", "2026-01-15"],
      ["Later", "", "", "Evaluate", 60, 60, "", "", "", "$12,000", "2026-12-31"],
      ["NoMoney", "", "", "Evaluate", 60, 60, "", "", "", "", "3/2/2026"],
    ]);
    const reasons = result.rows.map((r) => r.reasons);
    expect(reasons[0]).toBe("Azure E6 · $12K expiring in 45 days");
    expect(reasons[1]).toBe("Azure E6 · $12K expiring · agreement ended");
    expect(reasons[3]).toBe("Azure E6 · agreement ends in 1 day");
    const [soon, past, later] = result.rows.map((r) => r.score as number);
    expect(soon).toBeGreaterThan(later);
    expect(later).toBeGreaterThan(past);
  });
});

describe("computeHelperRows: renewal urgency around the agreement end (issue 10)", () => {
  const layout = layoutOf([AZURE], { accountName: 0, agreementEndDate: 10 }, true);
  const urgencyOnly = withWeights({ value: 1 });
  /** Score of a row whose agreement ends `days` after TODAY (null: no date in the cell). */
  const scoreAt = (cells: CellValue[]) =>
    compute(
      layout,
      cells.map((end, i) => [`C${i}`, "", "", "", "", "", "", "", "", "", end]),
      urgencyOnly,
    ).rows.map((r) => r.score);
  const isoDaysFromToday = (days: number) =>
    new Date(TODAY.getTime() + days * 86_400_000).toISOString().slice(0, 10);

  it("keeps urgency after the end date and lowers it over the grace window", () => {
    const [today, dayAfter, fortnight, end, beyond] = scoreAt(
      [0, -1, -15, -RENEWAL_GRACE_DAYS, -RENEWAL_GRACE_DAYS - 10].map(isoDaysFromToday),
    ) as number[];
    expect(today).toBe(100);
    // The day after the end is nearly as urgent as the end itself, not 0.
    expect(dayAfter).toBe(Math.round(100 * (1 - 1 / RENEWAL_GRACE_DAYS)));
    expect(fortnight).toBe(50);
    expect(end).toBe(0);
    expect(beyond).toBe(0);
  });

  it("scores an unknown end date apart from an expired one, below a near one", () => {
    const [unknown, expired, soon, unreadable] = scoreAt([
      "",
      isoDaysFromToday(-90),
      isoDaysFromToday(10),
      "soon",
    ]);
    expect(unknown).toBe(Math.round(100 * UNKNOWN_END_URGENCY));
    expect(unreadable).toBe(unknown);
    expect(expired).toBe(0);
    expect(unknown as number).toBeGreaterThan(expired as number);
    expect(soon as number).toBeGreaterThan(unknown as number);
  });

  it("is continuous at the end date and never rises as the end moves further into the past", () => {
    let previous = renewalUrgency(0);
    expect(previous).toBe(1);
    for (let d = -1; d >= -RENEWAL_GRACE_DAYS - 5; d--) {
      const u = renewalUrgency(d);
      expect(u).toBeLessThanOrEqual(previous);
      expect(previous - u).toBeLessThanOrEqual(1 / RENEWAL_GRACE_DAYS + 1e-9);
      previous = u;
    }
  });

  it("says how long ago the agreement ended, or that the date is unknown", () => {
    const money = layoutOf([AZURE], { accountName: 0, expiringRevenue: 9, agreementEndDate: 10 }, true);
    const reasons = compute(money, [
      ["A", "", "", "", "", "", "", "", "", "$12,000", isoDaysFromToday(-3)],
      ["B", "", "", "", "", "", "", "", "", "$12,000", ""],
      ["C", "", "", "", "", "", "", "", "", "", isoDaysFromToday(-1)],
      ["D", "", "", "", "", "", "", "", "", "", "n/a"],
    ]).rows.map((r) => r.reasons);
    expect(reasons).toEqual([
      "no product scored · $12K expiring · agreement ended 3 days ago",
      "no product scored · $12K expiring · end date unknown",
      "no product scored · agreement ended 1 day ago",
      "no product scored · end date unknown",
    ]);
  });
});

describe("computeHelperRows: trend since last month (issue 13)", () => {
  /** Columns 0-8 as FULL; 9-11 the group Compare with last month writes. */
  const rawHeaders = [...Array(9).fill("x"), ...COLUMN_GROUPS.lastMonth];
  const compared: ReportLayout = { ...FULL, rawHeaders };
  const row = (name: string, lastMonth: CellValue, change: CellValue): CellValue[] => [
    name,
    "Small",
    "No",
    "Evaluate",
    60,
    60,
    "",
    "",
    "",
    lastMonth,
    change,
    "detail",
  ];

  it("reads the Last Month and Change columns and scores Up 1, Same and New 0.5, Down 0", () => {
    const result = compute(
      compared,
      [
        row("Up", "Nurture", "Up"),
        row("Same", "Evaluate", " same "),
        row("New", "", "New"),
        row("Down", "Act Now", "DOWN"),
        row("Blank", "", ""),
      ],
      withWeights({ trend: 1 }),
    );
    expect(result.signalsUsed).toEqual(["trend"]);
    expect(result.rows.map((r) => r.score)).toEqual([100, 50, 50, 0, 50]);
    expect(result.rows.map((r) => r.reasons)).toEqual([
      "Azure E6 · Small · up from Nurture",
      "Azure E6 · Small",
      "Azure E6 · Small · new this month",
      "Azure E6 · Small · down from Act Now",
      "Azure E6 · Small",
    ]);
    expect(helperColumnsNeeded(compared, DEFAULT_SCORE_SETTINGS)).toEqual(expect.arrayContaining([9, 10]));
  });

  it("weighs 5 by default among the other signals, and drops out (the rest re-weighted) without the columns", () => {
    expect(DEFAULT_SCORE_SETTINGS.weights.trend).toBe(5);
    const rows = [row("Up", "Nurture", "Up"), row("Down", "Act Now", "Down")];
    const withTrend = compute(compared, rows);
    expect(withTrend.signalsUsed).toContain("trend");
    expect((withTrend.rows[0].score as number) - (withTrend.rows[1].score as number)).toBe(
      Math.round((100 * 5) / (60 + 10 + 10 + 10 + 10 + 5)),
    );
    const without = compute(FULL, rows);
    expect(without.signalsMissing).toContain("trend");
    expect(without.rows[0].score).toBe(without.rows[1].score);
    expect(helperColumnsNeeded(FULL, DEFAULT_SCORE_SETTINGS)).not.toContain(9);
    expect(without.rows[0].reasons).not.toMatch(/up from/);
  });
});

describe("formatMoneyShort and headers", () => {
  it("formats amounts compactly", () => {
    expect([950, 1500, 25000, 1_234_567, 2e9, -1200].map(formatMoneyShort)).toEqual([
      "$950",
      "$1.5K",
      "$25K",
      "$1.2M",
      "$2B",
      "-$1.2K",
    ]);
  });
  it("names the five helper columns", () => {
    expect(HELPER_HEADERS).toEqual([
      "Best Cluster",
      "Cluster Band",
      "Top Products",
      "Priority Score",
      "Score Reasons",
    ]);
  });
});
