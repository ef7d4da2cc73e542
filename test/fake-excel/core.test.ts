import { FakeOfficeError, createFakeExcel, type CellValue } from "../../src/preview/fake-excel";

/** Runs a batch and returns the error it rejected with (fails the test if it resolved). */
async function errorOf(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (e) {
    return e as FakeOfficeError;
  }
  throw new Error("expected the batch to fail");
}

function sampleExcel(options?: Parameters<typeof createFakeExcel>[0]) {
  const excel = createFakeExcel(options);
  excel.workbook.addSheet("Report", [
    ["Name", "Cluster", "Score"],
    ["Contoso", "Act Now", 0.9],
    ["Fabrikam", "Evaluate", 0.4],
  ]);
  return excel;
}

describe("proxies, load and sync", () => {
  it("reads values only after load + sync", async () => {
    const excel = sampleExcel();
    const values = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Report").getRange("A1:C3");
      range.load("values, address");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.address).toBe("Report!A1:C3");
      return range.values;
    });
    expect(values[1]).toEqual(["Contoso", "Act Now", 0.9]);
  });

  it("uses Office's wording for an unloaded property", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      range.load("text");
      await context.sync();
      expect(() => range.values).toThrow(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    });
  });

  it("a property that was set but not loaded still throws", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Report").getRange("D1");
      range.values = [["x"]];
      await context.sync();
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("queues writes until sync, applied in order", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Report").getRange("D1");
      range.values = [["first"]];
      range.values = [["second"]];
      expect(excel.workbook.sheet("Report")!.getValue(0, 3)).toBe("");
      await context.sync();
      expect(excel.workbook.sheet("Report")!.getValue(0, 3)).toBe("second");
    });
  });

  it("a load queued before a write sees the old value; after it, the new one", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const before = sheet.getRange("A2").load("values");
      sheet.getRange("A2").values = [["Northwind"]];
      const after = sheet.getRange("A2").load("values");
      await context.sync();
      expect(before.values).toEqual([["Contoso"]]);
      expect(after.values).toEqual([["Northwind"]]);
    });
  });

  it("supports the load forms: string list, array, select object, navigation paths, load()", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const a = context.workbook.worksheets
        .getItem("Report")
        .getRange("A1:B2")
        .load(["rowCount", "columnCount"]);
      const b = context.workbook.worksheets
        .getItem("Report")
        .getRange("A1")
        .load({ select: "rowIndex, columnIndex" });
      const c = context.workbook.worksheets.getItem("Report").getRange("C2").load();
      const d = context.workbook.worksheets.getItem("Report").getRange("A1").load("format/font/bold");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Report"]);
      expect([a.rowCount, a.columnCount]).toEqual([2, 2]);
      expect([b.rowIndex, b.columnIndex]).toEqual([0, 0]);
      expect(c.values).toEqual([[0.9]]);
      expect(c.text).toEqual([["0.9"]]);
      expect(d.format.font.bold).toBe(false);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("getCount returns a ClientResult readable after sync", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(count.value).toBe(1);
    });
  });

  it("run() syncs pending work when the batch resolves, and proxies die with their run", async () => {
    const excel = sampleExcel();
    const range = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Report").getRange("E5");
      r.values = [[42]];
      return r;
    });
    expect(excel.workbook.sheet("Report")!.getValue(4, 4)).toBe(42);
    expect(() => range.load("values")).toThrow(expect.objectContaining({ code: "InvalidOperation" }));
  });

  it("counts syncs (empty syncs cost no round trip)", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem("Report").getRange("A1").load("values");
      await context.sync();
    });
    expect(excel.stats.syncs).toBe(1);
    excel.resetStats();
    expect(excel.stats.syncs).toBe(0);
  });
});

