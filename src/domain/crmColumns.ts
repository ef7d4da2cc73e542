/**
 * Which column of a CRM accounts export is which: by header first (Dynamics 365, Salesforce and
 * HubSpot spellings), then by content (websites and emails look like domains; names are mostly
 * distinct text). The pane shows the result with a dropdown per role; the corrected mapping is kept
 * by header text, so it survives columns moving.
 */
import { COLUMN_GROUPS } from "./addinArtifacts";
import { locateColumnGroup } from "./columnGroups";
import { looksLikeDomain } from "./crmDomain";
import type { CellValue } from "./types";

export const CRM_ROLES = [
  "accountName",
  "website",
  "owner",
  "accountId",
  "msId",
  "tenantId",
  "country",
] as const;
export type CrmRole = (typeof CRM_ROLES)[number];

export const CRM_ROLE_LABELS: Record<CrmRole, string> = {
  accountName: "Account name",
  website: "Website, domain or email",
  owner: "Owner",
  accountId: "CRM account ID",
  msId: "TPID or Microsoft customer ID",
  tenantId: "Tenant ID",
  country: "Country",
};

/** Role -> column index in the export's header row. */
export type CrmMapping = Partial<Record<CrmRole, number>>;
/** Role -> header text: how a mapping is stored and how the pane passes a correction. */
export type CrmMappingByHeader = Partial<Record<CrmRole, string>>;

