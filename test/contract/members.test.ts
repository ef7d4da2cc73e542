// Every Office.js member src/excel uses has a contract case, and the in-memory Excel checks it against
// the requirement set excel.d.ts gives it (a host below that set answers ApiNotFound).
import { CONTRACT_CASES } from "../../src/preview/contract/cases";
import { recordInMemory, contractWorkbook } from "../../src/preview/contract/inMemory";
import { apiSetOf, apiSetTable, compareVersions } from "../../src/preview/fake-excel/requirements";
import { GENERIC_MEMBERS, declaredApiSets, officeMembersUsed, type MemberUse } from "./officeMembers";

let used: MemberUse[];
beforeAll(() => {
  used = officeMembersUsed("src/excel");
}, 60000);

/** The problems, one line per member, so the lead can add the missing cases at merge time. */
export function membersWithoutCase(members: readonly MemberUse[], cases = CONTRACT_CASES): string[] {
  const covered = new Set(cases.flatMap((c) => c.members));
  return members
    .filter((m) => !GENERIC_MEMBERS.has(m.member) && !covered.has(m.member))
    .map(
      (m) =>
        `${m.member} (used at ${m.where}${m.apiSet ? `, ExcelApi ${m.apiSet}` : ""}) has no contract case: ` +
        `add "${m.member}" to the members of a case in src/preview/contract/cases/ that exercises it.`,
    );
}

describe("Office.js members used in src/excel", () => {
  it("are found by reading the source with the TypeScript checker", () => {
    const names = used.map((m) => m.member);
    // A few the add-in certainly calls, with the sets excel.d.ts gives them.
    expect(used.find((m) => m.member === "Worksheet.autoFilter")?.apiSet).toBe("1.9");
    expect(used.find((m) => m.member === "AutoFilter.clearColumnCriteria")?.apiSet).toBe("1.14");
    expect(used.find((m) => m.member === "PivotTableCollection.add")?.apiSet).toBe("1.8");
    expect(names).toContain("Excel.run");
    expect(names).toContain("Range.values");
    // Data objects and enums are not calls into Excel.
    expect(names.some((n) => n.startsWith("FilterCriteria."))).toBe(false);
  });

  it("each have a contract case", () => {
    expect(membersWithoutCase(used)).toEqual([]);
  });

  it("a member without a case is named with where it is used", () => {
    const withoutPivots = CONTRACT_CASES.filter((c) => c.id !== "pivot-naming-and-overlap");
    const problems = membersWithoutCase(used, withoutPivots);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join("\n")).toMatch(
      /^PivotTableCollection\.add \(used at src\/excel\/[a-zA-Z]+\.ts:\d+, ExcelApi 1\.8\) has no contract case/m,
    );
  });

  it("each need in the in-memory Excel the requirement set excel.d.ts gives them", () => {
    const mismatches = used
      .filter((m) => m.apiSet !== null && apiSetOf(m.member) !== m.apiSet)
      .map(
        (m) => `${m.member}: excel.d.ts says ExcelApi ${m.apiSet}, the in-memory Excel ${apiSetOf(m.member)}`,
      );
    expect(mismatches).toEqual([]);
  });

  it("and every member the in-memory Excel lists has the set excel.d.ts gives it", () => {
    const declared = declaredApiSets();
    expect(declared.get("Worksheet.getRangeByIndexes")).toBe("1.7");
    // Refined on purpose: excel.d.ts says "[Api set: ExcelApi 1.7 for password]"; unprotect() itself is 1.2.
    const refined = new Set(["WorksheetProtection.unprotect"]);
    const mismatches = Object.entries(apiSetTable())
      .filter(([member]) => declared.has(member) && !refined.has(member))
      .filter(([member, set]) => declared.get(member) !== set)
      .map(
        ([member, set]) => `${member}: excel.d.ts says ExcelApi ${declared.get(member)}, the table ${set}`,
      );
    expect(mismatches).toEqual([]);
  });

  it("above ExcelApi 1.1 are each checked against their set when the contract cases touch them", async () => {
    const fake = contractWorkbook();
    await recordInMemory({}, undefined, fake);
    const unchecked = used
      .filter((m) => m.apiSet !== null && compareVersions(m.apiSet, "1.1") > 0)
      .filter((m) => !fake.checkedMembers.has(m.member))
      .map((m) => `${m.member} (ExcelApi ${m.apiSet}) is never checked against its requirement set`);
    expect(unchecked).toEqual([]);
  }, 30000);
});

describe("a host below a member's requirement set", () => {
  /** The requirement-sets case's probes on a host of that version. */
  async function touched(apiVersion: string): Promise<Record<string, unknown>> {
    const requirementSets = CONTRACT_CASES.filter((c) => c.id === "requirement-sets");
    const recording = await recordInMemory({ apiVersion }, requirementSets);
    return (recording.cases["requirement-sets"].observation as { touched: Record<string, unknown> }).touched;
  }

  it.each([
    ["1.1", "Worksheet.protection"],
    ["1.1", "Workbook.functions (1.2)"],
    ["1.2", "Range.getVisibleView"],
    ["1.3", "Worksheet.getUsedRangeOrNullObject"],
    ["1.6", "Worksheet.getRangeByIndexes"],
    ["1.6", "Worksheet.freezePanes"],
    ["1.8", "Worksheet.autoFilter"],
    ["1.13", "AutoFilter.clearColumnCriteria"],
  ])("ExcelApi %s refuses %s with ApiNotFound (Excel.ErrorCodes.apiNotFound)", async (version, probe) => {
    expect((await touched(version))[probe]).toEqual({ error: "ApiNotFound" });
  });

  it("and the same probes succeed on ExcelApi 1.14", async () => {
    const probes = await touched("1.14");
    expect(Object.entries(probes).filter(([, outcome]) => "error" in (outcome as object))).toEqual([]);
  });
});
