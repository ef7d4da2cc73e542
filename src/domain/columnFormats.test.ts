import {
  formatColumnsNeeded,
  formatWarnings,
  inferColumnFormats,
  inferDateOrder,
  inferDecimalMark,
} from "./columnFormats";
import { computeHelperRows, type ScoreSettings } from "./score";
import { summarize } from "./summaries";
import { columnsOf, testLayout } from "./testSupport";
import type { CellValue } from "./types";

describe("inferDateOrder", () => {
  it("takes the order from any date whose day is above 12", () => {
    expect(inferDateOrder(["3/4/2026", "25/12/2026", "", 46000])).toEqual({
      dateOrder: "DMY",
      ambiguous: false,
    });
    expect(inferDateOrder(["3/4/2026", "12/25/2026"])).toEqual({ dateOrder: "MDY", ambiguous: false });
    expect(inferDateOrder(["03-04-2026", "31-01-2026"])).toEqual({ dateOrder: "DMY", ambiguous: false });
  });

  it("reads ISO columns, and dotted dates day-first", () => {
    expect(inferDateOrder(["2026-03-04", "2026-12-25 00:00:00"])).toEqual({
      dateOrder: "ISO",
      ambiguous: false,
    });
    expect(inferDateOrder([46000, 46100, ""])).toEqual({ dateOrder: "ISO", ambiguous: false });
    expect(inferDateOrder(["3.4.2026", "1.2.2026"])).toEqual({ dateOrder: "DMY", ambiguous: false });
  });

  it("flags a column that never tells, and one that contradicts itself", () => {
    const never = inferDateOrder(["3/4/2026", "1/2/2026", "3/4/2026"]);
    expect(never).toMatchObject({ dateOrder: "MDY", ambiguous: true });
    expect(never.note).toMatch(/"3\/4\/2026" could be either/);
    const mixed = inferDateOrder(["25/12/2026", "12/25/2026", "31/1/2026"]);
    expect(mixed).toMatchObject({ dateOrder: "DMY", ambiguous: true });
    expect(mixed.note).toMatch(/mixes day-first and month-first/);
  });
});

describe("inferDecimalMark", () => {
  it("finds a decimal comma from repeated dots or a comma followed by other than three digits", () => {
    expect(inferDecimalMark(["1.234", "1.234.567"])).toEqual({ decimalMark: ",", ambiguous: false });
    expect(inferDecimalMark(["1.234", "12,5"])).toEqual({ decimalMark: ",", ambiguous: false });
    expect(inferDecimalMark(["€ 1.234,50", "€ 950"])).toEqual({ decimalMark: ",", ambiguous: false });
  });

  it("finds a decimal point from cents, repeated commas or both marks", () => {
    expect(inferDecimalMark(["$1,234", "$12.50"])).toEqual({ decimalMark: ".", ambiguous: false });
    expect(inferDecimalMark(["1.234", "1,234,567"])).toEqual({ decimalMark: ".", ambiguous: false });
    expect(inferDecimalMark(["$1,234.56 - $2,000.00"])).toEqual({ decimalMark: ".", ambiguous: false });
  });

  it("says nothing for columns without separators and US thousands, flags a lone dot group", () => {
    expect(inferDecimalMark([25000, "$1K - $5K", "950", ""])).toEqual({ ambiguous: false });
    expect(inferDecimalMark(["$25,000", "$1,000 - $5,000"])).toEqual({ ambiguous: false });
    const dots = inferDecimalMark(["1.234", "5.000"]);
    expect(dots).toMatchObject({ ambiguous: true });
    expect(dots.decimalMark).toBeUndefined();
    expect(dots.note).toMatch(/"1.234" could be a thousand or a fraction/);
    const mixed = inferDecimalMark(["1.234.567", "12.50", "3,5"]);
    expect(mixed).toMatchObject({ ambiguous: true });
    expect(mixed.note).toMatch(/mixes decimal points and decimal commas/);
  });
});

/** 0 name, 1 Azure cluster, 2 revenue, 3 end date, 4 expiring revenue. */
const RENEWAL = testLayout(
  [{ key: "Azure", label: "Azure", cluster: 1, potentialRevenue: 2 }],
  { accountName: 0, agreementEndDate: 3, expiringRevenue: 4, industry: 5 },
  "renewal",
);
RENEWAL.headers = [
  "Account",
  "Azure Cluster",
  "Azure Revenue",
  "Agreement End Date",
  "Expiring Revenue",
  "Industry",
];

describe("inferColumnFormats", () => {
  it("lists the date and money columns with their format, and warns for the ambiguous ones", () => {
    expect(formatColumnsNeeded(RENEWAL)).toEqual([2, 3, 4]);
    const data = columnsOf([
      ["A", "Act Now", "1.234", "3/4/2026", "1.234.567"],
      ["B", "Evaluate", "5.000", "4/5/2026", "2.500"],
    ]);
    const formats = inferColumnFormats(RENEWAL, data);
    expect(formats).toEqual([
      {
        column: 3,
        header: "Agreement End Date",
        kind: "date",
        dateOrder: "MDY",
        ambiguous: true,
        note: expect.any(String),
      },
      { column: 4, header: "Expiring Revenue", kind: "number", decimalMark: ",", ambiguous: false },
      { column: 2, header: "Azure Revenue", kind: "number", ambiguous: true, note: expect.any(String) },
    ]);
    const warnings = formatWarnings(formats);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^Agreement End Date has no date with a day above 12/);
    expect(warnings[1]).toMatch(/^Azure Revenue has no value that shows its decimal mark/);
  });

  it("skips columns that were not read", () => {
    expect(inferColumnFormats(RENEWAL, new Map())).toEqual([]);
  });
});

describe("the inference is used where report numbers and dates are read", () => {
  const TODAY = new Date(Date.UTC(2026, 0, 1));
  const valueOnly: ScoreSettings = {
    products: "all",
    weights: { band: 0, breadth: 0, size: 0, value: 1, recency: 0, trend: 0 },
  };
  const rows: CellValue[][] = [
    // A day-first column: "3/2/2026" is 3 February (33 days away), not 2 March (60 days away).
    ["A", "Act Now", "", "3/2/2026", "1.234", "Retail"],
    ["B", "Act Now", "", "25/12/2026", "1.234.567", "Retail"],
  ];

  it("Score Reasons reads the day-first end date and the decimal-comma expiring revenue", () => {
    const result = computeHelperRows(RENEWAL, columnsOf(rows), rows.length, valueOnly, TODAY);
    expect(result.rows[0].reasons).toBe("Azure A · $1.2K expiring in 33 days");
    expect(result.rows[1].reasons).toBe("Azure A · $1.2M expiring in 358 days");
  });

  it("the summaries add 1.234 as 1,234 in a column that writes 1.234.567", () => {
    const { byIndustry } = summarize(RENEWAL, columnsOf(rows), ["Act Now", "Act Now"], rows.length);
    expect(byIndustry?.totals.revenue).toBe(1234 + 1234567);
  });
});
