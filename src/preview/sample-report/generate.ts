/**
 * Generator of realistic CloudAscent propensity reports, as Excel's `range.values` would hold them
 * after a partner opens the downloaded CSV. Seeded and deterministic; fast and memory-lean (cells
 * reuse pooled strings, one closure per column, no per-cell objects).
 *
 * Each layout follows ../../../../shared/domain.md: firmographics, sales plays / cohorts, propensity
 * (cluster, fit, intent per product), ownership flags, renewal columns, and the "transacted in the
 * last 36 months" column last. `messy: true` adds the kinds of mess a real file has.
 */
import type { CellValue } from "../../domain/types";
import {
  companyPool,
  COUNTRIES,
  COUNTRY_WEIGHTS,
  EXTRA_PLAYS,
  INDUSTRIES,
  INDUSTRY_WEIGHTS,
  OWNERSHIP_FLAGS,
  PARTNER_NAMES,
  POTENTIAL_REVENUE_RANGES,
  RECOMMENDED_WORKLOADS,
  REVENUE_PRODUCTS,
  SIGNALS,
  type CompanyPool,
} from "./pools";
import { cumulative, Rng } from "./rng";

export type { CellValue };

export type SampleLayout =
  | "renewal"
  | "azure"
  | "ai-business"
  | "security"
  | "surface"
  | "modern-work-2021"
  | "azure-2023"
  | "d365-2023";

export const SAMPLE_LAYOUTS: readonly SampleLayout[] = [
  "renewal",
  "azure",
  "ai-business",
  "security",
  "surface",
  "modern-work-2021",
  "azure-2023",
  "d365-2023",
];

export interface SampleOptions {
  layout: SampleLayout;
  /** Data rows (blank rows included). */
  rows: number;
  /** Same options -> identical output. Default 1. */
  seed?: number;
  /** Pad with realistic extra columns up to this many (never fewer than the layout's natural count). */
  columns?: number;
  messy?: boolean;
}

export type CanonicalCluster = "Act Now" | "Evaluate" | "Nurture" | "Educate";
export type TruthCluster = CanonicalCluster | null | "unknown";

export interface SampleTruthProduct {
  key: string;
  clusterHeader: string;
  fitHeader?: string;
  intentHeader?: string;
  /** Canonical cluster per data row: null = blank cell (or blank row), "unknown" = junk such as "Hot". */
  clusters: TruthCluster[];
}

export interface SampleTruth {
  layout: SampleLayout;
  /** 0-based index of the header in `rows`. */
  headerRow: number;
  /** As written (BOM included when messy). */
  headers: string[];
  /** Rows below the header, blank rows included. */
  dataRows: number;
  /** 0-based data-row indexes that are fully blank. */
  blankRows: number[];
  products: SampleTruthProduct[];
  /** Every cohort / sales-play column header (Yes/No flags and named cohorts). */
  cohortHeaders: string[];
  /** ColumnRole name -> header text as written. */
  roles: Record<string, string>;
  /** Data-row indexes whose account name starts with = + - @. */
  formulaLikeAccountRows: number[];
}

export interface SampleReport {
  rows: CellValue[][];
  truth: SampleTruth;
}

// ---------------------------------------------------------------------------------------------
// Values

const CLUSTER_LABELS: readonly CanonicalCluster[] = ["Act Now", "Evaluate", "Nurture", "Educate"];
const BLANK = -1;
const UNKNOWN = 4;
/** Act Now ~10%, Evaluate ~20%, Nurture ~35%, Educate ~25%, blank ~10%. */
const CLUSTER_WEIGHTS = cumulative([10, 20, 35, 25, 10]);
/** Stray case and spaces seen in real files (messy mode). */
const CLUSTER_VARIANTS: readonly (readonly string[])[] = [
  ["act now ", "ACT NOW", " Act Now", "Act now", "act now", "Act  Now"],
  ["EVALUATE", "evaluate ", " Evaluate", "Evaluate  "],
  ["NURTURE", "nurture", "Nurture ", " nurture"],
  ["EDUCATE", "educate", "Educate ", "  Educate"],
];
const UNKNOWN_CLUSTERS = ["Hot", "Warm", "Cold", "TBD"] as const;
/** Fit band lower/upper bounds per cluster (documented matrix: High fit -> Act Now ...). */
const FIT_LO = [75, 55, 30, 0];
const FIT_HI = [100, 74, 54, 29];
const BAND_LABELS = ["High", "Medium", "Low", "Very Low"] as const;
const BAND_LABEL_VARIANTS = [
  "High",
  "Medium",
  "Low",
  "Very Low",
  "HIGH",
  "medium",
  "Med",
  "very low",
] as const;

function bandOf(score: number): number {
  return score >= 75 ? 0 : score >= 55 ? 1 : score >= 30 ? 2 : 3;
}

/** 2026-11-25 (the download date of the samples) as an Excel serial. */
const DOWNLOAD_SERIAL = 46351;
const DOWNLOAD_DATE_TEXT = "2026-11-25";

const YES = "Yes";
const NO = "No";
const YES_NO_MESS = ["yes", "NO", "Y", "N", "no ", "YES"] as const;

const TITLES: Record<SampleLayout, string> = {
  renewal: "CloudAscent - Agreement renewal",
  azure: "CloudAscent - Cloud & AI Platform",
  "ai-business": "CloudAscent - AI Business Solutions",
  security: "CloudAscent - Security",
  surface: "CloudAscent - Surface",
  "modern-work-2021": "CloudAscent - Microsoft 365",
  "azure-2023": "CloudAscent - Azure",
  "d365-2023": "CloudAscent - Dynamics 365",
};

