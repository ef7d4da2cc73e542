import {
  FakeOfficeError,
  createFakeExcel,
  workbookSnapshot,
  type CellValue,
} from "../../src/preview/fake-excel";

async function errorOf(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (e) {
    return e as FakeOfficeError;
  }
  throw new Error("expected the batch to fail");
}

const REPORT: CellValue[][] = [
  ["Account", "Cluster", "Segment", "Revenue"],
  ["Contoso", "Act Now", "SMB", 100],
  ["Fabrikam", "Evaluate", "Enterprise", 250],
  ["Northwind", "Act Now", "Enterprise", 75],
  ["Adatum", "", "SMB", 10],
  ["Litware", "act now", "SMB", 5],
];

function report(options?: Parameters<typeof createFakeExcel>[0]) {
  const excel = createFakeExcel(options);
  const sheet = excel.workbook.addSheet("Report", REPORT);
  return { excel, sheet };
}

describe("AutoFilter", () => {
  it("hides rows whose displayed text is not in the values (case-insensitive, as in Excel); criteria AND across columns", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      const af = context.workbook.worksheets.getItem("Report").autoFilter;
      af.apply("A1:D6", 1, { filterOn: "Values", values: ["Act Now"] });
      await context.sync();
      expect(sheet.hiddenRows()).toEqual([2, 4]);
      af.apply("A1:D6", 2, { filterOn: "Values", values: ["Enterprise"] });
      af.load("enabled, isDataFiltered, criteria");
      await context.sync();
      expect(sheet.hiddenRows()).toEqual([1, 2, 4, 5]);
      expect(af.enabled).toBe(true);
      expect(af.isDataFiltered).toBe(true);
      expect(af.criteria).toHaveLength(4);
      expect(af.criteria[1]).toMatchObject({ filterOn: "Values", values: ["Act Now"] });
      expect(af.criteria[2]).toMatchObject({ filterOn: "Values", values: ["Enterprise"] });
      expect(af.criteria[3]).toMatchObject({ filterOn: null, values: null });
    });
  });

  it('"" in values matches blank cells; custom criteria compare numbers', async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      const af = context.workbook.worksheets.getItem("Report").autoFilter;
      af.apply("A1:D6", 1, { filterOn: "Values", values: [""] });
    });
    expect(sheet.hiddenRows()).toEqual([1, 2, 3, 5]);
    await excel.run(async (context) => {
      const af = context.workbook.worksheets.getItem("Report").autoFilter;
      af.clearCriteria();
      af.apply("A1:D6", 3, { filterOn: "Custom", criterion1: ">=75" });
    });
    expect(sheet.hiddenRows()).toEqual([4, 5]);
  });

  it("clearColumnCriteria, clearCriteria and remove unhide rows", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      const af = context.workbook.worksheets.getItem("Report").autoFilter;
      af.apply("A1:D6", 1, { filterOn: "Values", values: ["Act Now"] });
      af.apply("A1:D6", 2, { filterOn: "Values", values: ["SMB"] });
      af.clearColumnCriteria(2);
      await context.sync();
      expect(sheet.hiddenRows()).toEqual([2, 4]);
      af.clearCriteria();
      await context.sync();
      expect(sheet.hiddenRows()).toEqual([]);
      expect(sheet.autoFilter).not.toBeNull();
      af.remove();
      const range = af.getRangeOrNullObject();
      await context.sync();
      expect(sheet.autoFilter).toBeNull();
      expect(range.isNullObject).toBe(true);
    });
  });

  it("does not re-filter after writes until reapply", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Report");
      ws.autoFilter.apply("A1:D6", 1, { filterOn: "Values", values: ["Act Now"] });
      ws.getRange("B3").values = [["Act Now"]];
      await context.sync();
      expect(sheet.isRowHidden(2)).toBe(true);
      ws.autoFilter.reapply();
      await context.sync();
      expect(sheet.isRowHidden(2)).toBe(false);
    });
  });

  it("a different range replaces the sheet's AutoFilter", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      const af = context.workbook.worksheets.getItem("Report").autoFilter;
      af.apply("A1:D6", 1, { filterOn: "Values", values: ["Act Now"] });
      af.apply("A1:D4", 2, { filterOn: "Values", values: ["SMB"] });
      const range = af.getRange().load("address");
      await context.sync();
      expect(range.address).toBe("Report!A1:D4");
      expect(sheet.hiddenRows()).toEqual([2, 3]);
    });
  });

  it("rejects a sheet AutoFilter over a table", async () => {
    const { excel } = report();
    const error = await errorOf(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Report");
        ws.tables.add("A1:D6", true);
        ws.autoFilter.apply("A1:D6", 1, { filterOn: "Values", values: ["Act Now"] });
      }),
    );
    expect(error.code).toBe("InvalidOperation");
  });

  it("misplaces data written into a filtered range, as Excel does", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Report");
      ws.autoFilter.apply("A1:D6", 1, { filterOn: "Values", values: ["Act Now"] });
      // Intended for rows 2-4 (E2:E4); rows 3 and 5 are hidden ("act now" in row 6 matches).
      ws.getRange("E2:E4").values = [["a"], ["b"], ["c"]];
    });
    expect(sheet.values(1, 4, 6, 1).map((r) => r[0])).toEqual(["a", "", "b", "", "c", ""]);
  });
});

