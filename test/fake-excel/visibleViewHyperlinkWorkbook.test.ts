/**
 * Contract of three members the seller lists use, each against its Office.js reference page:
 * Range.getVisibleView / Excel.RangeView (ExcelApi 1.3), Range.hyperlink / Excel.RangeHyperlink
 * (ExcelApi 1.7) and Excel.createWorkbook (ExcelApi 1.8).
 */
import { createFakeExcel, FakeOfficeError, type CellValue } from "../../src/preview/fake-excel";
import { hyperlinkAt } from "../../src/preview/fake-excel/proxy/hyperlink";

const ROWS: CellValue[][] = [
  ["Account", "Cluster", "Owner"],
  ["Contoso", "Act Now", "Alice"],
  ["Fabrikam", "Nurture", "Bob"],
  ["Northwind", "Evaluate", "Alice"],
  ["Adatum", "Act Now", "Carol"],
];

async function errorOf(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (e) {
    return e as FakeOfficeError;
  }
  throw new Error("expected the batch to fail");
}

describe("Range.getVisibleView", () => {
  it("returns only the rows a filter or the user left visible, and only visible columns", async () => {
    const excel = createFakeExcel();
    const sheet = excel.workbook.addSheet("Report", ROWS);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Report");
      ws.autoFilter.apply("A1:C5", 1, { filterOn: "Values", values: ["Act Now", "Evaluate"] });
      ws.getRange("5:5").rowHidden = true;
      await context.sync();
    });
    expect(sheet.hiddenRows()).toEqual([2, 4]);
    const seen = await excel.run(async (context) => {
      const view = context.workbook.worksheets.getItem("Report").getRange("A2:C5").getVisibleView();
      view.load("values, rowCount, columnCount");
      await context.sync();
      return { values: view.values, rows: view.rowCount, columns: view.columnCount };
    });
    expect(seen).toEqual({
      values: [
        ["Contoso", "Act Now", "Alice"],
        ["Northwind", "Evaluate", "Alice"],
      ],
      rows: 2,
      columns: 3,
    });
    sheet.hiddenColumns.add(1);
    const narrow = await excel.run(async (context) => {
      const view = context.workbook.worksheets.getItem("Report").getRange("A2:C3").getVisibleView();
      view.load("values, columnCount");
      await context.sync();
      return [view.values, view.columnCount];
    });
    expect(narrow).toEqual([[["Contoso", "Alice"]], 2]);
  });

  it("is missing below ExcelApi 1.3", async () => {
    const excel = createFakeExcel({ apiVersion: "1.2" });
    excel.workbook.addSheet("Report", ROWS);
    const error = await errorOf(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Report").getRange("A1:C5").getVisibleView().load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ApiNotFound");
  });
});

describe("Range.hyperlink", () => {
  it("links to a place in the workbook and shows textToDisplay as a value, not a formula", async () => {
    const excel = createFakeExcel();
    const sheet = excel.workbook.addSheet("Index");
    await excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Index").getRange("B2");
      cell.hyperlink = { documentReference: "'Alice'!A1", textToDisplay: "=1+1" };
      await context.sync();
    });
    expect(sheet.cell(1, 1)).toEqual({ value: "=1+1", numberFormat: "General", text: "=1+1" });
    expect(hyperlinkAt(sheet, 1, 1)).toEqual({ documentReference: "'Alice'!A1", textToDisplay: "=1+1" });
    const loaded = await excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Index").getRange("B2");
      cell.load("hyperlink");
      await context.sync();
      return cell.hyperlink;
    });
    expect(loaded.documentReference).toBe("'Alice'!A1");
  });

  it("is missing below ExcelApi 1.7", async () => {
    const excel = createFakeExcel({ apiVersion: "1.6" });
    excel.workbook.addSheet("Index");
    const error = await errorOf(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Index").getRange("A1").hyperlink = {
          documentReference: "'A'!A1",
        };
        await context.sync();
      }),
    );
    expect(error.code).toBe("ApiNotFound");
  });
});

describe("Excel.createWorkbook", () => {
  it("opens a workbook from base64 from ExcelApi 1.8 and is missing below", async () => {
    const excel = createFakeExcel();
    await excel.createWorkbook("UEsDBA==");
    expect(excel.createdWorkbooks).toEqual(["UEsDBA=="]);
    expect((await errorOf(excel.createWorkbook("not base64!"))).code).toBe("InvalidArgument");
    const old = createFakeExcel({ apiVersion: "1.7" });
    expect((await errorOf(old.createWorkbook("UEsDBA=="))).code).toBe("ApiNotFound");
  });
});
