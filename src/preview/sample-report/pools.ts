/**
 * Small pools of realistic values. Cells reuse these strings (no per-cell allocation), which keeps
 * a 300,000 x 150 report lean.
 */
import { cumulative, Rng } from "./rng";

const COMPANY_BASES = [
  "Contoso",
  "Fabrikam",
  "Northwind Traders",
  "Adventure Works",
  "Tailspin Toys",
  "Wide World Importers",
  "Alpine Ski House",
  "Coho Winery",
  "Litware",
  "Proseware",
  "Woodgrove",
  "Trey Research",
  "Lucerne Publishing",
  "Margie's Travel",
  "Fourth Coffee",
  "Blue Yonder Airlines",
  "Humongous Insurance",
  "Graphic Design Institute",
  "Relecloud",
  "VanArsdel",
  "Wingtip Toys",
  "A. Datum",
  "Consolidated Messenger",
  "Bellows College",
  "Best For You Organics",
  "Southridge Video",
  "Munson's Pickles and Preserves",
  "Lamna Healthcare",
  "Nod Publishers",
  "Tailwind Traders",
  "City Power & Light",
  "First Up Consultants",
  "Boulder Innovations",
  "Cronus",
  "Lakeshore Retail",
  "Baldwin Museum of Science",
  "Northridge Dental",
  "Greenleaf Logistics",
  "Harborview Legal",
  "Silverline Engineering",
  "Oakridge Dental",
  "Maple Leaf Accounting",
  "Riverbend Builders",
  "Northwind Health",
  "Bluefin Seafood",
  "Copperfield Law",
  "Evergreen Landscaping",
  "Summit Physiotherapy",
  "Pinecrest Realty",
  "Ironbridge Fabrication",
  "Clearwater Analytics",
  "Redwood Architects",
  "Sunrise Bakery",
  "Granite Peak Outfitters",
  "Harbor Freight Forwarding",
  "Brightpath Tutoring",
  "Falcon Aviation Services",
  "Meadowlark Veterinary",
  "Crescent Hospitality",
  "Stonegate Insurance Brokers",
  "Westfield Printing",
  "Blackstone Plumbing",
  "Lighthouse Marketing",
  "Orchard Foods",
  "Keystone Electrical",
  "Willow Creek Winery",
  "Atlas Freight",
  "Beacon Hill Clinic",
  "Cedar Valley Farms",
  "Driftwood Studios",
  "Emerald Isle Travel",
  "Foxglove Florists",
  "Goldcrest Jewellers",
  "Highland Dairy",
  "Ivy League Tutors",
  "Juniper Pharmacy",
  "Kingfisher Boats",
  "Lakeside Motors",
  "Moonstone Software",
  "Nightingale Care Homes",
] as const;

const COMPANY_QUALIFIERS = [
  "",
  " Group",
  " Holdings",
  " Solutions",
  " Partners",
  " Services",
  " Manufacturing",
  " Consulting",
  " International",
  " Labs",
  " Systems",
  " & Co",
  " North",
  " West",
  " Pacific",
  " Europe",
  " Digital",
  " Industries",
  " Health",
  " Logistics",
  " Studio",
  " Associates",
  " Trading",
  " Engineering",
  " Foods",
  " Capital",
  " Networks",
] as const;

const COMPANY_SUFFIXES = [
  "",
  " Ltd",
  " Inc.",
  " LLC",
  " GmbH",
  " S.A.",
  " Pty Ltd",
  " B.V.",
  " Corp",
  ", Inc.",
] as const;

const DOMAIN_TLDS = [
  ".com",
  ".com",
  ".com",
  ".net",
  ".co.uk",
  ".de",
  ".com.au",
  ".nl",
  ".io",
  ".org",
] as const;

export interface CompanyPool {
  names: string[];
  domains: string[];
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "");
}

/**
 * A seeded list of plausible, distinct company names with matching web domains: a shuffled sample of
 * base x qualifier x legal suffix combinations (about 25,000), so names repeat only beyond that.
 */
export function companyPool(rng: Rng, size: number): CompanyPool {
  const q = COMPANY_QUALIFIERS.length;
  const s = COMPANY_SUFFIXES.length;
  const total = COMPANY_BASES.length * q * s;
  const count = Math.max(1, Math.min(size, total));
  // Partial Fisher-Yates over all combinations.
  const order = new Int32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  const names: string[] = [];
  const domains: string[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(total - i);
    const pick = order[j];
    order[j] = order[i];
    order[i] = pick;
    const base = COMPANY_BASES[Math.floor(pick / (q * s))];
    const qualifier = COMPANY_QUALIFIERS[Math.floor(pick / s) % q];
    const suffix = COMPANY_SUFFIXES[pick % s];
    names.push(`${base}${qualifier}${suffix}`);
    domains.push(`${slug(base + qualifier)}${rng.pick(DOMAIN_TLDS)}`);
  }
  return { names, domains };
}

