import ExcelJS from "exceljs";
import { actions, createSession } from ".";
import { TODAY } from "../../test/support/workbooks";
import { COLUMN_GROUPS, SHEET_TITLES } from "../domain/addinArtifacts";
import { foldHeader } from "../domain/headers";
import { sellerKey, UNASSIGNED } from "../domain/sellers";
import type { CellValue } from "../domain/types";
import { createFakeExcel, type FakeExcel, type SheetModel } from "../preview/fake-excel";
import { hyperlinkAt } from "../preview/fake-excel/proxy/hyperlink";
import { generateReport } from "../preview/sample-report";
import { MANY_SHEETS_REFUSAL } from "./buildSellerLists";

const LONG_OWNER = "Maximilian Alexander Featherstonehaugh-Smythe"; // 45 characters
const OWNERS = [
  LONG_OWNER,
  "Sales/EMEA",
  "[Team] Bob",
  '=HYPERLINK("http://evil.example","x")',
  "alice",
  "Alice ",
  "",
];

/** A generated report with the CRM match's columns on the right, owners assigned round robin. */
function reportWithOwners(rows = 240, owners = OWNERS) {
  const report = generateReport({ layout: "ai-business", rows, seed: 15, messy: false });
  const headerRow = report.truth.headerRow;
  const sheetRows: CellValue[][] = report.rows.map((row, r) => {
    if (r < headerRow) return row;
    if (r === headerRow) return [...row, ...COLUMN_GROUPS.crm];
    const i = r - headerRow - 1;
    return [...row, `CRM-${i}`, `Account ${i}`, owners[i % owners.length], "Domain"];
  });
  // Account names are data from outside: one looks like a formula.
  const nameColumn = sheetRows[headerRow].indexOf("AccountName");
  for (let r = headerRow + 1; r < sheetRows.length; r += 7) sheetRows[r][nameColumn] = `=SUM(${r},1)`;
  const fake = createFakeExcel();
  fake.workbook.addSheet("Report", sheetRows);
  const session = createSession(fake, () => TODAY);
  return { fake, session, report, headerRow };
}

function headerIndex(sheet: SheetModel, headerRow: number, header: string): number {
  const used = sheet.usedRange(true)!;
  const headers = sheet.values(headerRow, 0, 1, used.columnCount)[0];
  const i = headers.findIndex((h) => foldHeader(h) === foldHeader(header));
  if (i < 0) throw new Error(`no ${header}`);
  return i;
}

/** What the seller sheets should hold: visible, non-blank rows of the report by owner key. */
function expectedByOwner(sheet: SheetModel, headerRow: number) {
  const used = sheet.usedRange(true)!;
  const owner = headerIndex(sheet, headerRow, "CRM Owner");
  const name = headerIndex(sheet, headerRow, "AccountName");
  const score = headerIndex(sheet, headerRow, "Priority Score");
  const byOwner = new Map<string, { name: CellValue; score: number }[]>();
  for (let r = headerRow + 1; r < used.row + used.rowCount; r++) {
    if (sheet.isRowHidden(r)) continue;
    const row = sheet.values(r, 0, 1, used.columnCount)[0];
    if (row.every((v) => v === "")) continue;
    const key = sellerKey(row[owner]);
    if (!byOwner.has(key)) byOwner.set(key, []);
    byOwner.get(key)!.push({ name: row[name], score: Number(row[score]) });
  }
  return byOwner;
}

function sellerSheets(fake: FakeExcel) {
  return fake.workbook.sheets.filter((s) => s.getValue(0, 0) === SHEET_TITLES.sellerList);
}

function tableOf(sheet: SheetModel): { headers: CellValue[]; rows: CellValue[][] } {
  const used = sheet.usedRange(true)!;
  const all = sheet.values(0, 0, used.rowCount, used.columnCount);
  return { headers: all[3], rows: all.slice(4) };
}

function noFormulas(sheet: SheetModel): void {
  const used = sheet.usedRange(true)!;
  for (let r = 0; r < used.rowCount; r++)
    for (let c = 0; c < used.columnCount; c++) expect(sheet.getFormula(r, c)).toBeUndefined();
}