describe("tables", () => {
  it("creates a table, lists it in workbook and worksheet, and reports its ranges", async () => {
    const { excel } = report();
    await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Report").tables.add("A1:D6", true);
      table.load("name");
      const body = table.getDataBodyRange().load("address");
      const header = table.getHeaderRowRange().load("values");
      const all = context.workbook.tables.load("items/name");
      const columns = table.columns.load("items/name");
      await context.sync();
      expect(table.name).toBe("Table1");
      expect(body.address).toBe("Report!A2:D6");
      expect(header.values).toEqual([["Account", "Cluster", "Segment", "Revenue"]]);
      expect(all.items.map((t) => t.name)).toEqual(["Table1"]);
      expect(columns.items.map((c) => c.name)).toEqual(["Account", "Cluster", "Segment", "Revenue"]);
    });
  });

  it("columns.add appends a column to the right, extending the table and overwriting cells there", async () => {
    const { excel, sheet } = report();
    sheet.setValues(0, 4, [["stray"]]);
    await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Report").tables.add("A1:D6", true);
      table.columns.add(undefined, [["Priority"], [1], [2], [3], [4], [5]]);
      const range = table.getRange().load("address");
      await context.sync();
      expect(range.address).toBe("Report!A1:E6");
    });
    expect(sheet.values(0, 4, 3, 1)).toEqual([["Priority"], [1], [2]]);
  });

  it("column filters hide rows; clearFilters shows them; convertToRange keeps the data", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Report").tables.add("A1:D6", true);
      table.columns.getItem("Cluster").filter.applyValuesFilter(["Evaluate"]);
      await context.sync();
      expect(sheet.hiddenRows()).toEqual([1, 3, 4, 5]);
      table.clearFilters();
      await context.sync();
      expect(sheet.hiddenRows()).toEqual([]);
      table.convertToRange();
      await context.sync();
      expect(sheet.tables).toHaveLength(0);
      expect(sheet.getValue(1, 0)).toBe("Contoso");
    });
  });

  it("without headers, inserts a header row above the data", async () => {
    const excel = createFakeExcel();
    const sheet = excel.workbook.addSheet("S", [
      [1, 2],
      [3, 4],
    ]);
    await excel.run(
      async (context) => void context.workbook.worksheets.getItem("S").tables.add("A1:B2", false),
    );
    expect(sheet.values(0, 0, 3, 2)).toEqual([
      ["Column1", "Column2"],
      [1, 2],
      [3, 4],
    ]);
  });

  it("getItem of an unknown column fails with ItemNotFound", async () => {
    const { excel } = report();
    const error = await errorOf(
      excel.run(async (context) => {
        const table = context.workbook.worksheets.getItem("Report").tables.add("A1:D6", true);
        table.columns.getItem("Nope").filter.applyValuesFilter(["x"]);
      }),
    );
    expect(error.code).toBe("ItemNotFound");
  });
});

describe("sort", () => {
  it("moves whole rows (values, formulas, formats) together; stable; blanks last", async () => {
    const { excel, sheet } = report();
    sheet.setCellFormat(1, 0, { bold: true });
    sheet.setCell(1, 3, 100, "=50*2");
    await excel.run(async (context) => {
      context.workbook.worksheets
        .getItem("Report")
        .getRange("A1:D6")
        .sort.apply([{ key: 1, ascending: true }], false, true);
    });
    expect(sheet.values(1, 0, 5, 2)).toEqual([
      ["Contoso", "Act Now"],
      ["Northwind", "Act Now"],
      ["Litware", "act now"],
      ["Fabrikam", "Evaluate"],
      ["Adatum", ""],
    ]);
    expect(sheet.format(1, 0).bold).toBe(true);
    expect(sheet.getFormula(1, 3)).toBe("=50*2");
  });

  it("sorts descending by number", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      context.workbook.worksheets
        .getItem("Report")
        .getRange("A2:D6")
        .sort.apply([{ key: 3, ascending: false }]);
    });
    expect(sheet.values(1, 3, 5, 1).map((r) => r[0])).toEqual([250, 100, 75, 10, 5]);
  });
});

