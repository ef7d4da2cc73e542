import {
  generateReport,
  SAMPLE_LAYOUTS,
  type CellValue,
  type SampleLayout,
  type SampleReport,
} from "../../src/preview/sample-report";

const CANONICAL = ["Act Now", "Evaluate", "Nurture", "Educate"];
const TRANSACTED_SPELLINGS = [
  "Transactedinthelast36months",
  "TransactedInTheLast36months",
  "TransactedInTheLast36Months",
  "Transacted in the last 36 months",
];

/** Headers each layout must carry (from domain.md and the issue). */
const DOCUMENTED: Record<SampleLayout, string[]> = {
  renewal: [
    "License Program",
    "Agreement ID",
    "Agreement End Date",
    "Expiration Type",
    "Expiring Revenue",
    "RevSumDivisionName",
    "AzureCluster",
    "M365Cluster",
    "D365BCCluster",
    "TPID",
    "Customer Tenant ID",
    "SMECTypeSummary",
  ],
  azure: [
    "Azure Cluster",
    "Azure Fit",
    "Azure Intent",
    "RecommendedWorkloads",
    "Has Azure",
    "HasAWS",
    "HasGoogle",
  ],
  "ai-business": [
    "M365Cluster",
    "M365Fit",
    "M365Intent",
    "M365_CoPilot_Cluster",
    "D365BCCluster",
    "SurfaceCluster",
    "SurfaceFit",
    "Surface Intent",
    "M365UpsellCustomer",
    "Secure AI Productivity",
  ],
  security: [
    "Security Cohort",
    "Has Transacted EOS Product",
    "Security Upsell",
    "Advanced XDR",
    "Promos",
    "Customer Tenant ID",
  ],
  surface: ["Surface Cohort", "SurfaceCluster", "SurfaceFit", "SurfaceIntent", "Has Surface"],
  "modern-work-2021": [
    "MPN ID",
    "Partner Name",
    "Customer ID",
    "Account Name",
    "Org Size",
    "Sub Segment",
    "SMC Type Summary",
    "M365 Cluster",
    "M365 Fit",
    "M365 Intent",
    "O365 Cluster",
  ],
  "azure-2023": [
    "MPNID",
    "PartnerName",
    "CustomerID",
    "AccountName",
    "OrgSize",
    "SubSegment",
    "SMCTypeSummary",
    "IsNonprofit",
    "Azure_Migrate",
    "AzureCluster",
    "AzureFit",
    "AzureIntent",
    "Azure_HasOpenRenewal",
  ],
  "d365-2023": [
    "MPNID",
    "CustomerID",
    "D365BCCluster",
    "D365FOCluster",
    "D365CECluster",
    "PowerAppsCluster",
    "D365_BC_Migrate",
    "D365_CE_Sales",
  ],
};

const FIRMOGRAPHIC_ROLES = [
  "customerId",
  "accountName",
  "domain",
  "orgSize",
  "industry",
  "vertical",
  "country",
  "subSegment",
];

function column(report: SampleReport, header: string): CellValue[] {
  const { headerRow, headers, dataRows } = report.truth;
  const c = headers.indexOf(header);
  if (c < 0) throw new Error(`no column ${header}`);
  const out: CellValue[] = [];
  for (let i = 0; i < dataRows; i++) out.push(report.rows[headerRow + 1 + i][c]);
  return out;
}

/** Test's own reading of a cluster cell (independent of src/domain). */
function canonicalCluster(v: CellValue): string | null {
  if (v === "" || v === null) return null;
  const folded = String(v).trim().replace(/\s+/g, " ").toLowerCase();
  const hit = CANONICAL.find((c) => c.toLowerCase() === folded);
  return hit ?? "unknown";
}

function band(score: number): number {
  return score >= 75 ? 0 : score >= 55 ? 1 : score >= 30 ? 2 : 3;
}