/** "1234567.5" -> "1,234,567.50" (US grouping), without Intl so output is the same everywhere. */
function grouped(n: number, decimals = 0): string {
  const [whole, fraction] = Math.abs(n).toFixed(decimals).split(".");
  let out = "";
  for (let i = whole.length; i > 0; i -= 3) out = whole.slice(Math.max(0, i - 3), i) + (out ? "," + out : "");
  return (n < 0 ? "-" : "") + out + (fraction ? "." + fraction : "");
}

// ---------------------------------------------------------------------------------------------
// Per-row state and generation context

const MAX_PRODUCTS = 16;

interface RowState {
  company: number;
  employees: number;
  tier: number; // 0 Small, 1 Medium, 2 Upper Medium
  country: number;
  city: number;
  industry: number;
  vertical: number;
  transacted: boolean;
  /** Best (lowest index) non-blank cluster of the row, 4 when none: drives correlated plays. */
  best: number;
  cluster: Int8Array;
  fit: Int16Array;
  intent: Int16Array;
}

/** Which mess goes where: each kind also lands on one chosen row so small reports show it too. */
interface Forced {
  formula: number[];
  clusterVariant: number;
  unknownCluster: number;
  bandLabel: number;
  moneyText: number;
  thousandsText: number;
  naCell: number;
  blankCell: number;
}

interface Ctx {
  rng: Rng;
  messy: boolean;
  row: number;
  /** The row carries a forced kind of mess. */
  forcedRow: boolean;
  s: RowState;
  companies: CompanyPool;
  forced: Forced;
  formulaRows: number[];
}

type Gen = () => CellValue;

interface Column {
  header: string;
  gen: Gen;
}

interface ProductDef {
  key: string;
  cluster: string;
  fit?: string;
  intent?: string;
}

/** Firmographics spelling. */
type Style = "current" | "2021" | "2023";

const FIRMO_HEADERS: Record<Style, Record<string, string>> = {
  current: {
    partnerId: "PartnerID",
    partnerName: "PartnerName",
    customerId: "CustomerID",
    tpid: "TPID",
    tenantId: "Customer Tenant ID",
    duns: "DUNS",
    accountName: "AccountName",
    domain: "Domain",
    orgSize: "OrgSize",
    industry: "Industry",
    vertical: "Vertical",
    area: "Area",
    subsidiary: "Subsidiary",
    salesTerritory: "SalesTerritory",
    city: "City",
    state: "State",
    postalCode: "PostalCode",
    country: "Country",
    segment: "Segment",
    subSegment: "SubSegment",
    smcType: "SMECTypeSummary",
    nonprofit: "IsNonprofit",
  },
  "2023": {
    partnerId: "MPNID",
    partnerName: "PartnerName",
    customerId: "CustomerID",
    tpid: "TPID",
    duns: "DUNS",
    accountName: "AccountName",
    domain: "Domain",
    orgSize: "OrgSize",
    industry: "Industry",
    vertical: "Vertical",
    area: "Area",
    subsidiary: "Subsidiary",
    salesTerritory: "SalesTerritory",
    city: "City",
    state: "State",
    postalCode: "PostalCode",
    country: "Country",
    segment: "Segment",
    subSegment: "SubSegment",
    smcType: "SMCTypeSummary",
    nonprofit: "IsNonprofit",
  },
  "2021": {
    partnerId: "MPN ID",
    partnerName: "Partner Name",
    customerId: "Customer ID",
    duns: "DUNS",
    accountName: "Account Name",
    domain: "Domain",
    orgSize: "Org Size",
    industry: "Industry",
    vertical: "Vertical",
    area: "Area",
    subsidiary: "Subsidiary",
    salesTerritory: "Sales Territory",
    city: "City",
    state: "State",
    postalCode: "Postal Code",
    country: "Country",
    segment: "Segment",
    subSegment: "Sub Segment",
    smcType: "SMC Type Summary",
    nonprofit: "Is Nonprofit",
  },
};

const SUB_SEGMENTS: Record<Style, readonly string[]> = {
  current: ["Small", "Medium", "Upper Medium"],
  "2023": ["SMB - Small", "SMB - Medium", "SMB - Upper Medium"],
  "2021": ["Small", "Medium", "Top Unmanaged - User Base"],
};
const ORG_BUCKETS = [
  [10, "Under 10"],
  [25, "10 to 24"],
  [50, "25 to 49"],
  [100, "50 to 99"],
  [250, "100 to 249"],
  [500, "250 to 499"],
  [1000, "500 to 999"],
  [Infinity, "1000+"],
] as const;

let hex4: string[] | null = null;

/** GUID-like id (customer id, tenant id): lower-case hex in 8-4-4-4-12 groups, from pooled 4-digit pieces. */
function guid(rng: Rng): string {
  if (!hex4) {
    hex4 = new Array<string>(65536);
    for (let i = 0; i < 65536; i++) hex4[i] = (i + 0x10000).toString(16).slice(1);
  }
  const h = hex4;
  const a = rng.uint32();
  const b = rng.uint32();
  const c = rng.uint32();
  const d = rng.uint32();
  return (
    h[a >>> 16] +
    h[a & 0xffff] +
    "-" +
    h[b >>> 16] +
    "-" +
    h[b & 0xffff] +
    "-" +
    h[c >>> 16] +
    "-" +
    h[c & 0xffff] +
    h[d >>> 16] +
    h[d & 0xffff]
  );
}

// ---------------------------------------------------------------------------------------------
// Layout builder

class Builder {
  readonly columns: Column[] = [];
  readonly products: SampleTruthProduct[] = [];
  readonly cohortHeaders: string[] = [];
  readonly roles: Record<string, string> = {};
  private readonly names = new Set<string>();
  private transactedColumn: Column | null = null;

