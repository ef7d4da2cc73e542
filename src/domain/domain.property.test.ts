import { columnsOf } from "./testSupport";
/**
 * Properties of the domain layer over generated reports: what must hold for any file, however messy.
 */
import fc from "fast-check";
import { bandRank, clusterBand } from "./bands";
import { clusterFilterValues, countVisibleByCluster, visibleRows } from "./filters";
import { computeHelperRows, type ScoreSettings } from "./score";
import { normaliseScoreSettings, parseStoredState } from "./settings";
import { summarize } from "./summaries";
import { CLUSTERS } from "./types";
import type { CellValue, Cluster, ReportLayout, ScoreBand } from "./types";
import {
  cleanText,
  isBlank,
  isErrorValue,
  parseCluster,
  parseDate,
  parseMoney,
  parseScore,
  parseSizeTier,
  parseYesNo,
} from "./values";

const TODAY = new Date(Date.UTC(2026, 2, 1));
const WIDTH = 12;

/**
 * Columns: 0 account, 1 sub segment, 2 org size, 3 transacted, 4-7 Azure cluster/fit/intent/revenue,
 * 8-10 M365 cluster/fit/revenue, 11 industry (expiring revenue in the renewal layout).
 */
const LAYOUT: ReportLayout = {
  headerRow: 0,
  rawHeaders: [],
  headers: [],
  roles: { accountName: 0, subSegment: 1, orgSize: 2, transacted36: 3, industry: 11 },
  products: [
    { key: "Azure", label: "Azure", cluster: 4, fit: 5, intent: 6, potentialRevenue: 7 },
    { key: "M365", label: "Microsoft 365", cluster: 8, fit: 9, potentialRevenue: 10 },
  ],
  cohorts: [],
  ownership: [],
  reportType: "azure",
  reportTypeLabel: "",
  warnings: [],
};
const RENEWAL: ReportLayout = {
  ...LAYOUT,
  roles: {
    accountName: 0,
    subSegment: 1,
    orgSize: 2,
    transacted36: 3,
    expiringRevenue: 11,
    agreementEndDate: 12,
  },
  reportType: "renewal",
};

const LEVEL_TEXTS = ["High", "medium", "Low", "Very Low", "VeryLow"];
const clusterText = fc.constantFrom("Act Now", "act now ", "EVALUATE", "Nurture", "Educate", "", "junk");
const scoreCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -10, max: 110 }),
  fc.constantFrom(...LEVEL_TEXTS, "", "75.5", "#N/A"),
);
const messyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    "",
    null,
    "#N/A",
    "Act Now",
    "Evaluate",
    "nurture",
    "Yes",
    "No",
    "High",
    "Very Low",
  ),
  fc.constantFrom<CellValue>(
    "$1K - $5K",
    "$25K",
    "< $1K",
    "$100K+",
    "Upper Medium",
    "Small",
    "25-49",
    "2026-03-31",
  ),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.boolean(),
);
const messyRows = fc.array(fc.array(messyCell, { minLength: WIDTH + 1, maxLength: WIDTH + 1 }), {
  maxLength: 25,
});

const settingsArb: fc.Arbitrary<ScoreSettings> = fc.record({
  products: fc.oneof(fc.constant<"all">("all"), fc.subarray(["Azure", "M365", "Surface"])),
  weights: fc.record({
    band: fc.integer({ min: 0, max: 100 }),
    breadth: fc.integer({ min: 0, max: 100 }),
    size: fc.integer({ min: 0, max: 100 }),
    value: fc.integer({ min: 0, max: 100 }),
    recency: fc.integer({ min: 0, max: 100 }),
    trend: fc.integer({ min: 0, max: 100 }),
  }),
});

const columns = (rows: readonly CellValue[][]) => columnsOf(rows, WIDTH + 1);

const scoreOf = (layout: ReportLayout, rows: CellValue[][], row: number, settings: ScoreSettings) =>
  computeHelperRows(layout, columns(rows), rows.length, settings, TODAY).rows[row].score;

/** A product cell triple and the band it gives. */
const bandCells = fc.tuple(clusterText, scoreCell, scoreCell).map(([cluster, fit, intent]) => {
  const parsed = parseCluster(cluster);
  const band = parsed
    ? clusterBand(parsed, parseScore(fit)?.band ?? null, parseScore(intent)?.band ?? null).band
    : "";
  return { cells: [cluster, fit, intent] as CellValue[], rank: bandRank(band) };
});

/** Rows that are certainly not blank (they name an account). */
const customerRows = messyRows
  .filter((rows) => rows.length > 0)
  .map((rows) => rows.map((row, i) => [`Customer ${i}`, ...row.slice(1)]));

