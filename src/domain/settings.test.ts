import fc from "fast-check";
import { DEFAULT_SCORE_SETTINGS } from "./score";
import {
  normaliseScoreSettings,
  parseStoredState,
  parseWorkbookState,
  withSheetState,
  type StoredState,
} from "./settings";

const DEFAULT_WEIGHTS = DEFAULT_SCORE_SETTINGS.weights;

describe("normaliseScoreSettings", () => {
  it("gives the defaults for anything that is not an object", () => {
    for (const v of [null, undefined, 3, "x", [], true]) {
      expect(normaliseScoreSettings(v)).toEqual({ products: "all", weights: DEFAULT_WEIGHTS });
    }
  });

  it("keeps valid choices and repairs each invalid weight on its own", () => {
    expect(
      normaliseScoreSettings({
        products: [" Azure", "M365", "Azure", "", 7],
        weights: { band: 0, breadth: "10", size: -1, value: 5, recency: 5000 },
      }),
    ).toEqual({
      products: ["Azure", "M365"],
      weights: {
        band: 0,
        breadth: DEFAULT_WEIGHTS.breadth,
        size: DEFAULT_WEIGHTS.size,
        value: 5,
        recency: 1000,
        // Absent from settings stored before the trend signal existed: its default.
        trend: DEFAULT_WEIGHTS.trend,
      },
    });
  });

  it("treats an empty product list as all products and all-zero weights as the defaults", () => {
    expect(
      normaliseScoreSettings({
        products: [],
        weights: { band: 0, breadth: 0, size: 0, value: 0, recency: 0 },
      }),
    ).toEqual({ products: "all", weights: DEFAULT_WEIGHTS });
  });

  it("does not share the defaults object with its result", () => {
    const settings = normaliseScoreSettings(null);
    settings.weights.band = 1;
    expect(DEFAULT_SCORE_SETTINGS.weights.band).toBe(60);
  });
});

describe("parseStoredState", () => {
  const full: StoredState = {
    version: 1,
    score: {
      products: ["Azure"],
      weights: { band: 50, breadth: 10, size: 10, value: 20, recency: 10, trend: 5 },
    },
    filtersApplied: [{ column: 40, values: ["Act Now", "act now ", ""] }],
    createdAutoFilter: true,
    userFilterRange: { row: 2, column: 0, rowCount: 251, columnCount: 40 },
  };

  it("round-trips what the add-in stores, as text or as a parsed value", () => {
    expect(parseStoredState(JSON.stringify(full))).toEqual(full);
    expect(parseStoredState(full)).toEqual(full);
  });

  it("rejects unusable input with null", () => {
    for (const v of [null, undefined, "", "{", "[]", 42, "null", { version: 2, score: {} }]) {
      expect(parseStoredState(v)).toBeNull();
    }
  });

  it("fills in defaults and drops damaged fields", () => {
    expect(
      parseStoredState({
        filtersApplied: [{ column: 2, values: ["Yes", 1] }, { column: "3", values: [] }, null],
        userFilterRange: { row: 0, column: 0, rowCount: 0, columnCount: 3 },
      }),
    ).toEqual({
      version: 1,
      score: { products: "all", weights: DEFAULT_WEIGHTS },
      filtersApplied: [{ column: 2, values: ["Yes"] }],
    });
  });

  it("never throws, on any JSON value or text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.json(), fc.string()), (v) => {
        const state = parseStoredState(v);
        if (state) expect(state.version).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("stored state: what Reset needs to undo", () => {
  it("keeps a valid record of Prepare for sellers and the add-in's own AutoFilter, and drops damaged entries", () => {
    const state = parseStoredState(
      JSON.stringify({
        version: 1,
        createdAutoFilter: true,
        prepared: {
          frozenRowsBefore: 2,
          columnWidths: [{ column: 3, width: 64 }, { column: -1, width: 5 }, "x"],
        },
      }),
    );
    expect(state?.createdAutoFilter).toBe(true);
    expect(state?.prepared).toEqual({ frozenRowsBefore: 2, columnWidths: [{ column: 3, width: 64 }] });
    expect(parseStoredState({ version: 1, createdAutoFilter: "yes" })?.createdAutoFilter).toBeUndefined();
  });
});

describe("stored state per report sheet (keyed by worksheet id)", () => {
  const a: StoredState = { version: 1, score: DEFAULT_SCORE_SETTINGS, createdAutoFilter: true };
  const b: StoredState = { version: 1, score: DEFAULT_SCORE_SETTINGS, filtersApplied: [] };

  it("replaces or removes one sheet's record and keeps the others", () => {
    const both = withSheetState(withSheetState({}, "{1}", a).sheets, "{2}", b);
    expect(parseWorkbookState(JSON.stringify(both))).toEqual({
      sheets: { "{1}": a, "{2}": b },
      legacy: null,
    });
    const onlyB = withSheetState(both.sheets, "{1}", null);
    expect(onlyB).toEqual({ version: 2, sheets: { "{2}": b } });
  });

  it("reads a whole-workbook record of version 1 as legacy, and junk as nothing", () => {
    expect(parseWorkbookState(JSON.stringify(a))).toEqual({ sheets: {}, legacy: a });
    expect(parseWorkbookState("{")).toEqual({ sheets: {}, legacy: null });
    expect(parseWorkbookState({ version: 2, sheets: { x: 5, y: a } })).toEqual({
      sheets: { y: a },
      legacy: null,
    });
  });
});
