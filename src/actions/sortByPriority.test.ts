import { actions } from ".";
import { loadSample } from "../../test/support/workbooks";

describe("Sort by priority", () => {
  it("orders rows by Priority Score, highest first, keeping each row's cells together", async () => {
    const { fake, session, report } = loadSample({ layout: "ai-business", rows: 200, seed: 71 });
    const width = report.truth.headers.length;
    const first = report.truth.headerRow + 1;
    await session.run(actions.addHelperColumns, {});
    const sheet = fake.workbook.sheet("Report")!;
    const rowsBefore = sheet
      .values(first, 0, report.truth.dataRows, width + 5)
      .map((row) => JSON.stringify(row));

    const outcome = await session.run(actions.sortByPriority, undefined);
    if (outcome.status !== "done") throw new Error(outcome.message);

    const after = sheet.values(first, 0, report.truth.dataRows, width + 6);
    const scores = after.map((row) => row[width + 3]).filter((s): s is number => typeof s === "number");
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Every original row is still there, whole, and Original Order points back to it.
    after.forEach((row) => {
      const order = row[width + 5] as number;
      expect(JSON.stringify(row.slice(0, width + 5))).toBe(rowsBefore[order - 1]);
    });
    expect(sheet.getValue(report.truth.headerRow, width + 5)).toBe("Original Order");
  });

  it("refuses on a protected sheet", async () => {
    const { fake, session } = loadSample({ layout: "azure", rows: 30, seed: 72 });
    fake.workbook.sheet("Report")!.protected = true;
    const outcome = await session.run(actions.sortByPriority, undefined);
    expect(outcome.status).toBe("refused");
  });
});
