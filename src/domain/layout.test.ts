import fc from "fast-check";
import { cohortKind, detectLayout, EMPTY_SHEET_REASON } from "./layout";
import type { CellValue, LayoutResult, ReportLayout } from "./types";

/** Builds data rows from one function per column; columns without one get a plausible text. */
function sheet(
  headers: string[],
  rowCount: number,
  columns: Record<string, (i: number) => CellValue> = {},
): CellValue[][] {
  const rows: CellValue[][] = [headers];
  for (let i = 0; i < rowCount; i++) {
    rows.push(headers.map((h) => (columns[h] ? columns[h](i) : `${h} ${i}`)));
  }
  return rows;
}

const CLUSTERS = ["Act Now", "Evaluate", "Nurture", "Educate"];
const cycle =
  <T>(values: T[]) =>
  (i: number): T =>
    values[i % values.length];
const yesNo = cycle(["Yes", "No", "No"]);
const score = (i: number) => (i * 37) % 101;

function layoutOf(result: LayoutResult): ReportLayout {
  if (!result.ok) throw new Error(`expected a report, got: ${result.reason}`);
  return result.layout;
}

describe("detectLayout: header spellings of every generation", () => {
  it("reads the 2021 spaced Azure report", () => {
    const headers = [
      "MPN ID", "Partner Name", "Customer ID", "Account Name", "Domain", "Org Size", "Industry", "Vertical",
      "Area", "Subsidiary", "Sales Territory", "City", "State", "Postal Code", "Country", "Segment",
      "Sub Segment", "SMC Type Summary", "Nonprofit Status", "Azure Cluster", "Azure Fit", "Azure Intent",
      "Has Azure", "HasAWS", "HasGoogle", "Transacted in the last 36 months",
    ]; // prettier-ignore
    const layout = layoutOf(
      detectLayout(
        sheet(headers, 5, {
          "Azure Cluster": cycle(CLUSTERS),
          "Azure Fit": score,
          "Azure Intent": score,
          "Has Azure": yesNo,
          HasAWS: yesNo,
          HasGoogle: yesNo,
          "Transacted in the last 36 months": yesNo,
        }),
      ),
    );
    expect(layout.headerRow).toBe(0);
    expect(layout.roles).toEqual({
      partnerId: 0, partnerName: 1, customerId: 2, accountName: 3, domain: 4, orgSize: 5, industry: 6,
      vertical: 7, area: 8, subsidiary: 9, salesTerritory: 10, city: 11, state: 12, postalCode: 13,
      country: 14, segment: 15, subSegment: 16, smcType: 17, nonprofit: 18, transacted36: 25,
    }); // prettier-ignore
    expect(layout.products).toEqual([
      { key: "Azure", label: "Azure", cluster: 19, fit: 20, intent: 21, owned: 22 },
    ]);
    expect(layout.ownership).toEqual([23, 24]);
    expect(layout.cohorts).toEqual([]);
    expect(layout.reportType).toBe("azure");
    expect(layout.reportTypeLabel).toBe("Cloud & AI Platform (Azure)");
    expect(layout.warnings).toEqual([]);
  });

  it("reads the 2023 CamelCase Modern Work report with MW_ sales plays", () => {
    const headers = [
      "MPNID", "PartnerName", "CustomerID", "AccountName", "OrgSize", "Industry", "Country", "SubSegment",
      "SMCTypeSummary", "IsNonprofit", "MW_Teams_Phone", "MW_Security_E5", "M365Cluster", "M365Fit",
      "M365Intent", "O365Cluster", "O365Fit", "O365Intent", "HasM365", "HasEA", "HasOpen",
      "MW_HasOpenRenewal", "M365UpsellCustomer", "RecommendedWorkloads", "TransactedInTheLast36months",
    ]; // prettier-ignore
    const layout = layoutOf(
      detectLayout(
        sheet(headers, 6, {
          MW_Teams_Phone: yesNo,
          MW_Security_E5: cycle(["N", "Y"]),
          M365Cluster: cycle(CLUSTERS),
          O365Cluster: cycle(CLUSTERS),
          HasM365: yesNo,
          HasEA: yesNo,
          HasOpen: yesNo,
          MW_HasOpenRenewal: yesNo,
          M365UpsellCustomer: yesNo,
          TransactedInTheLast36months: yesNo,
        }),
      ),
    );
    expect(layout.roles.partnerId).toBe(0);
    expect(layout.roles.smcType).toBe(8);
    expect(layout.roles.nonprofit).toBe(9);
    expect(layout.roles.m365UpsellCustomer).toBe(22);
    expect(layout.roles.recommendedWorkloads).toBe(23);
    expect(layout.roles.transacted36).toBe(24);
    expect(layout.products.map((p) => [p.key, p.cluster, p.fit, p.intent, p.owned])).toEqual([
      ["M365", 12, 13, 14, 18],
      ["O365", 15, 16, 17, undefined],
    ]);
    expect(layout.ownership).toEqual([19, 20, 21]);
    expect(layout.cohorts).toEqual([
      { column: 10, header: "MW_Teams_Phone", kind: "flag" },
      { column: 11, header: "MW_Security_E5", kind: "flag" },
    ]);
    expect(layout.reportType).toBe("ai-business");
  });

  it("reads the current AI Business Solutions report with named cohorts", () => {
    const headers = [
      "\uFEFFMPNID", "CustomerID", "Customer Tenant ID", "TPID", "DUNS", "AccountName", "Website", "OrgSize",
      "Industry", "Vertical", "SubSegment", "SMECTypeSummary", "Secure AI Productivity", "M365Cluster",
      "M365Fit", "M365Intent", "M365_CoPilot_Cluster", "M365_CoPilot_Fit", "M365_CoPilot_Intent",
      "D365 BC Cluster", "D365BCFit", "D365 BC Intent", "SurfaceCluster", "SurfaceFit", "Surface Intent",
      "CopilotSignalExplainability", "Customer Potential Revenue M365", "TransactedInTheLast36Months",
    ]; // prettier-ignore
    const explanation = (i: number) =>
      `Customer grew seats ${i * 3}% last quarter and opened ${i} support cases`;
    const layout = layoutOf(
      detectLayout(
        sheet(headers, 30, {
          "Secure AI Productivity": cycle([
            "Cohort 1 - Migrate to Cloud",
            "Cohort 2 - Secure Foundation",
            "Cohort 3 - Copilot Ready",
            "Cohort 5 - Cross-Sell Next Workload",
          ]),
          M365Cluster: cycle(CLUSTERS),
          M365_CoPilot_Cluster: cycle(CLUSTERS),
          "D365 BC Cluster": cycle(CLUSTERS),
          SurfaceCluster: cycle(CLUSTERS),
          CopilotSignalExplainability: explanation,
          "Customer Potential Revenue M365": cycle(["$1K - $5K", "< $1K", "$100K+"]),
          TransactedInTheLast36Months: yesNo,
        }),
      ),
    );
    expect(layout.rawHeaders[0]).toBe("MPNID");
    expect(layout.roles).toMatchObject({
      partnerId: 0,
      customerId: 1,
      tenantId: 2,
      tpid: 3,
      duns: 4,
      accountName: 5,
      domain: 6,
    });
    expect(layout.roles.smcType).toBe(11);
    expect(layout.products.map((p) => [p.key, p.label, p.cluster, p.fit, p.intent])).toEqual([
      ["M365", "Microsoft 365", 13, 14, 15],
      ["M365 Copilot", "Microsoft 365 Copilot", 16, 17, 18],
      ["D365 BC", "Dynamics 365 Business Central", 19, 20, 21],
      ["Surface", "Surface", 22, 23, 24],
    ]);
    expect(layout.products[0].potentialRevenue).toBe(26);
    expect(layout.cohorts).toEqual([{ column: 12, header: "Secure AI Productivity", kind: "named" }]);
    expect(layout.reportType).toBe("ai-business");
    expect(layout.reportTypeLabel).toBe("AI Business Solutions (Microsoft 365)");
  });

  it("accepts mixed spellings in one file", () => {
    const headers = [
      "Account Name",
      "SubSegment",
      "Org_Size",
      "AzureCluster",
      "Azure Fit",
      "azure-intent",
      "Transacted in the last 36 Months",
    ];
    const layout = layoutOf(detectLayout(sheet(headers, 2, { AzureCluster: cycle(CLUSTERS) })));
    expect(layout.roles).toEqual({ accountName: 0, subSegment: 1, orgSize: 2, transacted36: 6 });
    expect(layout.products).toEqual([{ key: "Azure", label: "Azure", cluster: 3, fit: 4, intent: 5 }]);
  });
});

