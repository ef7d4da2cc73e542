// Where the in-memory Excel is as strict as Excel, each behaviour with the page or issue that says so.
// The contract cases (src/preview/contract/cases) record the same behaviours in a real Excel.
import { actions, createSession } from "../../src/actions";
import {
  FakeOfficeError,
  createFakeExcel,
  workbookSnapshot,
  type FakeExcel,
} from "../../src/preview/fake-excel";
import { TODAY, loadSample } from "../support/workbooks";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return (e as FakeOfficeError).code;
  }
  return "no error";
}

function reportExcel(options?: Parameters<typeof createFakeExcel>[0]): FakeExcel {
  const excel = createFakeExcel(options);
  excel.workbook.addSheet("Report", [
    ["Name", "Cluster", "Score"],
    ["Contoso", "Act Now", 0.9],
    ["Fabrikam", "Evaluate", 0.4],
    ["Litware", "act now", 0.7],
  ]);
  return excel;
}

// https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection (ExcelApi 1.2): a protected
// sheet's locked cells (all, by default) refuse changes with AccessDenied; reading is allowed.
describe("a protected sheet refuses every write with AccessDenied", () => {
  const writes: [string, (sheet: Excel.Worksheet, context: Excel.RequestContext) => void][] = [
    ["values", (s) => void (s.getRange("D1").values = [["Helper"]])],
    ["number format", (s) => void (s.getRange("A1:A4").numberFormat = [["@"], ["@"], ["@"], ["@"]])],
    ["formulas", (s) => void (s.getRange("D2").formulas = [["=C2*2"]])],
    ["a sort", (s) => s.getRange("A1:C4").sort.apply([{ key: 2, ascending: false }], false, true)],
    ["clear", (s) => s.getRange("A2:C2").clear()],
    ["a column width", (s) => void (s.getRange("A:A").format.columnWidth = 90)],
    ["autofit", (s) => s.getRange("A:C").format.autofitColumns()],
    ["a fill", (s) => void (s.getRange("A1").format.fill.color = "#FFFF00")],
    ["hiding rows", (s) => void (s.getRange("2:2").rowHidden = true)],
    ["inserting rows", (s) => void s.getRange("2:2").insert("Down")],
    [
      "an AutoFilter",
      (s) => s.autoFilter.apply(s.getRange("A1:C4"), 1, { filterOn: "Values", values: ["Act Now"] }),
    ],
    ["a table", (s) => void s.tables.add("A1:C4", true)],
    ["frozen panes", (s) => s.freezePanes.freezeRows(1)],
    ["a conditional format", (s) => void s.getRange("B2:B4").conditionalFormats.add("ContainsText")],
    [
      "a PivotTable placed on it",
      (s, context) =>
        void s.pivotTables.add("P", context.workbook.worksheets.getItem("Report").getRange("A1:C4"), "F1"),
    ],
  ];

  it.each(writes)("%s", async (_name, write) => {
    const excel = reportExcel();
    excel.workbook.sheet("Report")!.protected = true;
    const before = workbookSnapshot(excel.workbook);
    const code = await codeOf(
      excel.run(async (context) => write(context.workbook.worksheets.getItem("Report"), context)),
    );
    expect(code).toBe("AccessDenied");
    expect(workbookSnapshot(excel.workbook)).toEqual(before);
  });

  it("while reads, the used range, criteria and protection itself still load", async () => {
    const excel = reportExcel();
    excel.workbook.sheet("Report")!.protected = true;
    const read = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const used = sheet.getUsedRange(true).load("address, values");
      sheet.protection.load("protected");
      sheet.autoFilter.load("enabled");
      await context.sync();
      return {
        address: used.address,
        protected: sheet.protection.protected,
        enabled: sheet.autoFilter.enabled,
      };
    });
    expect(read).toEqual({ address: "Report!A1:C4", protected: true, enabled: false });
  });

  it("and the add-in's actions refuse with nothing changed", async () => {
    const { fake, session } = loadSample({ layout: "azure", rows: 60, seed: 4 });
    fake.workbook.sheet("Report")!.protected = true;
    const before = workbookSnapshot(fake.workbook);
    for (const run of [
      () => session.run(actions.addHelperColumns, {}),
      () => session.run(actions.showActNowEvaluate, { product: "any" }),
      () => session.run(actions.prepareForSellers, undefined),
    ]) {
      const outcome = await run();
      expect(outcome.status).not.toBe("done");
      expect(workbookSnapshot(fake.workbook)).toEqual(before);
    }
  });
});

// office-js#360 and office-js#2940: Excel on the web has come back from a reload without the settings an
// add-in stored. `settingsLostOnReload` is the switch; `reload()` is the document opened again.
describe("settings that are lost on reload", () => {
  it("survive a reload by default and are gone after one when the switch is on", async () => {
    const excel = reportExcel();
    const store = () =>
      excel.run(async (context) => {
        context.workbook.settings.add("k", { a: 1 });
        await context.sync();
      });
    const read = () =>
      excel.run(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject("k");
        item.load("value");
        await context.sync();
        return item.isNullObject ? null : (item.value as unknown);
      });
    await store();
    excel.reload();
    expect(await read()).toEqual({ a: 1 });
    excel.workbook.settingsLostOnReload = true;
    excel.reload();
    expect(await read()).toBeNull();
    expect(excel.workbook.sheet("Report")!.getValue(1, 0)).toBe("Contoso");
  });

  it("the add-in rebuilds from the sheet: helper columns again after a lossy reload, then Reset restores", async () => {
    const { fake, session } = loadSample({ layout: "ai-business", rows: 120, seed: 8 });
    const original = workbookSnapshot(fake.workbook);
    const first = await session.run(actions.addHelperColumns, {});
    expect(first.status).toBe("done");
    const withHelpers = workbookSnapshot(fake.workbook);

    fake.workbook.settingsLostOnReload = true;
    fake.reload();
    expect(fake.workbook.settings.size).toBe(0);
    const reopened = createSession(fake, () => TODAY);
    const again = await reopened.run(actions.addHelperColumns, {});
    expect(again.status).toBe("done");
    // Found by their headers, rewritten in place: no second set of helper columns.
    expect(workbookSnapshot(fake.workbook).sheets).toEqual(withHelpers.sheets);

    fake.reload();
    const reset = await createSession(fake, () => TODAY).run(actions.resetSheet, {});
    expect(reset.status).toBe("done");
    expect(workbookSnapshot(fake.workbook).sheets).toEqual(original.sheets);
  });
});