describe("OrNullObject", () => {
  it("sets isNullObject at sync and throws on reading a null object's props", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("report");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      missing.load("name");
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Report");
      expect(() => missing.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("knows isNullObject after a sync even without a load", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      const used = context.workbook.worksheets.add("Empty").getUsedRangeOrNullObject(true);
      await context.sync();
      expect(used.isNullObject).toBe(true);
    });
  });

  it("getItem of a missing sheet fails at sync with ItemNotFound", async () => {
    const excel = sampleExcel();
    const error = await errorOf(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Nope").getRange("A1").load("values");
        await context.sync();
      }),
    );
    expect(error.name).toBe("RichApi.Error");
    expect(error.code).toBe("ItemNotFound");
    expect(error.debugInfo.code).toBe("ItemNotFound");
  });
});

describe("errors", () => {
  it("keeps actions before the failing one and drops later ones", async () => {
    const excel = sampleExcel();
    const error = await errorOf(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Report");
        sheet.getRange("D1").values = [["applied"]];
        sheet.getRange("D2:E2").values = [["too few"]];
        sheet.getRange("D3").values = [["dropped"]];
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
    expect(error.debugInfo.errorLocation).toBe("Range.values");
    const sheet = excel.workbook.sheet("Report")!;
    expect(sheet.getValue(0, 3)).toBe("applied");
    expect(sheet.getValue(2, 3)).toBe("");
  });

  it("rejects a duplicate sheet name", async () => {
    const excel = sampleExcel();
    const error = await errorOf(excel.run(async (context) => void context.workbook.worksheets.add("REPORT")));
    expect(error.code).toBe("ItemAlreadyExists");
  });

  it("writing a scalar to a multi-cell range is an InvalidArgument; to one cell it is fine", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      (
        context.workbook.worksheets.getItem("Report").getRange("F1") as unknown as { values: unknown }
      ).values = "one";
    });
    expect(excel.workbook.sheet("Report")!.getValue(0, 5)).toBe("one");
    const error = await errorOf(
      excel.run(async (context) => {
        (
          context.workbook.worksheets.getItem("Report").getRange("F1:F2") as unknown as { values: unknown }
        ).values = "two";
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("requirement sets", () => {
  it("answers isSetSupported with numeric minor versions", () => {
    const excel = createFakeExcel({ apiVersion: "1.10" });
    expect(excel.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.10")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.11")).toBe(false);
    expect(excel.isSetSupported("WordApi", "1.1")).toBe(false);
  });

  it.each([
    [
      "getRangeByIndexes",
      "1.6",
      (c: Excel.RequestContext) =>
        void c.workbook.worksheets.getItem("Report").getRangeByIndexes(0, 0, 1, 1).load("values"),
    ],
    [
      "autoFilter",
      "1.8",
      (c: Excel.RequestContext) =>
        c.workbook.worksheets
          .getItem("Report")
          .autoFilter.apply("A1:C3", 1, { filterOn: "Values", values: ["Act Now"] }),
    ],
    ["settings", "1.3", (c: Excel.RequestContext) => void c.workbook.settings.add("k", 1)],
    [
      "suspendScreenUpdating",
      "1.8",
      (c: Excel.RequestContext) => c.workbook.application.suspendScreenUpdatingUntilNextSync(),
    ],
    ["enableEvents", "1.7", (c: Excel.RequestContext) => void (c.runtime.enableEvents = false)],
    [
      "getUsedRangeOrNullObject",
      "1.3",
      (c: Excel.RequestContext) => void c.workbook.worksheets.getItem("Report").getUsedRangeOrNullObject(),
    ],
    [
      "freezePanes",
      "1.6",
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Report").freezePanes.freezeRows(1),
    ],
    [
      "sort",
      "1.1",
      (c: Excel.RequestContext) =>
        c.workbook.worksheets
          .getItem("Report")
          .getRange("A1:C3")
          .sort.apply([{ key: 0 }]),
    ],
  ])("%s fails with ApiNotFound on ExcelApi %s", async (_name, version, act) => {
    const excel = sampleExcel({ apiVersion: version });
    const error = await errorOf(excel.run(async (context) => act(context)));
    expect(error.code).toBe("ApiNotFound");
  });

  it("clearColumnCriteria needs 1.14 even where autoFilter (1.9) works", async () => {
    const excel = sampleExcel({ apiVersion: "1.13" });
    const error = await errorOf(
      excel.run(async (context) => {
        const af = context.workbook.worksheets.getItem("Report").autoFilter;
        af.apply("A1:C3", 1, { filterOn: "Values", values: ["Act Now"] });
        af.clearColumnCriteria(1);
      }),
    );
    expect(error.code).toBe("ApiNotFound");
    expect(excel.workbook.sheet("Report")!.hiddenRows()).toEqual([2]);
  });
});

describe("payload and cell limits", () => {
  const big = (rows: number, cols: number, text: string): CellValue[][] =>
    Array.from({ length: rows }, () => new Array(cols).fill(text));

  it("fails a request over 5 MB on the web, applying nothing", async () => {
    const excel = sampleExcel();
    const error = await errorOf(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Report");
        sheet.getRange("Z1").values = [["before"]];
        sheet.getRangeByIndexes(10, 0, 60000, 10).values = big(60000, 10, "abcdefgh");
        await context.sync();
      }),
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.workbook.sheet("Report")!.getValue(0, 25)).toBe("");
    expect(excel.stats.maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("allows the same request on desktop and counts its bytes", async () => {
    const excel = sampleExcel({ limits: "desktop" });
    const values = big(60000, 10, "abcdefgh");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Report").getRangeByIndexes(10, 0, 60000, 10).values = values;
    });
    // The written values dominate: their JSON plus a small envelope.
    const json = JSON.stringify(values).length;
    expect(excel.stats.requestBytes[0]).toBeGreaterThan(json);
    expect(excel.stats.requestBytes[0]).toBeLessThan(json + 1000);
  });

  it("fails a response over 5 MB on the web", async () => {
    const excel = sampleExcel();
    excel.workbook.sheet("Report")!.setValues(10, 0, big(60000, 10, "abcdefgh"));
    const error = await errorOf(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Report").getRangeByIndexes(10, 0, 60000, 10).load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("returns null for values of more than 5,000,000 cells and counts cells read", async () => {
    const excel = sampleExcel({ limits: "desktop" });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const huge = sheet.getRange("A:F").load("values"); // 6 x 1,048,576 cells
      const small = sheet.getRange("A1:C3").load("values, text");
      await context.sync();
      expect(huge.values).toBeNull();
      expect(small.values).toHaveLength(3);
    });
    expect(excel.stats.maxCellsPerRead).toBe(6 * 1048576);
    expect(excel.stats.cellsRead).toBe(6 * 1048576 + 18);
    expect(excel.stats.bytesRead).toBeGreaterThan(0);
  });

  // How fast is for `npm run bench`, not for a test on a shared machine: this checks what is counted.
  it("writes a 1M-cell block in one request and counts its bytes", async () => {
    const excel = createFakeExcel({ limits: "desktop" });
    excel.workbook.addSheet("S");
    const values: CellValue[][] = Array.from({ length: 20000 }, (_, i) =>
      Array.from({ length: 50 }, (_, j) => (j % 2 ? i * j : `t${i}`)),
    );
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 20000, 50).values = values;
    });
    expect(excel.workbook.sheet("S")!.getValue(19999, 1)).toBe(19999);
    expect(excel.workbook.sheet("S")!.getValue(19999, 0)).toBe("t19999");
    expect(excel.stats.syncs).toBe(1);
    expect(excel.stats.maxRequestBytes).toBeGreaterThan(JSON.stringify(values).length);
  });
});