describe("detectLayout: where the header is", () => {
  it("finds the header below title rows", () => {
    const rows: CellValue[][] = [
      ["CloudAscent - Cloud & AI Platform", "", ""],
      ["Generated 25/05/2025", "", ""],
      ["", "", ""],
      ["AccountName", "AzureCluster", "TransactedInTheLast36Months"],
      ["Contoso", "Act Now", "Yes"],
    ];
    const layout = layoutOf(detectLayout(rows));
    expect(layout.headerRow).toBe(3);
    expect(layout.rawHeaders).toEqual(["AccountName", "AzureCluster", "TransactedInTheLast36Months"]);
  });

  it("picks the row with the most recognised headers", () => {
    const rows: CellValue[][] = [
      ["Account Name", "Azure Cluster", "Country", "", ""],
      ["AccountName", "AzureCluster", "Country", "SubSegment", "Transacted in the last 36 months"],
      ["Contoso", "Evaluate", "US", "Small", "Yes"],
    ];
    expect(layoutOf(detectLayout(rows)).headerRow).toBe(1);
  });

  it("does not look below row 20", () => {
    const rows: CellValue[][] = Array.from({ length: 20 }, (_, i) => [`Title line ${i + 1}`, "", ""]);
    rows.push(["AccountName", "AzureCluster", "TransactedInTheLast36Months"]);
    const result = detectLayout(rows);
    expect(result.ok).toBe(false);
  });

  it("renames blank and duplicate headers and says so", () => {
    const rows: CellValue[][] = [
      ["AccountName", "", "Industry", "industry", "AzureCluster", "Industry", "TransactedInTheLast36Months"],
      ["Contoso", "x", "Retail", "Retail", "Act Now", "Retail", "Yes"],
    ];
    const layout = layoutOf(detectLayout(rows));
    expect(layout.headers).toEqual([
      "AccountName",
      "Column 2",
      "Industry",
      "industry (2)",
      "AzureCluster",
      "Industry (3)",
      "TransactedInTheLast36Months",
    ]);
    expect(layout.rawHeaders[1]).toBe("");
    expect(layout.roles.industry).toBe(2);
    expect(layout.warnings).toContain('One column has no header; it is called "Column 2".');
    expect(layout.warnings).toContain(
      'The header "Industry" appears 3 times; the copies are called "industry (2)", "Industry (3)".',
    );
  });

  it("accepts a header with no data rows, with a warning", () => {
    const layout = layoutOf(
      detectLayout([["AccountName", "SubSegment", "AzureCluster", "AzureFit", "AzureIntent"]]),
    );
    expect(layout.headerRow).toBe(0);
    expect(layout.warnings).toContain("The report has a header but no data rows below it.");
  });

  it("warns about missing expected columns", () => {
    const layout = layoutOf(
      detectLayout(sheet(["Country", "Industry", "SurfaceCluster"], 2, { SurfaceCluster: cycle(CLUSTERS) })),
    );
    expect(layout.warnings).toEqual([
      "No customer identity column (such as AccountName, CustomerID, TPID or Customer Tenant ID): customers can only be told apart by their row.",
      'No "SubSegment" column: customers cannot be grouped by size (Upper Medium, Medium, Small).',
      'No "Transacted in the last 36 months" column: recent customers cannot be told apart from older ones.',
      "Surface has a cluster column but no Fit or Intent column: its Cluster Band falls back to the bare cluster (A, E, N, ET).",
    ]);
  });

  it("names only the missing half of fit / intent", () => {
    const headers = ["AccountName", "SubSegment", "AzureCluster", "AzureFit", "TransactedInTheLast36Months"];
    const layout = layoutOf(detectLayout(sheet(headers, 1)));
    expect(layout.warnings).toEqual([
      "Azure has a cluster column but no Intent column: its Cluster Band falls back to the bare cluster (A, E, N, ET).",
    ]);
  });
});