describe("priority score properties", () => {
  it("is an integer 0-100 (or blank for a blank row), one output row per data row, for any cells", () => {
    fc.assert(
      fc.property(messyRows, settingsArb, fc.boolean(), (rows, settings, renewal) => {
        const result = computeHelperRows(
          renewal ? RENEWAL : LAYOUT,
          columns(rows),
          rows.length,
          settings,
          TODAY,
        );
        expect(result.rows).toHaveLength(rows.length);
        for (const row of result.rows) {
          if (row.score === "") {
            expect(row).toEqual({ bestCluster: "", band: "", topProducts: "", score: "", reasons: "" });
          } else {
            expect(Number.isInteger(row.score)).toBe(true);
            expect(row.score).toBeGreaterThanOrEqual(0);
            expect(row.score).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(messyRows, settingsArb, (rows, settings) => {
        const data = columns(rows);
        expect(computeHelperRows(LAYOUT, data, rows.length, settings, TODAY)).toEqual(
          computeHelperRows(LAYOUT, data, rows.length, settings, TODAY),
        );
      }),
      { numRuns: 40 },
    );
  });

  it("never falls when only the band of one product improves", () => {
    fc.assert(
      fc.property(customerRows, fc.nat(), bandCells, bandCells, settingsArb, (rows, pick, a, b, settings) => {
        const row = pick % rows.length;
        const [worse, better] = a.rank >= b.rank ? [a, b] : [b, a];
        const withCells = (cells: CellValue[]) =>
          rows.map((r, i) => (i === row ? [...r.slice(0, 4), ...cells, ...r.slice(7)] : r));
        expect(scoreOf(LAYOUT, withCells(better.cells), row, settings)).toBeGreaterThanOrEqual(
          scoreOf(LAYOUT, withCells(worse.cells), row, settings) as number,
        );
      }),
      { numRuns: 150 },
    );
  });

  it("never falls when only the revenue of one row rises", () => {
    const amount = fc.integer({ min: -1_000_000, max: 10_000_000 });
    fc.assert(
      fc.property(
        customerRows,
        fc.nat(),
        amount,
        amount,
        settingsArb,
        fc.boolean(),
        (rows, pick, x, y, settings, renewal) => {
          const row = pick % rows.length;
          // Revenue cells of other rows stay as generated; only this row's figure changes.
          const column = renewal ? 11 : 7;
          const withRevenue = (v: number) =>
            rows.map((r, i) => (i === row ? r.map((c, j) => (j === column ? v : c)) : r));
          const layout = renewal ? RENEWAL : LAYOUT;
          const [low, high] = x <= y ? [x, y] : [y, x];
          expect(scoreOf(layout, withRevenue(high), row, settings)).toBeGreaterThanOrEqual(
            scoreOf(layout, withRevenue(low), row, settings) as number,
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("filter properties", () => {
  it("a cluster filter built from the texts shows exactly the rows of the wanted clusters", () => {
    fc.assert(
      fc.property(fc.array(clusterText, { maxLength: 40 }), fc.subarray([...CLUSTERS]), (texts, wanted) => {
        const criteria = new Map([[4, new Set(clusterFilterValues(texts, wanted))]]);
        const visible = visibleRows(new Map([[4, texts]]), criteria, texts.length);
        const expected = texts.map((t) => {
          const cluster = parseCluster(t);
          return !!cluster && wanted.includes(cluster);
        });
        expect(visible).toEqual(expected);
        const counts = countVisibleByCluster(texts, visible);
        expect(counts.visible).toBe(expected.filter(Boolean).length);
        const byCluster = CLUSTERS.reduce((sum, c) => sum + counts[c], 0) + counts.Blank + counts.Unknown;
        expect(byCluster).toBe(counts.visible);
      }),
      { numRuns: 150 },
    );
  });
});

describe("summary properties", () => {
  it("rows add up to the totals", () => {
    const best = fc.constantFrom<Cluster | "">("", ...CLUSTERS);
    fc.assert(
      fc.property(messyRows, fc.array(best, { maxLength: 25 }), (rows, clusters) => {
        const { byIndustry, bySubSegment } = summarize(LAYOUT, columns(rows), clusters, rows.length);
        for (const table of [byIndustry, bySubSegment]) {
          if (!table) throw new Error("both dimensions are in the layout");
          expect(table.rows.reduce((sum, r) => sum + r.total, 0)).toBe(table.totals.total);
          for (const r of table.rows) {
            expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(r.total);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("parsers never throw", () => {
  it("on any value", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (v, w) => {
        isErrorValue(v);
        isBlank(v);
        cleanText(v);
        parseCluster(v);
        parseYesNo(v);
        parseScore(v);
        parseMoney(v);
        parseDate(v);
        parseSizeTier(v, w);
        normaliseScoreSettings(v);
        parseStoredState(v);
      }),
      { numRuns: 500 },
    );
  });

  it("on any text", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 60 })),
        (text) => {
          const score = parseScore(text);
          if (score?.score !== undefined) {
            expect(score.score).toBeGreaterThanOrEqual(0);
            expect(score.score).toBeLessThanOrEqual(100);
          }
          const money = parseMoney(text);
          if (money) expect(money.low).toBeLessThanOrEqual(money.high);
          parseDate(text);
          parseSizeTier(text, text);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// Bands used by the generators must cover the whole matrix, or the monotonicity property is weak.
it("the band generator reaches every band level", () => {
  const levels = new Set<ScoreBand>();
  for (const text of LEVEL_TEXTS) levels.add(parseScore(text)!.band);
  expect(levels.size).toBe(4);
});
