/**
 * Column roles by meaning, never by position: every header spelling seen in CloudAscent reports
 * (2021 spaced, 2023 CamelCase, current) is matched after folding (see foldHeader).
 */
import { cleanHeader, foldHeader } from "./headers";
import type { ColumnRole, ProductColumns } from "./types";

/** Folded spellings of each role. */
const ROLE_SPELLINGS: Record<ColumnRole, readonly string[]> = {
  partnerId: ["mpnid", "mpn", "partnerid", "partnermpnid", "partneroneid", "pgaid"],
  partnerName: ["partnername", "mpnname", "partneraccountname"],
  customerId: ["customerid", "custid", "customernumber", "customeraccountid"],
  tpid: ["tpid", "topparentid", "customertpid"],
  tenantId: ["customertenantid", "tenantid", "aadtenantid", "tenant", "customertenant"],
  duns: ["duns", "dunsnumber", "dunsid", "customerduns"],
  accountName: ["accountname", "customername", "customeraccountname", "companyname", "organizationname"],
  domain: ["domain", "website", "customerdomain", "domainname", "webdomain", "emaildomain", "url"],
  orgSize: ["orgsize", "organizationsize", "organisationsize", "companysize"],
  industry: ["industry", "industryname"],
  vertical: ["vertical", "verticalname"],
  area: ["area", "areaname"],
  subsidiary: ["subsidiary", "subsidiaryname"],
  salesTerritory: ["salesterritory", "territory", "salesterritoryname"],
  city: ["city"],
  state: ["state", "stateorprovince", "stateprovince", "province"],
  postalCode: ["postalcode", "zip", "zipcode", "postcode"],
  country: ["country", "countryname", "country/region", "countryregion"],
  segment: ["segment", "segmentname"],
  subSegment: ["subsegment", "subsegmentname"],
  smcType: ["smctypesummary", "smectypesummary", "sme&ctypesummary", "smctype", "smectype", "sme&ctype"],
  nonprofit: ["isnonprofit", "nonprofitstatus", "nonprofit"],
  recommendedWorkloads: ["recommendedworkloads", "recommendedworkload"],
  m365UpsellCustomer: ["m365upsellcustomer"],
  licenseProgram: ["licenseprogram", "licensingprogram"],
  agreementId: ["agreementid", "agreementnumber"],
  agreementEndDate: ["agreementenddate", "agreementexpirationdate", "agreementexpirydate"],
  expirationType: ["expirationtype"],
  expiringRevenue: ["expiringrevenue"],
  revSumDivision: ["revsumdivisionname", "revsumdivision"],
  transacted36: [
    "transactedinthelast36months",
    "transactedinlast36months",
    "transactedlast36months",
    "transacted36months",
  ],
};

const ROLE_BY_FOLDED: ReadonlyMap<string, ColumnRole> = new Map(
  (Object.entries(ROLE_SPELLINGS) as [ColumnRole, readonly string[]][]).flatMap(([role, spellings]) =>
    spellings.map((s) => [s, role] as [string, ColumnRole]),
  ),
);

/** Roles that identify a customer (used to match to the CRM and to tell blank rows). */
export const IDENTITY_ROLES: readonly ColumnRole[] = [
  "accountName",
  "customerId",
  "tpid",
  "tenantId",
  "duns",
  "domain",
];

/** Firmographic roles (same block in every report). */
export const FIRMOGRAPHIC_ROLES: readonly ColumnRole[] = [
  "partnerId",
  "partnerName",
  "orgSize",
  "industry",
  "vertical",
  "area",
  "subsidiary",
  "salesTerritory",
  "city",
  "state",
  "postalCode",
  "country",
  "segment",
  "subSegment",
  "smcType",
  "nonprofit",
];

/** Columns only the Agreement renewal report has. */
export const RENEWAL_ROLES: readonly ColumnRole[] = [
  "agreementId",
  "agreementEndDate",
  "expiringRevenue",
  "expirationType",
  "licenseProgram",
  "revSumDivision",
];

/** The role of a header (folded or not: it is folded again), or undefined. */
export function roleOf(folded: string): ColumnRole | undefined {
  return ROLE_BY_FOLDED.get(foldHeader(folded));
}

interface KnownProduct {
  key: string;
  label: string;
  spellings: readonly string[];
}

const KNOWN_PRODUCTS: readonly KnownProduct[] = [
  { key: "Azure", label: "Azure", spellings: ["azure", "microsoftazure"] },
  { key: "M365", label: "Microsoft 365", spellings: ["m365", "microsoft365"] },
  { key: "O365", label: "Office 365", spellings: ["o365", "office365"] },
  {
    key: "M365 Copilot",
    label: "Microsoft 365 Copilot",
    spellings: ["m365copilot", "copilot", "microsoft365copilot", "copilotm365", "m365cp"],
  },
  { key: "Surface", label: "Surface", spellings: ["surface", "microsoftsurface"] },
  {
    key: "D365 BC",
    label: "Dynamics 365 Business Central",
    spellings: [
      "d365bc",
      "businesscentral",
      "d365businesscentral",
      "dynamics365businesscentral",
      "dynamicsbc",
    ],
  },
  {
    key: "D365 FO",
    label: "Dynamics 365 Finance & Operations",
    spellings: [
      "d365fo",
      "d365f&o",
      "financeandoperations",
      "finance&operations",
      "d365financeandoperations",
      "d365finance&operations",
      "dynamics365financeandoperations",
    ],
  },
  {
    key: "D365 CE",
    label: "Dynamics 365 Customer Engagement",
    spellings: ["d365ce", "customerengagement", "d365customerengagement", "dynamics365customerengagement"],
  },
  { key: "Power Apps", label: "Power Apps", spellings: ["powerapps", "powerapp", "microsoftpowerapps"] },
  { key: "Security", label: "Security", spellings: ["security", "microsoftsecurity", "m365security"] },
];