describe("typing rules and text", () => {
  it("turns =, numeric text and TRUE/FALSE into formulas, numbers and booleans unless the cell is text (@)", async () => {
    const excel = createFakeExcel();
    const sheet = excel.workbook.addSheet("S");
    await excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem("S");
      s.getRange("A1:E1").values = [["=cmd|x", "00123", "TRUE", "'=kept", "2024-01-15"]];
      s.getRange("A2:C2").numberFormat = [["@", "@", "@"]];
      s.getRange("A2:C2").values = [["=cmd|x", "00123", "TRUE"]];
    });
    expect(sheet.cell(0, 0)).toMatchObject({ formula: "=cmd|x", value: "#NAME?" });
    expect(sheet.getValue(0, 1)).toBe(123);
    expect(sheet.getValue(0, 2)).toBe(true);
    expect(sheet.cell(0, 3)).toEqual({ value: "=kept", numberFormat: "General", text: "=kept" });
    expect(sheet.cell(0, 4)).toMatchObject({ value: 45306, text: "1/15/2024" });
    expect(sheet.values(1, 0, 1, 3)).toEqual([["=cmd|x", "00123", "TRUE"]]);
    expect(sheet.getFormula(1, 0)).toBeUndefined();
  });

  it("stores formulas written through formulas and evaluates trivial ones", async () => {
    const excel = createFakeExcel();
    const sheet = excel.workbook.addSheet("S", [[5]]);
    await excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem("S");
      s.getRange("B1:C1").formulas = [["=A1", '="x"']];
      s.getRange("D1").formulasR1C1 = [["=RC[-3]"]];
    });
    expect(sheet.cell(0, 1)).toMatchObject({ formula: "=A1", value: 5 });
    expect(sheet.getValue(0, 2)).toBe("x");
    expect(sheet.getFormula(0, 3)).toBe("=A1");
  });

  it.each([
    [1234.5678, "General", "1234.5678"],
    [123456789012, "General", "1.23457E+11"],
    [1.23456789e15, "General", "1.23457E+15"],
    [Math.PI, "General", "3.141592654"],
    [1234.5, "0", "1235"],
    [1234.5, "0.00", "1234.50"],
    [1234567.891, "#,##0", "1,234,568"],
    [-1234.5, "#,##0.00", "-1,234.50"],
    [0.256, "0%", "26%"],
    [45306, "yyyy-mm-dd", "2024-01-15"],
    [45306, "mm/dd/yyyy", "01/15/2024"],
    [42, "@", "42"],
    [1000, '"$"#,##0', "$1,000"],
  ])("formats %p with %p as %p", async (value, format, text) => {
    const excel = createFakeExcel();
    excel.workbook.addSheet("S");
    const loaded = await excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("S").getRange("A1");
      cell.numberFormat = [[format]];
      cell.values = [[value]];
      cell.load("text");
      await context.sync();
      return cell.text;
    });
    expect(loaded).toEqual([[text]]);
  });

  it("shows booleans as TRUE/FALSE and errors as they are", () => {
    const excel = createFakeExcel();
    const sheet = excel.workbook.addSheet("S", [[true, false, "#N/A"]]);
    expect([sheet.text(0, 0), sheet.text(0, 1), sheet.text(0, 2)]).toEqual(["TRUE", "FALSE", "#N/A"]);
  });
});

