/**
 * Contract tests: where the in-memory Excel is as strict as Excel, each with its source. The add-in
 * relies on these behaviours (issue 10), so a kinder fake would hide real failures.
 */
import { FakeOfficeError, createFakeExcel, type CellValue } from "../../src/preview/fake-excel";

async function errorOf(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (e) {
    return e as FakeOfficeError;
  }
  throw new Error("expected the batch to fail");
}

const REPORT: CellValue[][] = [
  ["Account", "Cluster", "Industry ", "industry ", "Revenue"],
  ["Contoso", "Act Now", "Retail", "Retail", 100],
  ["Fabrikam", "Evaluate", "Health", "Health", 250],
  ["Northwind", "ACT NOW", "Retail", "Retail", 75],
  ["Adatum", "Nurture", "Energy", "Energy", 10],
];

function report() {
  const excel = createFakeExcel();
  const sheet = excel.workbook.addSheet("Report", REPORT);
  excel.workbook.addSheet("Summary");
  return { excel, sheet };
}

describe("AutoFilter criteria read back (office-js#1226)", () => {
  it("has one entry per column, null for unused properties, and an empty criterion for unfiltered columns", async () => {
    const { excel } = report();
    const criteria = await excel.run(async (context) => {
      const af = context.workbook.worksheets.getItem("Report").autoFilter;
      af.apply("A1:E5", 1, { filterOn: "Values", values: ["Act Now"] });
      af.load("criteria");
      await context.sync();
      return af.criteria as unknown as Record<string, unknown>[];
    });
    expect(criteria).toHaveLength(5);
    expect(criteria[1]).toMatchObject({
      filterOn: "Values",
      values: ["Act Now"],
      criterion1: null,
      color: null,
    });
    expect(Object.values(criteria[0]).every((v) => v === null)).toBe(true);
  });

  it("apply() rejects criteria read back as they are (null properties) with InvalidArgument", async () => {
    const { excel } = report();
    const error = await errorOf(
      excel.run(async (context) => {
        const af = context.workbook.worksheets.getItem("Report").autoFilter;
        af.apply("A1:E5", 1, { filterOn: "Values", values: ["Act Now"] });
        af.load("criteria");
        await context.sync();
        const saved = af.criteria[1];
        af.clearCriteria();
        af.apply("A1:E5", 1, saved);
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("table column filters read back the same way", async () => {
    const { excel } = report();
    const criteria = await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Report").tables.add("A1:E5", true);
      table.columns.getItemAt(1).filter.applyValuesFilter(["Evaluate"]);
      table.columns.load("items/filter/criteria");
      await context.sync();
      return table.columns.items.map((c) => c.filter.criteria as unknown as Record<string, unknown>);
    });
    expect(criteria[1]).toMatchObject({ filterOn: "Values", values: ["Evaluate"], icon: null });
    expect(Object.values(criteria[0]).every((v) => v === null)).toBe(true);
  });
});

describe("Values filters (MS-XLSB BrtFilter; Excel docs: 'Filter data in a range or table')", () => {
  it("match the displayed text case-insensitively", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      context.workbook.worksheets
        .getItem("Report")
        .autoFilter.apply("A1:E5", 1, { filterOn: "Values", values: ["act now"] });
      await context.sync();
    });
    // "Act Now" and "ACT NOW" stay visible; Evaluate and Nurture are hidden.
    expect(sheet.hiddenRows()).toEqual([2, 4]);
  });
});

describe("PivotTables (excel-notes: hierarchy names; Excel.ErrorCodes.pivotTableRangeConflict)", () => {
  it("name hierarchies from the raw header text and number a repeated header", async () => {
    const { excel } = report();
    const names = await excel.run(async (context) => {
      const pivot = context.workbook.worksheets
        .getItem("Summary")
        .pivotTables.add("P1", "Report!A1:E5", "Summary!A1");
      pivot.hierarchies.load("items/name");
      await context.sync();
      return pivot.hierarchies.items.map((h) => h.name);
    });
    expect(names).toEqual(["Account", "Cluster", "Industry ", "industry 2", "Revenue"]);
  });

  it("refuse a hierarchy named from cleaned header text", async () => {
    const { excel } = report();
    const error = await errorOf(
      excel.run(async (context) => {
        const pivot = context.workbook.worksheets
          .getItem("Summary")
          .pivotTables.add("P1", "Report!A1:E5", "Summary!A1");
        pivot.rowHierarchies.add(pivot.hierarchies.getItem("Industry"));
        await context.sync();
      }),
    );
    expect(error.code).toBe("ItemNotFound");
  });

  it("refuse a PivotTable that would overlap another with PivotTableRangeConflict", async () => {
    const { excel } = report();
    const build = (name: string, at: string) =>
      excel.run(async (context) => {
        const pivot = context.workbook.worksheets
          .getItem("Summary")
          .pivotTables.add(name, "Report!A1:E5", at);
        pivot.rowHierarchies.add(pivot.hierarchies.getItem("Account"));
        pivot.columnHierarchies.add(pivot.hierarchies.getItem("Cluster"));
        pivot.dataHierarchies.add(pivot.hierarchies.getItem("Revenue"));
        await context.sync();
        const range = pivot.layout.getRange();
        range.load("columnCount");
        await context.sync();
        return range.columnCount;
      });
    // Account, 3 clusters (Act Now and ACT NOW are one item) and Grand Total: 5 columns wide, A..E.
    expect(await build("P1", "Summary!A1")).toBe(5);
    expect((await errorOf(build("P2", "Summary!D3"))).code).toBe("PivotTableRangeConflict");
    expect(await build("P3", "Summary!H1")).toBe(5);
  });
});