  constructor(
    readonly ctx: Ctx,
    readonly rowCount: number,
  ) {}

  has(header: string): boolean {
    return this.names.has(header.toLowerCase());
  }

  add(header: string, gen: Gen, role?: string): void {
    this.names.add(header.toLowerCase());
    this.columns.push({ header, gen });
    if (role) this.roles[role] = header;
  }

  /** Messy helper: blank or "#N/A" now and then, and on the forced rows. */
  private sprinkle(gen: Gen, blankRate: number, naRate: number): Gen {
    if (!this.ctx.messy) return gen;
    const ctx = this.ctx;
    return () => {
      if (ctx.row === ctx.forced.blankCell) return "";
      if (ctx.row === ctx.forced.naCell) return "#N/A";
      const u = ctx.rng.next();
      if (u < blankRate) return "";
      if (u < blankRate + naRate) return "#N/A";
      return gen();
    };
  }

  firmographics(style: Style, ids: { tpid?: boolean; tenantId?: boolean }): void {
    const { ctx } = this;
    const { rng } = ctx;
    const s = ctx.s;
    const h = FIRMO_HEADERS[style];
    const partnerId = 4_000_000 + rng.int(6_000_000);
    const partnerName = rng.pick(PARTNER_NAMES);
    const subSegments = SUB_SEGMENTS[style];
    const messy = ctx.messy;

    this.add(h.partnerId, () => partnerId, "partnerId");
    this.add(h.partnerName, () => partnerName, "partnerName");
    if (style === "2021") {
      // 2021 files carry a numeric customer id (TPID-like).
      this.add(h.customerId, () => 10_000_000 + rng.int(890_000_000), "customerId");
    } else {
      this.add(h.customerId, () => guid(rng), "customerId");
    }
    if (ids.tpid && h.tpid) this.add(h.tpid, () => 1_000_000 + rng.int(99_000_000), "tpid");
    if (ids.tenantId && h.tenantId)
      this.add(
        h.tenantId,
        this.sprinkle(() => guid(rng), 0.05, 0),
        "tenantId",
      );
    // DUNS: 9 digits; as a number Excel drops leading zeros.
    this.add(
      h.duns,
      this.sprinkle(() => rng.int(999_999_999), 0.08, 0),
      "duns",
    );
    const formulaNames = [
      (name: string) => `=HYPERLINK("https://www.bing.com/search?q=${encodeURIComponent(name)}","${name}")`,
      (name: string) => `+${name}`,
      (name: string) => `-${name}`,
      (name: string) => `@${name}`,
    ];
    this.add(
      h.accountName,
      () => {
        const name = ctx.companies.names[s.company];
        if (!messy) return name;
        const forced = ctx.forced.formula.indexOf(ctx.row);
        if (forced >= 0 || rng.next() < 0.003) {
          ctx.formulaRows.push(ctx.row);
          return formulaNames[forced >= 0 ? forced : rng.int(4)](name);
        }
        return name;
      },
      "accountName",
    );
    this.add(
      h.domain,
      this.sprinkle(() => ctx.companies.domains[s.company], 0.03, 0),
      "domain",
    );
    if (style === "2021") {
      this.add(
        h.orgSize,
        this.sprinkle(
          () => {
            for (const [limit, label] of ORG_BUCKETS) if (s.employees < limit) return label;
            return "1000+";
          },
          0.02,
          0,
        ),
        "orgSize",
      );
    } else {
      this.add(
        h.orgSize,
        this.sprinkle(
          () =>
            messy && (ctx.row === ctx.forced.thousandsText || rng.next() < 0.01) && s.employees >= 1000
              ? grouped(s.employees)
              : s.employees,
          0.02,
          0,
        ),
        "orgSize",
      );
    }
    this.add(
      h.industry,
      this.sprinkle(() => INDUSTRIES[s.industry].name, 0.03, 0.005),
      "industry",
    );
    this.add(
      h.vertical,
      this.sprinkle(() => INDUSTRIES[s.industry].verticals[s.vertical], 0.04, 0.005),
      "vertical",
    );
    this.add(h.area, () => COUNTRIES[s.country].area, "area");
    this.add(h.subsidiary, () => COUNTRIES[s.country].subsidiary, "subsidiary");
    const territories = COUNTRIES.map((c) => [`${c.area} - SMB North`, `${c.area} - SMB South`]);
    this.add(h.salesTerritory, () => territories[s.country][s.city & 1], "salesTerritory");
    this.add(
      h.city,
      this.sprinkle(() => COUNTRIES[s.country].cities[s.city][0], 0.02, 0),
      "city",
    );
    this.add(
      h.state,
      this.sprinkle(() => COUNTRIES[s.country].cities[s.city][1], 0.03, 0),
      "state",
    );
    this.add(
      h.postalCode,
      this.sprinkle(() => COUNTRIES[s.country].postal(rng), 0.03, 0),
      "postalCode",
    );
    this.add(h.country, () => COUNTRIES[s.country].name, "country");
    const segment = style === "current" ? "SMB" : "SM&C Commercial - SMB";
    this.add(h.segment, () => segment, "segment");
    this.add(
      h.subSegment,
      () => {
        if (style === "2021") {
          if (s.tier === 0 && s.employees < 10) return "Very Small";
          if (s.tier === 2 && (s.company & 1) === 1) return "Top Unmanaged - Compute Base";
        }
        return subSegments[s.tier];
      },
      "subSegment",
    );
    const smcTypes = ["SMB Commercial", "SMB Public Sector"];
    this.add(h.smcType, () => smcTypes[INDUSTRIES[s.industry].publicSector ? 1 : 0], "smcType");
    // 2023 files hold the nonprofit flag as TRUE/FALSE, which Excel turns into booleans.
    this.add(
      h.nonprofit,
      () => {
        const yes = INDUSTRIES[s.industry].name === "Nonprofit" || (s.company % 97 === 0 && s.tier < 2);
        return style === "2023" ? yes : yes ? YES : NO;
      },
      "nonprofit",
    );
  }

