import { actions, createSession } from ".";
import type { ExcelHost } from "../excel/host";
import { createFakeExcel, type FakeExcel } from "../preview/fake-excel";
import { generateReport, SAMPLE_LAYOUTS, type SampleReport } from "../preview/sample-report";
import { MAX_TEXT_FILE_BYTES } from "../domain/textFile";
import { reportFile, type FileEncoding, type ReportFile } from "../../test/support/reportFiles";
import { TODAY } from "../../test/support/workbooks";

function blankWorkbook(): { fake: FakeExcel; session: ReturnType<typeof createSession> } {
  const fake = createFakeExcel();
  fake.workbook.addSheet("Sheet1");
  return { fake, session: createSession(fake, () => TODAY) };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const isoOf = (serial: number) => new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);

/**
 * Every cell of the sheet against the file: title and header rows and every text column hold the
 * file's text exactly (format "@"); identity columns are always text; numbers and dates equal the
 * file's value; no cell is a formula.
 */
function expectSheetMatchesFile(fake: FakeExcel, sheetName: string, file: ReportFile): void {
  const sheet = fake.workbook.sheet(sheetName)!;
  expect(sheet).toBeDefined();
  const width = Math.max(...file.rows.map((r) => r.length));
  const mismatches: string[] = [];
  for (let r = 0; r < file.rows.length; r++) {
    for (let c = 0; c < width; c++) {
      const expected = file.rows[r][c] ?? "";
      const cell = sheet.cell(r, c);
      const where = `row ${r + 1} column ${c + 1}`;
      if (cell.formula !== undefined) mismatches.push(`${where} is a formula: ${cell.formula}`);
      const isTop = r <= file.headerRow;
      const isId = file.idColumns.includes(c);
      if (isTop) {
        if (cell.value !== expected.replace(/\uFEFF/g, "") && !(expected === "" && cell.value === ""))
          mismatches.push(`${where}: ${JSON.stringify(cell.value)} for ${JSON.stringify(expected)}`);
        continue;
      }
      if (isId && cell.numberFormat !== "@")
        mismatches.push(`${where}: ID column formatted ${cell.numberFormat}`);
      if (cell.numberFormat === "@") {
        if (cell.value !== expected)
          mismatches.push(`${where}: ${JSON.stringify(cell.value)} for ${JSON.stringify(expected)}`);
      } else if (expected.trim() === "") {
        if (cell.value !== "") mismatches.push(`${where}: ${JSON.stringify(cell.value)} for a blank`);
      } else if (expected === "#N/A") {
        if (cell.value !== "#N/A") mismatches.push(`${where}: ${JSON.stringify(cell.value)} for #N/A`);
      } else if (cell.numberFormat === "yyyy-mm-dd") {
        const iso = isoOf(cell.value as number);
        const [y, m, d] = iso.split("-").map(Number);
        const parts = expected.split(/[-/.]/).map(Number);
        const ok =
          parts[0] === y
            ? parts[1] === m && parts[2] === d
            : parts.includes(m) && parts.includes(d) && parts[2] === y;
        if (!ok) mismatches.push(`${where}: date ${iso} for ${expected}`);
      } else {
        const n = Number(expected.replace(/[$,]/g, ""));
        if (cell.value !== n)
          mismatches.push(`${where}: ${JSON.stringify(cell.value)} for ${JSON.stringify(expected)}`);
      }
    }
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
}

async function open(session: ReturnType<typeof createSession>, files: { name: string; bytes: Uint8Array }[]) {
  return session.run(actions.openReportFile, { files });
}

const COMBINATIONS: { delimiter: "," | ";" | "\t"; encoding: FileEncoding }[] = [
  { delimiter: ",", encoding: "UTF-8" },
  { delimiter: ";", encoding: "UTF-8 BOM" },
  { delimiter: "\t", encoding: "UTF-16 LE" },
  { delimiter: ",", encoding: "Windows-1252" },
  { delimiter: ";", encoding: "UTF-16 BE" },
];

describe("Open report file: round trip of generated reports through a CSV file", () => {
  const cases = SAMPLE_LAYOUTS.flatMap((layout, i) =>
    [false, true].map((messy, j) => ({ layout, messy, ...COMBINATIONS[(i * 2 + j) % COMBINATIONS.length] })),
  );
  test.each(cases)(
    "$layout messy=$messy, delimiter $delimiter, $encoding",
    async ({ layout, messy, delimiter, encoding }) => {
      const report = generateReport({ layout, rows: 80, seed: 5, messy });
      const file = reportFile(report, { delimiter, encoding });
      const { fake, session } = blankWorkbook();
      const outcome = await open(session, [{ name: `${layout}.csv`, bytes: file.bytes }]);
      if (outcome.status !== "done") throw new Error(outcome.message);
      const [opened] = outcome.data.sheets;
      expect(opened.encoding).toBe(encoding === "UTF-8 BOM" ? "UTF-8" : encoding);
      expect(opened.delimiter).toBe(delimiter);
      expect(fake.workbook.activeSheet.name).toBe(opened.sheetName);
      expect(opened.customers).toBe(report.truth.dataRows - report.truth.blankRows.length);
      expect(opened.idColumns.length).toBeGreaterThanOrEqual(file.idColumns.length);
      expectSheetMatchesFile(fake, opened.sheetName, file);

      // The new sheet is a report the add-in reads, and shows none of the damage of a double-clicked CSV.
      const analysed = await session.run(actions.analyzeSheet, undefined);
      if (analysed.status !== "done") throw new Error(analysed.message);
      expect(analysed.data.sheetName).toBe(opened.sheetName);
      expect(analysed.data.analysis.dataRowCount).toBe(report.truth.dataRows);
      expect(analysed.data.analysis.warnings.filter((w) => w.includes("Open report file"))).toEqual([]);
    },
  );

  test.each(["UTF-8", "UTF-16 LE", "Windows-1252"] as FileEncoding[])(
    "%s: leading zeros, 16-20 digit IDs, accents and a quoted line break arrive as in the file",
    async (encoding) => {
      const report = generateReport({ layout: "renewal", rows: 120, seed: 9, messy: true });
      const file = reportFile(report, { encoding });
      const { fake, session } = blankWorkbook();
      const outcome = await open(session, [{ name: "renewal.csv", bytes: file.bytes }]);
      if (outcome.status !== "done") throw new Error(outcome.message);
      const sheet = fake.workbook.sheet(outcome.data.sheets[0].sheetName)!;
      const header = file.rows[file.headerRow];
      const col = (name: string) => header.findIndex((h) => h.replace(/\uFEFF/g, "") === name);
      const dataRows = file.rows.slice(file.headerRow + 1);
      const valuesOf = (name: string) =>
        dataRows.map((_, i) => sheet.getValue(file.headerRow + 1 + i, col(name)));
      const fileOf = (name: string) => dataRows.map((row) => row[col(name)]);
      // The file really has what Excel would damage, and the sheet holds it unchanged.
      expect(fileOf("DUNS").some((v) => /^0\d{8}$/.test(v))).toBe(true);
      expect(fileOf("PostalCode").some((v) => /^0\d{4}$/.test(v))).toBe(true);
      expect(
        new Set(
          fileOf("TPID")
            .filter(Boolean)
            .map((v) => v.length),
        ),
      ).toEqual(new Set([16, 17, 18, 19, 20]));
      expect(fileOf("Agreement ID").some((v) => /^\d{18}$/.test(v) && !v.endsWith("000"))).toBe(true);
      for (const name of ["DUNS", "PostalCode", "TPID", "Agreement ID", "CustomerID", "AccountName"])
        expect(valuesOf(name)).toEqual(fileOf(name));
      expect(valuesOf("AccountName")[1]).toBe('Café "Müller", Zürich\nEast Campus €');
      expectSheetMatchesFile(fake, sheet.name, file);
    },
  );

  test("dates become real dates in the column's order; a column mixing day-first and month-first stays text", async () => {
    const report = generateReport({ layout: "renewal", rows: 200, seed: 3, messy: true });
    const iso = reportFile(report, { dateStyle: "iso" });
    const { fake, session } = blankWorkbook();
    const first = await open(session, [{ name: "a.csv", bytes: iso.bytes }]);
    if (first.status !== "done") throw new Error(first.message);
    const header = iso.rows[iso.headerRow];
    const endDate = header.indexOf("Agreement End Date");
    const sheet = fake.workbook.sheet(first.data.sheets[0].sheetName)!;
    const r = iso.headerRow + 1;
    expect(sheet.cell(r, endDate).numberFormat).toBe("yyyy-mm-dd");
    expect(typeof sheet.getValue(r, endDate)).toBe("number");
    // ISO dates plus the messy "31/03/2026" and "31.03.2026": the column is day first.
    const dayFirst = iso.rows.findIndex((row) => /^\d{2}[/.]\d{2}[/.]\d{4}$/.test(row[endDate] ?? ""));
    expect(dayFirst).toBeGreaterThan(iso.headerRow);
    const [d, m, y] = iso.rows[dayFirst][endDate].split(/[/.]/).map(Number);
    expect(isoOf(sheet.getValue(dayFirst, endDate) as number)).toBe(
      `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    );

    const us = reportFile(report, { dateStyle: "us" });
    const second = await open(session, [{ name: "b.csv", bytes: us.bytes }]);
    if (second.status !== "done") throw new Error(second.message);
    expect(second.warnings.join(" ")).toMatch(
      /"Agreement End Date" stays text: some dates are day first and others month first/,
    );
    const textSheet = fake.workbook.sheet(second.data.sheets[0].sheetName)!;
    expect(textSheet.cell(r, endDate)).toMatchObject({ numberFormat: "@", value: us.rows[r][endDate] });
  });

  test("the message names customers, file, ID columns, encoding and separator; formula-like names stay text", async () => {
    const report: SampleReport = generateReport({ layout: "ai-business", rows: 50, seed: 2, messy: true });
    const file = reportFile(report, { delimiter: ";", encoding: "UTF-16 LE" });
    const { fake, session } = blankWorkbook();
    const outcome = await open(session, [{ name: "AI Business Nov.csv", bytes: file.bytes }]);
    if (outcome.status !== "done") throw new Error(outcome.message);
    const customers = report.truth.dataRows - report.truth.blankRows.length;
    expect(outcome.message).toBe(
      `Opened ${customers} customers from AI Business Nov.csv; 5 ID columns kept as text. ` +
        'Read as UTF-16 LE, semicolon-separated, into the sheet "AI Business Solutions 2026-11".',
    );
    const account = file.rows[file.headerRow].indexOf("AccountName");
    const sheet = fake.workbook.sheet("AI Business Solutions 2026-11")!;
    for (const row of report.truth.formulaLikeAccountRows) {
      const cell = sheet.cell(file.headerRow + 1 + row, account);
      expect(cell.formula).toBeUndefined();
      expect(String(cell.value)).toMatch(/^[=+\-@]/);
    }
    expect(sheet.frozenRows).toBe(file.headerRow + 1);
  });
});

describe("Open report file: several files, names, cancel and failure", () => {
  test("each file becomes its own sheet with a unique name; the first is activated", async () => {
    const a = reportFile(generateReport({ layout: "azure", rows: 20, seed: 1 }));
    const b = reportFile(generateReport({ layout: "azure", rows: 30, seed: 2 }));
    const { fake, session } = blankWorkbook();
    const outcome = await open(session, [
      { name: "azure_2026-10.csv", bytes: a.bytes },
      { name: "azure_2026-10 (copy).csv", bytes: b.bytes },
    ]);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "Cloud & AI Platform 2026-10",
      "Cloud & AI Platform 2026-10 (2)",
    ]);
    expect(fake.workbook.activeSheet.name).toBe("Cloud & AI Platform 2026-10");
    expect(outcome.message).toMatch(/Opened 20 customers from azure_2026-10.csv.*Opened 30 customers/);
  });

  test("a refused file among several changes nothing", async () => {
    const good = reportFile(generateReport({ layout: "azure", rows: 20, seed: 1 }));
    const { fake, session } = blankWorkbook();
    const outcome = await open(session, [
      { name: "good.csv", bytes: good.bytes },
      { name: "contacts.csv", bytes: new TextEncoder().encode("Name,Email\nAnn,ann@contoso.com\n") },
    ]);
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(/^contacts.csv: This file doesn't look like a CloudAscent report/);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("Cancel part-way removes the half-written sheet", async () => {
    const file = reportFile(generateReport({ layout: "ai-business", rows: 3000, seed: 4, columns: 150 }));
    const { fake, session } = blankWorkbook();
    const abort = new AbortController();
    const progress: string[] = [];
    const outcome = await session.run(
      actions.openReportFile,
      { files: [{ name: "big.csv", bytes: file.bytes }] },
      {
        signal: abort.signal,
        onProgress: (p) => {
          progress.push(p.message);
          if (p.message.startsWith("Writing rows") && p.done > 0) abort.abort();
        },
      },
    );
    expect(outcome.status).toBe("cancelled");
    expect(outcome.message).toMatch(/half-written sheet was removed/);
    expect(progress.length).toBeGreaterThan(1);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  }, 60_000);

  test("Cancel while the file is read changes nothing", async () => {
    const file = reportFile(generateReport({ layout: "azure", rows: 2000, seed: 4, columns: 150 }));
    const { fake, session } = blankWorkbook();
    const abort = new AbortController();
    const outcome = await session.run(
      actions.openReportFile,
      { files: [{ name: "big.csv", bytes: file.bytes }] },
      { signal: abort.signal, onProgress: (p) => p.message.startsWith("Reading big.csv") && abort.abort() },
    );
    expect(outcome.status).toBe("cancelled");
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  }, 60_000);

  test("a failure part-way removes every sheet of the run", async () => {
    const a = reportFile(generateReport({ layout: "azure", rows: 20, seed: 1 }));
    const b = reportFile(generateReport({ layout: "azure", rows: 3000, seed: 2, columns: 150 }));
    const fake = createFakeExcel();
    fake.workbook.addSheet("Sheet1");
    let runs = 0;
    const failing: ExcelHost = {
      run: (batch) => {
        runs++;
        if (runs === 7)
          return Promise.reject(Object.assign(new Error("Lost connection"), { code: "GeneralException" }));
        return fake.run(batch);
      },
      isSetSupported: (n, v) => fake.isSetSupported(n, v),
      documentUrl: () => undefined,
    };
    const session = createSession(failing, () => TODAY);
    const outcome = await open(session, [
      { name: "a.csv", bytes: a.bytes },
      { name: "b.csv", bytes: b.bytes },
    ]);
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/Lost connection/);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  }, 60_000);
});

describe("Open report file: bad input gets a clear message and leaves no sheet", () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ["empty.csv", new Uint8Array(0), /empty\.csv: The file is empty/],
    ["blank.csv", new TextEncoder().encode("\r\n\r\n"), /The file is empty/],
    [
      "header.csv",
      new TextEncoder().encode("CustomerID,AccountName,AzureCluster,TransactedInTheLast36Months\r\n"),
      /header but no customer rows/,
    ],
    [
      "book.xlsx",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
      /book\.xlsx: This is an Excel workbook \(\.xlsx\)/,
    ],
    ["image.csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]), /binary data/],
    [
      "crm.csv",
      new TextEncoder().encode("Account Name,Website,Owner\nContoso,contoso.com,Ann\n"),
      /doesn't look like a CloudAscent report.*such as AccountName, SubSegment, AzureCluster.*"Account Name", "Website", "Owner"/s,
    ],
  ];
  test.each(cases)("%s", async (name, bytes, message) => {
    const { fake, session } = blankWorkbook();
    const outcome = await open(session, [{ name, bytes }]);
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(message);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("a file over the size the pane can hold says the limit and why", async () => {
    const { fake, session } = blankWorkbook();
    const huge = { length: MAX_TEXT_FILE_BYTES + 1 } as unknown as Uint8Array;
    const outcome = await open(session, [{ name: "huge.csv", bytes: huge }]);
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(
      /huge\.csv is 300 MB, over the 300 MB the pane can open: it keeps the whole file/,
    );
    expect(fake.workbook.sheets).toHaveLength(1);
  });

  test("more rows than Excel's 1,048,576: says how many and imports nothing", async () => {
    const header = "CustomerID,AccountName,AzureCluster,TransactedInTheLast36Months\n";
    const text = header + "1,Contoso,Act Now,Yes\n".repeat(1_048_576);
    const { fake, session } = blankWorkbook();
    const outcome = await open(session, [{ name: "too-long.csv", bytes: new TextEncoder().encode(text) }]);
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(
      /1,048,577 rows, more than the 1,048,576 rows an Excel sheet holds. Nothing was imported/,
    );
    expect(fake.workbook.sheets).toHaveLength(1);
  }, 60_000);

  test("no file picked", async () => {
    const { session } = blankWorkbook();
    expect(await open(session, [])).toMatchObject({
      status: "refused",
      message: expect.stringMatching(/Pick a report file/),
    });
  });
});
