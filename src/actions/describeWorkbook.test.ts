import { actions } from ".";
import { loadSample } from "../../test/support/workbooks";
import { COLUMN_GROUPS, reportSheetLine } from "../domain/addinArtifacts";
import { countCrmMatches } from "./describeWorkbook";

describe("Read what is done (describeWorkbook)", () => {
  it("rebuilds from the sheet what the add-in added: helpers, CRM and last-month columns, its sheets", async () => {
    const { fake, session, report } = loadSample({ layout: "ai-business", rows: 40, seed: 7 });
    const first = await session.run(actions.describeWorkbook, undefined);
    if (first.status !== "done") throw new Error(first.message);
    expect(first.data).toMatchObject({ sheetName: "Report", helpers: false, crm: null, lastMonth: null });
    expect(Object.values(first.data.sheets).flat()).toEqual([]);

    const helpers = await session.run(actions.addHelperColumns, {});
    if (helpers.status !== "done") throw new Error(helpers.message);
    const summaries = await session.run(actions.buildSummaries, undefined);
    if (summaries.status !== "done") throw new Error(summaries.message);

    // What Match to CRM and Compare with last month write: their groups right of the used columns.
    const sheet = fake.workbook.sheet("Report")!;
    const used = sheet.usedRange()!;
    const header = report.truth.headerRow;
    const right = used.column + used.columnCount;
    const kinds = ["Domain", "Not in CRM", "Similar name (0.93)", "Ambiguous", "Customer ID"];
    const changes = ["New", "Up", "Same", "Down", "Up"];
    sheet.setValues(header, right, [[...COLUMN_GROUPS.crm, ...COLUMN_GROUPS.lastMonth]]);
    sheet.setValues(
      header + 1,
      right,
      Array.from({ length: 40 }, (_, i) => [
        "id",
        "acct",
        "owner",
        kinds[i % 5],
        "Evaluate",
        changes[i % 5],
        "",
      ]),
    );
    // A seller list made for another report sheet is not this report's.
    fake.workbook.addSheet("Other seller", [["Seller call list"], [reportSheetLine("Other report")]]);
    fake.workbook.addSheet("Ann Lee", [["Seller call list"], [reportSheetLine("Report")]]);
    fake.workbook.setActive("Report");

    const after = await session.run(actions.describeWorkbook, undefined);
    if (after.status !== "done") throw new Error(after.message);
    expect(after.data.helpers).toBe(true);
    // 8 of each kind: Domain, Similar name and Customer ID are matches.
    expect(after.data.crm).toEqual({
      matched: 24,
      total: 40,
      byKind: { Domain: 8, "Not in CRM": 8, "Similar name": 8, Ambiguous: 8, "Customer ID": 8 },
    });
    expect(after.data.lastMonth).toEqual({ total: 40, byChange: { New: 8, Up: 16, Same: 8, Down: 8 } });
    expect(after.data.sheets.summary).toEqual(["Propensity Summary"]);
    expect(after.data.sheets.sellerList).toEqual(["Ann Lee"]);
    expect(after.data.sheets.about).toEqual([]);

    // Told where the header is (as the pane is), it reads the same from that row and the sheets' titles.
    fake.resetStats();
    const told = await session.run(actions.describeWorkbook, { headerRowNumber: header + 1 });
    if (told.status !== "done") throw new Error(told.message);
    expect(told.data).toEqual(after.data);
    // Two syncs for the outline, one for the two count columns.
    expect(fake.stats.syncs).toBe(3);
  });

  it("told the header row, reads a few KB however long the report is", async () => {
    const { fake, session, report } = loadSample({ layout: "ai-business", rows: 3_000, seed: 7 });
    const full = await session.run(actions.describeWorkbook, undefined);
    fake.resetStats();
    const told = await session.run(actions.describeWorkbook, { headerRowNumber: report.truth.headerRow + 1 });
    if (told.status !== "done" || full.status !== "done") throw new Error("describe failed");
    expect(told.data).toEqual(full.data);
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.bytesMoved).toBeLessThan(20_000);
  });

  it("refuses on a sheet that is not a report", async () => {
    const { fake, session } = loadSample({ layout: "azure", rows: 5, seed: 3 });
    fake.workbook.addSheet("Notes", [["Budget"], [12]]);
    fake.workbook.setActive("Notes");
    const outcome = await session.run(actions.describeWorkbook, undefined);
    expect(outcome.status).toBe("refused");
  });

  it("counts blank match cells as no result and Conflict as not matched", () => {
    expect(countCrmMatches(["Conflict", "", null, "TPID", "Tenant ID", undefined])).toEqual({
      matched: 2,
      total: 3,
      byKind: { Conflict: 1, TPID: 1, "Tenant ID": 1 },
    });
  });
});
