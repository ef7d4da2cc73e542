/**
 * Issue 10, "Hold up in real Excel": the core flow run as a user runs it, in several orders, on
 * the workbooks users really have. The in-memory Excel is as strict as Excel where it matters here
 * (criteria read back with nulls, case-insensitive values filters, raw PivotTable field names,
 * overlapping PivotTables refused: see test/fake-excel/excelStrictness.test.ts).
 */
import type { SampleLayout } from "../../src/preview/sample-report";
import {
  everything,
  reportCells,
  reportRowsAnyOrder,
  scenario,
  sheetState,
  steps,
  userCountryCriterion,
  type Scenario,
  type SheetOptions,
  type Step,
} from "./support";

/** Runs steps on the active sheet; after each: done, report cells unchanged, the user's filter kept, the other sheet untouched. */
async function runChecked(s: Scenario, flow: readonly Step[], options: { sorted?: boolean } = {}) {
  const [main, other] = s.sheets;
  const cells = reportCells(s, main);
  const rows = reportRowsAnyOrder(s, main);
  const criterion = userCountryCriterion(s, main);
  const otherBefore = other ? sheetState(s, other.name) : null;
  const messages: string[] = [];
  let sorted = options.sorted ?? false;
  for (const step of flow) {
    const outcome = await step.run(s.session, s);
    if (outcome.status !== "done") throw new Error(`${step.name}: ${outcome.status}: ${outcome.message}`);
    messages.push(`${step.name}: ${outcome.message}`);
    if (step.name === "Sort by priority") sorted = true;
    // Reset puts the rows back in the order they had when these checks began (unless already sorted then).
    if (step.name === "Reset" && !options.sorted) sorted = false;
    // The report's own cells (and the user's notes) never change; a sort only moves whole rows.
    if (sorted) expect(reportRowsAnyOrder(s, main)).toEqual(rows);
    else expect(reportCells(s, main)).toEqual(cells);
    // The user's Country filter stays through every action, Clear and Reset.
    expect(userCountryCriterion(s, main)).toEqual(criterion);
    if (other) expect(sheetState(s, other.name)).toEqual(otherBefore);
  }
  return messages;
}

const messy = (layout: SampleLayout, extra: Partial<SheetOptions> = {}): SheetOptions => ({
  name: "Report",
  layout,
  rows: 180,
  seed: 1001,
  notes: true,
  strayHeaderSpaces: true,
  userCountryFilter: true,
  ...extra,
});

const second: SheetOptions = {
  name: "Last quarter",
  layout: "modern-work-2021",
  rows: 90,
  seed: 2002,
  notes: true,
  userCountryFilter: true,
};