/** Lower case, letters and digits only: "Address 1: Country/Region" -> "address1countryregion". */
export function foldCrmHeader(value: unknown): string {
  return String(value ?? "")
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Exact header spellings per role, best first. */
const EXACT: Record<CrmRole, readonly string[]> = {
  accountName: [
    "accountname",
    "companyname",
    "organizationname",
    "organisationname",
    "customername",
    "businessname",
    "legalname",
    "clientname",
    "name",
    "company",
    "organization",
    "organisation",
    "account",
    "customer",
    "client",
  ],
  website: [
    "website",
    "websiteurl",
    "companydomainname",
    "domain",
    "domainname",
    "primarydomain",
    "web",
    "url",
    "webaddress",
    "homepage",
    "emaildomain",
    "email",
    "emailaddress",
    "primaryemail",
    "companyemail",
    "emailaddress1",
  ],
  owner: [
    "owner",
    "accountowner",
    "companyowner",
    "ownername",
    "hubspotowner",
    "accountmanager",
    "salesperson",
    "salesrep",
    "accountexecutive",
    "assignedto",
  ],
  accountId: [
    "accountid",
    "recordid",
    "donotmodifyaccount",
    "crmaccountid",
    "crmid",
    "companyid",
    "salesforceid",
    "accountid18",
    "id",
    "accountnumber",
  ],
  msId: [
    "tpid",
    "mstpid",
    "microsofttpid",
    "topparentid",
    "microsoftcustomerid",
    "mscustomerid",
    "partnercentercustomerid",
    "customerid",
  ],
  tenantId: [
    "tenantid",
    "microsofttenantid",
    "customertenantid",
    "aadtenantid",
    "azuretenantid",
    "entratenantid",
    "m365tenantid",
    "o365tenantid",
    "tenant",
  ],
  country: [
    "country",
    "countryregion",
    "billingcountry",
    "address1countryregion",
    "shippingcountry",
    "mailingcountry",
    "countrycode",
  ],
};

/** Words a header may contain for a role when no exact spelling is there. */
const CONTAINS: Record<CrmRole, readonly string[]> = {
  accountName: ["accountname", "companyname"],
  website: ["website", "domain", "email"],
  owner: ["owner"],
  accountId: ["accountid", "recordid"],
  msId: ["tpid", "microsoftcustomerid"],
  tenantId: ["tenantid"],
  country: ["country"],
};

/** Roles are assigned in this order, each column to one role only. */
const ASSIGN_ORDER: readonly CrmRole[] = [
  "accountName",
  "website",
  "accountId",
  "msId",
  "tenantId",
  "owner",
  "country",
];

function nonBlank(values: readonly CellValue[]): CellValue[] {
  return values.filter((v) => v !== null && v !== undefined && String(v).trim() !== "");
}

/** A column reads as websites/emails when most of its filled cells are domains. */
function looksLikeWebsites(values: readonly CellValue[]): boolean {
  const filled = nonBlank(values);
  return filled.length > 0 && filled.filter(looksLikeDomain).length / filled.length >= 0.6;
}

/** A column reads as company names when its filled cells are mostly distinct words, not ids or domains. */
function looksLikeNames(values: readonly CellValue[]): boolean {
  const filled = nonBlank(values).map(String);
  if (filled.length === 0) return false;
  const wordy = filled.filter(
    (v) => /[a-z]{2,}/i.test(v) && !/^[0-9a-f-]{16,}$/i.test(v) && !looksLikeDomain(v),
  );
  return wordy.length / filled.length >= 0.8 && new Set(filled).size / filled.length >= 0.8;
}

/** The row of the first rows that names the most CRM columns (exports sometimes start with a title). */
export function findCrmHeaderRow(block: readonly (readonly CellValue[])[]): number {
  let best = 0;
  let bestHits = 0;
  block.slice(0, 10).forEach((row, r) => {
    const hits = row.filter((cell) => {
      const folded = foldCrmHeader(cell);
      return folded !== "" && CRM_ROLES.some((role) => EXACT[role].includes(folded));
    }).length;
    if (hits > bestHits) {
      best = r;
      bestHits = hits;
    }
  });
  return best;
}

/** Detects the mapping from the header row and a sample of data rows. */
export function detectCrmMapping(
  headers: readonly CellValue[],
  sample: readonly (readonly CellValue[])[],
): CrmMapping {
  const folded = headers.map(foldCrmHeader);
  const taken = new Set<number>();
  const mapping: CrmMapping = {};
  const take = (role: CrmRole, column: number) => {
    mapping[role] = column;
    taken.add(column);
  };
  for (const role of ASSIGN_ORDER) {
    for (const spelling of EXACT[role]) {
      const column = folded.findIndex((h, c) => h === spelling && !taken.has(c));
      if (column >= 0) {
        take(role, column);
        break;
      }
    }
  }
  for (const role of ASSIGN_ORDER) {
    if (mapping[role] !== undefined) continue;
    const column = folded.findIndex(
      (h, c) => !taken.has(c) && h !== "" && CONTAINS[role].some((w) => h.includes(w)),
    );
    if (column >= 0) take(role, column);
  }
  const columnValues = (c: number) => sample.map((row) => row[c] ?? "");
  if (mapping.website === undefined) {
    const column = folded.findIndex((_, c) => !taken.has(c) && looksLikeWebsites(columnValues(c)));
    if (column >= 0) take("website", column);
  }
  if (mapping.accountName === undefined) {
    const column = folded.findIndex(
      (h, c) => !taken.has(c) && h.includes("name") && looksLikeNames(columnValues(c)),
    );
    if (column >= 0) take("accountName", column);
  }
  return mapping;
}

/** A mapping by header text applied to a header row; null when a named header is not there. */
export function mappingFromHeaders(
  headers: readonly CellValue[],
  byHeader: CrmMappingByHeader,
): { mapping: CrmMapping; missing: string[] } {
  const folded = headers.map(foldCrmHeader);
  const mapping: CrmMapping = {};
  const missing: string[] = [];
  for (const role of CRM_ROLES) {
    const header = byHeader[role];
    if (header === undefined || header === "") continue;
    const column = folded.indexOf(foldCrmHeader(header));
    if (column >= 0) mapping[role] = column;
    else missing.push(header);
  }
  return { mapping, missing };
}

export function mappingToHeaders(headers: readonly CellValue[], mapping: CrmMapping): CrmMappingByHeader {
  const out: CrmMappingByHeader = {};
  for (const role of CRM_ROLES) {
    const column = mapping[role];
    if (column !== undefined)
      out[role] = String(headers[column] ?? "")
        .replace(/^\uFEFF/, "")
        .trim();
  }
  return out;
}

/** One signature per header row, so a stored mapping is used only for the export it was made for. */
export function headerSignature(headers: readonly CellValue[]): string {
  return headers.map(foldCrmHeader).join("|");
}

/** The report column (0-based offset) of the CRM Owner column Match to CRM wrote, or null. */
export function locateCrmOwnerColumn(rawHeaders: readonly unknown[]): number | null {
  const start = locateColumnGroup(rawHeaders, "crm");
  return start === null ? null : start + COLUMN_GROUPS.crm.indexOf("CRM Owner");
}
