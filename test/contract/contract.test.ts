// The contract between the in-memory Excel and Excel: every case of src/preview/contract/cases runs
// here against the in-memory Excel (runner 1), and its observations must equal every file Excel
// recorded under test/contract/recorded/ (runner 2, the contract page, saves them).
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { workbookSnapshot } from "../../src/preview/fake-excel";
import { CONTRACT_CASES } from "../../src/preview/contract/cases";
import { describeDifferences, hostLabel, sameJson } from "../../src/preview/contract/compare";
import { contractWorkbook, recordInMemory } from "../../src/preview/contract/inMemory";
import { recordingFileName } from "../../src/preview/contract/runner";
import type { ContractRecording, Json } from "../../src/preview/contract/types";
import { differencesFrom, readRecording, recordedFiles } from "./recorded";

describe("contract cases", () => {
  it("have unique ids, a title, a source and the members they exercise", () => {
    const ids = CONTRACT_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CONTRACT_CASES) {
      expect(c.title).not.toBe("");
      expect(c.source).toMatch(
        /^https:\/\/(learn\.microsoft\.com|support\.microsoft\.com|github\.com\/OfficeDev\/)/,
      );
      expect(c.members.length).toBeGreaterThan(0);
    }
  });

  it("run in the in-memory Excel, observe JSON only and leave no trace", async () => {
    const fake = contractWorkbook();
    const before = workbookSnapshot(fake.workbook);
    const recording = await recordInMemory({}, undefined, fake);
    expect(Object.keys(recording.cases)).toEqual(CONTRACT_CASES.map((c) => c.id));
    for (const [id, record] of Object.entries(recording.cases)) {
      // An observation survives a JSON file as it is, and no case crashed.
      expect({ id, observation: JSON.parse(JSON.stringify(record.observation)) as Json }).toEqual({
        id,
        observation: record.observation,
      });
      expect({ id, thrown: (record.observation as { thrown?: string }).thrown }).toEqual({
        id,
        thrown: undefined,
      });
    }
    expect(recording.traces).toEqual([]);
    expect(workbookSnapshot(fake.workbook)).toEqual(before);
    expect([...fake.workbook.settings.keys()]).toEqual([]);
  });

  it("refuses to start where an earlier run left a scratch sheet, changing nothing", async () => {
    const fake = contractWorkbook();
    fake.workbook.addSheet("PP contract 03");
    const before = workbookSnapshot(fake.workbook);
    await expect(recordInMemory({}, undefined, fake)).rejects.toThrow(
      "Delete the sheets an earlier run left behind first: PP contract 03.",
    );
    expect(workbookSnapshot(fake.workbook)).toEqual(before);
  });

  it("names a recording after its host and build", () => {
    expect(
      recordingFileName({ application: "Excel", platform: "PC", build: "16.0.17928.20114", apiSets: {} }),
    ).toBe("PC-16.0.17928.20114.json");
    expect(
      recordingFileName({ application: "Excel", platform: "Office Online", build: "16/0", apiSets: {} }),
    ).toBe("Office_Online-16_0.json");
  });
});

describe("recorded observations of Excel", () => {
  const files = recordedFiles();

  it("are readable recordings (the folder may be empty)", () => {
    for (const file of files) expect(() => readRecording(file)).not.toThrow();
  });

  for (const file of files) {
    it(`${basename(file)}: the in-memory Excel does what that Excel did`, async () => {
      const found = await differencesFrom(readRecording(file));
      if (found.length > 0) throw new Error(describeDifferences(found));
    });
  }
});