describe("settings", () => {
  it("adds, reads, lists and deletes settings", async () => {
    const excel = createFakeExcel();
    excel.workbook.addSheet("S");
    await excel.run(async (context) => {
      const settings = context.workbook.settings;
      settings.add("state", { filtered: true, columns: [1, 2] });
      const item = settings.getItem("state").load("value");
      const missing = settings.getItemOrNullObject("other");
      const all = settings.load("items/key");
      await context.sync();
      expect(item.value).toEqual({ filtered: true, columns: [1, 2] });
      expect(missing.isNullObject).toBe(true);
      expect(all.items.map((s) => s.key)).toEqual(["state"]);
      item.delete();
    });
    expect(excel.workbook.settings.size).toBe(0);
    const error = await errorOf(
      excel.run(async (context) => {
        context.workbook.settings.getItem("state").load("value");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ItemNotFound");
  });
});

describe("pivot tables", () => {
  it("records the definition and renders counts by row x column, ignoring the AutoFilter", async () => {
    const { excel, sheet } = report();
    const out = excel.workbook.addSheet("Summary");
    sheet.autoFilter = {
      range: { row: 0, column: 0, rowCount: 6, columnCount: 4 },
      criteria: new Map(),
      hidden: new Set([1, 2]),
    };
    await excel.run(async (context) => {
      const source = context.workbook.worksheets.getItem("Report").getRange("A1:D6");
      const pivot = context.workbook.worksheets
        .getItem("Summary")
        .pivotTables.add("ByCluster", source, "Summary!A3");
      pivot.rowHierarchies.add(pivot.hierarchies.getItem("Cluster"));
      pivot.columnHierarchies.add(pivot.hierarchies.getItem("Segment"));
      const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem("Account"));
      data.summarizeBy = "Count";
      await context.sync();
    });
    const snap = workbookSnapshot(excel.workbook).sheets[1].pivotTables[0];
    expect(snap).toMatchObject({
      name: "ByCluster",
      source: "Report!A1:D6",
      destination: "Summary!A3",
      rows: ["Cluster"],
      columns: ["Segment"],
      data: [{ field: "Account", name: "Count of Account", summarizeBy: "Count" }],
    });
    expect(out.values(2, 0, 5, 4)).toEqual([
      ["Cluster", "Enterprise", "SMB", "Grand Total"],
      ["Act Now", 1, 2, 3],
      ["Evaluate", 1, "", 1],
      ["(blank)", "", 1, 1],
      ["Grand Total", 2, 3, 5],
    ]);
  });

  it("sums numeric fields by default", async () => {
    const { excel } = report();
    const out = excel.workbook.addSheet("Summary");
    await excel.run(async (context) => {
      const pivot = context.workbook.worksheets
        .getItem("Summary")
        .pivotTables.add("P", "Report!A1:D6", "Summary!A1");
      pivot.rowHierarchies.add(pivot.hierarchies.getItem("Segment"));
      pivot.dataHierarchies.add(pivot.hierarchies.getItem("Revenue"));
    });
    expect(out.values(0, 0, 4, 2)).toEqual([
      ["Segment", "Sum of Revenue"],
      ["Enterprise", 325],
      ["SMB", 115],
      ["Grand Total", 440],
    ]);
  });

  it("rejects blank headers at add, and unknown hierarchies at sync", async () => {
    const { excel, sheet } = report();
    excel.workbook.addSheet("Summary");
    sheet.setValues(0, 2, [[""]]);
    const duplicate = await errorOf(
      excel.run(
        async (context) =>
          void context.workbook.worksheets
            .getItem("Summary")
            .pivotTables.add("P", "Report!A1:D6", "Summary!A1"),
      ),
    );
    expect(duplicate.code).toBe("InvalidArgument");
    sheet.setValues(0, 2, [["Segment"]]);
    const unknown = await errorOf(
      excel.run(async (context) => {
        const pivot = context.workbook.worksheets
          .getItem("Summary")
          .pivotTables.add("P", "Report!A1:D6", "Summary!A1");
        pivot.rowHierarchies.add(pivot.hierarchies.getItem("Nope"));
      }),
    );
    expect(unknown.code).toBe("ItemNotFound");
  });
});

describe("charts, conditional formats, freeze panes", () => {
  it("records charts with title and position", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Report");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("B1:D6"), "Auto");
      chart.title.text = "Revenue";
      chart.setPosition("F2", "L20");
    });
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        type: "ColumnClustered",
        source: "Report!B1:D6",
        title: "Revenue",
        position: { startCell: "Report!F2", endCell: "Report!L20" },
      }),
    ]);
  });

  it("adds ContainsText and CellValue formats, counts and clears them", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Report").getRange("B2:D6");
      const text = range.conditionalFormats.add("ContainsText");
      text.textComparison.format.fill.color = "lightgreen";
      text.textComparison.rule = { operator: "Contains", text: "Act Now" };
      const value = context.workbook.worksheets
        .getItem("Report")
        .getRange("D2:D6")
        .conditionalFormats.add("CellValue");
      value.cellValue.format.fill.color = "#ffc7ce";
      value.cellValue.rule = { formula1: "=100", operator: "GreaterThan" };
      const count = range.conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(2); // both intersect B2:D6
    });
    expect(sheet.conditionalFill(1, 1)).toBe("#90EE90");
    expect(sheet.conditionalFill(2, 3)).toBe("#FFC7CE");
    expect(sheet.conditionalFill(3, 3)).toBeUndefined();
    expect(sheet.conditionalFill(2, 2)).toBeUndefined();
    await excel.run(async (context) =>
      context.workbook.worksheets.getItem("Report").getRange("A1:D6").conditionalFormats.clearAll(),
    );
    expect(sheet.conditionalFormats).toHaveLength(0);
  });

  it("freezes rows and reports the location", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) => {
      const panes = context.workbook.worksheets.getItem("Report").freezePanes;
      panes.freezeRows(1);
      const location = panes.getLocationOrNullObject().load("address");
      await context.sync();
      expect(location.address).toBe("Report!1:1");
      panes.unfreeze();
      const none = panes.getLocationOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
    expect(sheet.frozenRows).toBe(0);
  });
});

