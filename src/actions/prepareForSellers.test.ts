import { actions } from ".";
import { loadSample } from "../../test/support/workbooks";

describe("Prepare for sellers", () => {
  it("freezes the header, colours the cluster columns and explains the workbook on an About sheet", async () => {
    const { fake, session, report } = loadSample({ layout: "azure", rows: 120, seed: 81, messy: true });
    const outcome = await session.run(actions.prepareForSellers, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    const sheet = fake.workbook.sheet("Report")!;
    expect(sheet.frozenRows).toBe(report.truth.headerRow + 1);
    expect(sheet.conditionalFormats.length).toBeGreaterThanOrEqual(2);

    const about = fake.workbook.sheet("About this report")!;
    const text = about.values(0, 0, 30, 1).flat().join("\n");
    expect(text).toMatch(/^About this report/);
    expect(text).toMatch(/Cloud & AI Platform/);
    expect(text).toMatch(/Priority Score: 0-100.*Weights in use: .*60/);
    // Running it again replaces the About sheet instead of adding one.
    await session.run(actions.prepareForSellers, undefined);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Report", "About this report"]);
  });

  it("repeats the CSV warning when the open file is a .csv", async () => {
    const { session } = loadSample(
      { layout: "azure", rows: 20, seed: 82 },
      { documentUrl: "https://contoso.sharepoint.com/report.csv" },
    );
    const outcome = await session.run(actions.prepareForSellers, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);
    expect(outcome.warnings[0]).toMatch(/\.csv file.*Save As/);
  });
});
