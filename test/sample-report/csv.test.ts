import Papa from "papaparse";
import {
  excelCellValue,
  excelSerial,
  generateReport,
  openCsvLikeExcel,
  reportToCsv,
  SAMPLE_LAYOUTS,
  type CellValue,
} from "../../src/preview/sample-report";

describe("reportToCsv", () => {
  test("RFC 4180 quoting, booleans as TRUE/FALSE, null as empty, CRLF", () => {
    const csv = reportToCsv([
      ["Name", "Flag", "Note", "Amount"],
      ['Contoso, "East"', true, null, 1234.5],
      ['=HYPERLINK("x")', false, "two\nlines", -3],
    ]);
    expect(csv).toBe(
      'Name,Flag,Note,Amount\r\n"Contoso, ""East""",TRUE,,1234.5\r\n"=HYPERLINK(""x"")",FALSE,"two\nlines",-3',
    );
  });

  test("writes what papaparse's unparse writes (booleans as TRUE/FALSE)", () => {
    for (const layout of SAMPLE_LAYOUTS) {
      const report = generateReport({ layout, rows: 300, seed: 12, messy: true, columns: 70 });
      const excelBooleans = report.rows.map((row) =>
        row.map((v) => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v)),
      );
      expect(reportToCsv(report)).toBe(Papa.unparse(excelBooleans, { newline: "\r\n" }));
      expect(reportToCsv(report, { delimiter: ";" })).toBe(
        Papa.unparse(excelBooleans, { newline: "\r\n", delimiter: ";" }),
      );
    }
  });

  test("BOM and delimiter options", () => {
    const rows: CellValue[][] = [
      ["a", "b"],
      [1, "x"],
    ];
    expect(reportToCsv(rows, { bom: true })).toBe("\uFEFFa,b\r\n1,x");
    expect(reportToCsv(rows, { delimiter: ";" })).toBe("a;b\r\n1;x");
  });
});

describe("openCsvLikeExcel: cell coercions", () => {
  const cases: [string, CellValue][] = [
    ["", ""],
    ["Contoso", "Contoso"],
    ["TRUE", true],
    ["false", false],
    ["Yes", "Yes"],
    ["42", 42],
    ["-3.5", -3.5],
    ["+7", 7],
    ["01234", 1234], // leading zero lost
    ["1,234", 1234], // thousands separator
    ["$25,000", 25000], // currency
    ["-$1,234.50", -1234.5],
    ["(1,200)", -1200], // accounting negative
    ["45%", 0.45],
    ["1.5E+10", 1.5e10],
    ["12345678901234567890", 12345678901234500000], // 15 significant digits
    ["1234567890123456", 1234567890123450],
    ["3/31/2026", 46112], // US date -> serial
    ["2026-11-25", 46351], // ISO date -> serial
    ["31/03/2026", "31/03/2026"], // not a US date: stays text
    ["31.03.2026", "31.03.2026"],
    ["1,23", "1,23"], // misplaced separator: text
    [" 12", " 12"], // padded: text
    ["$1K - $5K", "$1K - $5K"],
    ["< $1K", "< $1K"],
    ["#N/A", "#N/A"],
    ['=HYPERLINK("https://contoso.com","Contoso")', '=HYPERLINK("https://contoso.com","Contoso")'],
    ["+Contoso", "+Contoso"],
    ["-Fabrikam", "-Fabrikam"],
    ["@Tailspin", "@Tailspin"],
    ["1012 AB", "1012 AB"],
    ["100-0001", "100-0001"],
    ["4f1c2a9e-0b7d-4c3e-9a55-123456789abc", "4f1c2a9e-0b7d-4c3e-9a55-123456789abc"],
  ];
  test.each(cases)("%j -> %j", (text, expected) => {
    expect(excelCellValue(text)).toEqual(expected);
  });

  test("semicolon locale swaps the marks: '.' groups, ',' is decimal", () => {
    expect(excelCellValue("1.234,5", ";")).toBe(1234.5);
    expect(excelCellValue("12,5", ";")).toBe(12.5);
    expect(excelCellValue("15263.15", ";")).toBe("15263.15");
    expect(excelCellValue("3/31/2026", ";")).toBe("3/31/2026");
  });

  test("Excel serials of the 1900 date system", () => {
    expect(excelSerial(1900, 1, 1)).toBe(1);
    expect(excelSerial(1900, 2, 28)).toBe(59);
    expect(excelSerial(1900, 3, 1)).toBe(61);
    expect(excelSerial(2026, 1, 1)).toBe(46023);
    expect(excelSerial(2026, 2, 30)).toBeNull();
  });
});

