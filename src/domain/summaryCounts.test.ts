import { countIfMatches } from "../preview/fake-excel/proxy/functions";
import { pivotItems } from "../preview/fake-excel/pivotRender";
import { columnsOf, testLayout } from "./testSupport";
import { summarize } from "./summaries";
import {
  countableItem,
  summariesFromCounts,
  summaryCountPlan,
  type FoundCell,
  type SummaryCountInput,
  type SummaryCountPlan,
} from "./summaryCounts";
import { parseCluster } from "./values";
import type { CellValue, Cluster } from "./types";

/** Columns: 0 account, 1 industry, 2 sub segment, 3 Best Cluster. */
const LAYOUT = testLayout([], { accountName: 0, industry: 1, subSegment: 2 });

const ROWS: CellValue[][] = [
  ["A", "Retail", "SMALL", "Act Now"],
  ["B", "retail ", " Small", "Evaluate"],
  ["C", "Health", "Small", ""],
  ["", "", "", ""],
  ["D", "#N/A", "Medium", "act now"],
  ["E", "Health", "", "Nurture"],
  ["", "", "", "Educate"],
  ["F", " ", "A*B?", "Educate"],
  ["G", "Energy", "AxBy", ""],
  ["H", "Energy", "medium", "Evaluate"],
];

/** The PivotTable's items of a column, as the in-memory Excel lists them. */
function itemsOf(rows: CellValue[][], column: number): string[] {
  const texts = rows.map((r) => String(r[column] ?? ""));
  const pivot = {
    sourceRange: () => ({ row: 0, column: 0, rowCount: rows.length + 1, columnCount: 1 }),
    fieldNames: () => ["Field"],
    source: { sheet: { text: (r: number) => (r === 0 ? "Field" : texts[r - 1]) } },
  };
  return pivotItems(pivot as unknown as Parameters<typeof pivotItems>[0], "Field");
}

const input = (rows: CellValue[][]): SummaryCountInput => ({
  bestCluster: 3,
  skipColumns: [0, 1, 2],
  rowCount: rows.length,
  dimensions: [
    { dimension: "industry", column: 1, items: itemsOf(rows, 1) },
    { dimension: "subSegment", column: 2, items: itemsOf(rows, 2), table: { label: "Sub Segment" } },
  ],
});

/** What Excel would answer: COUNTIFS by the in-memory Excel's matching, MATCH/VLOOKUP by a plain scan. */
function answer(rows: CellValue[][], plan: SummaryCountPlan) {
  const counts = new Map<string, number>();
  for (const query of plan.queries) {
    const pairs = [{ column: query.column, criterion: query.criterion }, ...(query.where ?? [])];
    counts.set(
      query.id,
      rows.filter((row) => pairs.every((p) => countIfMatches(p.criterion, row[p.column] ?? ""))).length,
    );
  }
  const found = new Map<string, FoundCell>();
  for (const lookup of plan.lookups) {
    const at = rows.findIndex(
      (row) => typeof row[lookup.column] === "string" && countIfMatches(lookup.text, row[lookup.column]),
    );
    if (at >= 0) found.set(lookup.id, { position: at + 1, value: rows[at][lookup.column] });
  }
  return { counts, found };
}

function fromCells(rows: CellValue[][]) {
  const best = rows.map((r) => (parseCluster(r[3]) ?? "") as Cluster | "");
  return summarize(LAYOUT, columnsOf(rows), best, rows.length, undefined, { revenue: false });
}

describe("countableItem", () => {
  it("takes printable texts without digits, and the blank-looking items COUNTIFS counts exactly", () => {
    for (const item of ["Small", " Small ", "SMB - Small", "A*B?", "Upper  Medium", "#N/A", " ", "(blank)"])
      expect([item, countableItem(item)]).toEqual([item, true]);
  });
  it("refuses what COUNTIFS could match otherwise: numbers, dates, operators, logicals, other characters", () => {
    for (const item of ["5", "Tier 1", "1/2/2026", "=Small", ">x", "<>x", "#n/a", "'Small", "TRUE", "false"])
      expect([item, countableItem(item)]).toEqual([item, false]);
    for (const item of ["Öffentlich", "a\tb", "\u00A0", "", "x".repeat(201)])
      expect([item, countableItem(item)]).toEqual([item, false]);
  });
});