describe("sheets and structure", () => {
  it("adds, renames, activates, moves and deletes sheets; never the last visible one", async () => {
    const { excel } = report();
    await excel.run(async (context) => {
      const added = context.workbook.worksheets.add("Summary");
      added.name = "Act Now";
      added.position = 0;
      added.activate();
    });
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Act Now", "Report"]);
    expect(excel.workbook.activeSheet.name).toBe("Act Now");
    await excel.run(async (context) => context.workbook.worksheets.getItem("Act Now").delete());
    const error = await errorOf(
      excel.run(async (context) => context.workbook.worksheets.getItem("Report").delete()),
    );
    expect(error.code).toBe("InvalidOperation");
  });

  it("inserts and deletes whole rows, moving filters and hidden rows with them", async () => {
    const { excel, sheet } = report();
    sheet.manualHiddenRows.add(3);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Report");
      ws.getRange("1:2").insert("Down");
    });
    expect(sheet.getValue(2, 0)).toBe("Account");
    expect(sheet.hiddenRows()).toEqual([5]);
    await excel.run(async (context) =>
      context.workbook.worksheets.getItem("Report").getRange("1:2").delete("Up"),
    );
    expect(sheet.getValue(0, 0)).toBe("Account");
  });

  it("deletes cells shifting up within the columns only", async () => {
    const { excel, sheet } = report();
    await excel.run(async (context) =>
      context.workbook.worksheets.getItem("Report").getRange("A2").delete("Up"),
    );
    expect(sheet.values(1, 0, 5, 2)).toEqual([
      ["Fabrikam", "Act Now"],
      ["Northwind", "Evaluate"],
      ["Adatum", "Act Now"],
      ["Litware", ""],
      ["", "act now"],
    ]);
  });
});

describe("snapshots", () => {
  it("compare equal after changes are undone and differ otherwise", async () => {
    const { excel } = report();
    const before = workbookSnapshot(excel.workbook);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Report");
      ws.autoFilter.apply("A1:D6", 1, { filterOn: "Values", values: ["Act Now"] });
      ws.getRange("E1:E2").values = [["Score"], [1]];
      context.workbook.settings.add("k", 1);
    });
    expect(workbookSnapshot(excel.workbook)).not.toEqual(before);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Report");
      ws.autoFilter.remove();
      ws.getRange("E:E").clear();
      context.workbook.settings.getItem("k").delete();
    });
    expect(workbookSnapshot(excel.workbook)).toEqual(before);
  });
});
