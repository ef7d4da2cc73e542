import {
  DATE_FORMAT,
  dateSerial,
  inferImportDateOrder,
  parseDateText,
  parseNumberText,
  planImport,
  reportMonth,
  reportShortName,
  TEXT_FORMAT,
  uniqueSheetName,
} from "./importPlan";

const HEADER = [
  "PartnerID",
  "CustomerID",
  "TPID",
  "DUNS",
  "AccountName",
  "PostalCode",
  "Country",
  "Phone",
  "OrgSize",
  "AzureCluster",
  "AzureFit",
  "AzureIntent",
  "Azure Potential Revenue",
  "Last Purchase Date",
  "Industry",
  "TransactedInTheLast36Months",
];

function row(overrides: Partial<Record<string, string>>): string[] {
  const base: Record<string, string> = {
    PartnerID: "4123456",
    CustomerID: "12345678901234567890",
    TPID: "0012345",
    DUNS: "012345678",
    AccountName: "Contoso",
    PostalCode: "02134",
    Country: "United States",
    Phone: "+1 425 555 0100",
    OrgSize: "1,250",
    AzureCluster: "Act Now",
    AzureFit: "85",
    AzureIntent: "70",
    "Azure Potential Revenue": "$25,000",
    "Last Purchase Date": "2026-03-31",
    Industry: "Retail",
    TransactedInTheLast36Months: "Yes",
  };
  return HEADER.map((h) => overrides[h] ?? base[h]);
}

function plan(rows: string[][], delimiter = ",") {
  const result = planImport(rows, { delimiter });
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

const kinds = (p: ReturnType<typeof plan>) => Object.fromEntries(p.columns.map((c) => [c.header, c.kind]));

describe("planImport: column types follow the roles", () => {
  test("identity and code columns are text exactly as in the file; scores, revenue and counts numbers; dates serials", () => {
    const p = plan([
      HEADER,
      row({}),
      row({ AccountName: '=HYPERLINK("x")', "Last Purchase Date": "2025-12-01" }),
    ]);
    expect(kinds(p)).toMatchObject({
      PartnerID: "id",
      CustomerID: "id",
      TPID: "id",
      DUNS: "id",
      PostalCode: "id",
      Phone: "id",
      AccountName: "text",
      OrgSize: "number",
      AzureFit: "number",
      "Azure Potential Revenue": "number",
      "Last Purchase Date": "date",
      AzureCluster: "text",
    });
    expect(p.idColumnCount).toBe(6);
    const col = (h: string) => HEADER.indexOf(h);
    const [first, second] = p.dataRows;
    expect(first[col("CustomerID")]).toBe("12345678901234567890");
    expect(first[col("DUNS")]).toBe("012345678");
    expect(first[col("PostalCode")]).toBe("02134");
    expect(first[col("TPID")]).toBe("0012345");
    expect(first[col("OrgSize")]).toBe(1250);
    expect(first[col("Azure Potential Revenue")]).toBe(25000);
    expect(first[col("Last Purchase Date")]).toBe(dateSerial(2026, 3, 31));
    expect(second[col("AccountName")]).toBe('=HYPERLINK("x")');
    expect(p.columns[col("AccountName")].numberFormat).toBe(TEXT_FORMAT);
    expect(p.columns[col("Last Purchase Date")].numberFormat).toBe(DATE_FORMAT);
    expect(p.customerCount).toBe(2);
  });

  test("a number column with one value that does not parse stays text, with a note", () => {
    const p = plan([HEADER, row({}), row({ AzureFit: "High" }), row({ AzureFit: "" })]);
    const fit = p.columns[HEADER.indexOf("AzureFit")];
    expect(fit).toMatchObject({ kind: "text", numberFormat: TEXT_FORMAT });
    expect(fit.note).toMatch(/"AzureFit" stays text: "High"/);
    expect(p.dataRows[0][HEADER.indexOf("AzureFit")]).toBe("85");
    expect(p.notes).toContain(fit.note);
  });

  test("blank and #N/A cells do not stop a number column", () => {
    const p = plan([HEADER, row({ AzureFit: "" }), row({ AzureFit: "#N/A" }), row({ AzureFit: "12.5" })]);
    const fit = HEADER.indexOf("AzureFit");
    expect(p.columns[fit].kind).toBe("number");
    expect(p.dataRows.map((r) => r[fit])).toEqual(["", "#N/A", 12.5]);
  });

  test("a semicolon file reads decimal commas", () => {
    const p = plan([HEADER, row({ "Azure Potential Revenue": "1.234,50" })], ";");
    expect(p.dataRows[0][HEADER.indexOf("Azure Potential Revenue")]).toBe(1234.5);
  });

  test("title rows stay above the header; ragged rows are padded", () => {
    const p = plan([["CloudAscent - Azure"], ["Downloaded 2026-11-25"], HEADER, row({}).slice(0, 10)]);
    expect(p.titleRows).toEqual([
      ["CloudAscent - Azure", ...new Array(HEADER.length - 1).fill("")],
      ["Downloaded 2026-11-25", ...new Array(HEADER.length - 1).fill("")],
    ]);
    expect(p.headerRow).toEqual(HEADER);
    expect(p.dataRows[0]).toHaveLength(HEADER.length);
  });
});

describe("planImport: bad input", () => {
  test("an empty file, a header only, and a file that is not a report are refused with a reason", () => {
    expect(planImport([])).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(planImport([[""], [""]])).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(planImport([HEADER])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no customer rows/),
    });
    const notReport = planImport([
      ["Name", "Email"],
      ["Ann", "a@b.c"],
    ]);
    expect(notReport).toMatchObject({ ok: false });
    if (!notReport.ok) {
      expect(notReport.reason).toMatch(/AccountName, SubSegment, AzureCluster/);
      expect(notReport.reason).toMatch(/"Name", "Email"/);
    }
    const customersOnly = planImport([
      ["AccountName", "Industry", "Country"],
      ["Contoso", "Retail", "US"],
    ]);
    expect(customersOnly.ok || customersOnly.reason).toMatch(/no product cluster, renewal or "Transacted/);
  });

  test("more rows than a sheet holds: says how many, imports nothing", () => {
    const rows = new Array<string[]>(1_048_577).fill(["x"]);
    const result = planImport(rows);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("1,048,577 rows") });
  });
});