/** Name of the partner who downloaded the report (one per file). */
export const PARTNER_NAMES = [
  "Relecloud Solutions Ltd",
  "Blue Harbor IT Partners",
  "Cloudwise Consulting GmbH",
  "Summit Managed Services LLC",
] as const;

export interface Country {
  name: string;
  area: string;
  subsidiary: string;
  weight: number;
  cities: readonly (readonly [city: string, state: string])[];
  /** Postal code as Excel holds it after opening the CSV: numbers lose leading zeros. */
  postal: (rng: Rng) => string | number;
}

const digits = (rng: Rng, lo: number, hi: number) => rng.range(lo, hi);
const letter = (rng: Rng) => "ABCDEFGHJKLMNPRSTUVWXYZ"[rng.int(23)];

export const COUNTRIES: readonly Country[] = [
  {
    name: "United States",
    area: "United States",
    subsidiary: "United States",
    weight: 40,
    cities: [
      ["Seattle", "WA"],
      ["Boston", "MA"],
      ["Austin", "TX"],
      ["Chicago", "IL"],
      ["Newark", "NJ"],
      ["Denver", "CO"],
      ["Atlanta", "GA"],
    ],
    // Many US ZIP codes start with 0 (New England, New Jersey): Excel drops the zero.
    postal: (rng) => digits(rng, 1001, 99950),
  },
  {
    name: "United Kingdom",
    area: "UK",
    subsidiary: "United Kingdom",
    weight: 12,
    cities: [
      ["London", "England"],
      ["Manchester", "England"],
      ["Edinburgh", "Scotland"],
      ["Cardiff", "Wales"],
    ],
    postal: (rng) =>
      `${letter(rng)}${letter(rng)}${rng.range(1, 20)} ${rng.range(1, 9)}${letter(rng)}${letter(rng)}`,
  },
  {
    name: "Germany",
    area: "Germany",
    subsidiary: "Germany",
    weight: 10,
    cities: [
      ["Berlin", "Berlin"],
      ["Munich", "Bavaria"],
      ["Dresden", "Saxony"],
      ["Hamburg", "Hamburg"],
    ],
    postal: (rng) => digits(rng, 1067, 99998),
  },
  {
    name: "Canada",
    area: "Canada",
    subsidiary: "Canada",
    weight: 8,
    cities: [
      ["Toronto", "ON"],
      ["Vancouver", "BC"],
      ["Montreal", "QC"],
    ],
    postal: (rng) =>
      `${letter(rng)}${rng.range(1, 9)}${letter(rng)} ${rng.range(1, 9)}${letter(rng)}${rng.range(1, 9)}`,
  },
  {
    name: "Australia",
    area: "ANZ",
    subsidiary: "Australia",
    weight: 7,
    cities: [
      ["Sydney", "NSW"],
      ["Melbourne", "VIC"],
      ["Darwin", "NT"],
    ],
    postal: (rng) => digits(rng, 800, 7999),
  },
  {
    name: "France",
    area: "France",
    subsidiary: "France",
    weight: 6,
    cities: [
      ["Paris", "Ile-de-France"],
      ["Lyon", "Auvergne-Rhone-Alpes"],
      ["Bourg-en-Bresse", "Auvergne-Rhone-Alpes"],
    ],
    postal: (rng) => digits(rng, 1000, 95999),
  },
  {
    name: "Netherlands",
    area: "Western Europe",
    subsidiary: "Netherlands",
    weight: 4,
    cities: [
      ["Amsterdam", "North Holland"],
      ["Utrecht", "Utrecht"],
    ],
    postal: (rng) => `${rng.range(1000, 9999)} ${letter(rng)}${letter(rng)}`,
  },
  {
    name: "India",
    area: "India",
    subsidiary: "India",
    weight: 5,
    cities: [
      ["Bengaluru", "Karnataka"],
      ["Mumbai", "Maharashtra"],
      ["Hyderabad", "Telangana"],
    ],
    postal: (rng) => digits(rng, 110001, 855999),
  },
  {
    name: "Brazil",
    area: "Latam",
    subsidiary: "Brazil",
    weight: 4,
    cities: [
      ["Sao Paulo", "SP"],
      ["Rio de Janeiro", "RJ"],
    ],
    postal: (rng) =>
      `${String(rng.range(1000, 99999)).padStart(5, "0")}-${String(rng.range(0, 999)).padStart(3, "0")}`,
  },
  {
    name: "Japan",
    area: "Japan",
    subsidiary: "Japan",
    weight: 4,
    cities: [
      ["Tokyo", "Tokyo"],
      ["Osaka", "Osaka"],
    ],
    postal: (rng) => `${rng.range(100, 999)}-${String(rng.range(0, 9999)).padStart(4, "0")}`,
  },
];
export const COUNTRY_WEIGHTS = cumulative(COUNTRIES.map((c) => c.weight));