describe("openCsvLikeExcel: files", () => {
  test("strips a BOM at the start of the file only; pads rows to a rectangle; no row for the final newline", () => {
    const rows = openCsvLikeExcel("\uFEFFName,Size\r\nContoso,12,extra\r\n\r\nFabrikam\r\n");
    expect(rows).toEqual([
      ["Name", "Size", ""],
      ["Contoso", 12, "extra"],
      ["", "", ""],
      ["Fabrikam", "", ""],
    ]);
    // A BOM that is not at the start of the file stays in the cell.
    expect(openCsvLikeExcel("Title\n\uFEFFName\n")[1][0]).toBe("\uFEFFName");
  });

  test("quoted fields keep separators, quotes and newlines", () => {
    expect(openCsvLikeExcel('"a,b","say ""hi""","x\r\ny"\n')).toEqual([["a,b", 'say "hi"', "x\r\ny"]]);
  });

  test("a comma CSV opened in a ';' locale lands in one column", () => {
    const report = generateReport({ layout: "azure", rows: 50, seed: 3 });
    const csv = reportToCsv(report);
    const lines = csv.split("\r\n");
    const opened = openCsvLikeExcel(csv, { listSeparator: ";" });
    expect(opened).toHaveLength(51);
    for (const row of opened) expect(row).toHaveLength(1);
    expect(opened[0][0]).toBe(lines[0]);
    expect(String(opened[0][0])).toContain("Azure Cluster,Azure Fit,Azure Intent");
    // Lines that start with a quoted field lose those quotes, as in Excel.
    expect(openCsvLikeExcel('"Contoso, Ltd",12\n', { listSeparator: ";" })).toEqual([["Contoso, Ltd,12"]]);
  });

  test("a ';' CSV opened in a ';' locale splits into columns", () => {
    const rows: CellValue[][] = [
      ["Account", "Revenue"],
      ["Contoso", "1.234,5"],
    ];
    expect(openCsvLikeExcel(reportToCsv(rows, { delimiter: ";" }), { listSeparator: ";" })).toEqual([
      ["Account", "Revenue"],
      ["Contoso", 1234.5],
    ]);
  });

  test("long IDs written as text come back as numbers with precision lost", () => {
    const rows: CellValue[][] = [
      ["Agreement ID", "TPID"],
      ["1234567890123456789", "00123"],
    ];
    const opened = openCsvLikeExcel(reportToCsv(rows));
    expect(opened[1][0]).toBe(1234567890123450000);
    expect(opened[1][0]).not.toBe(Number("1234567890123456789"));
    expect(opened[1][1]).toBe(123);
  });
});

describe("round trip: generateReport -> reportToCsv -> openCsvLikeExcel", () => {
  test.each(SAMPLE_LAYOUTS)("%s, clean: every value comes back unchanged", (layout) => {
    const report = generateReport({ layout, rows: 500, seed: 8, columns: 80 });
    expect(openCsvLikeExcel(reportToCsv(report))).toEqual(report.rows);
    // With a BOM at the start of the file (CSV UTF-8), Excel strips it: still unchanged.
    expect(openCsvLikeExcel(reportToCsv(report, { bom: true }))).toEqual(report.rows);
  });

  test.each(SAMPLE_LAYOUTS)("%s, messy: only Excel's coercions change values", (layout) => {
    const report = generateReport({ layout, rows: 2000, seed: 8, messy: true });
    const opened = openCsvLikeExcel(reportToCsv(report));
    expect(opened).toHaveLength(report.rows.length);
    const kinds = new Set<string>();
    const unexplained: string[] = [];
    report.rows.forEach((row, r) => {
      expect(opened[r]).toHaveLength(row.length);
      row.forEach((before, c) => {
        const after = opened[r][c];
        if (Object.is(before, after)) return;
        if (typeof before !== "string" || typeof after !== "number") {
          unexplained.push(`${r},${c}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
          return;
        }
        if (/^\$\d{1,3}(,\d{3})*(\.\d+)?$/.test(before) && Number(before.replace(/[$,]/g, "")) === after) {
          kinds.add("currency text");
        } else if (/^\d{1,3}(,\d{3})+$/.test(before) && Number(before.replace(/,/g, "")) === after) {
          kinds.add("thousands text");
        } else if (/^\d+$/.test(before) && Number(before) === after) {
          kinds.add("number stored as text");
        } else {
          unexplained.push(`${r},${c}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
        }
      });
    });
    expect(unexplained).toEqual([]);
    expect(kinds).toContain("currency text");
    // The BOM glued to the header below the title rows survives.
    expect(opened[report.truth.headerRow][0]).toBe(report.truth.headers[0]);
    expect(String(opened[report.truth.headerRow][0]).charCodeAt(0)).toBe(0xfeff);
    // Formula-like account names come back as text.
    const accountColumn = report.truth.headers.indexOf(report.truth.roles.accountName);
    for (const i of report.truth.formulaLikeAccountRows) {
      expect(opened[report.truth.headerRow + 1 + i][accountColumn]).toMatch(/^[=+\-@]/);
    }
  });
});
