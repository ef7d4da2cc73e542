import { actions } from ".";
import type { ReportType } from "../domain/types";
import { SAMPLE_LAYOUTS, type SampleLayout } from "../preview/sample-report";
import { workbookSnapshot } from "../preview/fake-excel";
import { loadRows, loadSample } from "../../test/support/workbooks";

const EXPECTED_TYPE: Record<SampleLayout, ReportType> = {
  renewal: "renewal",
  azure: "azure",
  "ai-business": "ai-business",
  security: "security",
  surface: "surface",
  "modern-work-2021": "ai-business",
  "azure-2023": "azure",
  "d365-2023": "dynamics",
};

describe("Analyze sheet", () => {
  describe.each(SAMPLE_LAYOUTS.flatMap((layout) => [[layout, false] as const, [layout, true] as const]))(
    "%s report (messy: %s)",
    (layout, messy) => {
      const { fake, session, report } = loadSample({ layout, rows: 400, seed: 11, messy });

      it("recognises the report, its header row, rows and per-product cluster counts", async () => {
        const before = workbookSnapshot(fake.workbook);
        const outcome = await session.run(actions.analyzeSheet, undefined);
        if (outcome.status !== "done") throw new Error(outcome.message);
        const { analysis, headerRowNumber } = outcome.data;

        expect(analysis.reportType).toBe(EXPECTED_TYPE[layout]);
        expect(headerRowNumber).toBe(report.truth.headerRow + 1);
        expect(analysis.dataRowCount).toBe(report.truth.dataRows);
        expect(analysis.blankRowCount).toBe(report.truth.blankRows.length);
        expect(analysis.products.map((p) => p.header)).toEqual(
          report.truth.products.map((p) => p.clusterHeader),
        );

        const blankRows = new Set(report.truth.blankRows);
        report.truth.products.forEach((truth, i) => {
          const counts = analysis.products[i].counts;
          const expected = (value: string | null) =>
            truth.clusters.filter((c, row) => c === value && !blankRows.has(row)).length;
          expect(counts["Act Now"]).toBe(expected("Act Now"));
          expect(counts.Evaluate).toBe(expected("Evaluate"));
          expect(counts.Nurture).toBe(expected("Nurture"));
          expect(counts.Educate).toBe(expected("Educate"));
          expect(counts.Blank).toBe(expected(null));
          expect(counts.Unknown).toBe(expected("unknown"));
        });
        expect(analysis.cohorts.map((c) => c.header).sort()).toEqual([...report.truth.cohortHeaders].sort());
        // Analysis only reads.
        expect(workbookSnapshot(fake.workbook)).toEqual(before);
      });
    },
  );

  it("explains a sheet that is not a CloudAscent report and changes nothing", async () => {
    const { fake, session } = loadRows([
      ["Budget 2026", "", ""],
      ["Month", "Spend", "Owner"],
      ["January", 1200, "Ana"],
      ["February", 900, "Raj"],
    ]);
    const before = workbookSnapshot(fake.workbook);
    const outcome = await session.run(actions.analyzeSheet, undefined);
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(/doesn't look like a CloudAscent report/i);
    expect(workbookSnapshot(fake.workbook)).toEqual(before);
  });

  it("says so when the sheet is empty", async () => {
    const { session } = loadRows([]);
    const outcome = await session.run(actions.analyzeSheet, undefined);
    expect(outcome.status).toBe("refused");
    expect(outcome.message).toMatch(/empty/i);
  });

  it("warns that a .csv file loses the add-in's work unless saved as a workbook", async () => {
    const { session } = loadSample(
      { layout: "azure", rows: 20, seed: 3 },
      { documentUrl: "C:\\Downloads\\CloudAscent.CSV" },
    );
    const outcome = await session.run(actions.analyzeSheet, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.warnings.join(" ")).toMatch(/Save As/);
  });

  it("reads a protected sheet (reading is allowed) and an Office 2019 host", async () => {
    const { fake, session } = loadSample({ layout: "azure", rows: 50, seed: 5 }, { apiVersion: "1.7" });
    fake.workbook.sheet("Report")!.protected = true;
    const outcome = await session.run(actions.analyzeSheet, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.isProtected).toBe(true);
  });

  it("reads a 100,000-row report in blocks under the web payload and cell limits", async () => {
    const { fake, session, report } = loadSample({
      layout: "ai-business",
      rows: 100_000,
      columns: 150,
      seed: 9,
    });
    fake.resetStats();
    const outcome = await session.run(actions.analyzeSheet, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.data.analysis.dataRowCount).toBe(report.truth.dataRows);
    expect(fake.stats.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(fake.stats.maxResponseBytes).toBeLessThan(4 * 1024 * 1024);
    expect(fake.stats.maxCellsPerRead).toBeLessThan(5_000_000);
    // Syncs grow with blocks, not rows: header (2) plus a handful of blocks.
    expect(fake.stats.syncs).toBeLessThan(40);
  }, 120_000);
});
