import { actions, createSession } from ".";
import { createFakeExcel } from "../preview/fake-excel";
import { generateReport, openCsvLikeExcel, reportToCsv } from "../preview/sample-report";
import { fileRows } from "../../test/support/reportFiles";
import { loadSample, TODAY } from "../../test/support/workbooks";
import { isOneColumnRefusal } from "./splitIntoColumns";

describe("Split into columns", () => {
  test.each([
    ["a comma file opened in a semicolon locale", ",", ";"],
    ["a semicolon file opened in a comma locale", ";", ","],
  ] as const)(
    "%s: the repaired report goes to a new sheet, the original stays",
    async (_, delimiter, locale) => {
      const report = generateReport({ layout: "ai-business", rows: 60, seed: 8, messy: true });
      const { rows } = fileRows(report);
      const csv = reportToCsv(rows, { delimiter });
      const damaged = openCsvLikeExcel(csv, { listSeparator: locale });
      const fake = createFakeExcel();
      fake.workbook.addSheet("Report", damaged);
      const session = createSession(fake, () => TODAY);
      const before = fake.workbook.sheet("Report")!.values(0, 0, damaged.length, damaged[0].length);

      // Analyze refuses the sheet in a way the pane recognises, so it can offer the split.
      const analysed = await session.run(actions.analyzeSheet, undefined);
      expect(analysed.status).toBe("refused");
      expect(isOneColumnRefusal(analysed.message)).toBe(true);

      const outcome = await session.run(actions.splitIntoColumns, undefined);
      if (outcome.status !== "done") throw new Error(outcome.message);
      const width = rows[report.truth.headerRow].length;
      expect(outcome.message).toMatch(
        new RegExp(
          `^Split ${report.truth.dataRows - report.truth.blankRows.length} customers into ${width} columns`,
        ),
      );
      expect(fake.workbook.sheet("Report")!.values(0, 0, damaged.length, damaged[0].length)).toEqual(before);

      const split = fake.workbook.sheet(outcome.data.sheet.sheetName)!;
      expect(fake.workbook.activeSheet).toBe(split);
      const header = rows[report.truth.headerRow].map((h) => h.replace(/\uFEFF/g, ""));
      expect(split.values(report.truth.headerRow, 0, 1, width)[0]).toEqual(header);
      // Identity columns (not first on the line, so Excel kept their quotes) arrive as in the file.
      for (const name of ["CustomerID", "DUNS", "PostalCode", "AccountName"]) {
        const c = header.indexOf(name);
        const expected = rows.slice(report.truth.headerRow + 1).map((row) => row[c]);
        const got = split.values(report.truth.headerRow + 1, c, expected.length, 1).map(([v]) => v);
        expect(got).toEqual(expected);
      }

      const again = await session.run(actions.analyzeSheet, undefined);
      if (again.status !== "done") throw new Error(again.message);
      expect(again.data.analysis.dataRowCount).toBe(report.truth.dataRows);
    },
  );

  test("a sheet that is not a one-column report is refused and nothing changes", async () => {
    const { fake, session } = loadSample({ layout: "azure", rows: 20, seed: 1 });
    const outcome = await session.run(actions.splitIntoColumns, undefined);
    expect(outcome).toMatchObject({ status: "refused", message: expect.stringMatching(/nothing to split/) });
    expect(fake.workbook.sheets).toHaveLength(1);
  });
});
