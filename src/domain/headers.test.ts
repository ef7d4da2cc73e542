import fc from "fast-check";
import { cleanHeader, foldHeader, HEADER_SEARCH_ROWS, SAMPLE_ROWS, uniqueHeaders } from "./headers";

describe("foldHeader", () => {
  it.each([
    ["Transactedinthelast36months", "transactedinthelast36months"],
    ["TransactedInTheLast36months", "transactedinthelast36months"],
    ["TransactedInTheLast36Months", "transactedinthelast36months"],
    ["Transacted in the last 36 months", "transactedinthelast36months"],
    ["M365_CoPilot_Cluster", "m365copilotcluster"],
    ["D365 BC Cluster", "d365bccluster"],
    ["Sub-Segment", "subsegment"],
    ["\uFEFFMPN ID", "mpnid"],
    ["Account\u00A0Name", "accountname"],
    ["  Org Size  ", "orgsize"],
    ["SME&C Type Summary", "sme&ctypesummary"],
  ])("folds %j to %j", (text, folded) => {
    expect(foldHeader(text)).toBe(folded);
  });

  it("accepts non-text cells without throwing", () => {
    expect(foldHeader(null)).toBe("");
    expect(foldHeader(undefined)).toBe("");
    expect(foldHeader(36)).toBe("36");
    expect(foldHeader(true)).toBe("true");
    expect(foldHeader({ toString: () => "boom" })).toBe("");
  });

  it("is idempotent and never throws", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const once = foldHeader(v);
        expect(foldHeader(once)).toBe(once);
        expect(once).not.toMatch(/[\s_\-\uFEFFA-Z]/);
      }),
    );
  });
});

describe("cleanHeader", () => {
  it("removes a BOM glued to the first header and trims", () => {
    expect(cleanHeader("\uFEFFMPNID ")).toBe("MPNID");
    expect(cleanHeader("Account\u00A0Name")).toBe("Account Name");
  });
});

describe("uniqueHeaders", () => {
  it("names blank headers by their 1-based column number", () => {
    expect(uniqueHeaders(["AccountName", "", "  ", "Industry"])).toEqual([
      "AccountName",
      "Column 2",
      "Column 3",
      "Industry",
    ]);
  });

  it("numbers duplicates, case-insensitively", () => {
    expect(uniqueHeaders(["Industry", "industry", "INDUSTRY", "Country"])).toEqual([
      "Industry",
      "industry (2)",
      "INDUSTRY (3)",
      "Country",
    ]);
  });

  it("does not collide with headers that already look numbered", () => {
    expect(uniqueHeaders(["Industry", "Industry", "Industry (2)"])).toEqual([
      "Industry",
      "Industry (3)",
      "Industry (2)",
    ]);
    expect(uniqueHeaders(["Column 2", ""])).toEqual(["Column 2", "Column 2 (2)"]);
  });

  it("always returns unique non-blank names of the same length", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("", " ", "A", "a", "A (2)", "Column 1", "B", "\uFEFF")), (raw) => {
        const names = uniqueHeaders(raw);
        expect(names).toHaveLength(raw.length);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        names.forEach((n) => expect(n.trim()).not.toBe(""));
      }),
    );
  });
});

it("exposes the search window sizes", () => {
  expect(HEADER_SEARCH_ROWS).toBe(20);
  expect(SAMPLE_ROWS).toBe(200);
});