describe("a recorded difference fails", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "contract-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** What the in-memory Excel records, as if an Excel on the web had recorded it, with one case changed. */
  async function syntheticRecording(
    changedCase: string,
  ): Promise<{ file: string; recording: ContractRecording }> {
    const recording = await recordInMemory({ apiVersion: "1.17", platform: "OfficeOnline" });
    recording.host = {
      application: "Excel",
      platform: "OfficeOnline",
      build: "16.0.99999.10000",
      apiSets: { ExcelApi: "1.17" },
    };
    const observation = recording.cases[changedCase].observation as Record<string, Json>;
    recording.cases[changedCase].observation = { ...observation, writeValues: { ok: "written" } };
    const file = join(dir, recordingFileName(recording.host));
    writeFileSync(file, JSON.stringify(recording, null, 2));
    return { file, recording };
  }

  it("on that case alone, naming the case, the host and both observations", async () => {
    const { file } = await syntheticRecording("protected-sheet-writes");
    expect(recordedFiles(dir)).toEqual([file]);
    const recording = readRecording(file);
    const found = await differencesFrom(recording);
    expect(found.map((d) => d.caseId)).toEqual(["protected-sheet-writes"]);
    const message = describeDifferences(found);
    expect(message).toContain(
      'Case "protected-sheet-writes" differs on Excel OfficeOnline 16.0.99999.10000 (ExcelApi 1.17)',
    );
    expect(message).toContain('"writeValues":{"ok":"written"}');
    expect(message).toContain('"writeValues":{"error":"AccessDenied"}');
    expect(hostLabel(recording)).toBe("Excel OfficeOnline 16.0.99999.10000 (ExcelApi 1.17)");
  });

  it("and the unchanged recording has none", async () => {
    const recording = await recordInMemory({ apiVersion: "1.17", platform: "OfficeOnline" });
    expect(await differencesFrom(recording)).toEqual([]);
  });

  it("compares observations by value, key order aside", () => {
    expect(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, { b: null })).toBe(false);
  });
});

describe("COUNTIFS criteria of Analyze's counting proof, as the COUNTIFS page documents them", () => {
  it("count in the in-memory Excel what Excel counts", async () => {
    const proof = CONTRACT_CASES.find((c) => c.id === "countifs-proof-criteria")!;
    const recording = await recordInMemory({}, [proof]);
    // [alone, with (names, "<>")]: see the cells in src/preview/contract/cases/countIfs.ts.
    expect(recording.cases[proof.id].observation).toEqual({
      ok: {
        '"<>"': [11, 9],
        '""': [1, 1],
        '" *"': [3, 3],
        '"#NAME~?"': [1, 1],
        '"#*"': [2, 2],
        '"*a*c*t*n*o*w*"': [5, 4],
        '" act now"': [1, 1],
        '"act_now"': [1, 1],
        '"act  now"': [1, 0],
        '"  "': [1, 1],
      },
    });
  });
});

describe("AutoFilter wildcard criteria of Show Act now + Evaluate, as Excel.FilterCriteria documents them", () => {
  it("keep stray spellings, hide blanks and other texts in the in-memory Excel", async () => {
    const wildcards = CONTRACT_CASES.find((c) => c.id === "autofilter-custom-wildcards")!;
    const recording = await recordInMemory({}, [wildcards]);
    const { ok } = recording.cases[wildcards.id].observation as { ok: { hidden: number[]; criteria: Json } };
    // Rows 6-8: Nurture, blank, Hot.
    expect(ok.hidden).toEqual([6, 7, 8]);
    expect(ok.criteria).toMatchObject({
      filterOn: "Custom",
      criterion1: "=*a*c*t*n*o*w*",
      criterion2: "=*e*v*a*l*u*a*t*e*",
      operator: "Or",
    });
  });
});

describe("The used range's first rows in the batch that loads them, as excel.d.ts documents Range", () => {
  it("are the used range's top rows; a resize past the edge and ranges that don't meet fail", async () => {
    const derivation = CONTRACT_CASES.find((c) => c.id === "used-range-corner-block")!;
    const recording = await recordInMemory({}, [derivation]);
    expect(recording.cases[derivation.id].observation).toEqual({
      cornerBlock: {
        ok: {
          topTwoRows: "C3:E4",
          values: [
            ["Customer", "Cluster", "Country"],
            ["Contoso", "Act Now", "DE"],
          ],
          cutToUsedRange: "C3:E6",
        },
      },
      pastTheBottomEdge: { error: "InvalidArgument" },
      noIntersection: { error: "ItemNotFound" },
    });
  });
});
