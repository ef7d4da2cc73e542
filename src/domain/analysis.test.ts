import fc from "fast-check";
import { analysisColumnsNeeded, analyzeReport, CSV_WARNING, isCsvUrl } from "./analysis";
import { detectLayout } from "./layout";
import type { CellValue, ColumnValues, ReportLayout } from "./types";

function layoutOf(rows: CellValue[][]): ReportLayout {
  const result = detectLayout(rows);
  if (!result.ok) throw new Error(result.reason);
  return result.layout;
}

/** What the Excel layer would hand over: the needed columns of the rows below the header. */
function read(rows: CellValue[][], layout: ReportLayout): { data: ColumnValues; rowCount: number } {
  const below = rows.slice(layout.headerRow + 1);
  const data = new Map(analysisColumnsNeeded(layout).map((c) => [c, below.map((row) => row[c] ?? "")]));
  return { data, rowCount: below.length };
}

// A small, messy Azure + M365 report.
const HEADERS = [
  "AccountName",
  "SubSegment",
  "AzureCluster",
  "AzureFit",
  "AzureIntent",
  "M365Cluster",
  "M365Fit",
  "M365Intent",
  "Migration Play",
  "Secure AI Productivity",
  "TransactedInTheLast36Months",
];
const ROWS: CellValue[][] = [
  ["CloudAscent - Azure & M365", "", "", "", "", "", "", "", "", "", ""],
  HEADERS,
  ["Contoso", "Small", "Act Now", 80, 90, "", "", "", "Yes", "Cohort 1 - Migrate to Cloud", "Yes"],
  ["Fabrikam", "Medium", "act now ", 80, 70, "", "", "", "No", "Cohort 1 - Migrate to Cloud", "No"],
  ["Tailspin", "Small", "ACT NOW", 76, 60, "", "", "", "Yes", "Cohort 2 - Secure Foundation", "Yes"],
  ["", "", "", "", "", "", "", "", "", "", ""],
  ["Northwind", "Small", "Evaluate ", 60, 50, "", "", "", "No", "", "Yes"],
  ["Adatum", "Small", "Nurture", 40, 20, "", "", "", "", "Cohort 2 - Secure Foundation", "No"],
  ["Woodgrove", "Small", "Educate", 10, 10, "", "", "", "no", "Cohort 1 - Migrate to Cloud", "Yes"],
  ["Litware", "Small", "#N/A", "", "", "", "", "", "No", "", "Yes"],
  ["Proseware", "Small", "Hot", 99, 99, "", "", "", "No", "", "Yes"],
  ["Wingtip", "Small", "tbd", "", "", "", "", "", "No", "", "Yes"],
  ["Humongous", "Small", "Hot", "", "", "", "", "", "No", "", "Yes"],
  ["#N/A", " ", "", "", "", "", "", "", "", "#N/A", ""],
];

describe("analysisColumnsNeeded", () => {
  it("lists every cluster column, every cohort column and one identity column, sorted and unique", () => {
    const layout = layoutOf(ROWS);
    expect(layout.cohorts.map((c) => c.header)).toEqual(["Migration Play", "Secure AI Productivity"]);
    expect(analysisColumnsNeeded(layout)).toEqual([0, 2, 5, 8, 9]);
  });

  it("falls back to customer id, TPID, then tenant id for identity", () => {
    const layout = layoutOf([["TPID", "Customer Tenant ID", "Country", "AzureCluster"]]);
    expect(analysisColumnsNeeded(layout)).toEqual([0, 3]);
    const withId = layoutOf([["Customer Tenant ID", "CustomerID", "TPID", "AzureCluster"]]);
    expect(analysisColumnsNeeded(withId)).toEqual([1, 3]);
  });
});