  /** A Yes/No sales play; more often Yes for customers with a hotter cluster. */
  flag(
    header: string,
    pYes: number,
    opts: { role?: string; ownership?: boolean; format?: "yesno" | "10" } = {},
  ): void {
    const { rng, s, messy } = this.ctx;
    const factor = [2.2, 1.6, 1, 0.6, 0.5];
    const ones = opts.format === "10";
    this.add(
      header,
      () => {
        const yes = rng.next() < pYes * factor[s.best];
        if (ones) return yes ? 1 : 0;
        if (messy) {
          const u = rng.next();
          if (u < 0.01) return "";
          if (u < 0.015) return rng.pick(YES_NO_MESS);
        }
        return yes ? YES : NO;
      },
      opts.role,
    );
    if (!opts.role && !opts.ownership) this.cohortHeaders.push(header);
  }

  /** A column of a few repeated cohort names; blank for customers in no cohort. */
  named(header: string, values: readonly string[], weights: readonly number[], blankShare: number): void {
    const { rng, s } = this.ctx;
    const cum = cumulative(weights);
    this.add(
      header,
      this.sprinkle(
        () => {
          if (rng.next() < blankShare * (s.best === 4 ? 2 : 1)) return "";
          // Hotter customers lean to the later (expansion) cohorts.
          const i = rng.weighted(cum);
          return values[s.best <= 1 && i < values.length - 1 && rng.next() < 0.3 ? i + 1 : i];
        },
        0.01,
        0,
      ),
    );
    this.cohortHeaders.push(header);
  }

  product(def: ProductDef): number {
    const { ctx } = this;
    const { rng, s, messy } = ctx;
    const p = this.products.length;
    const clusters: TruthCluster[] = new Array<TruthCluster>(this.rowCount).fill(null);
    this.products.push({
      key: def.key,
      clusterHeader: def.cluster,
      ...(def.fit ? { fitHeader: def.fit } : {}),
      ...(def.intent ? { intentHeader: def.intent } : {}),
      clusters,
    });
    this.add(def.cluster, () => {
      const c = s.cluster[p];
      const row = ctx.row;
      if (c === BLANK) return "";
      if (c === UNKNOWN) {
        clusters[row] = "unknown";
        return UNKNOWN_CLUSTERS[(row + p) % UNKNOWN_CLUSTERS.length];
      }
      clusters[row] = CLUSTER_LABELS[c];
      if (messy && (row === ctx.forced.clusterVariant || rng.next() < 0.02)) {
        const variants = CLUSTER_VARIANTS[c];
        return variants[rng.int(variants.length)];
      }
      return CLUSTER_LABELS[c];
    });
    const score = (values: Int16Array): Gen => {
      return () => {
        const v = values[p];
        if (v < 0) return "";
        if (messy) {
          const row = ctx.row;
          if (row === ctx.forced.bandLabel) return BAND_LABELS[bandOf(v)];
          if (row === ctx.forced.naCell) return "#N/A";
          const u = rng.next();
          if (u < 0.03)
            return u < 0.006
              ? BAND_LABEL_VARIANTS[rng.int(BAND_LABEL_VARIANTS.length)]
              : BAND_LABELS[bandOf(v)];
          if (u < 0.035) return String(v); // number stored as text
          if (u < 0.038) return "#N/A";
        }
        return v;
      };
    };
    if (def.fit) this.add(def.fit, score(s.fit));
    if (def.intent) this.add(def.intent, score(s.intent));
    return p;
  }

  /** Potential revenue of one product: plain numbers, or range text ("$1K - $5K"). */
  revenue(header: string, product: number, format: "number" | "range"): void {
    const { ctx } = this;
    const { rng, s, messy } = ctx;
    this.add(header, () => {
      const c = s.cluster[product];
      if (c === BLANK && !ctx.forcedRow && rng.next() < 0.7) return "";
      const heat = c >= 0 && c < 4 ? 3 - c : 0;
      const size = s.tier + 1;
      // Log-normal-ish amount, larger for hotter and bigger customers.
      const amount = Math.round(300 * size * (1 + heat) * Math.exp(rng.next() * 3)) * 10;
      if (messy) {
        const row = ctx.row;
        if (row === ctx.forced.moneyText) return "$" + grouped(amount);
        if (row === ctx.forced.thousandsText && amount >= 1000) return grouped(amount);
        if (row === ctx.forced.naCell) return "#N/A";
        const u = rng.next();
        if (u < 0.04) return "$" + grouped(amount);
        if (u < 0.06 && amount >= 1000) return grouped(amount);
        if (u < 0.065) return "#N/A";
      }
      if (format === "range") {
        const i =
          amount < 1000
            ? 0
            : amount < 5000
              ? 1
              : amount < 10000
                ? 2
                : amount < 25000
                  ? 3
                  : amount < 50000
                    ? 4
                    : amount < 100000
                      ? 5
                      : 6;
        return POTENTIAL_REVENUE_RANGES[i];
      }
      return amount;
    });
  }

  /** Signal explainability text (why the model scored the customer). */
  signal(header: string, family: string, product: number | null): void {
    const { rng, s } = this.ctx;
    const texts = SIGNALS[family] ?? SIGNALS.Azure;
    // Single signals and every ordered pair, built once: cells share these strings.
    const pool: string[] = [...texts, ...texts];
    for (const a of texts) for (const b of texts) if (a !== b) pool.push(`${a} | ${b}`);
    this.add(header, () => {
      if (product !== null && s.cluster[product] === BLANK) return "";
      return pool[rng.int(pool.length)];
    });
  }