// https://learn.microsoft.com/javascript/api/excel/excel.functions (ExcelApi 1.2) and the COUNTIFS page:
// criteria match whole cells, ignoring case, with * and ? wildcards.
describe("workbook.functions", () => {
  it("COUNTIFS counts whole-cell matches, ignoring case; wildcards reach into the text", async () => {
    const excel = reportExcel();
    const counts = await excel.run(async (context) => {
      const clusters = context.workbook.worksheets.getItem("Report").getRange("B2:B4");
      const results = ["act now", "ACT*", "*now", "?valuate", "<>act now"].map((k) =>
        context.workbook.functions.countIfs(clusters, k).load("value"),
      );
      await context.sync();
      return results.map((r) => r.value);
    });
    expect(counts).toEqual([2, 2, 2, 1, 1]);
  });

  it("COUNTIFS over ranges of different sizes answers #VALUE!", async () => {
    const excel = reportExcel();
    const result = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const r = context.workbook.functions
        .countIfs(sheet.getRange("B2:B4"), "act*", sheet.getRange("C2:C3"), ">0")
        .load("value, error");
      await context.sync();
      return { value: r.value, error: r.error };
    });
    expect(result).toEqual({ value: null, error: "#VALUE!" });
  });

  it("is refused below ExcelApi 1.2 with ApiNotFound", async () => {
    const excel = reportExcel({ apiVersion: "1.1" });
    const code = await codeOf(
      excel.run(async (context) => {
        context.workbook.functions
          .countA(context.workbook.worksheets.getItem("Report").getRange("A:A"))
          .load("value");
        await context.sync();
      }),
    );
    expect(code).toBe("ApiNotFound");
  });
});

// https://learn.microsoft.com/javascript/api/excel/excel.rangeview (ExcelApi 1.3): the visible rows and
// columns of a range; rows a filter hides and hidden columns are left out.
describe("getVisibleView", () => {
  it("counts the rows a filter keeps, header included", async () => {
    const excel = reportExcel();
    const view = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      sheet.autoFilter.apply(sheet.getRange("A1:C4"), 1, { filterOn: "Values", values: ["Evaluate"] });
      sheet.getRange("C:C").columnHidden = true;
      const v = sheet.getRange("A1:C4").getVisibleView().load("rowCount, columnCount, values");
      await context.sync();
      return { rows: v.rowCount, columns: v.columnCount, values: v.values };
    });
    expect(view).toEqual({
      rows: 2,
      columns: 2,
      values: [
        ["Name", "Cluster"],
        ["Fabrikam", "Evaluate"],
      ],
    });
  });

  it("is refused below ExcelApi 1.3 with ApiNotFound", async () => {
    const excel = reportExcel({ apiVersion: "1.2" });
    const code = await codeOf(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Report").getRange("A1:C4").getVisibleView().load("rowCount");
        await context.sync();
      }),
    );
    expect(code).toBe("ApiNotFound");
  });
});

// excel.d.ts: "[Api set: ExcelApi 1.7 for password]" on WorksheetProtection.unprotect.
describe("requirement sets of arguments", () => {
  it("unprotect() is 1.2, unprotect(password) 1.7", async () => {
    const excel = reportExcel({ apiVersion: "1.6" });
    excel.workbook.sheet("Report")!.protected = true;
    expect(
      await codeOf(
        excel.run(async (context) =>
          context.workbook.worksheets.getItem("Report").protection.unprotect("pw"),
        ),
      ),
    ).toBe("ApiNotFound");
    expect(
      await codeOf(
        excel.run(async (context) => context.workbook.worksheets.getItem("Report").protection.unprotect()),
      ),
    ).toBe("no error");
  });

  it("a navigation property is checked when the object it leads to is used (PivotTable.layout is 1.8)", async () => {
    const excel = reportExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const pivot = sheet.pivotTables.add("P", sheet.getRange("A1:C4"), sheet.getRange("F1"));
      pivot.rowHierarchies.add(pivot.hierarchies.getItem("Cluster"));
    });
    // The same workbook opened in Excel 2019: it lists the PivotTable (ExcelApi 1.3), not its layout (1.8).
    const excel2019 = excel.withApiVersion("1.7");
    const layout = (context: Excel.RequestContext) =>
      context.workbook.worksheets
        .getItem("Report")
        .pivotTables.getItem("P")
        .layout.getRange()
        .load("address");
    const name = await excel2019.run(async (context) => {
      const pivot = context.workbook.worksheets.getItem("Report").pivotTables.getItem("P").load("name");
      await context.sync();
      return pivot.name;
    });
    expect(name).toBe("P");
    expect(await codeOf(excel2019.run(async (context) => void layout(context)))).toBe("ApiNotFound");
    expect(await codeOf(excel.run(async (context) => void layout(context)))).toBe("no error");
  });
});
