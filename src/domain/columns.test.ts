import { productColumns, roleOf } from "./columns";
import { foldHeader } from "./headers";
import type { ColumnRole } from "./types";

describe("roleOf", () => {
  // Every spelling listed in domain.md: 2021 spaced, 2023 CamelCase, current, and the ones also seen.
  const cases: [string, ColumnRole][] = [
    ["MPN ID", "partnerId"],
    ["MPNID", "partnerId"],
    ["PartnerID", "partnerId"],
    ["Partner Name", "partnerName"],
    ["PartnerName", "partnerName"],
    ["Customer ID", "customerId"],
    ["CustomerID", "customerId"],
    ["Customer Tenant ID", "tenantId"],
    ["TenantId", "tenantId"],
    ["TPID", "tpid"],
    ["DUNS", "duns"],
    ["Account Name", "accountName"],
    ["AccountName", "accountName"],
    ["CustomerName", "accountName"],
    ["Domain", "domain"],
    ["Website", "domain"],
    ["Org Size", "orgSize"],
    ["OrgSize", "orgSize"],
    ["Industry", "industry"],
    ["Vertical", "vertical"],
    ["Area", "area"],
    ["Subsidiary", "subsidiary"],
    ["Sales Territory", "salesTerritory"],
    ["SalesTerritory", "salesTerritory"],
    ["City", "city"],
    ["State", "state"],
    ["Postal Code", "postalCode"],
    ["PostalCode", "postalCode"],
    ["Zip", "postalCode"],
    ["Country", "country"],
    ["Segment", "segment"],
    ["Sub Segment", "subSegment"],
    ["SubSegment", "subSegment"],
    ["Sub-Segment", "subSegment"],
    ["SMC Type Summary", "smcType"],
    ["SMCTypeSummary", "smcType"],
    ["SMECTypeSummary", "smcType"],
    ["SME&C Type Summary", "smcType"],
    ["IsNonprofit", "nonprofit"],
    ["Nonprofit Status", "nonprofit"],
    ["RecommendedWorkloads", "recommendedWorkloads"],
    ["Recommended Workloads", "recommendedWorkloads"],
    ["M365UpsellCustomer", "m365UpsellCustomer"],
    ["License Program", "licenseProgram"],
    ["Agreement ID", "agreementId"],
    ["Agreement End Date", "agreementEndDate"],
    ["Expiration Type", "expirationType"],
    ["Expiring Revenue", "expiringRevenue"],
    ["RevSumDivisionName", "revSumDivision"],
    ["Transactedinthelast36months", "transacted36"],
    ["TransactedInTheLast36months", "transacted36"],
    ["TransactedInTheLast36Months", "transacted36"],
    ["Transacted in the last 36 months", "transacted36"],
    ["Transacted_In_The_Last_36_Months", "transacted36"],
  ];

  it.each(cases)("%j is %s (folded or not)", (header, role) => {
    expect(roleOf(foldHeader(header))).toBe(role);
    expect(roleOf(header)).toBe(role);
  });

  it.each(["AzureCluster", "Budget 2024", "", "Notes", "HasGoogle", "Promos"])("%j has no role", (header) => {
    expect(roleOf(foldHeader(header))).toBeUndefined();
  });
});