describe("detectLayout: cohorts and sales plays", () => {
  const base = ["AccountName", "SubSegment", "AzureCluster", "AzureFit", "AzureIntent"];
  const baseColumns = {
    AzureCluster: cycle(CLUSTERS),
    AzureFit: score,
    AzureIntent: score,
    SubSegment: cycle(["Small", "Medium"]),
  };

  function cohortsOf(extra: Record<string, (i: number) => CellValue>, rowCount = 20) {
    const layout = layoutOf(
      detectLayout(sheet([...base, ...Object.keys(extra)], rowCount, { ...baseColumns, ...extra })),
    );
    return layout.cohorts.map((c) => [c.header, c.kind]);
  }

  it("recognises Yes/No columns with unknown names by shape, in any spelling", () => {
    expect(
      cohortsOf({
        "Migrate Windows Server 2012": yesNo,
        "Fabric Readiness": cycle(["Y", "N", ""]),
        "AVD Candidate": cycle([true, false]),
        Azure_SQL_Modernize: cycle([1, 0, 0]),
        D365_Sales_Growth: cycle(["TRUE", "FALSE"]),
      }),
    ).toEqual([
      ["Migrate Windows Server 2012", "flag"],
      ["Fabric Readiness", "flag"],
      ["AVD Candidate", "flag"],
      ["Azure_SQL_Modernize", "flag"],
      ["D365_Sales_Growth", "flag"],
    ]);
  });

  it("recognises sales plays by header even when the sample is blank", () => {
    expect(
      cohortsOf({
        "Has Transacted EOS Product": () => "",
        "Security Upsell": yesNo,
        "Advanced XDR": yesNo,
        Promos: cycle(["Yes", ""]),
        "Cross-Sell Play": () => null,
      }),
    ).toEqual([
      ["Has Transacted EOS Product", "flag"],
      ["Security Upsell", "flag"],
      ["Advanced XDR", "flag"],
      ["Promos", "flag"],
      ["Cross-Sell Play", "flag"],
    ]);
  });

  it("recognises named cohorts: Secure AI Productivity levels and Surface cohorts", () => {
    expect(
      cohortsOf({
        Level: cycle([
          "Cohort 1 - Migrate to Cloud",
          "Cohort 4 - Grow Copilot",
          "Cohort 5 - Cross-Sell Next Workload",
        ]),
        "Surface Cohort": cycle(["Expand Surface", "Cross-Sell with M365", "Cross-Sell with Copilot"]),
        "Device Motion": cycle(["Expand Surface", "Cross-Sell with M365", ""]),
      }),
    ).toEqual([
      ["Level", "named"],
      ["Surface Cohort", "named"],
      ["Device Motion", "named"],
    ]);
  });

  it("does not take free text, numbers, IDs, plain categories or 0/1 counts for cohorts", () => {
    expect(
      cohortsOf(
        {
          AzureSignalExplainability: (i) =>
            `Consumption grew ${i}% and ${i} new subscriptions were created this quarter`,
          Seats: (i) => i * 10,
          "Opportunity Number": (i) => `OPP-${100000 + i}`,
          "Partner Tier": cycle(["Gold", "Silver"]),
          "Open Cases": cycle([0, 1]),
          "Cohort Notes": (i) =>
            `Called on day ${i}; asked for a proposal and a follow-up meeting in the next weeks`,
        },
        30,
      ),
    ).toEqual([]);
  });

  it("sends Has* ownership and competitor flags to ownership, not cohorts", () => {
    const headers = [
      ...base,
      "HasGoogle",
      "HasAWS",
      "HasEA",
      "HasOpen",
      "Azure_HasOpenRenewal",
      "Has Azure",
      "HasD365",
    ];
    const columns = Object.fromEntries(headers.slice(5).map((h) => [h, yesNo]));
    const layout = layoutOf(detectLayout(sheet(headers, 6, { ...baseColumns, ...columns })));
    expect(layout.cohorts).toEqual([]);
    expect(layout.ownership).toEqual([5, 6, 7, 8, 9, 11]);
    expect(layout.products[0].owned).toBe(10);
  });
});

