import { columnsOf, testLayout } from "./testSupport";
import { pivotFieldNames, summarize, summaryColumnsNeeded } from "./summaries";
import type { CellValue, Cluster, ColumnRole, ProductColumns } from "./types";

const layoutOf = (products: ProductColumns[], roles: Partial<Record<ColumnRole, number>>) =>
  testLayout(products, roles);
const columns = (rows: CellValue[][]) => columnsOf(rows);

/** Columns: 0 name, 1 industry, 2 sub segment, 3 Azure cluster, 4 Azure revenue, 5 M365 cluster, 6 M365 revenue. */
const LAYOUT = layoutOf(
  [
    { key: "Azure", label: "Azure", cluster: 3, potentialRevenue: 4 },
    { key: "M365", label: "Microsoft 365", cluster: 5, potentialRevenue: 6 },
  ],
  { accountName: 0, industry: 1, subSegment: 2 },
);

const ROWS: CellValue[][] = [
  ["A", "Retail", "Small", "", "$1K", "", 500],
  ["B", "retail ", "Medium", "", "$1K - $3K", "", ""],
  ["C", "Health", "Small", "", "", "", "n/a"],
  ["", "", "", "", "", "", ""],
  ["D", "", "Small", "", 0.1, "", 0.2],
];
const BEST: (Cluster | "")[] = ["Act Now", "Evaluate", "", "", "Act Now"];

describe("summaryColumnsNeeded", () => {
  it("reads industry, sub segment, every potential revenue column and an identity column", () => {
    expect(summaryColumnsNeeded(LAYOUT)).toEqual([0, 1, 2, 4, 6]);
  });
  it("reads expiring revenue instead in a renewal report", () => {
    const renewal = layoutOf(LAYOUT.products, { customerId: 9, industry: 1, expiringRevenue: 7 });
    expect(summaryColumnsNeeded(renewal)).toEqual([1, 7, 9]);
  });
});

describe("summarize", () => {
  const { byIndustry, bySubSegment } = summarize(LAYOUT, columns(ROWS), BEST, ROWS.length);

  it("counts best clusters per industry, grouping case and spacing variants, skipping blank rows", () => {
    expect(byIndustry?.dimension).toBe("Industry");
    expect(
      byIndustry?.rows.map((r) => [r.key, r.total, r.counts["Act Now"], r.counts.Evaluate, r.counts.Blank]),
    ).toEqual([
      ["Retail", 2, 1, 1, 0],
      ["(blank)", 1, 1, 0, 0],
      ["Health", 1, 0, 0, 1],
    ]);
    expect(byIndustry?.totals).toEqual({
      key: "Total",
      counts: { "Act Now": 2, Evaluate: 1, Nurture: 0, Educate: 0, Blank: 1 },
      total: 4,
      revenue: 3500.3,
    });
  });

  it("sums potential revenue over every product, ranges at their midpoint", () => {
    expect(byIndustry?.revenueLabel).toBe("Potential revenue");
    expect(byIndustry?.rows.map((r) => r.revenue)).toEqual([3500, 0.3, 0]);
  });

  it("builds the same table by sub segment", () => {
    expect(bySubSegment?.dimension).toBe("Sub Segment");
    expect(bySubSegment?.rows.map((r) => [r.key, r.total])).toEqual([
      ["Small", 3],
      ["Medium", 1],
    ]);
  });

  it("gives null tables for missing dimensions and null revenue without revenue columns", () => {
    const layout = layoutOf([{ key: "Azure", label: "Azure", cluster: 3 }], { accountName: 0, industry: 1 });
    const result = summarize(layout, columns(ROWS), BEST, ROWS.length);
    expect(result.bySubSegment).toBeNull();
    expect(result.byIndustry?.revenueLabel).toBeNull();
    expect(result.byIndustry?.totals.revenue).toBeNull();
    expect(result.byIndustry?.totals.total).toBe(4);
  });

  it("uses expiring revenue in a renewal report", () => {
    const layout = layoutOf(LAYOUT.products, { accountName: 0, industry: 1, expiringRevenue: 7 });
    const rows: CellValue[][] = [
      ["A", "Retail", "", "", "$1K", "", "", "$12,000"],
      ["B", "Retail", "", "", "", "", "", "$3K"],
    ];
    const table = summarize(layout, columns(rows), ["Act Now", ""], 2).byIndustry;
    expect(table?.revenueLabel).toBe("Expiring revenue");
    expect(table?.totals.revenue).toBe(15000);
  });
});

describe("pivotFieldNames", () => {
  it("keeps the raw header text and numbers repeats as Excel does", () => {
    expect(pivotFieldNames(["Industry ", "industry ", "AccountName", "", "Industry "])).toEqual([
      "Industry ",
      "industry 2",
      "AccountName",
      "",
      "Industry 3",
    ]);
  });
});