describe("productColumns", () => {
  it("finds each known product with cluster, fit and intent in any spelling", () => {
    const headers = [
      "AccountName",
      "AzureCluster",
      "AzureFit",
      "AzureIntent",
      "M365 Cluster",
      "M365 Fit Score",
      "M365 Intent Score",
      "O365Cluster",
      "O365Fit",
      "O365Intent",
      "M365_CoPilot_Cluster",
      "M365_CoPilot_Fit",
      "M365_CoPilot_Intent",
      "SurfaceCluster",
      "SurfaceFit",
      "Surface Intent",
      "D365 BC Cluster",
      "D365BCFit",
      "D365 BC Intent",
      "D365FOCluster",
      "D365FOFit",
      "D365FOIntent",
      "D365CECluster",
      "D365CEFit",
      "D365CEIntent",
      "PowerAppsCluster",
      "PowerAppsFit",
      "PowerAppsIntent",
      "Security Cluster",
      "SecurityFit",
      "SecurityIntent",
    ];
    const { products, used } = productColumns(headers);
    expect(products.map((p) => [p.key, p.label, p.cluster, p.fit, p.intent])).toEqual([
      ["Azure", "Azure", 1, 2, 3],
      ["M365", "Microsoft 365", 4, 5, 6],
      ["O365", "Office 365", 7, 8, 9],
      ["M365 Copilot", "Microsoft 365 Copilot", 10, 11, 12],
      ["Surface", "Surface", 13, 14, 15],
      ["D365 BC", "Dynamics 365 Business Central", 16, 17, 18],
      ["D365 FO", "Dynamics 365 Finance & Operations", 19, 20, 21],
      ["D365 CE", "Dynamics 365 Customer Engagement", 22, 23, 24],
      ["Power Apps", "Power Apps", 25, 26, 27],
      ["Security", "Security", 28, 29, 30],
    ]);
    expect(used.has(0)).toBe(false);
    expect(used.size).toBe(30);
  });

  it("recognises alternative product names", () => {
    const { products } = productColumns([
      "CopilotCluster",
      "BusinessCentralCluster",
      "PowerApps Cluster",
      "M365CopilotFit",
    ]);
    expect(products.map((p) => p.key)).toEqual(["M365 Copilot", "D365 BC", "Power Apps"]);
    expect(products[0].fit).toBe(3);
  });

  it("keeps the sheet order, not a fixed product order", () => {
    const { products } = productColumns(["SurfaceCluster", "AzureCluster", "M365Cluster"]);
    expect(products.map((p) => p.key)).toEqual(["Surface", "Azure", "M365"]);
  });

  it("attaches potential revenue in every documented spelling", () => {
    const { products, used } = productColumns([
      "AzureCluster",
      "M365Cluster",
      "SurfaceCluster",
      "CopilotCluster",
      "AzurePotentialRevenue",
      "Potential Revenue M365",
      "Customer Potential Revenue Surface",
      "Copilot Revenue Potential",
    ]);
    expect(products.map((p) => p.potentialRevenue)).toEqual([4, 5, 6, 7]);
    expect([...used].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("attaches Has <product> ownership flags and leaves competitor flags alone", () => {
    const { products, used } = productColumns([
      "Has Azure",
      "AzureCluster",
      "HasM365",
      "M365Cluster",
      "HasGoogle",
      "HasD365",
    ]);
    expect(products.map((p) => [p.key, p.owned])).toEqual([
      ["Azure", 0],
      ["M365", 2],
    ]);
    expect(used.has(4)).toBe(false);
    expect(used.has(5)).toBe(false);
  });

  it("lists a product only when it has a cluster column", () => {
    const { products, used } = productColumns(["AzureFit", "AzureIntent", "AccountName"]);
    expect(products).toEqual([]);
    expect(used.size).toBe(0);
  });

  it("keeps an unknown product's own text as key and label", () => {
    const { products } = productColumns([
      "Teams Phone Cluster",
      "TeamsPhoneFit",
      "Teams_Phone_Intent",
      "Fabric_Cluster",
    ]);
    expect(products).toEqual([
      { key: "Teams Phone", label: "Teams Phone", cluster: 0, fit: 1, intent: 2 },
      { key: "Fabric", label: "Fabric", cluster: 3 },
    ]);
  });

  it("takes the first of two cluster columns for the same product", () => {
    const { products, used } = productColumns(["AzureCluster", "Azure Cluster"]);
    expect(products).toEqual([{ key: "Azure", label: "Azure", cluster: 0 }]);
    expect(used.has(1)).toBe(false);
  });

  it("ignores helper columns and bare words", () => {
    expect(productColumns(["Best Cluster", "Cluster", "Cluster Band", "Fit", "Intent"]).products).toEqual([]);
  });

  it("does not throw on odd input", () => {
    expect(productColumns([null as unknown as string, "", "\uFEFF"]).products).toEqual([]);
    expect(productColumns(undefined as unknown as string[]).products).toEqual([]);
  });
});