describe("detectLayout: not a report", () => {
  it("refuses an empty sheet", () => {
    expect(detectLayout([])).toEqual({ ok: false, reason: EMPTY_SHEET_REASON });
    expect(
      detectLayout([
        ["", null],
        [" ", "#N/A"],
      ]),
    ).toEqual({ ok: false, reason: EMPTY_SHEET_REASON });
    expect(EMPTY_SHEET_REASON).toMatch(/^The sheet is empty/);
  });

  it("refuses a budget sheet, even one with a few firmographic words", () => {
    const rows: CellValue[][] = [
      ["FY25 Budget", "", "", "", ""],
      ["Department", "Area", "Country", "Segment", "Q1"],
      ["Marketing", "EMEA", "France", "SMB", 12000],
    ];
    const result = detectLayout(rows);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(
        /^This sheet doesn't look like a CloudAscent report: none of its first 20 rows/,
      );
      expect(result.reason).toContain("Row 2 has customer columns, but no product cluster");
    }
  });

  it("refuses a plain list with a plain reason", () => {
    const result = detectLayout([
      ["Name", "Amount"],
      ["Rent", 1200],
    ]);
    expect(result).toEqual({
      ok: false,
      reason:
        "This sheet doesn't look like a CloudAscent report: none of its first 20 rows has the report's column headers (such as AccountName, SubSegment, AzureCluster). Open the CSV downloaded from Partner Center and try again.",
    });
  });

  it.each([
    [",", "comma"],
    [";", "semicolon"],
  ])("explains a CSV that landed in one column (cells joined by %j)", (sep, name) => {
    const line = ["MPNID", "AccountName", "SubSegment", "AzureCluster", "TransactedInTheLast36Months"].join(
      sep,
    );
    const data = ["123", "Contoso", "Small", "Act Now", "Yes"].join(sep);
    const result = detectLayout([[`\uFEFF${line}`], [data]]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(
        /^The report opened in a single column: the CSV was split with the wrong separator/,
      );
      expect(result.reason).toContain(`Text to Columns > Delimited with ${name}`);
    }
  });
});

