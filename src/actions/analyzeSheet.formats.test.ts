import { actions } from ".";
import { loadRows } from "../../test/support/workbooks";
import { workbookSnapshot } from "../preview/fake-excel";

/** A renewal report exported in a day-first, decimal-comma locale, and one whose dates never tell. */
const HEADER = [
  "AccountName",
  "AzureCluster",
  "Agreement End Date",
  "Expiring Revenue",
  "AzurePotentialRevenue",
];

describe("Analyze sheet shows how date and money columns are read (issue 10)", () => {
  it("reports each column's format and warns only about the ambiguous ones, changing nothing", async () => {
    const { fake, session } = loadRows([
      HEADER,
      ["Contoso", "Act Now", "25/12/2026", "1.234.567,50", "1.234"],
      ["Fabrikam", "Evaluate", "3/4/2026", "2.500", "5.000"],
    ]);
    const before = workbookSnapshot(fake.workbook);
    const outcome = await session.run(actions.analyzeSheet, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    const formats = outcome.data.analysis.columnFormats ?? [];
    expect(
      formats.map(({ header, kind, dateOrder, decimalMark, ambiguous }) => ({
        header,
        kind,
        dateOrder,
        decimalMark,
        ambiguous,
      })),
    ).toEqual([
      {
        header: "Agreement End Date",
        kind: "date",
        dateOrder: "DMY",
        decimalMark: undefined,
        ambiguous: false,
      },
      {
        header: "Expiring Revenue",
        kind: "number",
        dateOrder: undefined,
        decimalMark: ",",
        ambiguous: false,
      },
      {
        header: "AzurePotentialRevenue",
        kind: "number",
        dateOrder: undefined,
        decimalMark: undefined,
        ambiguous: true,
      },
    ]);
    // The pane lists the action's warnings: the ambiguous column is named there.
    expect(outcome.warnings.filter((w) => /decimal mark|day above 12|mixes/.test(w))).toEqual([
      'AzurePotentialRevenue has no value that shows its decimal mark, so "1.234" could be a thousand or a fraction; read as a fraction.',
    ]);
    expect(workbookSnapshot(fake.workbook)).toEqual(before);
  });

  it("flags an end date column whose dates never show the day first or the month first", async () => {
    const { session } = loadRows([
      HEADER,
      ["Contoso", "Act Now", "3/4/2026", 1000, 10],
      ["Fabrikam", "Evaluate", "5/6/2026", 2000, 20],
    ]);
    const outcome = await session.run(actions.analyzeSheet, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.warnings.join("\n")).toMatch(/Agreement End Date has no date with a day above 12/);
  });
});