describe("generateReport: shape and determinism", () => {
  test("same options give identical output; another seed gives another report", () => {
    for (const messy of [false, true]) {
      const a = generateReport({ layout: "ai-business", rows: 300, seed: 42, messy });
      const b = generateReport({ layout: "ai-business", rows: 300, seed: 42, messy });
      expect(b.rows).toEqual(a.rows);
      expect(b.truth).toEqual(a.truth);
      const c = generateReport({ layout: "ai-business", rows: 300, seed: 43, messy });
      expect(c.rows).not.toEqual(a.rows);
    }
  });

  test.each(SAMPLE_LAYOUTS)("%s: documented headers, rectangle, truth consistent", (layout) => {
    const report = generateReport({ layout, rows: 200, seed: 7 });
    const { truth, rows } = report;
    expect(truth.layout).toBe(layout);
    expect(truth.headerRow).toBe(0);
    expect(rows[0]).toEqual(truth.headers);
    expect(rows).toHaveLength(201);
    expect(truth.dataRows).toBe(200);
    for (const row of rows) expect(row).toHaveLength(truth.headers.length);
    for (const header of DOCUMENTED[layout]) expect(truth.headers).toContain(header);
    // Natural width ~ 30-60 columns, no duplicate headers.
    expect(truth.headers.length).toBeGreaterThanOrEqual(30);
    expect(truth.headers.length).toBeLessThanOrEqual(60);
    expect(new Set(truth.headers.map((h) => h.toLowerCase())).size).toBe(truth.headers.length);
    // The transacted column is last.
    const last = truth.headers[truth.headers.length - 1];
    expect(TRANSACTED_SPELLINGS).toContain(last);
    expect(truth.roles.transacted36).toBe(last);
    expect(new Set(column(report, last))).toEqual(new Set(["Yes", "No"]));
    // Roles point at real headers; the firmographics are there.
    for (const role of FIRMOGRAPHIC_ROLES) expect(truth.roles[role]).toBeDefined();
    for (const header of Object.values(truth.roles)) expect(truth.headers).toContain(header);
    for (const header of truth.cohortHeaders) expect(truth.headers).toContain(header);
    expect(truth.products.length).toBeGreaterThan(0);
    // Customer ids: GUID-like text, or numbers (TPID-like) in the 2021 spelling.
    const ids = column(report, truth.roles.customerId);
    if (layout === "modern-work-2021") expect(ids.every((v) => typeof v === "number")).toBe(true);
    else
      for (const id of ids)
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBeGreaterThan(190);
    // One row per customer: distinct names, each with a web domain.
    expect(new Set(column(report, truth.roles.accountName)).size).toBe(200);
    for (const domain of column(report, truth.roles.domain)) expect(domain).toMatch(/^[a-z0-9]+(\.[a-z]+)+$/);
    // Clean mode: no blank rows, no formula-like names.
    expect(truth.blankRows).toEqual([]);
    expect(truth.formulaLikeAccountRows).toEqual([]);
    for (const name of column(report, truth.roles.accountName)) expect(String(name)).not.toMatch(/^[=+\-@]/);
  });

  test("tiny reports (0-4 rows), clean or messy, stay consistent", () => {
    for (const rows of [0, 1, 2, 4]) {
      for (const messy of [false, true]) {
        const report = generateReport({ layout: "renewal", rows, seed: 1, messy });
        expect(report.rows).toHaveLength(report.truth.headerRow + 1 + rows);
        expect(report.truth.dataRows).toBe(rows);
        for (const p of report.truth.products) expect(p.clusters).toHaveLength(rows);
      }
    }
  });

  test("the four spellings of the 36-month column are all used across layouts", () => {
    const used = new Set(
      SAMPLE_LAYOUTS.map((layout) => generateReport({ layout, rows: 1 }).truth.roles.transacted36),
    );
    expect(used).toEqual(new Set(TRANSACTED_SPELLINGS));
  });

  test("every cohort column holds Yes/No or a few repeated cohort names", () => {
    for (const layout of SAMPLE_LAYOUTS) {
      const report = generateReport({ layout, rows: 500, seed: 3 });
      for (const header of report.truth.cohortHeaders) {
        const distinct = new Set(column(report, header).filter((v) => v !== ""));
        expect(distinct.size).toBeGreaterThanOrEqual(2);
        expect(distinct.size).toBeLessThanOrEqual(6);
      }
    }
    const security = generateReport({ layout: "security", rows: 2000, seed: 1 });
    expect(column(security, "Security Cohort")).toContain("Cohort 4 - Expand Security");
    const surface = generateReport({ layout: "surface", rows: 2000, seed: 1 });
    expect(new Set(column(surface, "Surface Cohort"))).toEqual(
      new Set(["", "Expand Surface", "Cross-Sell with M365", "Cross-Sell with Copilot"]),
    );
  });

  test("renewal columns: programs, dates as Excel serials near the download date, revenue numbers", () => {
    const report = generateReport({ layout: "renewal", rows: 1000, seed: 5 });
    for (const v of column(report, "Agreement End Date")) {
      expect(typeof v).toBe("number");
      expect(v as number).toBeGreaterThan(46000); // 2025-12
      expect(v as number).toBeLessThan(46800); // 2028
    }
    for (const v of column(report, "Expiring Revenue")) expect(typeof v).toBe("number");
    expect(new Set(column(report, "License Program")).size).toBeGreaterThanOrEqual(4);
  });

  test("2023 spellings: IsNonprofit as booleans, Has* as 1/0; 2021: org size buckets and old sub segments", () => {
    const azure = generateReport({ layout: "azure-2023", rows: 3000, seed: 9 });
    expect(new Set(column(azure, "IsNonprofit"))).toEqual(new Set([true, false]));
    expect(new Set(column(azure, "HasAWS"))).toEqual(new Set([1, 0]));
    const mw = generateReport({ layout: "modern-work-2021", rows: 3000, seed: 9 });
    const sizes = new Set(column(mw, "Org Size"));
    expect(sizes).toContain("1000+");
    expect([...sizes].every((s) => typeof s === "string")).toBe(true);
    const segments = new Set(column(mw, "Sub Segment"));
    expect(segments).toContain("Very Small");
    expect(segments).toContain("Top Unmanaged - User Base");
  });
});