describe("detectLayout never throws", () => {
  const cell = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom("Yes", "No", "Act Now", "#N/A", "Cohort 1"),
  );
  const header = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "AccountName",
      "AzureCluster",
      "M365 Fit",
      "SubSegment",
      "HasGoogle",
      "Transacted in the last 36 months",
      "Agreement ID",
      "Promos",
      "",
      "\uFEFF",
    ),
  );

  it("on arbitrary 2D arrays and headers", () => {
    fc.assert(
      fc.property(
        fc.array(header, { maxLength: 12 }),
        fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 }),
        (headers, rows) => {
          const result = detectLayout([headers, ...rows]);
          if (result.ok) {
            expect(result.layout.headers).toHaveLength(result.layout.rawHeaders.length);
            expect(new Set(result.layout.headers.map((h) => h.toLowerCase())).size).toBe(
              result.layout.headers.length,
            );
          } else {
            expect(result.reason.length).toBeGreaterThan(10);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("on input that is not even a 2D array", () => {
    for (const bad of [null, undefined, 42, "text", [null], [[{}], [undefined]]]) {
      expect(() => detectLayout(bad as unknown as CellValue[][])).not.toThrow();
    }
  });
});

describe("detectLayout: the add-in's own helper columns", () => {
  it("are neither products nor cohorts when the sheet is analysed again", () => {
    const headers = [
      "AccountName",
      "SubSegment",
      "AzureCluster",
      "AzureFit",
      "AzureIntent",
      "Best Cluster",
      "Cluster Band",
      "Top Products",
      "Priority Score",
      "Score Reasons",
    ];
    const rows: CellValue[][] = [headers];
    for (let i = 0; i < 20; i++) {
      rows.push([
        "Contoso",
        "Small",
        "Act Now",
        80,
        80,
        "Act Now",
        cycle(["A1", "E5", "N9"])(i),
        cycle(["Azure", "Azure, Microsoft 365"])(i),
        i,
        "Act Now on Azure; upsell",
      ]);
    }
    const layout = layoutOf(detectLayout(rows));
    expect(layout.products.map((p) => p.key)).toEqual(["Azure"]);
    expect(layout.cohorts).toEqual([]);
  });
});

describe("cohortKind", () => {
  it.each<[string, CellValue[], "flag" | "named" | undefined]>([
    ["Azure_Hybrid_Benefit", ["Yes", "No"], "flag"],
    ["Discount Promo", ["Y", ""], "flag"],
    ["MW_Teams_Phone", [1, 0, 0], "flag"],
    ["Open Tickets", [1, 0, 0], undefined],
    ["Promo Count", ["Yes", "No"], undefined],
    ["AgreementID", [], undefined],
    ["Entra ID P1", ["Yes", "No"], "flag"],
    ["Partner Code", ["Y", "N"], undefined],
    ["Upsell Potential Revenue", ["$1K - $5K", "< $1K"], undefined],
    ["Copilot Intent", ["High", "Low"], undefined],
    ["Segment Cohort", ["Small Business", "Startup", "Small Business"], "named"],
    ["Partner Tier", ["Gold", "Silver"], undefined],
  ])("%j with %j -> %s", (header, values, kind) => {
    expect(cohortKind(header, values)).toBe(kind);
  });
});
