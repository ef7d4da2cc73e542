/**
 * A CRM accounts export derived from a generated report, with the truth of which report customer
 * is which account: the test set for Match to CRM. The export spells its columns like Dynamics 365,
 * Salesforce or HubSpot and holds what real exports hold: websites as URLs, emails, subdomains or
 * blank; names with other legal suffixes, punctuation, case and typos; similar-named decoys;
 * subsidiaries sharing a domain; free-mail addresses; ids where the CRM keeps them.
 *
 * Customers whose names differ only by legal form ("Contoso Group Ltd", "Contoso Group Inc.") form
 * one family, and a family is in the CRM or not as a whole: when a CRM holds only one entity of a
 * family, nothing in a name tells which one it is, for a matcher or for a person.
 */
import { domainKey } from "../../domain/crmDomain";
import { normaliseName } from "../../domain/crmNames";
import type { CellValue } from "../../domain/types";
import type { SampleReport } from "./generate";
import { Rng } from "./rng";

export type CrmFlavour = "dynamics" | "salesforce" | "hubspot";

export interface CrmSampleOptions {
  flavour?: CrmFlavour;
  seed?: number;
  /** Share of customer families that are in the CRM. Default 0.8. */
  inCrm?: number;
  /** Decoy accounts (not in the report) per account. Default 0.3. */
  decoys?: number;
  /** Extra accounts that repeat an existing account's id. Default 0. */
  duplicateIds?: number;
}

export interface CrmSample {
  flavour: CrmFlavour;
  /** Header row first. */
  rows: CellValue[][];
  headers: string[];
  /** Per report data row: the CRM account id it truly is, or null when it is not in the CRM. */
  truth: (string | null)[];
  /** Accounts (data rows). */
  accountCount: number;
}

interface Account {
  id: string;
  name: string;
  website: string;
  owner: string;
  country: string;
  msId: string;
  tenantId: string;
}

const HEADERS: Record<CrmFlavour, Record<keyof Account, string> & { extra: [string, () => string][] }> = {
  dynamics: {
    id: "(Do Not Modify) Account",
    name: "Account Name",
    website: "Website",
    owner: "Owner",
    country: "Address 1: Country/Region",
    msId: "TPID",
    tenantId: "Tenant ID",
    extra: [
      ["(Do Not Modify) Row Checksum", () => "Kx9/aQ=="],
      ["(Do Not Modify) Modified On", () => "11/20/2026 9:14 AM"],
      ["Main Phone", () => "+1 425 555 0100"],
    ],
  },
  salesforce: {
    id: "Account ID",
    name: "Account Name",
    website: "Website",
    owner: "Account Owner",
    country: "Billing Country",
    msId: "Microsoft Customer ID",
    tenantId: "Microsoft Tenant ID",
    extra: [
      ["Type", () => "Customer"],
      ["Industry", () => "Technology"],
    ],
  },
  hubspot: {
    id: "Record ID",
    name: "Company name",
    website: "Company Domain Name",
    owner: "Company owner",
    country: "Country/Region",
    msId: "TPID",
    tenantId: "Tenant ID",
    extra: [
      ["Lifecycle Stage", () => "Customer"],
      ["Create Date", () => "2024-03-02 10:31"],
    ],
  },
};

const OWNERS = [
  "Ana Souza",
  "Ben Carter",
  "Chen Wei",
  "Dana Kowalski",
  "Elif Yilmaz",
  "Farid Haddad",
  "Grace Okafor",
  "Hiro Tanaka",
  "Ines Moreau",
  "Jonas Berg",
  "Kavya Rao",
  "Liam O'Neill",
];

/** Words that make a similar-named decoy ("Contoso Legal" next to "Contoso Logistics"). */
const DECOY_QUALIFIERS = [
  "Legal",
  "Dental",
  "Media",
  "Robotics",
  "Wellness",
  "Outdoor",
  "Marine",
  "Textiles",
  "Energy",
  "Ventures",
  "Foundation",
  "Pharma",
];
const DECOY_BASES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Soylent", "Tyrell"];
const COMMON_WORDS = ["Group", "Holdings", "Solutions", "Services", "Partners", "International"];

/** Same legal form, other spelling (a CRM clerk writes "Limited" for "Ltd", drops it, or adds a comma). */
const SUFFIX_VARIANTS: [RegExp, string[]][] = [
  [/,? Inc\.?$/, [" Incorporated", " Inc", ", Inc", ""]],
  [/ Ltd$/, [" Limited", " Ltd.", " LTD", ""]],
  [/ Pty Ltd$/, [" Pty. Ltd.", " PTY LTD", " Pty Limited"]],
  [/ LLC$/, [" L.L.C.", ", LLC", ""]],
  [/ GmbH$/, [" GMBH", " Gmbh", ""]],
  [/ S\.A\.$/, [" SA", " S.A", " S. A."]],
  [/ B\.V\.$/, [" BV", " B.V", ""]],
  [/ Corp$/, [" Corporation", " Corp.", ""]],
];