describe("summariesFromCounts", () => {
  it("gives the tables summarize computes from the cells: groups, first spellings, skipped rows, order", () => {
    const plan = summaryCountPlan(input(ROWS))!;
    const { counts, found } = answer(ROWS, plan);
    const counted = summariesFromCounts(input(ROWS), counts, found)!;
    const truth = fromCells(ROWS);
    expect(counted.tables.subSegment).toEqual(truth.bySubSegment);
    expect(counted.tables.subSegment?.rows.map((r) => r.key)).toEqual([
      "SMALL",
      "(blank)",
      "Medium",
      "A*B?",
      "AxBy",
    ]);
    expect(counted.groups).toEqual({ industry: truth.byIndustry!.rows.length, subSegment: 5 });
  });

  it("names a group by its first spelling in the report, not by the name Excel gives the item", () => {
    const lowerItems = (rows: CellValue[][]): SummaryCountInput => {
      const base = input(rows);
      const [industry, subSegment] = base.dimensions;
      return {
        ...base,
        dimensions: [industry, { ...subSegment, items: subSegment.items.map((i) => i.toLowerCase()) }],
      };
    };
    const plan = summaryCountPlan(lowerItems(ROWS))!;
    const { counts, found } = answer(ROWS, plan);
    const counted = summariesFromCounts(lowerItems(ROWS), counts, found)!;
    expect(counted.tables.subSegment).toEqual(fromCells(ROWS).bySubSegment);
    expect(counted.tables.subSegment?.rows[0].key).toBe("SMALL");
  });

  it("refuses counts that do not add up to the rows (an item named otherwise than its cells)", () => {
    const plan = summaryCountPlan(input(ROWS))!;
    const { counts, found } = answer(ROWS, plan);
    const industryItem = plan.queries.find((q) => q.id === "d0:x1")!;
    counts.set(industryItem.id, counts.get(industryItem.id)! - 1);
    expect(summariesFromCounts(input(ROWS), counts, found)).toBeNull();
  });

  it("refuses a Best Cluster holding something else than the four labels or nothing", () => {
    const rows = ROWS.map((r, i) => (i === 2 ? [...r.slice(0, 3), "Hot"] : r));
    const plan = summaryCountPlan(input(rows))!;
    const { counts, found } = answer(rows, plan);
    expect(summariesFromCounts(input(rows), counts, found)).toBeNull();
  });

  it("refuses when a row summarize skips holds a blank-looking cell COUNTIFS does not count as empty", () => {
    const rows = ROWS.map((r, i) => (i === 3 ? ["\u200B", "", "", ""] : r));
    const plan = summaryCountPlan(input(rows))!;
    const { counts, found } = answer(rows, plan);
    expect(summariesFromCounts(input(rows), counts, found)).toBeNull();
    // Without the blank-looking cell the same rows count exactly.
    const { counts: clean, found: cleanFound } = answer(ROWS, summaryCountPlan(input(ROWS))!);
    expect(summariesFromCounts(input(ROWS), clean, cleanFound)).not.toBeNull();
  });

  it("refuses a sub segment spelled otherwise where it first appears than its item says (case aside)", () => {
    const plan = summaryCountPlan(input(ROWS))!;
    const { counts, found } = answer(ROWS, plan);
    const lookup = plan.lookups[0];
    found.set(lookup.id, { position: 1, value: "Something else" });
    expect(summariesFromCounts(input(ROWS), counts, found)).toBeNull();
  });

  it("plans nothing when an item cannot be counted exactly", () => {
    const rows = ROWS.map((r, i) => (i === 0 ? [r[0], r[1], 5, r[3]] : r));
    expect(summaryCountPlan(input(rows))).toBeNull();
  });
});