  recommendedWorkloads(header: string): void {
    const { rng, s } = this.ctx;
    const pairs = RECOMMENDED_WORKLOADS.map(
      (w, i) => `${w}, ${RECOMMENDED_WORKLOADS[(i + 3) % RECOMMENDED_WORKLOADS.length]}`,
    );
    this.add(
      header,
      () => (s.best === 4 ? "" : rng.next() < 0.5 ? RECOMMENDED_WORKLOADS[rng.int(8)] : pairs[rng.int(8)]),
      "recommendedWorkloads",
    );
  }

  renewalBlock(): void {
    const { rng, s, messy } = this.ctx;
    const ctx = this.ctx;
    const programs = ["Open Value", "Open Value Subscription", "CSP", "MPSA", "Select Plus"];
    const programWeights = cumulative([35, 20, 25, 12, 8]);
    let program = 0;
    this.add(
      "License Program",
      () => {
        program = rng.weighted(programWeights);
        return programs[program];
      },
      "licenseProgram",
    );
    this.add(
      "Agreement ID",
      () => {
        switch (program) {
          case 0:
          case 1:
            return `V${rng.range(1_000_000, 9_999_999)}`;
          case 2:
            return `CSP-${rng.uint32().toString(16).padStart(8, "0").toUpperCase()}`;
          case 3:
            // Numeric: Excel keeps it as a number. Messy files also hold 18-digit ids that Excel cut
            // to 15 significant digits (shown as 1.23457E+17): the last three digits are zeros.
            if (messy && rng.next() < 0.3)
              return Number(`${rng.range(100_000_000, 999_999_999)}${rng.range(100_000, 999_999)}000`);
            return rng.range(10_000_000, 99_999_999);
          default:
            return `S${rng.range(1_000_000, 9_999_999)}`;
        }
      },
      "agreementId",
    );
    this.add(
      "Agreement End Date",
      () => {
        const serial = DOWNLOAD_SERIAL - 30 + rng.int(400);
        if (messy && rng.next() < 0.03) {
          // Text Excel could not read as a US date: day-first with a day above 12, or dotted.
          const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
          const day = Math.max(13, d.getUTCDate());
          const month = String(d.getUTCMonth() + 1).padStart(2, "0");
          return rng.next() < 0.5
            ? `${day}/${month}/${d.getUTCFullYear()}`
            : `${day}.${month}.${d.getUTCFullYear()}`;
        }
        return serial;
      },
      "agreementEndDate",
    );
    const types = ["Expiring", "Renewal Due", "Auto-Renew", "Expired"];
    const typeWeights = cumulative([45, 30, 15, 10]);
    this.add("Expiration Type", () => types[rng.weighted(typeWeights)], "expirationType");
    this.add(
      "Expiring Revenue",
      () => {
        const amount = Math.round((200 + 800 * (s.tier + 1) * Math.exp(rng.next() * 3)) * 100) / 100;
        if (messy) {
          if (ctx.row === ctx.forced.moneyText) return "$" + grouped(amount, 2);
          if (rng.next() < 0.04) return "$" + grouped(amount, 2);
        }
        return amount;
      },
      "expiringRevenue",
    );
    const divisions = ["Modern Work", "Azure", "Business Applications", "Security", "Windows & Devices"];
    this.add(
      "RevSumDivisionName",
      () => divisions[rng.weighted(cumulative([40, 25, 12, 13, 10]))],
      "revSumDivision",
    );
  }

  transacted(header: string): void {
    const { s, rng, messy } = this.ctx;
    this.transactedColumn = {
      header,
      gen: () => {
        if (messy && rng.next() < 0.005) return "";
        return s.transacted ? YES : NO;
      },
    };
    this.roles.transacted36 = header;
  }

  /** Extra realistic columns up to `total`, inserted before the last (transacted) column. */
  pad(total: number): void {
    const { rng, s } = this.ctx;
    const families = Object.keys(SIGNALS);
    let k = 0;
    const kinds = 5;
    while (this.columns.length + (this.transactedColumn ? 1 : 0) < total) {
      const kind = k % kinds;
      const index = Math.floor(k / kinds);
      k++;
      let header: string;
      switch (kind) {
        case 0: {
          const family = families[index % families.length];
          header =
            index < families.length
              ? `Signal Explainability - ${family}`
              : `Signal Detail ${index + 1} - ${family}`;
          if (!this.has(header)) this.signal(header, family, null);
          break;
        }
        case 1: {
          const product = REVENUE_PRODUCTS[index % REVENUE_PRODUCTS.length];
          header =
            index < REVENUE_PRODUCTS.length
              ? `Revenue - ${product}`
              : `Revenue - ${product} FY${24 + Math.floor(index / REVENUE_PRODUCTS.length)}`;
          if (!this.has(header)) {
            this.add(header, () =>
              rng.next() < 0.45 ? 0 : Math.round(50 * (s.tier + 1) * Math.exp(rng.next() * 4)) * 10,
            );
          }
          break;
        }
        case 2: {
          header =
            index < OWNERSHIP_FLAGS.length
              ? OWNERSHIP_FLAGS[index]
              : `HasOther${index - OWNERSHIP_FLAGS.length + 1}`;
          if (!this.has(header)) {
            const p = 0.1 + (index % 5) * 0.06;
            this.add(header, () => (rng.next() < p ? YES : NO));
          }
          break;
        }
        default: {
          const i = index * 2 + (kind - 3);
          header = i < EXTRA_PLAYS.length ? EXTRA_PLAYS[i] : `Sales Play ${i - EXTRA_PLAYS.length + 1}`;
          if (!this.has(header)) this.flag(header, 0.08 + (i % 7) * 0.03);
          break;
        }
      }
      if (k > 100_000) break; // safety; never reached for sane totals
    }
  }