async function runAll(session: ReturnType<typeof createSession>, product: string) {
  const analyzed = await session.run(actions.analyzeSheet, undefined);
  if (analyzed.status !== "done") throw new Error(analyzed.message);
  const filtered = await session.run(actions.showActNowEvaluate, { product });
  if (filtered.status !== "done") throw new Error(filtered.message);
}

describe("Seller lists", () => {
  it("splits the customers visible after Act now + Evaluate by CRM Owner: each sheet holds exactly that owner's, best first, as text", async () => {
    const { fake, session, report, headerRow } = reportWithOwners();
    await runAll(session, report.truth.products[0].key);
    const outcome = await session.run(actions.buildSellerLists, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.splitBy).toBe("CRM Owner");

    const reportSheet = fake.workbook.sheet("Report")!;
    const expected = expectedByOwner(reportSheet, headerRow);
    // "alice" and "Alice " are one seller; the blank owner goes to Unassigned.
    expect(expected.size).toBe(6);
    expect(outcome.data.sellers).toHaveLength(6);
    expect(outcome.data.customers).toBe([...expected.values()].reduce((n, list) => n + list.length, 0));

    let formulaLike = 0;
    for (const summary of outcome.data.sellers) {
      const sheet = fake.workbook.sheet(summary.sheetName)!;
      formulaLike += tableOf(sheet).rows.filter((r) => String(r[0]).startsWith("=SUM(")).length;
      expect(sheet.getValue(1, 0)).toBe("Report sheet: Report");
      expect(String(sheet.getValue(2, 0))).toContain(`CRM Owner: ${summary.seller}`);
      const { headers, rows } = tableOf(sheet);
      expect(headers.slice(0, 2)).toEqual(["AccountName", "Domain"]);
      const scoreAt = headers.indexOf("Priority Score");
      const key = summary.seller === UNASSIGNED ? sellerKey("") : sellerKey(summary.seller);
      const want = expected.get(key)!;
      expect(rows.map((r) => r[0]).sort()).toEqual(want.map((w) => w.name).sort());
      const scores = rows.map((r) => r[scoreAt] as number);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(summary.customers).toBe(want.length);
      expect(sheet.frozenRows).toBe(4);
      expect(sheet.autoFilter?.range).toMatchObject({ row: 3, column: 0, rowCount: rows.length + 1 });
      expect(sheet.conditionalFormats.length).toBe(8);
      noFormulas(sheet);
    }

    expect(formulaLike).toBeGreaterThan(0);
    // Hostile owners: names follow Excel's rules; the "=" owner is text everywhere.
    const names = outcome.data.sellers.map((s) => s.sheetName);
    expect(names).toContain(LONG_OWNER.slice(0, 31));
    expect(names).toContain("Sales-EMEA");
    expect(names).toContain("-Team- Bob");
    const evil = outcome.data.sellers.find((s) => s.seller.startsWith("=HYPERLINK"))!;
    expect(evil.sheetName).toBe('=HYPERLINK("http---evil.example');
    const evilSheet = fake.workbook.sheet(evil.sheetName)!;
    expect(evilSheet.getValue(2, 0)).toMatch(/^CRM Owner: =HYPERLINK/);
    expect(evilSheet.numberFormatAt(2, 0)).toBe("@");

    // The index: counts and a link to each seller sheet's A1.
    const index = fake.workbook.sheet("Sellers")!;
    noFormulas(index);
    const { headers, rows } = tableOf(index);
    expect(headers).toEqual(["Seller", "Sheet", "Customers", "Act Now", "Evaluate"]);
    expect(rows.map((r) => r[1])).toEqual(names);
    rows.forEach((row, i) => {
      expect(row[2]).toBe(outcome.data.sellers[i].customers);
      expect(hyperlinkAt(index, 4 + i, 1)?.documentReference).toBe(`'${names[i].replace(/'/g, "''")}'!A1`);
    });
    expect(rows.reduce((n, r) => n + (r[3] as number) + (r[4] as number), 0)).toBe(outcome.data.customers);
    // The report stays the active sheet and its own cells are untouched by the split.
    expect(fake.workbook.activeSheet.name).toBe("Report");
  });

  it("replaces its own sheets on a rerun after a filter change, leaving the user's sheets", async () => {
    const { fake, session, report, headerRow } = reportWithOwners(160, ["Alice", "Bob", "Carol"]);
    fake.workbook.addSheet("Bob", [["my notes"]]);
    await runAll(session, report.truth.products[0].key);
    const first = await session.run(actions.buildSellerLists, {});
    if (first.status !== "done") throw new Error(first.message);
    expect(first.warnings.join(" ")).toMatch(/did not make already has the name of "Bob".*"Bob \(2\)"/);
    expect(fake.workbook.sheet("Bob")!.getValue(0, 0)).toBe("my notes");

    // The user narrows the filter to one Sub Segment, then reruns.
    const reportSheet = fake.workbook.sheet("Report")!;
    const segment = headerIndex(reportSheet, headerRow, "SubSegment");
    const visibleSegment = String(
      reportSheet.getValue(
        [...Array(160).keys()]
          .map((i) => headerRow + 1 + i)
          .find((r) => !reportSheet.isRowHidden(r) && reportSheet.getValue(r, segment) !== "")!,
        segment,
      ),
    );
    const filtered = await session.run(actions.applyValueFilter, {
      column: segment,
      values: [visibleSegment],
    });
    if (filtered.status !== "done") throw new Error(filtered.message);
    const second = await session.run(actions.buildSellerLists, {});
    if (second.status !== "done") throw new Error(second.message);
    expect(second.data.replaced.sort()).toEqual(
      [...first.data.sellers.map((s) => s.sheetName), "Sellers"].sort(),
    );
    const expected = expectedByOwner(reportSheet, headerRow);
    expect(second.data.customers).toBeLessThan(first.data.customers);
    for (const summary of second.data.sellers) {
      const { rows } = tableOf(fake.workbook.sheet(summary.sheetName)!);
      expect(rows.map((r) => r[0]).sort()).toEqual(
        expected
          .get(sellerKey(summary.seller))!
          .map((w) => w.name)
          .sort(),
      );
    }
    // One set of seller sheets, one index, and the user's sheet untouched.
    expect(sellerSheets(fake)).toHaveLength(second.data.sellers.length);
    expect(fake.workbook.sheets.filter((s) => s.getValue(0, 0) === SHEET_TITLES.sellersIndex)).toHaveLength(
      1,
    );
    expect(fake.workbook.sheet("Bob")!.getValue(0, 0)).toBe("my notes");

    // Run from a seller sheet by mistake: refused, nothing changed.
    fake.workbook.setActive(second.data.sellers[0].sheetName);
    const before = fake.workbook.snapshot();
    const onSellerSheet = await session.run(actions.buildSellerLists, {});
    expect(onSellerSheet.status).toBe("refused");
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  it("Reset removes every seller sheet and the index of this report, and nothing of the user's", async () => {
    const { fake, session, report } = reportWithOwners(120, ["Alice", "Bob"]);
    fake.workbook.addSheet("Notes", [["keep me"]]);
    await runAll(session, report.truth.products[0].key);
    const built = await session.run(actions.buildSellerLists, {});
    if (built.status !== "done") throw new Error(built.message);
    expect(sellerSheets(fake).length).toBe(2);
    const reset = await session.run(actions.resetSheet, {});
    if (reset.status !== "done") throw new Error(reset.message);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Report", "Notes"]);
  });

  it("refuses, changing nothing, when no customer is visible or when the split would make more than 100 sheets", async () => {
    const { fake, session, headerRow } = reportWithOwners(150, ["Alice"]);
    await session.run(actions.analyzeSheet, undefined);
    const sheet = fake.workbook.sheet("Report")!;
    const used = sheet.usedRange(true)!;
    sheet.manualHiddenRows.clear();
    for (let r = headerRow + 1; r < used.row + used.rowCount; r++) sheet.manualHiddenRows.add(r);
    const before = fake.workbook.snapshot();
    const none = await session.run(actions.buildSellerLists, {});
    expect(none).toMatchObject({ status: "refused" });
    expect(none.message).toMatch(/No customers are visible on "Report"/);
    expect(fake.workbook.snapshot()).toEqual(before);

    sheet.manualHiddenRows.clear();
    const many = await session.run(actions.buildSellerLists, { column: "AccountName" });
    expect(many.status).toBe("refused");
    expect(many.message.startsWith(MANY_SHEETS_REFUSAL)).toBe(true);
    expect(many.message).toMatch(/more than 100/);
    expect(fake.workbook.sheets).toHaveLength(1);
    const confirmed = await session.run(actions.buildSellerLists, {
      column: "AccountName",
      confirmManySheets: true,
    });
    expect(confirmed.status).toBe("done");
    expect(sellerSheets(fake).length).toBeGreaterThan(50);
  });

  it("leaves out a column the user hid, and refuses to split by a hidden column", async () => {
    const { fake, session, headerRow } = reportWithOwners(80, ["Alice", "Bob"]);
    const sheet = fake.workbook.sheet("Report")!;
    sheet.hiddenColumns.add(headerIndex(sheet, headerRow, "Domain"));
    const outcome = await session.run(actions.buildSellerLists, {});
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.warnings.join(" ")).toMatch(/Left out Domain: hidden on "Report"/);
    expect(tableOf(fake.workbook.sheet("Alice")!).headers).not.toContain("Domain");
    expect(outcome.data.customers).toBe(80);

    sheet.hiddenColumns.add(headerIndex(sheet, headerRow, "CRM Owner"));
    const sheetsBefore = fake.workbook.sheets.length;
    const hidden = await session.run(actions.buildSellerLists, {});
    expect(hidden.status).toBe("refused");
    expect(hidden.message).toMatch(/CRM Owner is hidden/);
    expect(fake.workbook.sheets.length).toBe(sheetsBefore);
  });

  it("opens one seller's list as a new workbook holding that sheet and an About sheet, text kept as text", async () => {
    const { fake, session, report } = reportWithOwners(120);
    await runAll(session, report.truth.products[0].key);
    const built = await session.run(actions.buildSellerLists, {});
    if (built.status !== "done") throw new Error(built.message);
    const evil = built.data.sellers.find((s) => s.seller.startsWith("=HYPERLINK"))!;
    // From the index: the user selects the seller's row, then opens it.
    fake.workbook.setActive("Sellers");
    const row = built.data.sellers.indexOf(evil) + 4;
    fake.workbook.selection = {
      sheet: fake.workbook.sheet("Sellers")!,
      rect: { row, column: 0, rowCount: 1, columnCount: 1 },
    };
    const opened = await session.run(actions.openSellerWorkbook, {});
    if (opened.status !== "done") throw new Error(opened.message);
    expect(opened.data.sheetName).toBe(evil.sheetName);
    expect(fake.createdWorkbooks).toHaveLength(1);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(fake.createdWorkbooks[0], "base64") as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([evil.sheetName, "About"]);
    const ws = book.worksheets[0];
    const source = fake.workbook.sheet(evil.sheetName)!;
    const used = source.usedRange(true)!;
    for (let r = 0; r < used.rowCount; r++) {
      for (let c = 0; c < used.columnCount; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        const want = source.getValue(r, c);
        expect(cell.formula).toBeUndefined();
        expect(cell.value ?? "").toEqual(want);
      }
    }
    expect(ws.getCell(3, 1).type).toBe(ExcelJS.ValueType.String);
    expect(String(ws.getCell(3, 1).value)).toMatch(/^CRM Owner: =HYPERLINK/);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(ws.autoFilter).toBeTruthy();
    expect(String(book.worksheets[1].getCell(1, 1).value)).toBe("About this list");
    expect(opened.data.customers).toBe(evil.customers);
  });

  it("is unavailable where the host lacks Excel.createWorkbook, saying why", async () => {
    const fake = createFakeExcel({ apiVersion: "1.7" });
    fake.workbook.addSheet("Report", [["x"]]);
    const session = createSession(fake, () => TODAY);
    const availability = session.availability(actions.openSellerWorkbook, {
      isReport: true,
      hasClusterColumns: true,
    });
    expect(availability.available).toBe(false);
    expect(availability.reason).toMatch(/Opening a new workbook needs ExcelApi 1.8/);
    const outcome = await session.run(actions.openSellerWorkbook, { sheetName: "Alice" });
    expect(outcome.status).toBe("refused");
  });
});