describe("the core flow on a messy report (issue 10, done when)", () => {
  it("notes column + user's Country filter + second report sheet: everything works and Reset restores everything", async () => {
    const s = await scenario(messy("azure"), second);
    const before = everything(s);
    const messages = await runChecked(s, [
      steps.analyze(),
      steps.actNow("any"),
      steps.cohort(),
      steps.clear(),
      steps.helpers(),
      steps.helpers(),
      steps.summaries(),
      steps.prepare(),
      steps.reset(),
    ]);
    expect(everything(s)).toEqual(before);
    // Clear filters names only what the add-in set, and the user's own filter once.
    const clear = messages.find((m) => m.startsWith("Clear filters"))!;
    expect(clear).toMatch(/Left your own filter on Country in place/);
    expect(clear.match(/Left your own filter on ([^(]*)\(/)![1].split(",")).toHaveLength(1);
    // Build summaries worked, with revenue (static tables: the notes column has no header).
    expect(messages.join("\n")).toMatch(/Built the "Propensity Summary" sheet/);
  });

  it("Build summaries with revenue places the second PivotTable from the first one's real size", async () => {
    // No notes column: every source column has a header, so the summaries are PivotTables; revenue as numbers.
    const s = await scenario(messy("azure", { notes: false, messy: false }));
    await runChecked(s, [steps.actNow("any"), steps.summaries()]);
    const summary = s.fake.workbook.sheet("Propensity Summary")!;
    const [industry, subSegment] = summary.pivotTables;
    expect(industry.data.map((d) => d.summarizeBy)).toEqual(["Count", "Sum"]);
    // Count and Sum for each cluster: wider than 10 columns, so a fixed K8 would overlap.
    expect(industry.rendered!.columnCount).toBeGreaterThan(10);
    expect(subSegment.rendered!.row).toBeGreaterThan(industry.rendered!.row + industry.rendered!.rowCount);
    // Fields named from the raw header text, stray space included.
    expect(industry.rows[0]).toBe(`${s.sheets[0].sample.truth.roles.industry} `);
  });

  it("a notes column without a header: PivotTables would need a header there, so static tables say why", async () => {
    const s = await scenario(messy("azure"));
    const messages = await runChecked(s, [steps.summaries()]);
    expect(messages[0]).toMatch(/Built the "Propensity Summary" sheet/);
    const summary = s.fake.workbook.sheet("Propensity Summary")!;
    const text = summary.values(0, 0, 6, 1).flat().join(" ");
    expect(text).toMatch(/column [A-Z]+ has no header/);
    // With revenue: text amounts ("$109,950") are read as money in the static tables.
    expect(summary.values(0, 0, 60, 10).flat()).toContain("Potential revenue");
  });
});

describe("in several orders, on each layout", () => {
  const layouts: [string, SheetOptions][] = [
    ["current (Azure)", messy("azure")],
    ["2021 (Modern Work)", messy("modern-work-2021")],
    ["2023 (Azure)", messy("azure-2023")],
    ["2023 (Dynamics 365)", messy("d365-2023")],
    ["renewal", messy("renewal")],
    ["a table report", messy("ai-business", { table: true, notes: false })],
  ];
  const orders: [string, Step[]][] = [
    [
      "prepare, sort, any product, cohort, helpers, summaries, clear",
      [
        steps.prepare(),
        steps.sort(),
        steps.actNow("any"),
        steps.cohort(),
        steps.helpers(),
        steps.summaries(),
        steps.clear(),
      ],
    ],
    [
      "sort, summaries twice, Act now, helpers, clear all but the user's",
      [
        steps.sort(),
        steps.summaries(),
        steps.summaries(),
        steps.actNow("any"),
        steps.helpers(),
        steps.clear(),
      ],
    ],
  ];

  for (const [layoutName, options] of layouts) {
    it.each(orders)(`${layoutName}: %s, then Reset restores every sheet exactly`, async (_name, flow) => {
      const s = await scenario(options, second);
      const before = everything(s);
      await runChecked(s, [...flow, steps.reset()]);
      expect(everything(s)).toEqual(before);
    });
  }
});

describe("a user column right of the helper columns", () => {
  it("keeps its cells with their rows through Sort and Reset, and stays where the user put it", async () => {
    const s = await scenario(messy("azure"));
    const [main] = s.sheets;
    const original = reportCells(s, main);
    await runChecked(s, [steps.helpers()]);
    const sheet = s.fake.workbook.sheet(main.name)!;
    const top = main.sample.truth.headerRow;
    const accountColumn = sheet
      .values(top, 0, 1, main.width)[0]
      .findIndex((h) => String(h).includes(main.sample.truth.roles.accountName));
    // The user writes each row's account name again, right of the helper columns (after a gap).
    const userColumn = sheet.usedRange(true)!.columnCount + 1;
    const rows = main.sample.truth.dataRows;
    const accounts = sheet.values(top + 1, accountColumn, rows, 1);
    sheet.setValues(top, userColumn, [["My copy of the account"], ...accounts]);

    await runChecked(s, [steps.sort(), steps.summaries()], { sorted: true });
    const sortedAccounts = sheet.values(top + 1, accountColumn, rows, 1);
    expect(sheet.values(top + 1, userColumn, rows, 1)).toEqual(sortedAccounts);
    expect(sortedAccounts).not.toEqual(accounts);

    await runChecked(s, [steps.reset()], { sorted: true });
    expect(reportCells(s, main)).toEqual(original);
    expect(sheet.values(top + 1, accountColumn, rows, 1)).toEqual(accounts);
    expect(sheet.values(top, userColumn, rows + 1, 1)).toEqual([["My copy of the account"], ...accounts]);
  });
});

describe("two report sheets", () => {
  it("actions on both, then Reset on one leaves the other (and its sheets) exactly as they were", async () => {
    const s = await scenario(messy("azure", { notes: false }), { ...second, notes: false });
    const before = everything(s);
    const flow = [steps.actNow("any"), steps.sort(), steps.summaries(), steps.prepare()];
    for (const name of ["Report", "Last quarter"]) {
      s.fake.workbook.setActive(name);
      for (const step of flow) {
        const outcome = await step.run(s.session, s);
        if (outcome.status !== "done") throw new Error(`${name} ${step.name}: ${outcome.message}`);
      }
    }
    // Each report sheet has its own summary and About sheet, each naming it in A2.
    const names = s.fake.workbook.sheets.map((sheet) => sheet.name);
    expect(names).toEqual([
      "Report",
      "Last quarter",
      "Propensity Summary",
      "About this report",
      "Propensity Summary (2)",
      "About this report (2)",
    ]);
    expect(s.fake.workbook.sheet("Propensity Summary (2)")!.getValue(1, 0)).toBe(
      "Report sheet: Last quarter",
    );

    const secondSheets = ["Last quarter", "Propensity Summary (2)", "About this report (2)"];
    const secondBefore = secondSheets.map((name) => sheetState(s, name));
    s.fake.workbook.setActive("Report");
    const reset = await s.session.run((await import("../../src/actions")).actions.resetSheet, {});
    if (reset.status !== "done") throw new Error(reset.message);
    expect(secondSheets.map((name) => sheetState(s, name))).toEqual(secondBefore);
    expect(s.fake.workbook.sheets.map((sheet) => sheet.name)).toEqual(["Report", ...secondSheets]);

    s.fake.workbook.setActive("Last quarter");
    const resetSecond = await s.session.run((await import("../../src/actions")).actions.resetSheet, {});
    if (resetSecond.status !== "done") throw new Error(resetSecond.message);
    s.fake.workbook.setActive("Report");
    expect(everything(s)).toEqual(before);
  });
});