  finish(): Column[] {
    if (this.transactedColumn) {
      this.names.add(this.transactedColumn.header.toLowerCase());
      return [...this.columns, this.transactedColumn];
    }
    return this.columns;
  }
}

// ---------------------------------------------------------------------------------------------
// Layouts

const SECURE_AI_COHORTS = [
  "Cohort 1 - Migrate to Cloud",
  "Cohort 2 - Upgrade to Business Premium",
  "Cohort 3 - Secure Productivity",
  "Cohort 4 - Adopt Copilot",
  "Cohort 5 - Cross-Sell Next Workload",
];
const SECURITY_COHORTS = [
  "Cohort 1 - Migrate to Cloud",
  "Cohort 2 - Secure Identities",
  "Cohort 3 - Protect Devices",
  "Cohort 4 - Expand Security",
  "Cohort 5 - Cross-Sell Next Workload",
];

const LAYOUTS: Record<SampleLayout, (b: Builder) => void> = {
  renewal: (b) => {
    b.firmographics("current", { tpid: true, tenantId: true });
    b.named("Renewal Cohort", ["Renew as is", "Upsell at Renewal", "Migrate to CSP"], [50, 30, 20], 0.1);
    b.flag("Promos", 0.15);
    b.flag("Has Transacted EOS Product", 0.2);
    b.product({ key: "M365", cluster: "M365Cluster" });
    b.product({ key: "M365 Copilot", cluster: "M365_CoPilot_Cluster" });
    b.product({ key: "Azure", cluster: "AzureCluster" });
    b.product({ key: "D365 BC", cluster: "D365BCCluster" });
    b.flag("Has Azure", 0.3, { ownership: true });
    b.flag("Has M365", 0.55, { ownership: true });
    b.flag("HasD365", 0.1, { ownership: true });
    b.flag("M365_HasOpenRenewal", 0.25, { ownership: true });
    b.renewalBlock();
    b.transacted("TransactedInTheLast36Months");
  },
  azure: (b) => {
    b.firmographics("current", { tpid: true });
    b.named(
      "Azure Cohort",
      ["Migrate to Azure", "Modernize Data & Apps", "Build AI Apps", "Optimize Azure Spend"],
      [40, 25, 15, 20],
      0.15,
    );
    b.flag("Promos", 0.12);
    b.flag("Migrate Windows Server", 0.2);
    b.flag("Migrate SQL Server", 0.15);
    b.flag("AI Apps Accelerator", 0.08);
    b.flag("Has Transacted EOS Product", 0.18);
    const azure = b.product({
      key: "Azure",
      cluster: "Azure Cluster",
      fit: "Azure Fit",
      intent: "Azure Intent",
    });
    b.revenue("Azure Potential Revenue", azure, "number");
    b.signal("Azure Signal Explainability", "Azure", azure);
    b.recommendedWorkloads("RecommendedWorkloads");
    b.flag("Has Azure", 0.35, { ownership: true });
    b.flag("HasAWS", 0.12, { ownership: true });
    b.flag("HasGoogle", 0.1, { ownership: true });
    b.flag("Azure_HasOpenRenewal", 0.15, { ownership: true });
    b.transacted("Transacted in the last 36 months");
  },
  "ai-business": (b) => {
    b.firmographics("current", { tpid: true });
    b.named("Secure AI Productivity", SECURE_AI_COHORTS, [20, 25, 25, 15, 15], 0.1);
    b.flag("Promos", 0.12);
    b.flag("Copilot Ready", 0.1);
    b.flag("Business Premium Upsell", 0.2);
    const m365 = b.product({ key: "M365", cluster: "M365Cluster", fit: "M365Fit", intent: "M365Intent" });
    const copilot = b.product({
      key: "M365 Copilot",
      cluster: "M365_CoPilot_Cluster",
      fit: "M365_CoPilot_Fit",
      intent: "M365_CoPilot_Intent",
    });
    const bc = b.product({
      key: "D365 BC",
      cluster: "D365BCCluster",
      fit: "D365BCFit",
      intent: "D365BCIntent",
    });
    const surface = b.product({
      key: "Surface",
      cluster: "SurfaceCluster",
      fit: "SurfaceFit",
      intent: "Surface Intent",
    });
    b.revenue("M365 Potential Revenue", m365, "range");
    b.revenue("Copilot Potential Revenue", copilot, "range");
    b.revenue("D365BC Potential Revenue", bc, "number");
    b.revenue("Surface Potential Revenue", surface, "number");
    b.signal("M365 Signal Explainability", "M365", m365);
    b.signal("Copilot Signal Explainability", "Copilot", copilot);
    b.flag("M365UpsellCustomer", 0.2, { role: "m365UpsellCustomer" });
    b.recommendedWorkloads("RecommendedWorkloads");
    b.flag("Has M365", 0.55, { ownership: true });
    b.flag("HasD365", 0.08, { ownership: true });
    b.flag("HasGoogle", 0.12, { ownership: true });
    b.transacted("TransactedInTheLast36months");
  },
  security: (b) => {
    b.firmographics("current", { tenantId: true });
    b.named("Security Cohort", SECURITY_COHORTS, [25, 25, 20, 15, 15], 0.1);
    b.flag("Has Transacted EOS Product", 0.2);
    b.flag("Security Upsell", 0.18);
    b.flag("Advanced XDR", 0.07);
    b.flag("Promos", 0.12);
    const security = b.product({
      key: "Security",
      cluster: "SecurityCluster",
      fit: "SecurityFit",
      intent: "SecurityIntent",
    });
    b.product({ key: "M365", cluster: "M365Cluster" });
    b.revenue("Security Potential Revenue", security, "number");
    b.signal("Security Signal Explainability", "Security", security);
    b.recommendedWorkloads("RecommendedWorkloads");
    b.flag("Has M365", 0.55, { ownership: true });
    b.flag("HasEA", 0.04, { ownership: true });
    b.flag("HasGoogle", 0.1, { ownership: true });
    b.transacted("Transactedinthelast36months");
  },
  surface: (b) => {
    b.firmographics("current", { tpid: true });
    b.named(
      "Surface Cohort",
      ["Expand Surface", "Cross-Sell with M365", "Cross-Sell with Copilot"],
      [45, 35, 20],
      0.15,
    );
    b.flag("Windows 10 EOS", 0.3);
    b.flag("Promos", 0.12);
    const surface = b.product({
      key: "Surface",
      cluster: "SurfaceCluster",
      fit: "SurfaceFit",
      intent: "SurfaceIntent",
    });
    b.revenue("Surface Potential Revenue", surface, "range");
    b.signal("Surface Signal Explainability", "Surface", surface);
    b.add("Device Count", () => b.ctx.s.employees + b.ctx.rng.int(1 + (b.ctx.s.employees >> 1)));
    b.flag("Has Surface", 0.2, { ownership: true });
    b.flag("Has M365", 0.55, { ownership: true });
    b.transacted("Transacted in the last 36 months");
  },
  "modern-work-2021": (b) => {
    b.firmographics("2021", {});
    b.flag("Teams Meetings and Calling", 0.2);
    b.flag("Microsoft 365 Business Premium Upsell", 0.18);
    b.flag("Windows 10 Upgrade", 0.25);
    b.flag("Office 2013 EOS", 0.15);
    b.flag("Security Upsell", 0.12);
    const m365 = b.product({ key: "M365", cluster: "M365 Cluster", fit: "M365 Fit", intent: "M365 Intent" });
    b.product({ key: "O365", cluster: "O365 Cluster" });
    b.revenue("M365 Potential Revenue", m365, "number");
    b.flag("M365 Upsell Customer", 0.2, { role: "m365UpsellCustomer" });
    b.recommendedWorkloads("Recommended Workloads");
    b.flag("Has M365", 0.5, { ownership: true });
    b.flag("Has Google", 0.12, { ownership: true });
    b.flag("Has Open", 0.3, { ownership: true });
    b.flag("Has EA", 0.04, { ownership: true });
    b.transacted("Transacted in the last 36 months");
  },
  "azure-2023": (b) => {
    b.firmographics("2023", { tpid: true });
    b.flag("Azure_Migrate", 0.2);
    b.flag("Azure_Modernize", 0.15);
    b.flag("Azure_Data_AI", 0.1);
    b.flag("Azure_Infra", 0.2);
    b.flag("Azure_AVD", 0.08);
    b.flag("Azure_Security", 0.1);
    const azure = b.product({
      key: "Azure",
      cluster: "AzureCluster",
      fit: "AzureFit",
      intent: "AzureIntent",
    });
    b.revenue("AzurePotentialRevenue", azure, "range");
    b.flag("HasAzure", 0.35, { ownership: true, format: "10" });
    b.flag("HasAWS", 0.12, { ownership: true, format: "10" });
    b.flag("HasGoogle", 0.1, { ownership: true, format: "10" });
    b.flag("Azure_HasOpenRenewal", 0.15, { ownership: true, format: "10" });
    b.transacted("TransactedInTheLast36months");
  },
  "d365-2023": (b) => {
    b.firmographics("2023", { tpid: true });
    b.flag("D365_BC_Migrate", 0.15);
    b.flag("D365_BC_Upsell", 0.08);
    b.flag("D365_CE_Sales", 0.1);
    b.flag("D365_CE_Service", 0.07);
    b.flag("D365_PowerPlatform", 0.12);
    const bcp = b.product({
      key: "D365 BC",
      cluster: "D365BCCluster",
      fit: "D365BCFit",
      intent: "D365BCIntent",
    });
    b.product({ key: "D365 FO", cluster: "D365FOCluster" });
    b.product({ key: "D365 CE", cluster: "D365CECluster", fit: "D365CEFit", intent: "D365CEIntent" });
    b.product({ key: "Power Apps", cluster: "PowerAppsCluster" });
    b.revenue("D365BCPotentialRevenue", bcp, "number");
    b.flag("HasD365", 0.1, { ownership: true, format: "10" });
    b.flag("D365_HasOpenRenewal", 0.06, { ownership: true, format: "10" });
    b.flag("HasSalesforce", 0.05, { ownership: true, format: "10" });
    b.transacted("Transactedinthelast36months");
  },
};

