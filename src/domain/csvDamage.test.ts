import { detectCsvDamage, detectOneColumnReport, isCutToFifteenDigits } from "./csvDamage";
import { detectLayout } from "./layout";
import type { CellValue } from "./types";

const HEADER = ["CustomerID", "TPID", "DUNS", "AccountName", "PostalCode", "Country", "AzureCluster"];

function damage(rows: CellValue[][]): string[] {
  const detection = detectLayout([HEADER, ...rows]);
  if (!detection.ok) throw new Error(detection.reason);
  return detectCsvDamage(detection.layout, rows);
}

describe("CSV damage", () => {
  test("a sheet as the file was shows no damage", () => {
    expect(
      damage([
        ["12345678901234567890", "0012345", "012345678", "Contoso", "02134", "United States", "Act Now"],
        ["A1", "12345", "123456789", "Fabrikam", 98052, "United States", "Evaluate"],
        ["A2", 12345, 123456789, "Tailspin", 2000, "Australia", "Nurture"],
      ]),
    ).toEqual([]);
  });

  test("4-digit US postal codes, IDs cut to 15 digits, scientific IDs and short DUNS are named", () => {
    const warnings = damage([
      [12345678901234500000, 123456789012, 12345678, "Contoso", 2134, "United States", "Act Now"],
      ["A1", "1.23457E+17", 123456789, "Fabrikam", 98052, "USA", "Evaluate"],
    ]);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/"PostalCode" holds 1 US postal codes of 4 digits/);
    expect(warnings[1]).toMatch(
      /"CustomerID" holds 1 IDs of exactly 15 significant digits followed by zeros/,
    );
    expect(warnings[2]).toMatch(/"TPID" shows 2 IDs in scientific notation/);
    expect(warnings[3]).toMatch(/"DUNS" holds 1 DUNS numbers shorter than 9 digits/);
    for (const w of warnings) expect(w).toMatch(/Open report file…/);
  });

  test("15 significant digits followed by zeros", () => {
    expect(isCutToFifteenDigits(123456789012345000)).toBe(true);
    expect(isCutToFifteenDigits(123456789012345)).toBe(false);
    // An 18-digit ID as a double: 123456789012345680, not zeros after the 15th digit.
    expect(isCutToFifteenDigits(Number("123456789012345678"))).toBe(false);
    expect(isCutToFifteenDigits("123456789012345000")).toBe(false);
  });

  test("a report in one column is recognised, with the file's separator", () => {
    expect(
      detectOneColumnReport([["CustomerID,AccountName,AzureCluster,Industry"], ["1,Contoso,Act Now,Retail"]]),
    ).toEqual({ delimiter: "," });
    expect(detectOneColumnReport([["Title"], ["CustomerID;AccountName;AzureCluster"]])).toEqual({
      delimiter: ";",
    });
    expect(detectOneColumnReport([["a,b,c"], ["1,2,3"]])).toBeNull();
  });
});
