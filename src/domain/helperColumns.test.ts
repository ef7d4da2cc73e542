import { isHelperHeader, locateHelperColumns } from "./helperColumns";

describe("helper column placement", () => {
  const report = ["AccountName", "AzureCluster", "", "Notes"];
  const helpers = ["Best Cluster", "cluster band", "Top_Products", "Priority Score", "Score Reasons"];

  it("finds the helper block by its headers, whatever their spelling", () => {
    expect(locateHelperColumns(report)).toBeNull();
    expect(locateHelperColumns([...report, ...helpers, "Original Order"])).toBe(4);
    expect(locateHelperColumns([...report, ...helpers.slice(0, 4)])).toBeNull();
    expect(isHelperHeader(" Priority-Score ")).toBe(true);
    expect(isHelperHeader("AzureCluster")).toBe(false);
  });
});