describe("date order inference (one order per column)", () => {
  test("day first, month first, ISO, ambiguous and inconsistent columns", () => {
    expect(inferImportDateOrder(["31/03/2026", "01/04/2026", ""])).toEqual({ order: "DMY" });
    expect(inferImportDateOrder(["3/31/2026", "4/1/2026"])).toEqual({ order: "MDY" });
    expect(inferImportDateOrder(["2026-03-31", "31.03.2026", "01.04.2026"])).toEqual({ order: "DMY" });
    expect(inferImportDateOrder(["2026-03-31", "2026-04-01T00:00:00Z"])).toEqual({ order: "ISO" });
    expect(inferImportDateOrder(["01/02/2026", "03/04/2026"])).toMatchObject({ order: null });
    expect(inferImportDateOrder(["31/01/2026", "01/31/2026"])).toMatchObject({
      order: null,
      reason: expect.stringMatching(/day first and others month first/),
    });
    expect(inferImportDateOrder(["soon"])).toMatchObject({ order: null });
  });

  test("values become serials in the column's order; impossible dates are refused", () => {
    expect(parseDateText("01/04/2026", "DMY")).toBe(dateSerial(2026, 4, 1));
    expect(parseDateText("01/04/2026", "MDY")).toBe(dateSerial(2026, 1, 4));
    expect(parseDateText("2026-02-30", "ISO")).toBeNull();
    expect(dateSerial(2026, 11, 25)).toBe(46351);
  });

  test("an ambiguous date column stays text with a note", () => {
    const p = plan([
      HEADER,
      row({ "Last Purchase Date": "01/02/2026" }),
      row({ "Last Purchase Date": "03/04/2026" }),
    ]);
    const date = p.columns[HEADER.indexOf("Last Purchase Date")];
    expect(date.kind).toBe("text");
    expect(date.note).toMatch(/day or the month comes first/);
    expect(p.dataRows[0][HEADER.indexOf("Last Purchase Date")]).toBe("01/02/2026");
  });
});

describe("numbers", () => {
  test("plain amounts parse; IDs over 15 digits, ranges and words do not", () => {
    expect(parseNumberText("$25,000", ".")).toBe(25000);
    expect(parseNumberText("-1,234.5", ".")).toBe(-1234.5);
    expect(parseNumberText("1.5E+3", ".")).toBe(1500);
    expect(parseNumberText("1234567890123456", ".")).toBeNull();
    expect(parseNumberText("$1K - $5K", ".")).toBeNull();
    expect(parseNumberText("12,34", ".")).toBeNull();
    expect(parseNumberText("12,5", ",")).toBe(12.5);
  });
});

describe("sheet names", () => {
  test("report and month, unique, under Excel's rules", () => {
    expect(reportShortName({ reportType: "ai-business" })).toBe("AI Business Solutions");
    expect(reportShortName({ reportType: "unknown" })).toBe("CloudAscent report");
    expect(reportMonth([["Downloaded 2026-11-25"]], "x.csv", new Date())).toBe("2026-11");
    expect(reportMonth([], "report_202603.csv", new Date())).toBe("2026-03");
    expect(reportMonth([], "report.csv", new Date(Date.UTC(2026, 0, 5)))).toBe("2026-01");
    expect(uniqueSheetName("AI Business Solutions", [], "2026-11")).toBe("AI Business Solutions 2026-11");
    expect(uniqueSheetName("AI Business Solutions", ["ai business solutions 2026-11"], "2026-11")).toBe(
      "AI Business 2026-11 (2)",
    );
    const long = uniqueSheetName("Cloud & AI Platform: a/b [very long name]", [], "2026-11");
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).not.toMatch(/[[\]:*?/\\]/);
    expect(long).toMatch(/2026-11$/);
    expect(uniqueSheetName("'x'", [])).toBe("x");
  });
});

describe("decimal mark per column", () => {
  test("a semicolon file with dollar amounts keeps their comma groups", () => {
    const p = plan(
      [HEADER, row({ "Azure Potential Revenue": "$149,820" }), row({ "Azure Potential Revenue": "96,520" })],
      ";",
    );
    const revenue = HEADER.indexOf("Azure Potential Revenue");
    expect(p.dataRows.map((r) => r[revenue])).toEqual([149820, 96520]);
  });
});