describe("analyzeReport", () => {
  const layout = layoutOf(ROWS);
  const { data, rowCount } = read(ROWS, layout);
  const analysis = analyzeReport(layout, data, rowCount);

  it("reports the header row, data rows and blank rows", () => {
    expect(analysis.headerRow).toBe(1);
    expect(analysis.dataRowCount).toBe(12);
    // The empty row and the row of "#N/A" / spaces.
    expect(analysis.blankRowCount).toBe(2);
    expect(analysis.reportType).toBe("unknown");
  });

  it("counts messy cluster values per product; blank rows are not Blank clusters", () => {
    const azure = analysis.products[0];
    expect(azure).toMatchObject({ key: "Azure", label: "Azure", column: 2, header: "AzureCluster" });
    expect(azure.counts).toEqual({ "Act Now": 3, Evaluate: 1, Nurture: 1, Educate: 1, Blank: 1, Unknown: 3 });
    expect(azure.unknownValues).toEqual(["Hot", "tbd"]);
    expect(analysis.products[1].counts).toEqual({
      "Act Now": 0,
      Evaluate: 0,
      Nurture: 0,
      Educate: 0,
      Blank: 10,
      Unknown: 0,
    });
  });

  it("counts cohort values by exact text, most frequent first", () => {
    expect(analysis.cohorts).toEqual([
      {
        column: 8,
        header: "Migration Play",
        kind: "flag",
        values: [
          { value: "No", count: 6 },
          { value: "Yes", count: 2 },
          { value: "no", count: 1 },
        ],
      },
      {
        column: 9,
        header: "Secure AI Productivity",
        kind: "named",
        values: [
          { value: "Cohort 1 - Migrate to Cloud", count: 3 },
          { value: "Cohort 2 - Secure Foundation", count: 2 },
        ],
      },
    ]);
  });

  it("warns about unknown cluster values and empty product columns, after the layout warnings", () => {
    expect(analysis.warnings).toEqual([
      ...layout.warnings,
      'AzureCluster has 3 values that are not a cluster: "Hot", "tbd". Expected Act Now, Evaluate, Nurture, Educate or blank.',
      "M365Cluster is blank in every row: this report has no Microsoft 365 clusters.",
    ]);
  });

  it("says 1 value in the singular", () => {
    const rows: CellValue[][] = [
      ["AccountName", "SubSegment", "AzureCluster"],
      ["Contoso", "Small", "Warm"],
      ["Fabrikam", "Small", "Act Now"],
    ];
    const l = layoutOf(rows);
    const { data: d, rowCount: n } = read(rows, l);
    expect(analyzeReport(l, d, n).warnings).toContain(
      'AzureCluster has 1 value that is not a cluster: "Warm". Expected Act Now, Evaluate, Nurture, Educate or blank.',
    );
  });

  it.each([
    ["https://contoso.sharepoint.com/Shared/CloudAscent.csv", true],
    ["C:\\Users\\me\\Downloads\\REPORT.CSV", true],
    ["https://contoso-my.sharepoint.com/report.Csv?web=1&e=abc", true],
    ["https://contoso.sharepoint.com/report.xlsx", false],
    ["https://contoso.sharepoint.com/csv/report.xlsx?name=a.csv", false],
    ["", false],
  ])("CSV warning for %j: %s", (url, csv) => {
    expect(isCsvUrl(url)).toBe(csv);
    expect(analyzeReport(layout, data, rowCount, { documentUrl: url }).warnings.includes(CSV_WARNING)).toBe(
      csv,
    );
  });

  it("handles a header-only report", () => {
    const l = layoutOf([
      ["AccountName", "SubSegment", "AzureCluster", "AzureFit", "AzureIntent", "TransactedInTheLast36Months"],
    ]);
    const a = analyzeReport(l, new Map(), 0);
    expect(a.dataRowCount).toBe(0);
    expect(a.blankRowCount).toBe(0);
    expect(a.products[0].counts).toEqual({
      "Act Now": 0,
      Evaluate: 0,
      Nurture: 0,
      Educate: 0,
      Blank: 0,
      Unknown: 0,
    });
    expect(a.warnings).toEqual(["The report has a header but no data rows below it."]);
  });

  it("treats columns shorter than rowCount as blank below their end", () => {
    const a = analyzeReport(
      layout,
      new Map([
        [2, ["Act Now"]],
        [0, ["Contoso", "Fabrikam"]],
      ]),
      4,
    );
    expect(a.blankRowCount).toBe(2);
    expect(a.products[0].counts).toMatchObject({ "Act Now": 1, Blank: 1 });
  });
});

describe("analyzeReport never throws", () => {
  const cell = fc.oneof(
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom("Act Now", " evaluate", "#N/A", "Yes", "Cohort 1"),
  );
  const header = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "AccountName",
      "CustomerID",
      "AzureCluster",
      "M365_CoPilot_Cluster",
      "SubSegment",
      "Promos",
      "HasAWS",
      "TransactedInTheLast36Months",
      "",
    ),
  );

  it("on arbitrary sheets run through detectLayout", () => {
    fc.assert(
      fc.property(
        fc.array(header, { minLength: 1, maxLength: 10 }),
        fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
        fc.string(),
        (headers, rows, url) => {
          const sheet = [headers, ...rows];
          const result = detectLayout(sheet);
          if (!result.ok) return;
          const { data, rowCount } = read(sheet, result.layout);
          const a = analyzeReport(result.layout, data, rowCount, { documentUrl: url });
          expect(a.dataRowCount).toBe(rowCount);
          expect(a.blankRowCount).toBeLessThanOrEqual(rowCount);
          for (const p of a.products) {
            const total = Object.values(p.counts).reduce((s, n) => s + n, 0);
            expect(total).toBe(rowCount - a.blankRowCount);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("on inconsistent layouts, data and row counts", () => {
    const layout = layoutOf(ROWS);
    const broken = {
      ...layout,
      products: [{ key: "X", label: "X", cluster: 99 }, null],
      cohorts: [{ column: -1 }],
      headers: undefined,
    } as unknown as ReportLayout;
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double({ max: 50 }), fc.constant(Number.NaN)),
        fc.array(fc.tuple(fc.integer({ min: -2, max: 12 }), fc.array(cell, { maxLength: 5 }))),
        (rowCount, columns) => {
          expect(() => analyzeReport(broken, new Map(columns), rowCount)).not.toThrow();
          expect(() => analyzeReport(layout, new Map(columns), rowCount)).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
    expect(() =>
      analyzeReport(null as unknown as ReportLayout, null as unknown as ColumnValues, 3),
    ).not.toThrow();
    // A row count beyond Excel's 1,048,576 rows is capped rather than allocated.
    expect(analyzeReport(layout, new Map(), Number.MAX_SAFE_INTEGER).dataRowCount).toBe(1_048_576);
  });
});
