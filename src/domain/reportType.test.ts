import { detectLayout } from "./layout";
import { detectReportType, isSecurityCohort, REPORT_TYPE_LABELS } from "./reportType";
import type { CellValue, ReportType } from "./types";

/** Header plus two data rows; clusters get cluster values, everything else Yes/No. */
function typeOf(
  headers: string[],
  rows: CellValue[][] = [],
): { reportType: ReportType; reportTypeLabel: string } {
  const data = rows.length
    ? rows
    : [0, 1].map((i) =>
        headers.map((h) => (/cluster$/i.test(h) ? "Act Now" : /name/i.test(h) ? `Customer ${i}` : "Yes")),
      );
  const result = detectLayout([
    ["AccountName", "SubSegment", ...headers],
    ...data.map((r) => [`Contoso ${r.length}`, "Small", ...r]),
  ]);
  if (!result.ok) throw new Error(result.reason);
  return { reportType: result.layout.reportType, reportTypeLabel: result.layout.reportTypeLabel };
}

describe("detectReportType", () => {
  it.each<[string, string[], ReportType, string]>([
    [
      "renewal",
      [
        "License Program",
        "Agreement ID",
        "Agreement End Date",
        "Expiration Type",
        "Expiring Revenue",
        "RevSumDivisionName",
        "AzureCluster",
        "M365Cluster",
      ],
      "renewal",
      "Agreement renewal",
    ],
    [
      "Azure only",
      ["AzureCluster", "AzureFit", "AzureIntent", "Azure_Migrate", "Transacted in the last 36 months"],
      "azure",
      "Cloud & AI Platform (Azure)",
    ],
    [
      "Microsoft 365 with Copilot, BC and Surface",
      ["M365Cluster", "M365_CoPilot_Cluster", "D365BCCluster", "SurfaceCluster"],
      "ai-business",
      "AI Business Solutions (Microsoft 365)",
    ],
    [
      "2023 Modern Work (O365, MW_ plays with a security play)",
      ["O365Cluster", "M365Cluster", "MW_Security_E5"],
      "ai-business",
      "AI Business Solutions (Microsoft 365)",
    ],
    [
      "Dynamics 365",
      ["D365BCCluster", "D365FOCluster", "D365CECluster", "PowerAppsCluster", "D365_Sales_Growth"],
      "dynamics",
      "Dynamics 365",
    ],
    [
      "Security by its plays",
      [
        "Has Transacted EOS Product",
        "Security Upsell",
        "Advanced XDR",
        "Promos",
        "Transacted in the last 36 months",
      ],
      "security",
      "Security",
    ],
    [
      "Security by its cluster, beside Microsoft 365",
      ["SecurityCluster", "M365Cluster", "Advanced XDR"],
      "security",
      "Security",
    ],
    [
      "Microsoft 365 with security plays",
      ["M365Cluster", "Security Upsell", "Defender for Business", "Office 2013 EOS"],
      "ai-business",
      "AI Business Solutions (Microsoft 365)",
    ],
    [
      "Azure with security plays",
      ["AzureCluster", "Azure_Security", "Windows Server 2012 EOS"],
      "azure",
      "Cloud & AI Platform (Azure)",
    ],
    ["Security by its cluster", ["SecurityCluster", "SecurityFit", "SecurityIntent"], "security", "Security"],
    ["Surface only", ["SurfaceCluster", "SurfaceFit", "Surface Intent"], "surface", "Surface"],
    [
      "Azure and Dynamics together",
      ["AzureCluster", "D365BCCluster"],
      "unknown",
      "CloudAscent report, type unknown",
    ],
    [
      "no product at all",
      ["Transacted in the last 36 months"],
      "unknown",
      "CloudAscent report, type unknown",
    ],
  ])("%s", (_name, headers, reportType, label) => {
    expect(typeOf(headers)).toEqual({ reportType, reportTypeLabel: label });
  });

  it("falls back on the cohorts' family prefix when there is no cluster column", () => {
    expect(typeOf(["Azure_Migrate_SQL", "Azure_AVD", "Transacted in the last 36 months"]).reportType).toBe(
      "azure",
    );
    expect(typeOf(["MW_Teams_Phone", "Transacted in the last 36 months"]).reportType).toBe("ai-business");
  });

  it("labels every report type", () => {
    expect(Object.keys(REPORT_TYPE_LABELS).sort()).toEqual([
      "ai-business",
      "azure",
      "dynamics",
      "renewal",
      "security",
      "surface",
      "unknown",
    ]);
  });

  it("tells security plays from look-alikes", () => {
    expect(isSecurityCohort("Has Transacted EOS Product")).toBe(true);
    expect(isSecurityCohort("EOS_Windows_Server")).toBe(true);
    expect(isSecurityCohort("Advanced XDR")).toBe(true);
    expect(isSecurityCohort("Videos Watched")).toBe(false);
    expect(isSecurityCohort("Expand Surface")).toBe(false);
  });

  it("never throws on a partial layout", () => {
    expect(detectReportType({} as never).reportType).toBe("unknown");
  });
});
