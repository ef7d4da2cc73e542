/**
 * Which CloudAscent report family a layout belongs to, from its products, cohorts and renewal columns.
 */
import { foldHeader } from "./headers";
import type { CohortColumn, ReportLayout, ReportType } from "./types";

export const REPORT_TYPE_LABELS: Readonly<Record<ReportType, string>> = {
  renewal: "Agreement renewal",
  azure: "Cloud & AI Platform (Azure)",
  "ai-business": "AI Business Solutions (Microsoft 365)",
  dynamics: "Dynamics 365",
  security: "Security",
  surface: "Surface",
  unknown: "CloudAscent report, type unknown",
};

const M365_FAMILY = new Set(["M365", "O365", "M365 Copilot"]);
const DYNAMICS_FAMILY = new Set(["D365 BC", "D365 FO", "D365 CE", "Power Apps"]);
/** Products an AI Business Solutions report may carry beside Microsoft 365. */
const AI_BUSINESS_EXTRAS = new Set(["D365 BC", "Surface"]);

/** A security sales play: Security Upsell, Advanced XDR, Has Transacted EOS Product, Defender... */
export function isSecurityCohort(header: string): boolean {
  const text = String(header ?? "");
  const folded = foldHeader(text);
  return (
    /security|xdr|defender|sentinel/.test(folded) ||
    /(^|[^a-z])eos([^a-z]|$)/i.test(text) ||
    /EOS/.test(text) ||
    /endofsupport/.test(folded)
  );
}

/** The product family a cohort's prefix names (2023 sales plays: Azure_, MW_, D365_). */
function cohortFamily(cohort: CohortColumn): ReportType | undefined {
  const text = String(cohort.header ?? "")
    .trim()
    .toLowerCase();
  if (/^azure[\s_-]/.test(text)) return "azure";
  if (/^(mw|m365|o365|modern ?work)[\s_-]/.test(text)) return "ai-business";
  if (/^(d365|bizapps|dynamics)[\s_-]/.test(text)) return "dynamics";
  if (/^surface[\s_-]/.test(text)) return "surface";
  return undefined;
}

function result(reportType: ReportType) {
  return { reportType, reportTypeLabel: REPORT_TYPE_LABELS[reportType] };
}

/**
 * Report family. Order: renewal columns -> "Agreement renewal"; a Security cluster -> "Security";
 * only Azure -> Azure; Microsoft 365 / Office 365 / Copilot (possibly with Business Central or
 * Surface) -> AI Business Solutions; Dynamics 365 products without Microsoft 365 -> Dynamics 365;
 * only Surface -> Surface; other product mixes -> unknown. With no product cluster column, security
 * plays (Security Upsell, Advanced XDR, EOS) mean Security, else the plays' prefix (Azure_, MW_, D365_).
 * Security-sounding plays beside product clusters do not decide: every family carries some.
 */
export function detectReportType(layout: Omit<ReportLayout, "reportType" | "reportTypeLabel">): {
  reportType: ReportType;
  reportTypeLabel: string;
} {
  const roles = layout?.roles ?? {};
  if (
    roles.agreementEndDate !== undefined ||
    roles.expiringRevenue !== undefined ||
    roles.agreementId !== undefined
  ) {
    return result("renewal");
  }
  const products = Array.isArray(layout?.products) ? layout.products : [];
  const cohorts = Array.isArray(layout?.cohorts) ? layout.cohorts : [];
  const keys = new Set(products.map((p) => p?.key));

  if (keys.has("Security")) return result("security");

  if (keys.size > 0) {
    const all = [...keys];
    if (all.every((k) => k === "Azure")) return result("azure");
    const hasM365 = all.some((k) => M365_FAMILY.has(k));
    if (hasM365 && all.every((k) => M365_FAMILY.has(k) || AI_BUSINESS_EXTRAS.has(k)))
      return result("ai-business");
    if (!hasM365 && all.every((k) => DYNAMICS_FAMILY.has(k))) return result("dynamics");
    if (all.every((k) => k === "Surface")) return result("surface");
    return result("unknown");
  }

  // No product cluster column: the sales plays tell the family. Security plays (not prefixed by
  // another family, as MW_Security_E5 is) mean the Security report.
  if (cohorts.some((c) => isSecurityCohort(c?.header) && cohortFamily(c) === undefined))
    return result("security");
  const families = new Set(cohorts.map(cohortFamily).filter((f): f is ReportType => f !== undefined));
  if (families.size === 1) return result([...families][0]);
  return result("unknown");
}