describe("protection", () => {
  it("denies writes on a protected sheet but allows reads", async () => {
    const excel = sampleExcel();
    excel.workbook.sheet("Report")!.protected = true;
    const values = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Report").getRange("A1:C1").load("values");
      await context.sync();
      return r.values;
    });
    expect(values).toEqual([["Name", "Cluster", "Score"]]);
    for (const act of [
      (s: Excel.Worksheet) => void (s.getRange("A1").values = [["x"]]),
      (s: Excel.Worksheet) => void (s.getRange("A1").format.font.bold = true),
      (s: Excel.Worksheet) => s.getRange("A1:C3").clear(),
      (s: Excel.Worksheet) => s.autoFilter.apply("A1:C3", 1, { filterOn: "Values", values: ["Act Now"] }),
      (s: Excel.Worksheet) => void s.tables.add("A1:C3", true),
    ]) {
      const error = await errorOf(
        excel.run(async (context) => act(context.workbook.worksheets.getItem("Report"))),
      );
      expect(error.code).toBe("AccessDenied");
    }
  });

  it("protection.protect() and unprotect() toggle it; protected is loadable", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      sheet.protection.protect();
      sheet.protection.load("protected");
      await context.sync();
      expect(sheet.protection.protected).toBe(true);
    });
    expect(excel.workbook.sheet("Report")!.protected).toBe(true);
    await excel.run(async (context) => context.workbook.worksheets.getItem("Report").protection.unprotect());
    expect(excel.workbook.sheet("Report")!.protected).toBe(false);
  });
});

