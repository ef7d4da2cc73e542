/**
 * Issue 10: raising Fit or Intent never lowers the Priority Score. Checked on RAW cells as a report
 * holds them (numbers, numeric text, band labels in any case, blanks), not on parsed bands.
 */
import fc from "fast-check";
import { computeHelperRows, SCORE_SIGNALS, type ScoreSettings } from "./score";
import { columnsOf, testLayout } from "./testSupport";
import type { CellValue } from "./types";
import { scoreBand } from "./values";

const TODAY = new Date(Date.UTC(2026, 2, 1));

/** 0 name, 1 sub segment, 2 transacted, 3-6 Azure cluster/fit/intent/revenue, 7-9 M365 cluster/fit/intent. */
const LAYOUT = testLayout(
  [
    { key: "Azure", label: "Azure", cluster: 3, fit: 4, intent: 5, potentialRevenue: 6 },
    { key: "M365", label: "Microsoft 365", cluster: 7, fit: 8, intent: 9 },
  ],
  { accountName: 0, subSegment: 1, transacted36: 2 },
  "azure",
);

const LEVEL_ORDER = ["Very Low", "Low", "Medium", "High"] as const;

/** A raw fit/intent cell with its order: -1 for a blank, else 0 (Very Low) to 3 (High). */
interface RawLevel {
  cell: CellValue;
  level: number;
}

const labelSpellings = (label: string) => [
  label,
  label.toUpperCase(),
  label.toLowerCase().replace(" ", ""),
  ` ${label} `,
];

const rawLevel: fc.Arbitrary<RawLevel> = fc.oneof(
  fc
    .double({ min: 0, max: 100, noNaN: true })
    .map((n) => ({ cell: n, level: LEVEL_ORDER.indexOf(scoreBand(n)) })),
  fc
    .integer({ min: 0, max: 100 })
    .map((n) => ({ cell: String(n), level: LEVEL_ORDER.indexOf(scoreBand(n)) })),
  fc
    .constantFrom(...LEVEL_ORDER.flatMap((label) => labelSpellings(label).map((text) => ({ text, label }))))
    .map(({ text, label }) => ({ cell: text, level: LEVEL_ORDER.indexOf(label) })),
  fc.constantFrom<RawLevel>({ cell: "", level: -1 }, { cell: null, level: -1 }, { cell: "#N/A", level: -1 }),
);

const clusterCell = fc.constantFrom<CellValue>("Act Now", "Evaluate", "nurture", "Educate", "");
const otherCells = fc.tuple(
  fc.constantFrom<CellValue>("Upper Medium", "Small", ""),
  fc.constantFrom<CellValue>("Yes", "No", ""),
  clusterCell,
  rawLevel,
  rawLevel,
  fc.constantFrom<CellValue>("$1K - $5K", 25_000, ""),
  clusterCell,
  rawLevel,
  rawLevel,
);
type Others = [CellValue, CellValue, CellValue, RawLevel, RawLevel, CellValue, CellValue, RawLevel, RawLevel];

const weightsArb = fc.record(
  Object.fromEntries(SCORE_SIGNALS.map((s) => [s, fc.integer({ min: 0, max: 100 })])) as Record<
    (typeof SCORE_SIGNALS)[number],
    fc.Arbitrary<number>
  >,
);
const settingsArb: fc.Arbitrary<ScoreSettings> = fc.record({
  products: fc.constantFrom<ScoreSettings["products"]>("all", ["Azure"], ["M365"]),
  weights: weightsArb,
});

function rowOf(o: Others): CellValue[] {
  return ["Contoso", o[0], o[1], o[2], o[3].cell, o[4].cell, o[5], o[6], o[7].cell, o[8].cell];
}

/** Score of the first row, with other customers around it so percentiles are not trivial. */
function scoreOf(row: CellValue[], settings: ScoreSettings): number {
  const rows = [
    row,
    ["Fabrikam", "Medium", "Yes", "Act Now", 80, 90, "$10K", "Evaluate", 60, 20],
    ["Tailspin", "Small", "No", "Evaluate", "Medium", "Low", 500, "", "", ""],
  ];
  const result = computeHelperRows(LAYOUT, columnsOf(rows, 10), rows.length, settings, TODAY);
  return result.rows[0].score as number;
}

/** Fit or intent cells: 4/5 Azure fit/intent, 8/9 M365 fit/intent (index into the row). */
const RAW_COLUMNS = [4, 5, 8, 9] as const;

describe("Priority Score is monotone in Fit and Intent (raw cells)", () => {
  it("raising one product's Fit or Intent cell never lowers the score", () => {
    fc.assert(
      fc.property(
        otherCells,
        fc.constantFrom(...RAW_COLUMNS),
        rawLevel,
        rawLevel,
        settingsArb,
        (others, column, a, b, settings) => {
          const [low, high] = a.level <= b.level ? [a, b] : [b, a];
          const row = rowOf(others as Others);
          const withLow = [...row];
          withLow[column] = low.cell;
          const withHigh = [...row];
          withHigh[column] = high.cell;
          expect(scoreOf(withHigh, settings)).toBeGreaterThanOrEqual(scoreOf(withLow, settings));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("the case issue 10 names: Evaluate at High fit scores no lower than at Medium fit", () => {
    const base: CellValue[] = ["Contoso", "", "", "Evaluate", 60, 10, "", "", "", ""];
    const raised = [...base];
    raised[4] = 90;
    const bandOnly: ScoreSettings = {
      products: "all",
      weights: { band: 100, breadth: 0, size: 0, value: 0, recency: 0, trend: 0 },
    };
    expect(scoreOf(raised, bandOnly)).toBeGreaterThanOrEqual(scoreOf(base, bandOnly));
  });
});
