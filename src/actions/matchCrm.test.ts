import { actions } from ".";
import { COLUMN_GROUPS } from "../domain/addinArtifacts";
import { CRM_MATCH_KINDS } from "../domain/crmMatch";
import { sheetSnapshot, workbookSnapshot, type FakeExcel } from "../preview/fake-excel";
import { reportToCsv } from "../preview/sample-report";
import { generateCrmSample, type CrmSample } from "../preview/sample-report/crmSample";
import { loadSample } from "../../test/support/workbooks";
import type { MatchCrmResult } from "./matchCrm";

const MATCH_TEXT = new RegExp(
  `^(${CRM_MATCH_KINDS.filter((k) => k !== "Similar name").join("|")}|Similar name \\(0\\.\\d\\d\\)|Similar name \\(1\\.00\\))$`,
);

function setUp(flavour: "salesforce" | "dynamics" | "hubspot" = "salesforce", rows = 400) {
  const loaded = loadSample({ layout: "ai-business", rows, seed: 21, messy: true });
  const crm = generateCrmSample(loaded.report, { flavour, seed: 5 });
  return { ...loaded, crm };
}

function crmBlock(fake: FakeExcel, headerRow: number, width: number, dataRows: number) {
  const sheet = fake.workbook.sheet("Report")!;
  return {
    header: sheet.values(headerRow, width, 1, 4)[0],
    rows: sheet.values(headerRow + 1, width, dataRows, 4),
  };
}

function done<T>(outcome: { status: string; message: string; data?: T }): T {
  if (outcome.status !== "done") throw new Error(`${outcome.status}: ${outcome.message}`);
  return outcome.data as T;
}

/** Share of matched rows whose CRM Account ID is the true account. */
function precision(rows: readonly (readonly unknown[])[], crm: CrmSample): number {
  let made = 0;
  let right = 0;
  rows.forEach(([id], r) => {
    if (id === "") return;
    made++;
    if (id === crm.truth[r]) right++;
  });
  return right / made;
}