// ---------------------------------------------------------------------------------------------
// Rows

const TIER_WEIGHTS = cumulative([50, 38, 12]);
const TRANSACTED_SHARE = 0.65;

function drawRow(ctx: Ctx, productCount: number): void {
  const { rng, s } = ctx;
  // One row per customer: names repeat only past the pool's ~21,600 distinct combinations.
  s.company = ctx.row % ctx.companies.names.length;
  const tier = rng.weighted(TIER_WEIGHTS);
  s.tier = tier;
  s.employees =
    tier === 0
      ? 1 + Math.floor(24 * rng.next() ** 1.5)
      : tier === 1
        ? rng.range(25, 299)
        : 300 + Math.floor(2700 * rng.next() ** 3);
  s.country = rng.weighted(COUNTRY_WEIGHTS);
  s.city = rng.int(COUNTRIES[s.country].cities.length);
  s.industry = rng.weighted(INDUSTRY_WEIGHTS);
  s.vertical = rng.int(INDUSTRIES[s.industry].verticals.length);
  s.transacted = rng.next() < TRANSACTED_SHARE;
  let best = 4;
  for (let p = 0; p < productCount; p++) {
    let c = rng.weighted(CLUSTER_WEIGHTS);
    if (c === 4) c = BLANK;
    // Rows chosen to carry a kind of mess get scores, so the mess is visible on them.
    if (c === BLANK && ctx.forcedRow) c = 2;
    if (ctx.messy && (ctx.row === ctx.forced.unknownCluster ? p === 0 : c !== BLANK && rng.next() < 0.004))
      c = UNKNOWN;
    s.cluster[p] = c;
    if (c === BLANK) {
      s.fit[p] = -1;
      s.intent[p] = -1;
      continue;
    }
    if (c === UNKNOWN) {
      s.fit[p] = rng.int(101);
      s.intent[p] = rng.int(101);
      continue;
    }
    if (c < best) best = c;
    // ~2% deliberate disagreements between the cluster and the documented matrix.
    const band = rng.next() < 0.02 ? (c + 1 + rng.int(3)) % 4 : c;
    s.fit[p] = rng.range(FIT_LO[band], FIT_HI[band]);
    // Intent: any band for every cluster; hotter clusters lean high.
    const intentBand = c === 0 ? rng.weighted(INTENT_HOT) : rng.weighted(INTENT_ANY);
    s.intent[p] = rng.range(FIT_LO[intentBand], FIT_HI[intentBand]);
  }
  s.best = best;
}
const INTENT_HOT = cumulative([40, 30, 20, 10]);
const INTENT_ANY = cumulative([15, 25, 30, 30]);