function guid(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[rng.int(16)]).join("");
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

function accountId(flavour: CrmFlavour, rng: Rng, n: number): string {
  if (flavour === "dynamics") return guid(rng);
  if (flavour === "hubspot") return String(5_000_000_000 + n * 7919 + rng.int(7000));
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return "001" + Array.from({ length: 15 }, () => chars[rng.int(chars.length)]).join("");
}

function suffixVariant(name: string, rng: Rng, keepLegalForm: boolean): string {
  for (const [pattern, variants] of SUFFIX_VARIANTS) {
    if (!pattern.test(name)) continue;
    const allowed = keepLegalForm ? variants.filter((v) => v !== "") : variants;
    return name.replace(pattern, rng.pick(allowed));
  }
  return name;
}

function punctuationVariant(name: string, rng: Rng): string {
  const options = [
    () => name.toUpperCase(),
    () => name.toLowerCase(),
    () => (name.includes("&") ? name.replace("&", "and") : name.replace(/ and /, " & ")),
    () => name.replace(/'/g, ""),
    () => name.replace(/\./g, ""),
    () => name.replace(/ /, "  "),
    () => `The ${name}`,
    () => name.replace(/e/, "é"),
  ];
  return rng.pick(options)();
}

/** One slip in a word of five letters or more: a letter swapped, missing, doubled or replaced. */
function typoVariant(name: string, rng: Rng): string {
  const words = name.split(" ");
  const long = words.map((w, i) => (/^[A-Za-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (long.length === 0) return name;
  const i = rng.pick(long);
  const w = words[i];
  const p = 1 + rng.int(w.length - 2);
  const kind = rng.int(4);
  words[i] =
    kind === 0
      ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
      : kind === 1
        ? w.slice(0, p) + w.slice(p + 1)
        : kind === 2
          ? w.slice(0, p) + w[p] + w.slice(p)
          : w.slice(0, p) + "aeiou"[rng.int(5)] + w.slice(p + 1);
  return words.join(" ");
}

function websiteVariant(domain: string, rng: Rng): string {
  const u = rng.next();
  if (u < 0.18) return "";
  if (u < 0.4) return domain;
  if (u < 0.58) return `https://www.${domain}/`;
  if (u < 0.64) return `http://${domain}/contact-us?src=crm`;
  if (u < 0.72) return `www.${domain}`;
  if (u < 0.82) return `${rng.pick(["info", "sales", "office", "accounts"])}@${domain}`;
  if (u < 0.88) return `${rng.pick(["shop", "portal", "eu", "mail"])}.${domain}`;
  if (u < 0.92) return `WWW.${domain.toUpperCase()}.`;
  if (u < 0.95) return `https://${domain}:443/home`;
  return `${rng.pick(["jane.doe", "office", "bob"])}@${rng.pick(["gmail.com", "outlook.com", "hotmail.co.uk"])}`;
}

function cell(value: CellValue | undefined): string {
  return value === undefined || value === null ? "" : String(value);
}

/** Name text as the report shows it, without the formula-like wrappers of messy files. */
function cleanName(value: CellValue | undefined): string {
  let name = cell(value);
  const link = /^=HYPERLINK\("[^"]*","(.*)"\)$/.exec(name);
  if (link) name = link[1];
  return name.replace(/^[=+\-@]/, "");
}

export function generateCrmSample(report: SampleReport, options: CrmSampleOptions = {}): CrmSample {
  const flavour = options.flavour ?? "salesforce";
  const rng = new Rng(options.seed ?? 11);
  const inCrm = options.inCrm ?? 0.8;
  const decoyRate = options.decoys ?? 0.3;
  const { truth: reportTruth } = report;
  const column = (role: string) => {
    const header = reportTruth.roles[role];
    return header === undefined ? -1 : reportTruth.headers.indexOf(header);
  };
  const nameColumn = column("accountName");
  const domainColumn = column("domain");
  const tpidColumn = column("tpid");
  const customerIdColumn = column("customerId");
  const tenantColumn = column("tenantId");
  const countryColumn = column("country");
  const dataRows = report.rows.slice(reportTruth.headerRow + 1);
  const blank = new Set(reportTruth.blankRows);

  // Families: customers whose names differ only by legal form. Within one, customers of one legal
  // form are one organisation (one account); several forms keep their form in the CRM, which is
  // all that tells them apart.
  const normalised = dataRows.map((row) => normaliseName(cleanName(row[nameColumn])));
  const familyOf = normalised.map((n) => n.key);
  const families = new Map<string, boolean>();
  const formsOf = new Map<string, Set<string | null>>();
  normalised.forEach((n) =>
    formsOf.set(n.key, (formsOf.get(n.key) ?? new Set<string | null>()).add(n.legal)),
  );
  const organisations = new Map<string, string>();
  const usedKeys = new Set(familyOf);

  const accounts: Account[] = [];
  const truth: (string | null)[] = dataRows.map(() => null);
  const newAccount = (fields: Partial<Account>): Account => {
    const account: Account = {
      id: accountId(flavour, rng, accounts.length),
      name: "",
      website: "",
      owner: rng.pick(OWNERS),
      country: "",
      msId: "",
      tenantId: "",
      ...fields,
    };
    accounts.push(account);
    return account;
  };
  const decoy = (name: string, website: string, country: string) => {
    // A decoy never carries the name of a report customer: it would be that customer's account.
    const key = normaliseName(name).key;
    if (usedKeys.has(key)) return;
    usedKeys.add(key);
    newAccount({ name, website, country });
  };

  dataRows.forEach((row, r) => {
    if (blank.has(r) || !familyOf[r]) return;
    if (!families.has(familyOf[r])) families.set(familyOf[r], rng.chance(inCrm));
    if (!families.get(familyOf[r])) {
      // Not in the CRM, but something similar may be.
      if (rng.chance(decoyRate / 2)) {
        const words = cleanName(row[nameColumn]).split(" ");
        decoy(`${words[0]} ${rng.pick(DECOY_QUALIFIERS)}`, "", cell(row[countryColumn]));
      }
      return;
    }
    const organisation = `${familyOf[r]}|${normalised[r].legal}`;
    const known = organisations.get(organisation);
    if (known !== undefined) {
      truth[r] = known;
      return;
    }
    const keepLegalForm = formsOf.get(familyOf[r])!.size > 1;
    const reportName = cleanName(row[nameColumn]);
    const reportDomain = cell(row[domainColumn]);
    const hasDomain = reportDomain.includes(".");
    const u = rng.next();
    const name =
      u < 0.4
        ? reportName
        : u < 0.6
          ? suffixVariant(reportName, rng, keepLegalForm)
          : u < 0.75
            ? punctuationVariant(reportName, rng)
            : u < 0.9
              ? typoVariant(reportName, rng)
              : suffixVariant(punctuationVariant(reportName, rng), rng, keepLegalForm);
    const website = hasDomain ? websiteVariant(reportDomain, rng) : "";
    const idColumn = tpidColumn >= 0 && rng.chance(0.5) ? tpidColumn : customerIdColumn;
    const msId = rng.chance(0.15) && idColumn >= 0 ? cell(row[idColumn]) : "";
    const tenantId = tenantColumn >= 0 && rng.chance(0.1) ? cell(row[tenantColumn]) : "";
    const account = newAccount({ name, website, country: cell(row[countryColumn]), msId, tenantId });
    truth[r] = account.id;
    organisations.set(organisation, account.id);

    const v = rng.next();
    if (v < decoyRate * 0.4) {
      // Similar-named: same first word, another trade ("Contoso Legal" for "Contoso Logistics").
      decoy(`${reportName.split(" ")[0]} ${rng.pick(DECOY_QUALIFIERS)}`, "", account.country);
    } else if (v < decoyRate * 0.6 && domainKey(website).kind === "domain") {
      // A subsidiary on the same domain as its parent.
      const first = reportName.split(" ").slice(0, 2).join(" ");
      decoy(`${first} ${rng.pick(DECOY_QUALIFIERS)}`, websiteVariant(reportDomain, rng) || reportDomain, "");
    } else if (v < decoyRate) {
      // Common words only in common ("Acme Group" next to "Beta Group").
      decoy(`${rng.pick(DECOY_BASES)} ${rng.pick(COMMON_WORDS)}`, "", "");
    }
  });

  for (let d = 0; d < (options.duplicateIds ?? 0) && accounts.length > 0; d++) {
    const original = accounts[rng.int(accounts.length)];
    accounts.push({ ...original, name: `${original.name} (old)`, owner: rng.pick(OWNERS) });
  }

  // Exports list accounts alphabetically, not in report order.
  accounts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const h = HEADERS[flavour];
  const headers = [
    h.id,
    h.name,
    h.website,
    h.owner,
    h.country,
    h.msId,
    h.tenantId,
    ...h.extra.map((e) => e[0]),
  ];
  const rows: CellValue[][] = [headers];
  for (const a of accounts) {
    rows.push([
      a.id,
      a.name,
      a.website,
      a.owner,
      a.country,
      a.msId,
      a.tenantId,
      ...h.extra.map((e) => e[1]()),
    ]);
  }
  return { flavour, rows, headers, truth, accountCount: accounts.length };
}