describe("Match to CRM", () => {
  it("matches from a CRM sheet of the workbook, writes four text columns right of the report and the owners", async () => {
    const { fake, session, report, crm } = setUp();
    fake.workbook.addSheet("CRM accounts", crm.rows);
    const width = report.truth.headers.length;
    const data = done<MatchCrmResult>(await session.run(actions.matchCrm, {}));

    expect(data.source).toEqual({ kind: "sheet", name: "CRM accounts", accounts: crm.accountCount });
    expect(data.mapping).toMatchObject({
      accountName: "Account Name",
      website: "Website",
      owner: "Account Owner",
    });
    const { header, rows } = crmBlock(fake, report.truth.headerRow, width, report.truth.dataRows);
    expect(header).toEqual([...COLUMN_GROUPS.crm]);
    expect(data.matchColumn).toBe(width + 3);
    const owners = new Map(crm.rows.slice(1).map((r) => [r[0], r[3]]));
    const names = new Map(crm.rows.slice(1).map((r) => [r[0], r[1]]));
    const blank = new Set(report.truth.blankRows);
    rows.forEach(([id, name, owner, match], r) => {
      if (blank.has(r)) return expect([id, name, owner, match]).toEqual(["", "", "", ""]);
      expect(String(match)).toMatch(MATCH_TEXT);
      if (id !== "") {
        expect(owner).toBe(owners.get(id));
        expect(name).toBe(names.get(id));
      }
    });
    expect(precision(rows, crm)).toBeGreaterThanOrEqual(0.99);
    // Everything written as text: the four columns carry "@", nothing became a formula.
    const sheet = fake.workbook.sheet("Report")!;
    for (let r = 1; r <= report.truth.dataRows; r++)
      for (let c = width; c < width + 4; c++) {
        expect(sheet.numberFormatAt(report.truth.headerRow + r, c)).toBe("@");
        expect(sheet.getFormula(report.truth.headerRow + r, c)).toBeUndefined();
      }
    const counted = Object.values(data.counts!).reduce((a, b) => a + b, 0);
    expect(counted).toBe(report.truth.dataRows - report.truth.blankRows.length);
    expect(data.notInCrmValues).toEqual(["Not in CRM"]);
    expect(data.needsReviewValues.every((v) => rows.some((row) => row[3] === v))).toBe(true);
  });

  it("matches from a picked CSV file (UTF-16 with BOM) exactly as from the same export on a sheet", async () => {
    const first = setUp("dynamics");
    first.fake.workbook.addSheet("CRM", first.crm.rows);
    done(await first.session.run(actions.matchCrm, { sheetName: "CRM" }));
    const fromSheet = crmBlock(
      first.fake,
      first.report.truth.headerRow,
      first.report.truth.headers.length,
      first.report.truth.dataRows,
    );

    const second = setUp("dynamics");
    const csv = reportToCsv(second.crm.rows);
    const utf16 = new Uint8Array(2 + csv.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < csv.length; i++) {
      utf16[2 + i * 2] = csv.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = csv.charCodeAt(i) >> 8;
    }
    const before = second.fake.workbook.sheets.length;
    const data = done<MatchCrmResult>(
      await second.session.run(actions.matchCrm, { file: { name: "accounts.csv", bytes: utf16 } }),
    );
    expect(data.source).toEqual({ kind: "file", name: "accounts.csv", accounts: second.crm.accountCount });
    expect(data.mapping).toMatchObject({
      accountName: "Account Name",
      accountId: "(Do Not Modify) Account",
      owner: "Owner",
    });
    expect(second.fake.workbook.sheets.length).toBe(before);
    const fromFile = crmBlock(
      second.fake,
      second.report.truth.headerRow,
      second.report.truth.headers.length,
      second.report.truth.dataRows,
    );
    expect(fromFile).toEqual(fromSheet);
  });

  it("updates in place on a rerun, keeps a corrected mapping in the workbook, and Reset removes the columns", async () => {
    const { fake, session, report, crm } = setUp("hubspot", 200);
    fake.workbook.addSheet("HubSpot", crm.rows);
    const width = report.truth.headers.length;
    done(await session.run(actions.matchCrm, {}));
    const once = workbookSnapshot(fake.workbook);
    const again = done<MatchCrmResult>(await session.run(actions.matchCrm, {}));
    expect(again.updated).toBe(true);
    expect(workbookSnapshot(fake.workbook)).toEqual(once);

    // The user switches the owner off: the group is rewritten in place, owners blank.
    const corrected = done<MatchCrmResult>(await session.run(actions.matchCrm, { mapping: { owner: "" } }));
    expect(corrected.updated).toBe(true);
    expect(corrected.mapping.owner).toBeUndefined();
    const sheet = fake.workbook.sheet("Report")!;
    expect(sheet.usedRange(true)!.columnCount).toBe(width + 4);
    const owners = sheet.values(report.truth.headerRow + 1, width + 2, report.truth.dataRows, 1).flat();
    expect(owners.every((o) => o === "")).toBe(true);
    // The correction is remembered: a plain rerun keeps the owner unmapped.
    const remembered = done<MatchCrmResult>(await session.run(actions.matchCrm, {}));
    expect(remembered.mapping.owner).toBeUndefined();

    done(await session.run(actions.resetSheet, {}));
    expect(sheet.usedRange(true)!.columnCount).toBe(width);
    expect(sheet.values(report.truth.headerRow, width, 1, 4)[0]).toEqual(["", "", "", ""]);
  });

  it("reports duplicate CRM ids and does not use those rows", async () => {
    const { fake, session, crm } = setUp("salesforce", 200);
    const body = crm.rows.slice(1);
    const copy = [...body[3]];
    copy[1] = "Something Else Entirely";
    fake.workbook.addSheet("CRM", [...crm.rows, copy]);
    const outcome = await session.run(actions.matchCrm, {});
    const data = done<MatchCrmResult>(outcome);
    expect(data.duplicateIds).toEqual([String(body[3][0]).toLowerCase()]);
    expect(outcome.status === "done" && outcome.warnings.join(" ")).toMatch(/2 CRM rows share an account id/);
    const sheet = fake.workbook.sheet("Report")!;
    const ids = sheet
      .values(0, 0, sheet.usedRange(true)!.rowCount, sheet.usedRange(true)!.columnCount)
      .flat();
    expect(ids).not.toContain(body[3][0]);
  });

  it("reports TPIDs and tenant ids that several CRM rows share, and does not match on them", async () => {
    const { fake, session, report, crm } = setUp("salesforce", 200);
    const headers = report.truth.headers;
    const data = report.rows.slice(report.truth.headerRow + 1);
    const tpidColumn = headers.indexOf(report.truth.roles.tpid!);
    const crmIds = new Set(crm.rows.slice(1).map((r) => String(r[5])));
    // A report customer's TPID that no CRM account carries, and its tenant id.
    const row = data.findIndex((r) => r[tpidColumn] !== "" && !crmIds.has(String(r[tpidColumn])));
    expect(row).toBeGreaterThanOrEqual(0);
    const tpid = String(data[row][tpidColumn]);
    const width = report.truth.headers.length;
    const header = crm.rows[0];
    const extra = (id: string, name: string) => {
      const cells: (string | number)[] = header.map(() => "");
      cells[0] = id;
      cells[1] = name;
      cells[5] = tpid;
      cells[6] = "shared-tenant-7";
      return cells;
    };

    // The same workbook without the two rows, for comparison.
    fake.workbook.addSheet("CRM", crm.rows);
    done(await session.run(actions.matchCrm, {}));
    const without = crmBlock(fake, report.truth.headerRow, width, report.truth.dataRows).rows;

    fake.workbook
      .sheet("CRM")!
      .setValues(crm.rows.length, 0, [extra("X-1", "Quoxel Vantrum"), extra("X-2", "Brindle Oakhaven")]);
    const outcome = await session.run(actions.matchCrm, {});
    const result = done<MatchCrmResult>(outcome);
    expect(result.duplicateMsIds).toEqual([tpid.toLowerCase()]);
    expect(result.duplicateTenantIds).toEqual(["shared-tenant-7"]);
    expect(result.duplicateIds).toEqual([]);
    const warnings = outcome.status === "done" ? outcome.warnings.join(" ") : "";
    expect(warnings).toContain(
      `2 CRM rows share a TPID or Microsoft customer ID with another row (1 id: ${tpid.toLowerCase()})`,
    );
    expect(warnings).toContain("2 CRM rows share a tenant ID with another row (1 id: shared-tenant-7)");
    // The shared TPID identifies neither row: the customer carrying it is matched as before.
    expect(crmBlock(fake, report.truth.headerRow, width, report.truth.dataRows).rows).toEqual(without);
  });

  describe("refuses bad input with a clear message and changes nothing", () => {
    async function refused(
      fake: FakeExcel,
      run: () => Promise<{ status: string; message: string }>,
      pattern: RegExp,
      snapshot: () => unknown = () => workbookSnapshot(fake.workbook),
    ) {
      const before = snapshot();
      const outcome = await run();
      expect(outcome.status).toBe("refused");
      expect(outcome.message).toMatch(pattern);
      expect(snapshot()).toEqual(before);
    }

    it("no CRM sheet and no file", async () => {
      const { fake, session } = setUp("salesforce", 50);
      await refused(fake, () => session.run(actions.matchCrm, {}), /No CRM accounts sheet/);
    });

    it("the CRM sheet is the report itself, or another CloudAscent report", async () => {
      const { fake, session, report } = setUp("salesforce", 50);
      await refused(
        fake,
        () => session.run(actions.matchCrm, { sheetName: "report" }),
        /is the report itself/,
      );
      fake.workbook.addSheet("Last month", report.rows);
      await refused(
        fake,
        () => session.run(actions.matchCrm, { sheetName: "Last month" }),
        /is a CloudAscent report/,
      );
    });

    it("no name column", async () => {
      const { fake, session } = setUp("salesforce", 50);
      const csv = "Website,Owner\ncontoso.com,Ana\nfabrikam.com,Ben\n";
      const bytes = new TextEncoder().encode(csv);
      await refused(
        fake,
        () => session.run(actions.matchCrm, { file: { name: "crm.csv", bytes } }),
        /no account name column/,
      );
    });

    it("an empty export", async () => {
      const { fake, session } = setUp("salesforce", 50);
      const bytes = new TextEncoder().encode("Account ID,Account Name,Website,Account Owner\n\n");
      await refused(
        fake,
        () => session.run(actions.matchCrm, { file: { name: "crm.csv", bytes } }),
        /is empty/,
      );
    });

    it("an .xlsx picked as the file", async () => {
      const { fake, session } = setUp("salesforce", 50);
      const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]);
      await refused(
        fake,
        () => session.run(actions.matchCrm, { file: { name: "crm.xlsx", bytes } }),
        /crm\.xlsx: .*not a CSV/,
      );
    });

    it("more than 1,000,000 accounts", async () => {
      const { fake, session, crm } = setUp("salesforce", 50);
      const sheet = fake.workbook.addSheet("CRM", crm.rows);
      sheet.setValues(1_000_010, 1, [["Last Account Ltd"]]);
      // The report sheet and the settings (a snapshot of a million-row sheet would take minutes).
      const reportAndSettings = () => ({
        report: sheetSnapshot(fake.workbook.sheet("Report")!),
        settings: JSON.stringify([...fake.workbook.settings]),
      });
      await refused(
        fake,
        () => session.run(actions.matchCrm, { sheetName: "CRM" }),
        /handles up to 1,000,000/,
        reportAndSettings,
      );
    });
  });
});