function pickDistinct(rng: Rng, count: number, lo: number, hi: number, avoid: Set<number>): number[] {
  const out: number[] = [];
  if (hi < lo) return out;
  for (let attempts = 0; out.length < count && attempts < count * 50; attempts++) {
    const v = rng.range(lo, hi);
    if (!avoid.has(v) && !out.includes(v)) out.push(v);
  }
  return out.sort((a, b) => a - b);
}

export function generateReport(options: SampleOptions): SampleReport {
  const layout = options.layout;
  if (!LAYOUTS[layout]) throw new Error(`Unknown sample layout "${String(layout)}"`);
  const rowCount = Math.max(0, Math.floor(options.rows));
  const messy = options.messy === true;
  const rng = new Rng(options.seed ?? 1);

  // Messy: a few fully blank rows (never the first or the last data row).
  const blankRows =
    messy && rowCount >= 5
      ? pickDistinct(rng, Math.max(2, Math.min(50, Math.floor(rowCount / 400))), 1, rowCount - 2, new Set())
      : [];
  const blankSet = new Set(blankRows);
  // Rows chosen to carry each kind of mess at least once.
  const chosen = messy ? pickDistinct(rng, 11, 0, rowCount - 1, blankSet) : [];
  const at = (i: number) => (i < chosen.length ? chosen[i] : -1);
  const forced: Forced = {
    formula: [at(0), at(1), at(2), at(3)],
    clusterVariant: at(4),
    unknownCluster: at(5),
    bandLabel: at(6),
    moneyText: at(7),
    thousandsText: at(8),
    naCell: at(9),
    blankCell: at(10),
  };

  const ctx: Ctx = {
    rng,
    messy,
    row: -1,
    forcedRow: false,
    s: {
      company: 0,
      employees: 1,
      tier: 0,
      country: 0,
      city: 0,
      industry: 0,
      vertical: 0,
      transacted: false,
      best: 4,
      cluster: new Int8Array(MAX_PRODUCTS),
      fit: new Int16Array(MAX_PRODUCTS),
      intent: new Int16Array(MAX_PRODUCTS),
    },
    companies: companyPool(rng, rowCount),
    forced,
    formulaRows: [],
  };

  const builder = new Builder(ctx, rowCount);
  LAYOUTS[layout](builder);
  if (options.columns !== undefined) builder.pad(Math.floor(options.columns));
  const columns = builder.finish();
  const productCount = builder.products.length;
  const width = columns.length;
  const headers = columns.map((c) => c.header);
  const gens = columns.map((c) => c.gen);

  const rows: CellValue[][] = [];
  let headerRow = 0;
  if (messy) {
    // Two title rows above the header, and a UTF-8 BOM glued to the first header.
    const title: CellValue[] = new Array<CellValue>(width).fill("");
    title[0] = TITLES[layout];
    const downloaded: CellValue[] = new Array<CellValue>(width).fill("");
    downloaded[0] = `Downloaded ${DOWNLOAD_DATE_TEXT}`;
    rows.push(title, downloaded);
    headerRow = 2;
    headers[0] = "\uFEFF" + headers[0];
  }
  rows.push(headers.slice());

  const chosenSet = new Set(chosen);
  for (let i = 0; i < rowCount; i++) {
    ctx.row = i;
    ctx.forcedRow = chosenSet.has(i);
    if (blankSet.has(i)) {
      rows.push(new Array<CellValue>(width).fill(""));
      continue;
    }
    drawRow(ctx, productCount);
    const out: CellValue[] = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) out[c] = gens[c]();
    rows.push(out);
  }

  const roles = { ...builder.roles };
  if (messy) {
    for (const role of Object.keys(roles)) if (roles[role] === columns[0].header) roles[role] = headers[0];
  }

  return {
    rows,
    truth: {
      layout,
      headerRow,
      headers,
      dataRows: rowCount,
      blankRows,
      products: builder.products,
      cohortHeaders: builder.cohortHeaders,
      roles,
      formulaLikeAccountRows: ctx.formulaRows,
    },
  };
}