describe("used range", () => {
  it("getUsedRange(true) ignores format-only cells, getUsedRange() includes them", async () => {
    const excel = sampleExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      sheet.getRange("H10").format.fill.color = "yellow";
      const all = sheet.getUsedRange().load("address");
      const valuesOnly = sheet.getUsedRange(true).load("address");
      await context.sync();
      expect(all.address).toBe("Report!A1:H10");
      expect(valuesOnly.address).toBe("Report!A1:C3");
    });
  });

  // excel.d.ts, Worksheet.getUsedRange: "If the entire worksheet is blank, this function will return the
  // top left cell (i.e. it will *not* throw an error)"; Range.getUsedRange: "If there are no used cells
  // within the range, this function will throw an ItemNotFound error".
  it("getUsedRange of an empty sheet is A1; of an empty range it fails with ItemNotFound", async () => {
    const excel = createFakeExcel();
    excel.workbook.addSheet("Empty");
    const address = await excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Empty").getUsedRange().load("address");
      const valuesOnly = context.workbook.worksheets.getItem("Empty").getUsedRange(true).load("address");
      await context.sync();
      return [used.address, valuesOnly.address];
    });
    expect(address).toEqual(["Empty!A1", "Empty!A1"]);
    const error = await errorOf(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Empty").getRange("B2:C3").getUsedRange().load("address");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ItemNotFound");
  });
});

describe("addresses and range navigation", () => {
  it("parses A1 forms and reports Office addresses", async () => {
    const excel = createFakeExcel();
    excel.workbook.addSheet("My Sheet");
    await excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem("My Sheet");
      const ranges = [
        s.getRange("B:D"),
        s.getRange("3:5"),
        s.getRange("'My Sheet'!C2"),
        s.getRange("A1:B2").getResizedRange(1, 1),
        s.getRange("B2").getEntireRow(),
      ];
      ranges.forEach((r) => r.load("address"));
      const bounds = s.getRange("A1").getBoundingRect("C3").load("address");
      const inter = s.getRange("A1:B2").getIntersectionOrNullObject("C3:D4");
      await context.sync();
      expect(ranges.map((r) => r.address)).toEqual([
        "'My Sheet'!B:D",
        "'My Sheet'!3:5",
        "'My Sheet'!C2",
        "'My Sheet'!A1:C3",
        "'My Sheet'!2:2",
      ]);
      expect(bounds.address).toBe("'My Sheet'!A1:C3");
      expect(inter.isNullObject).toBe(true);
    });
  });
});

describe("onChange", () => {
  it("fires after syncs that changed the workbook only", async () => {
    const excel = sampleExcel();
    const calls: number[] = [];
    const off = excel.onChange(() => calls.push(1));
    await excel.run(
      async (context) => void context.workbook.worksheets.getItem("Report").getRange("A1").load("values"),
    );
    expect(calls).toHaveLength(0);
    await excel.run(
      async (context) => void (context.workbook.worksheets.getItem("Report").getRange("A1").values = [["x"]]),
    );
    expect(calls).toHaveLength(1);
    off();
  });
});