export interface Industry {
  name: string;
  weight: number;
  verticals: readonly string[];
  publicSector?: boolean;
}

export const INDUSTRIES: readonly Industry[] = [
  {
    name: "Manufacturing",
    weight: 14,
    verticals: ["Discrete Manufacturing", "Process Manufacturing", "Automotive"],
  },
  { name: "Financial Services", weight: 9, verticals: ["Banking & Capital Markets", "Insurance"] },
  { name: "Healthcare", weight: 9, verticals: ["Health Provider", "Health Payor", "Pharmaceuticals"] },
  { name: "Retail & Consumer Goods", weight: 13, verticals: ["Retailers", "Consumer Goods"] },
  { name: "Professional Services", weight: 18, verticals: ["Legal", "Accounting", "Consulting"] },
  {
    name: "Education",
    weight: 6,
    verticals: ["Higher Education", "Primary & Secondary Edu"],
    publicSector: true,
  },
  { name: "Government", weight: 4, verticals: ["Local Government", "Public Safety"], publicSector: true },
  { name: "Media & Communications", weight: 6, verticals: ["Media & Entertainment", "Telecommunications"] },
  { name: "Energy", weight: 3, verticals: ["Power & Utilities", "Oil & Gas"] },
  { name: "Hospitality & Travel", weight: 8, verticals: ["Hotels & Restaurants", "Travel & Transportation"] },
  { name: "Nonprofit", weight: 3, verticals: ["Charities", "Associations"] },
  { name: "Construction & Real Estate", weight: 7, verticals: ["Construction", "Real Estate"] },
];
export const INDUSTRY_WEIGHTS = cumulative(INDUSTRIES.map((i) => i.weight));

/** Signal explainability sentences, per product family (text columns sellers read). */
export const SIGNALS: Record<string, readonly string[]> = {
  Azure: [
    "Azure consumption grew over the last 3 months",
    "Windows Server 2012 end of support",
    "SQL Server 2014 end of support",
    "Hiring for cloud engineering roles",
    "Competitor cloud workloads detected (AWS)",
    "Visited Azure pricing pages",
    "Low Azure consumption relative to peers",
  ],
  M365: [
    "Office 2016 end of support",
    "Exchange on-premises detected",
    "Recent growth in licensed users",
    "Google Workspace detected",
    "Visited Microsoft 365 Business Premium pages",
    "Teams usage high, Phone not licensed",
  ],
  Copilot: [
    "Microsoft 365 Business Premium owner",
    "Downloaded Copilot readiness guide",
    "Attended AI webinar",
    "Executive interest in generative AI",
  ],
  D365: [
    "Runs an on-premises ERP near end of support",
    "QuickBooks or Sage detected",
    "Hiring for finance operations roles",
    "Visited Business Central pages",
  ],
  Surface: [
    "Windows 10 devices near end of support",
    "Device fleet older than 4 years",
    "Hybrid work survey response",
    "Visited Surface for Business pages",
  ],
  Security: [
    "No multi-factor authentication detected",
    "Phishing incidents reported in industry",
    "Defender for Business trial started",
    "Cyber insurance renewal due",
  ],
};

/** Recommended workloads text (a propensity extra). */
export const RECOMMENDED_WORKLOADS = [
  "Azure Migrate and Modernize",
  "Microsoft 365 Business Premium",
  "Microsoft 365 Copilot",
  "Dynamics 365 Business Central",
  "Defender for Business",
  "Surface for Business",
  "Teams Phone",
  "Azure Virtual Desktop",
] as const;

export const POTENTIAL_REVENUE_RANGES = [
  "< $1K",
  "$1K - $5K",
  "$5K - $10K",
  "$10K - $25K",
  "$25K - $50K",
  "$50K - $100K",
  "$100K+",
] as const;

/** Plausible extra Yes/No sales plays used to pad wide reports. */
export const EXTRA_PLAYS = [
  "Windows 11 Upgrade",
  "Teams Phone",
  "Defender for Business",
  "Intune Suite",
  "Azure Virtual Desktop",
  "SQL Server 2014 EOS",
  "Windows Server 2012 EOS",
  "Copilot Studio",
  "Power BI Pro",
  "Entra ID P1",
  "Exchange Online Migration",
  "SharePoint Migration",
  "Azure Backup",
  "Azure Site Recovery",
  "Microsoft Purview",
  "Windows 365",
] as const;

export const OWNERSHIP_FLAGS = [
  "HasGoogle",
  "HasAWS",
  "HasEA",
  "HasOpen",
  "HasCSP",
  "HasSalesforce",
  "HasSAP",
  "HasOracle",
] as const;

export const REVENUE_PRODUCTS = [
  "Windows",
  "Office",
  "Azure",
  "Dynamics",
  "Security",
  "Surface",
  "Teams",
  "Power Platform",
] as const;