describe("generateReport: clusters, fit and intent", () => {
  const report = generateReport({ layout: "ai-business", rows: 20_000, seed: 11 });

  test("truth clusters match the cluster cells, product by product", () => {
    for (const product of report.truth.products) {
      const cells = column(report, product.clusterHeader);
      expect(product.clusters).toEqual(cells.map(canonicalCluster));
    }
  });

  test("clean mode writes canonical labels only, with the documented skew", () => {
    for (const product of report.truth.products) {
      const cells = column(report, product.clusterHeader);
      const counts = new Map<CellValue, number>();
      for (const c of cells) counts.set(c, (counts.get(c) ?? 0) + 1);
      expect(new Set(counts.keys())).toEqual(new Set([...CANONICAL, ""]));
      const share = (k: string) => (counts.get(k) ?? 0) / cells.length;
      expect(share("Act Now")).toBeCloseTo(0.1, 1);
      expect(share("Evaluate")).toBeCloseTo(0.2, 1);
      expect(share("Nurture")).toBeCloseTo(0.35, 1);
      expect(share("Educate")).toBeCloseTo(0.25, 1);
      expect(share("")).toBeCloseTo(0.1, 1);
    }
  });

  test("fit follows the documented matrix ~98% of the time, with deliberate disagreements", () => {
    const product = report.truth.products.find((p) => p.key === "M365")!;
    const fit = column(report, product.fitHeader!);
    const intent = column(report, product.intentHeader!);
    let scored = 0;
    let agree = 0;
    const isScore = (v: CellValue) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 100;
    const problems: string[] = [];
    product.clusters.forEach((cluster, i) => {
      if (cluster === null) {
        if (fit[i] !== "" || intent[i] !== "") problems.push(`row ${i}: score without cluster`);
        return;
      }
      if (!isScore(fit[i]) || !isScore(intent[i])) problems.push(`row ${i}: ${fit[i]} / ${intent[i]}`);
      scored++;
      if (band(fit[i] as number) === CANONICAL.indexOf(cluster as string)) agree++;
    });
    expect(problems).toEqual([]);
    const disagreeShare = 1 - agree / scored;
    expect(disagreeShare).toBeGreaterThan(0.005);
    expect(disagreeShare).toBeLessThan(0.04);
  });

  test("realistic firmographics: industries, countries, sub segments consistent with size", () => {
    const industries = new Set(column(report, "Industry"));
    for (const i of [
      "Manufacturing",
      "Financial Services",
      "Healthcare",
      "Retail & Consumer Goods",
      "Education",
      "Government",
    ]) {
      expect(industries).toContain(i);
    }
    const size = column(report, "OrgSize");
    const sub = column(report, "SubSegment");
    expect(sub).toEqual(
      size.map((n) => ((n as number) >= 300 ? "Upper Medium" : (n as number) >= 25 ? "Medium" : "Small")),
    );
    // Postal codes as Excel holds them: some US codes lost their leading zero.
    const postal = column(report, "PostalCode");
    expect(postal.some((p) => typeof p === "number" && p < 10000)).toBe(true);
    expect(postal.some((p) => typeof p === "string")).toBe(true);
    // Potential revenue: numbers and range text both present.
    expect(column(report, "D365BC Potential Revenue").some((v) => typeof v === "number")).toBe(true);
    expect(column(report, "M365 Potential Revenue")).toContain("$1K - $5K");
  });
});

