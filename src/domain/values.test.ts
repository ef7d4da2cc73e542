import fc from "fast-check";
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
  scoreBand,
} from "./values";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

describe("isErrorValue", () => {
  it.each(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!"])(
    "recognises %s",
    (e) => expect(isErrorValue(e)).toBe(true),
  );
  it("recognises the newer errors, trimmed and in any case", () => {
    for (const e of ["#GETTING_DATA", "#BLOCKED!", "#FIELD!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]) {
      expect(isErrorValue(e)).toBe(true);
    }
    expect(isErrorValue(" #n/a ")).toBe(true);
  });
  it("rejects ordinary values", () => {
    for (const v of ["N/A", "#", "Act Now", 0, null, undefined, true, "#N/A extra"]) {
      expect(isErrorValue(v)).toBe(false);
    }
  });
});

describe("isBlank and cleanText", () => {
  it("treats empty, whitespace, BOM/NBSP-only text and errors as blank", () => {
    for (const v of [null, undefined, "", "   ", "\u00A0", "\uFEFF", "\t\n", "#N/A", NaN]) {
      expect(isBlank(v)).toBe(true);
    }
  });
  it("keeps real values, including zero and false", () => {
    for (const v of [0, false, "0", "x", -1]) expect(isBlank(v)).toBe(false);
  });
  it("gives display text", () => {
    expect(cleanText("\uFEFFAccount Name ")).toBe("Account Name");
    expect(cleanText("Act\u00A0Now\u00A0")).toBe("Act Now");
    expect(cleanText(25000)).toBe("25000");
    expect(cleanText(0.5)).toBe("0.5");
    expect(cleanText(true)).toBe("TRUE");
    expect(cleanText(false)).toBe("FALSE");
    expect(cleanText("#REF!")).toBe("");
    expect(cleanText(null)).toBe("");
    expect(cleanText({ a: 1 })).toBe("");
  });
});

describe("parseCluster", () => {
  it.each([
    ["Act Now", "Act Now"],
    ["act now", "Act Now"],
    ["ACT  NOW ", "Act Now"],
    ["ActNow", "Act Now"],
    ["act_now", "Act Now"],
    ["Act-Now", "Act Now"],
    ["Act now", "Act Now"],
    [" evaluate", "Evaluate"],
    ["NURTURE", "Nurture"],
    ["Educate\u00A0", "Educate"],
  ])("%j -> %s", (text, cluster) => expect(parseCluster(text)).toBe(cluster));

  it("returns null for blank and undefined for anything else", () => {
    expect(parseCluster("")).toBeNull();
    expect(parseCluster("  ")).toBeNull();
    expect(parseCluster(null)).toBeNull();
    expect(parseCluster("#N/A")).toBeNull();
    expect(parseCluster("Act")).toBeUndefined();
    expect(parseCluster("A1")).toBeUndefined();
    expect(parseCluster(1)).toBeUndefined();
    expect(parseCluster(true)).toBeUndefined();
  });
});

describe("parseYesNo", () => {
  it("recognises yes values", () => {
    for (const v of ["Yes", "YES", " y ", "True", "TRUE", true, 1, "1", "1.0"])
      expect(parseYesNo(v)).toBe(true);
  });
  it("recognises no values", () => {
    for (const v of ["No", "no ", "N", "false", false, 0, "0"]) expect(parseYesNo(v)).toBe(false);
  });
  it("separates blank (null) from unrecognised (undefined)", () => {
    expect(parseYesNo("")).toBeNull();
    expect(parseYesNo(null)).toBeNull();
    expect(parseYesNo("Maybe")).toBeUndefined();
    expect(parseYesNo(2)).toBeUndefined();
    expect(parseYesNo("10")).toBeUndefined();
  });
});

describe("scoreBand", () => {
  it.each([
    [100, "High"],
    [75, "High"],
    [74.9, "Medium"],
    [74, "Medium"],
    [55, "Medium"],
    [54.5, "Low"],
    [54, "Low"],
    [30, "Low"],
    [29.99, "Very Low"],
    [29, "Very Low"],
    [0, "Very Low"],
    [-5, "Very Low"],
    [150, "High"],
  ])("%d -> %s", (score, band) => expect(scoreBand(score)).toBe(band));
});

describe("parseScore", () => {
  it("reads numbers and numeric text", () => {
    expect(parseScore(75)).toEqual({ score: 75, band: "High" });
    expect(parseScore("75.0")).toEqual({ score: 75, band: "High" });
    expect(parseScore(" 80 ")).toEqual({ score: 80, band: "High" });
    expect(parseScore("29")).toEqual({ score: 29, band: "Very Low" });
    expect(parseScore(0)).toEqual({ score: 0, band: "Very Low" });
  });
  it("reads band labels without a score", () => {
    expect(parseScore("High")).toEqual({ band: "High" });
    expect(parseScore("medium")).toEqual({ band: "Medium" });
    expect(parseScore("LOW ")).toEqual({ band: "Low" });
    for (const label of ["Very Low", "VeryLow", "very_low", "very-low"]) {
      expect(parseScore(label)).toEqual({ band: "Very Low" });
    }
  });
  it("rejects out-of-range numbers, junk and blanks", () => {
    for (const v of [-1, 100.5, "101", "abc", "", null, true, "75 points", NaN])
      expect(parseScore(v)).toBeNull();
  });
});

describe("parseMoney", () => {
  const value = (v: unknown) => parseMoney(v)?.value ?? null;
  it.each([
    [25000, 25000],
    ["25000", 25000],
    ["$25,000", 25000],
    ["25 000 €", 25000],
    ["€25.000,50", 25000.5],
    ["USD 1,234.50", 1234.5],
    ["$25K", 25000],
    ["$1.5M", 1500000],
    ["2 million", 2000000],
    ["-1200", -1200],
    ["-$1,200", -1200],
    ["($1,200)", -1200],
    ["12,5", 12.5],
  ])("%j -> %d", (text, n) => expect(value(text)).toBeCloseTo(n, 6));

  it("reads ranges as low, high and midpoint", () => {
    expect(parseMoney("$1K - $5K")).toEqual({ low: 1000, high: 5000, value: 3000 });
    expect(parseMoney("$1K-$5K")).toEqual({ low: 1000, high: 5000, value: 3000 });
    expect(parseMoney("1000 to 5000")).toEqual({ low: 1000, high: 5000, value: 3000 });
    expect(parseMoney("$1-5K")).toEqual({ low: 1000, high: 5000, value: 3000 });
    expect(parseMoney("$5K – $1K")).toEqual({ low: 1000, high: 5000, value: 3000 });
  });
  it("reads open ranges", () => {
    expect(parseMoney("< $1K")).toEqual({ low: 0, high: 1000, value: 500 });
    expect(parseMoney("$100K+")).toEqual({ low: 100000, high: 100000, value: 100000 });
    expect(parseMoney("> $100K")).toEqual({ low: 100000, high: 100000, value: 100000 });
  });
  it("reads thousands and decimals by the column's decimal mark when given", () => {
    expect(value("1.234")).toBe(1.234);
    expect(parseMoney("1.234", ",")?.value).toBe(1234);
    expect(parseMoney("1.234.567", ",")?.value).toBe(1234567);
    expect(parseMoney("€1.234,5", ",")?.value).toBe(1234.5);
    expect(parseMoney("1,234", ",")?.value).toBe(1.234);
    expect(parseMoney("1,234", ".")?.value).toBe(1234);
    expect(parseMoney("1.234", ".")?.value).toBe(1.234);
    expect(parseMoney("1,5K - 2,5K", ",")).toEqual({ low: 1500, high: 2500, value: 2000 });
    // Text that contradicts the mark is read on its own, as without one.
    expect(parseMoney("1.234,50", ".")?.value).toBe(1234.5);
  });
  it("reads a decimal-comma score only in a decimal-comma column", () => {
    expect(parseScore("74,5", ",")).toEqual({ score: 74.5, band: "Medium" });
    expect(parseScore("74,5")).toBeNull();
  });
  it("rejects junk", () => {
    for (const v of ["", null, "n/a", "abc", "$", "1 2 3", true, "25000 apples", "#VALUE!", Infinity]) {
      expect(parseMoney(v)).toBeNull();
    }
  });
});

describe("parseDate", () => {
  it("reads ISO dates, with or without a time", () => {
    expect(iso(parseDate("2026-03-31"))).toBe("2026-03-31T00:00:00.000Z");
    expect(iso(parseDate("2026-03-31T15:20:00Z"))).toBe("2026-03-31T00:00:00.000Z");
    expect(iso(parseDate("2026-03-31 15:20:00"))).toBe("2026-03-31T00:00:00.000Z");
  });
  it("reads US dates with four- and two-digit years", () => {
    expect(iso(parseDate("3/31/2026"))).toBe("2026-03-31T00:00:00.000Z");
    expect(iso(parseDate("03/31/26"))).toBe("2026-03-31T00:00:00.000Z");
    expect(iso(parseDate("12/1/99"))).toBe("1999-12-01T00:00:00.000Z");
    expect(iso(parseDate("3/31/2026 12:00:00 AM"))).toBe("2026-03-31T00:00:00.000Z");
  });
  it("reads Excel serials, including the 1900 leap-year bug", () => {
    expect(iso(parseDate(1))).toBe("1900-01-01T00:00:00.000Z");
    expect(iso(parseDate(59))).toBe("1900-02-28T00:00:00.000Z");
    expect(iso(parseDate(61))).toBe("1900-03-01T00:00:00.000Z");
    expect(iso(parseDate(46112))).toBe("2026-03-31T00:00:00.000Z");
    expect(iso(parseDate("46112"))).toBe("2026-03-31T00:00:00.000Z");
    expect(iso(parseDate(46112.75))).toBe("2026-03-31T00:00:00.000Z");
    expect(iso(parseDate(2958465))).toBe("9999-12-31T00:00:00.000Z");
  });
  it("reads a date whose day is above 12 day-first, and dotted dates day-first, without column context", () => {
    expect(iso(parseDate("13/1/2026"))).toBe("2026-01-13T00:00:00.000Z");
    expect(iso(parseDate("31.03.2026"))).toBe("2026-03-31T00:00:00.000Z");
    expect(iso(parseDate("1.3.2026"))).toBe("2026-03-01T00:00:00.000Z");
    expect(iso(parseDate("12-31-2026"))).toBe("2026-12-31T00:00:00.000Z");
  });
  it("follows the column's order when given one", () => {
    expect(iso(parseDate("3/4/2026", "DMY"))).toBe("2026-04-03T00:00:00.000Z");
    expect(iso(parseDate("3/4/2026", "MDY"))).toBe("2026-03-04T00:00:00.000Z");
    expect(iso(parseDate("3/4/2026"))).toBe("2026-03-04T00:00:00.000Z");
    // A day-first value in a month-first column contradicts it: unread rather than guessed.
    expect(parseDate("13/1/2026", "MDY")).toBeNull();
    expect(iso(parseDate("2026-04-03", "DMY"))).toBe("2026-04-03T00:00:00.000Z");
  });
  it("rejects impossible dates and junk", () => {
    for (const v of [
      "2026-02-30",
      "13/13/2026",
      "2026-13-01",
      0,
      -5,
      2958466,
      "soon",
      "",
      null,
      true,
      "31.02.2026",
    ]) {
      expect(parseDate(v)).toBeNull();
    }
  });
});

describe("parseSizeTier", () => {
  it.each([
    ["Upper Medium", "Upper Medium"],
    ["SMB - Upper Medium", "Upper Medium"],
    ["UpperMedium", "Upper Medium"],
    ["Top Unmanaged - User Base", "Upper Medium"],
    ["Corporate Scale", "Upper Medium"],
    ["Medium", "Medium"],
    ["SMB - Medium", "Medium"],
    ["Small", "Small"],
    ["Very Small", "Small"],
  ])("sub segment %j -> %s", (segment, tier) => expect(parseSizeTier(segment)).toBe(tier));

  it("falls back to the org size as a count or a bucket", () => {
    expect(parseSizeTier("", 300)).toBe("Upper Medium");
    expect(parseSizeTier(null, 299)).toBe("Medium");
    expect(parseSizeTier("", 25)).toBe("Medium");
    expect(parseSizeTier("", 24)).toBe("Small");
    expect(parseSizeTier("", "25-49")).toBe("Medium");
    expect(parseSizeTier("", "1-9")).toBe("Small");
    expect(parseSizeTier("", "1000+")).toBe("Upper Medium");
    expect(parseSizeTier("", "1,000 - 4,999")).toBe("Upper Medium");
    expect(parseSizeTier("", "300 to 499")).toBe("Upper Medium");
    expect(parseSizeTier("", "<25")).toBe("Small");
  });
  it("prefers the sub segment and returns null when nothing is known", () => {
    expect(parseSizeTier("Small", 5000)).toBe("Small");
    expect(parseSizeTier("SMB", "")).toBeNull();
    expect(parseSizeTier("", 0)).toBeNull();
    expect(parseSizeTier(undefined)).toBeNull();
    expect(parseSizeTier("", "unknown")).toBeNull();
  });
});

describe("never throws", () => {
  it("on any input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (v, w) => {
        isErrorValue(v);
        isBlank(v);
        expect(typeof cleanText(v)).toBe("string");
        parseCluster(v);
        parseYesNo(v);
        parseScore(v);
        parseMoney(v);
        const d = parseDate(v);
        if (d) expect(Number.isFinite(d.getTime())).toBe(true);
        parseSizeTier(v, w);
      }),
      { numRuns: 300 },
    );
  });
});
