import { detectLayout } from "./layout";
import {
  chooseSplitColumn,
  cleanSheetName,
  COHORTS_HEADER,
  sellerColumns,
  sellerColumnsNeeded,
  sheetA1Reference,
  splitBySeller,
  splitColumnOptions,
  UNASSIGNED,
  uniqueSheetNames,
} from "./sellers";
import { columnsOf } from "./testSupport";
import type { CellValue } from "./types";

const HEADER = [
  "Customer ID",
  "Account Name",
  "Domain",
  "City",
  "Country",
  "Sub Segment",
  "Industry",
  "Sales Territory",
  "AzureCluster",
  "AzureFit",
  "AzureIntent",
  "Azure Potential Revenue",
  "Security Upsell",
  "Promos",
  "Best Cluster",
  "Cluster Band",
  "Top Products",
  "Priority Score",
  "Score Reasons",
];
const CRM = ["CRM Account ID", "CRM Account", "CRM Owner", "CRM Match"];

function report(rows: CellValue[][], withCrm: boolean) {
  const header = withCrm ? [...HEADER, ...CRM] : HEADER;
  const filler: CellValue[][] = Array.from({ length: 20 }, (_, i) => [
    `F${i}`,
    `Filler ${i}`,
    `f${i}.com`,
    "Lyon",
    "France",
    "Small",
    "Retail",
    "EMEA",
    i % 2 ? "Act Now" : "Evaluate",
    80,
    70,
    100,
    i % 2 ? "Yes" : "No",
    "No",
    "Act Now",
    "A1",
    "Azure",
    10,
    "",
    ...(withCrm ? ["", "", "Filler Owner", ""] : []),
  ]);
  const detection = detectLayout([header, ...rows, ...filler]);
  if (!detection.ok) throw new Error(detection.reason);
  return detection.layout;
}

function customer(name: string, territory: string, score: number, cluster: string, owner = ""): CellValue[] {
  return [
    name,
    name,
    `${name.toLowerCase()}.com`,
    "Paris",
    "France",
    "Small",
    "Retail",
    territory,
    cluster,
    80,
    70,
    "$1K - $5K",
    "Yes",
    "No",
    cluster,
    "A1",
    "Azure",
    score,
    "why",
    "id",
    `${name} Ltd`,
    owner,
    "Domain",
  ];
}

describe("choosing the split column", () => {
  it("defaults to CRM Owner when the CRM match has run, else Sales Territory; any column can be asked for", () => {
    const withCrm = report([], true);
    const without = report([], false);
    expect(chooseSplitColumn(withCrm)).toEqual({ ok: true, choice: { column: 21, header: "CRM Owner" } });
    expect(chooseSplitColumn(without)).toEqual({
      ok: true,
      choice: { column: 7, header: "Sales Territory" },
    });
    expect(chooseSplitColumn(without, "sub_segment")).toEqual({
      ok: true,
      choice: { column: 5, header: "Sub Segment" },
    });
    expect(chooseSplitColumn(without, 4)).toEqual({ ok: true, choice: { column: 4, header: "Country" } });
    const missing = chooseSplitColumn(without, "Region");
    expect(missing.ok).toBe(false);
    expect(
      splitColumnOptions(withCrm)
        .map((o) => o.header)
        .slice(0, 5),
    ).toEqual(["CRM Owner", "Sales Territory", "Sub Segment", "Country", "Industry"]);
  });
});

describe("splitting by seller", () => {
  it("gives each owner their visible customers, best first, with the seller's columns", () => {
    const rows = [
      customer("Beta", "EMEA", 40, "Evaluate", "Alice"),
      customer("Alpha", "EMEA", 90, "Act Now", "alice "),
      customer("Gamma", "EMEA", 70, "Act Now", "Bob"),
      customer("Delta", "EMEA", 65, "Evaluate", ""),
      ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    ];
    const layout = report(rows, true);
    const columns = sellerColumns(layout);
    expect(columns.map((c) => c.header)).toEqual([
      "Account Name",
      "Domain",
      "City",
      "Country",
      "Sub Segment",
      "Industry",
      "Best Cluster",
      "Cluster Band",
      "Priority Score",
      "Score Reasons",
      "CRM Account",
      "Azure Potential Revenue",
      COHORTS_HEADER,
    ]);
    const split = chooseSplitColumn(layout);
    if (!split.ok) throw new Error(split.reason);
    const needed = sellerColumnsNeeded(layout, columns, split.choice.column);
    const data = columnsOf(rows);
    for (const key of [...data.keys()]) if (!needed.includes(key)) data.delete(key);
    const result = splitBySeller(layout, columns, split.choice.column, data, rows.length);
    expect(result.customers).toBe(4);
    expect(result.lists.map((l) => [l.seller, l.rows.map((r) => r[0]), l.actNow, l.evaluate])).toEqual([
      ["Alice", ["Alpha", "Beta"], 1, 1],
      ["Bob", ["Gamma"], 1, 0],
      [UNASSIGNED, ["Delta"], 0, 1],
    ]);
    expect(result.lists[0].rows[0][12]).toBe("Security Upsell");
    const score = result.headers.indexOf("Priority Score");
    expect(result.numberFormats[score]).toBe("General");
    expect(result.numberFormats[0]).toBe("@");
  });
});

describe("sheet names", () => {
  it("follows Excel's rules: 31 characters, no : \\ / ? * [ ], unique regardless of case", () => {
    const long = "A".repeat(40);
    const names = uniqueSheetNames(
      [long, "Sales/EMEA [North]", "=cmd|' /C calc'!A0", "bob", "BOB", "", "'Quoted'"],
      ["Report", "Bob"],
    );
    expect(names[0]).toBe("A".repeat(31));
    expect(names[1]).toBe("Sales-EMEA -North-");
    expect(names[2]).toBe("=cmd|' -C calc'!A0");
    expect(names[3]).toBe("bob (2)");
    expect(names[4]).toBe("BOB (3)");
    expect(names[5]).toBe(UNASSIGNED);
    expect(names[6]).toBe("Quoted");
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(uniqueSheetNames([long], [long.slice(0, 31)])[0]).toBe(`${"A".repeat(27)} (2)`);
    expect(uniqueSheetNames(["History"], [])[0]).toBe("History (2)");
    expect(cleanSheetName("  ")).toBe(UNASSIGNED);
    expect(sheetA1Reference("O'Brien")).toBe("'O''Brien'!A1");
  });
});