describe("generateReport: padding to many columns", () => {
  test("10,000 x 150 generates, unique headers, transacted still last", () => {
    const report = generateReport({ layout: "azure", rows: 10_000, seed: 1, columns: 150 });
    const { headers } = report.truth;
    expect(headers).toHaveLength(150);
    expect(report.rows).toHaveLength(10_001);
    expect(report.rows[10_000]).toHaveLength(150);
    expect(new Set(headers.map((h) => h.toLowerCase())).size).toBe(150);
    expect(headers[149]).toBe("Transacted in the last 36 months");
    expect(headers).toContain("Signal Explainability - M365");
    expect(headers).toContain("Revenue - Windows");
    expect(headers).toContain("HasSalesforce");
    expect(headers).toContain("Teams Phone");
    expect(report.truth.cohortHeaders).toContain("Teams Phone");
    expect(report.truth.cohortHeaders).not.toContain("HasSalesforce");
  });

  test("a column count below the natural width keeps the natural layout", () => {
    const natural = generateReport({ layout: "surface", rows: 10, seed: 2 });
    const small = generateReport({ layout: "surface", rows: 10, seed: 2, columns: 5 });
    expect(small.rows).toEqual(natural.rows);
  });
});

describe("generateReport: messy mode", () => {
  const report = generateReport({ layout: "azure", rows: 3000, seed: 21, messy: true });
  const { truth, rows } = report;
  const dataRows = rows.slice(truth.headerRow + 1);
  const allCells = dataRows.flat();

  test("two title rows, then the header with a BOM glued to its first cell", () => {
    expect(truth.headerRow).toBe(2);
    expect(rows[0][0]).toBe("CloudAscent - Cloud & AI Platform");
    expect(rows[1][0]).toBe("Downloaded 2026-11-25");
    expect(rows[0].slice(1).every((v) => v === "")).toBe(true);
    expect(rows[2]).toEqual(truth.headers);
    expect(truth.headers[0]).toBe("\uFEFFPartnerID");
    expect(truth.roles.partnerId).toBe("\uFEFFPartnerID");
    expect(dataRows).toHaveLength(3000);
  });

  test("fully blank rows are where truth says, and only there", () => {
    expect(truth.blankRows.length).toBeGreaterThanOrEqual(2);
    const blank = dataRows.flatMap((row, i) => (row.every((v) => v === "") ? [i] : []));
    expect(blank).toEqual(truth.blankRows);
    for (const product of truth.products)
      for (const i of truth.blankRows) expect(product.clusters[i]).toBeNull();
  });

  test("stray case and spaces in clusters, unknown values, and truth still matches", () => {
    const product = truth.products[0];
    const cells = column(report, product.clusterHeader);
    expect(product.clusters).toEqual(cells.map(canonicalCluster));
    const odd = cells.filter(
      (c) => c !== "" && !CANONICAL.includes(c as string) && canonicalCluster(c) !== "unknown",
    );
    expect(odd.length).toBeGreaterThan(10);
    expect(odd.some((c) => c !== String(c).trim())).toBe(true);
    expect(odd.some((c) => c === String(c).toUpperCase())).toBe(true);
    expect(cells).toContain("Hot");
    expect(product.clusters.filter((c) => c === "unknown").length).toBeGreaterThan(0);
  });

  test("formula-like account names, exactly on the rows truth lists", () => {
    const names = column(report, truth.roles.accountName);
    const formulaRows = names.flatMap((n, i) => (/^[=+\-@]/.test(String(n)) ? [i] : []));
    expect(formulaRows).toEqual(truth.formulaLikeAccountRows);
    const firsts = new Set(formulaRows.map((i) => String(names[i])[0]));
    expect(firsts).toEqual(new Set(["=", "+", "-", "@"]));
    expect(names.some((n) => String(n).startsWith("=HYPERLINK("))).toBe(true);
  });

  test("numbers as text, band labels, #N/A and blank cells", () => {
    const revenue = column(report, "Azure Potential Revenue");
    expect(revenue.some((v) => typeof v === "string" && /^\$\d{1,3}(,\d{3})+$/.test(v))).toBe(true);
    expect(revenue.some((v) => typeof v === "string" && /^\d{1,3}(,\d{3})+$/.test(v))).toBe(true);
    expect(revenue).toContain("#N/A");
    const fit = column(report, "Azure Fit");
    expect(fit.some((v) => v === "High" || v === "Medium" || v === "Low" || v === "Very Low")).toBe(true);
    expect(fit.some((v) => typeof v === "string" && /^\d+$/.test(v))).toBe(true);
    expect(column(report, "Industry")).toContain("#N/A");
    // Blank cells inside rows that are not blank.
    const blankRows = new Set(truth.blankRows);
    const partial = dataRows.filter((row, i) => !blankRows.has(i) && row.some((v) => v === ""));
    expect(partial.length).toBeGreaterThan(100);
    expect(allCells.length).toBe(3000 * truth.headers.length);
  });

  test("renewal: long agreement ids already cut to 15 significant digits, day-first dates left as text", () => {
    const renewal = generateReport({ layout: "renewal", rows: 3000, seed: 2, messy: true });
    const ids = column(renewal, "Agreement ID").filter((v): v is number => typeof v === "number" && v > 1e15);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(String(id)).toMatch(/^\d{15}000$/);
    const dates = column(renewal, "Agreement End Date");
    expect(dates.some((v) => typeof v === "string" && /^\d{2}[/.]\d{2}[/.]\d{4}$/.test(v))).toBe(true);
    expect(column(renewal, "Expiring Revenue").some((v) => typeof v === "string" && v.startsWith("$"))).toBe(
      true,
    );
  });

  test("every messy kind shows up even in a small report", () => {
    for (const layout of SAMPLE_LAYOUTS) {
      const small = generateReport({ layout, rows: 30, seed: 4, messy: true });
      expect(small.truth.formulaLikeAccountRows.length).toBeGreaterThanOrEqual(4);
      expect(small.truth.blankRows.length).toBeGreaterThanOrEqual(2);
      expect(small.truth.products[0].clusters).toContain("unknown");
      const cells = small.rows.slice(small.truth.headerRow + 1).flat();
      expect(cells).toContain("#N/A");
    }
  });
});