const PRODUCT_BY_FOLDED: ReadonlyMap<string, KnownProduct> = new Map(
  KNOWN_PRODUCTS.flatMap((p) => p.spellings.map((s) => [s, p] as [string, KnownProduct])),
);

/** "<x>Cluster" headers that are not products (helper columns this add-in may have written). */
const NOT_PRODUCTS: ReadonlySet<string> = new Set([
  "best",
  "top",
  "overall",
  "highest",
  "primary",
  "propensity",
]);

/** The canonical product for a folded product text, if known. */
export function knownProduct(folded: string): { key: string; label: string } | undefined {
  const p = PRODUCT_BY_FOLDED.get(foldHeader(folded));
  return p && { key: p.key, label: p.label };
}

/** Product text of a header before its suffix, keeping the header's own spelling: "Teams Phone Cluster" -> "Teams Phone". */
function ownPrefix(header: string, suffix: string): string {
  const text = cleanHeader(header);
  // Walk the text and the folded suffix backwards, skipping separators.
  let i = text.length;
  let j = suffix.length;
  while (i > 0 && j > 0) {
    const ch = text[i - 1];
    if (/[\s_\-\u00A0]/.test(ch)) {
      i--;
      continue;
    }
    if (ch.toLowerCase() !== suffix[j - 1]) break;
    i--;
    j--;
  }
  return text
    .slice(0, i)
    .replace(/[\s_\-\u00A0]+$/, "")
    .trim();
}

/** Identity of a product text: canonical key for known products, the folded text otherwise. */
function productId(foldedText: string): string {
  return PRODUCT_BY_FOLDED.get(foldedText)?.key ?? `?${foldedText}`;
}

type Part = "fit" | "intent" | "potentialRevenue" | "owned";

/** Which product part a folded header is, with the folded product text; undefined when none. */
function partOf(folded: string): { part: Part; product: string } | undefined {
  const suffixes: [string, Part][] = [
    ["fitscore", "fit"],
    ["intentscore", "intent"],
    ["potentialrevenue", "potentialRevenue"],
    ["revenuepotential", "potentialRevenue"],
    ["fit", "fit"],
    ["intent", "intent"],
  ];
  for (const prefix of ["customerpotentialrevenue", "potentialrevenue"]) {
    if (folded.startsWith(prefix) && folded.length > prefix.length) {
      return { part: "potentialRevenue", product: folded.slice(prefix.length) };
    }
  }
  for (const [suffix, part] of suffixes) {
    if (folded.endsWith(suffix) && folded.length > suffix.length) {
      let product = folded.slice(0, -suffix.length);
      if (part === "potentialRevenue")
        product = product.replace(/^customer(?=.)/, "").replace(/(?<=.)customer$/, "");
      return { part, product };
    }
  }
  if (folded.startsWith("has") && folded.length > 3) return { part: "owned", product: folded.slice(3) };
  return undefined;
}

/**
 * Product propensity columns. A product is listed only when it has a cluster column
 * ("AzureCluster", "Azure Cluster", "D365 BC Cluster", "M365_CoPilot_Cluster"); its fit, intent,
 * potential revenue and "Has <product>" columns are attached when present. Products keep sheet order.
 * Known products get canonical keys and labels; others keep the header's own text.
 * `used` holds every column index assigned to a product.
 */
export function productColumns(headers: readonly string[]): {
  products: ProductColumns[];
  used: Set<number>;
} {
  const list: readonly unknown[] = Array.isArray(headers) ? headers : [];
  const folded = list.map((h) => foldHeader(h));
  const products: ProductColumns[] = [];
  const byId = new Map<string, ProductColumns>();
  const used = new Set<number>();

  folded.forEach((f, i) => {
    if (!f.endsWith("cluster") || f.length <= "cluster".length) return;
    const text = f.slice(0, -"cluster".length);
    if (NOT_PRODUCTS.has(text) || roleOf(f) !== undefined) return;
    const id = productId(text);
    if (byId.has(id)) return; // a second cluster column for the same product: the first wins
    const known = PRODUCT_BY_FOLDED.get(text);
    const own = ownPrefix(String(list[i]), "cluster") || text;
    const product: ProductColumns = known
      ? { key: known.key, label: known.label, cluster: i }
      : { key: own, label: own.replace(/_+/g, " ").trim() || own, cluster: i };
    byId.set(id, product);
    products.push(product);
    used.add(i);
  });

  folded.forEach((f, i) => {
    if (used.has(i) || roleOf(f) !== undefined) return;
    const found = partOf(f);
    if (!found) return;
    const product = byId.get(productId(found.product));
    if (!product || product[found.part] !== undefined) return;
    product[found.part] = i;
    used.add(i);
  });

  return { products, used };
}
