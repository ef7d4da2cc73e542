import type { ContractCase, Json } from "../types";
import { put } from "./support";

/**
 * COUNTIFS through `workbook.functions` (ExcelApi 1.2): criteria match the whole cell ignoring case,
 * `*` and `?` are wildcards, so "act now" misses "act now "; ranges of different sizes give #VALUE!.
 */
export const countIfs: ContractCase = {
  id: "countifs-matching",
  title: "COUNTIFS matching rules",
  source: "https://support.microsoft.com/office/countifs-function-dda3dc6e-f74e-4aee-88bc-aa8c2a866842",
  members: [
    "Workbook.functions",
    "Functions.countIfs",
    "Functions.subtotal",
    "FunctionResult.value",
    "FunctionResult.error",
  ],
  async run(c) {
    const criteria: (string | number)[] = [
      "act now",
      "*act now*",
      "ACT*",
      "<>Evaluate",
      "",
      5,
      ">3",
      "?valuate",
    ];
    const counts = await c.attempt(async (context, sheet) => {
      put(sheet, "A1:A8", [
        ["Act Now"],
        ["act now "],
        ["ACT NOW"],
        ["Evaluate"],
        [""],
        [5],
        ["5"],
        ["x act now y"],
      ]);
      put(sheet, "B1:B8", [["DE"], ["DE"], ["FR"], ["DE"], ["DE"], ["FR"], ["DE"], ["DE"]]);
      const range = sheet.getRange("A1:A8");
      const results = criteria.map((k) => context.workbook.functions.countIfs(range, k).load("value, error"));
      const twoColumns = context.workbook.functions
        .countIfs(range, "act*", sheet.getRange("B1:B8"), "DE")
        .load("value, error");
      const mismatched = context.workbook.functions
        .countIfs(range, "act*", sheet.getRange("B1:B4"), "DE")
        .load("value, error");
      await context.sync();
      const byCriterion: Record<string, Json> = {};
      criteria.forEach((k, i) => (byCriterion[JSON.stringify(k)] = results[i].value as number));
      return {
        byCriterion,
        twoColumns: twoColumns.value as number,
        mismatched: { value: mismatched.value as Json, error: mismatched.error as Json },
      };
    });
    const visible = await c.attempt(async (context, sheet) => {
      put(sheet, "D1:D5", [["Cluster"], ["Act Now"], ["Evaluate"], ["Act Now"], [""]]);
      sheet.autoFilter.apply(sheet.getRange("D1:D5"), 0, { filterOn: "Values", values: ["Act Now"] });
      const subtotal = context.workbook.functions.subtotal(103, sheet.getRange("D2:D5")).load("value");
      await context.sync();
      return subtotal.value as number;
    });
    return { counts, visible };
  },
};

/**
 * The criteria Analyze's proof counts with (src/domain/clusterCounts.ts): "<>" counts non-empty cells and
 * "" empty ones; "~?" is a literal question mark; " *" counts texts starting with a space (" Act Now", " ");
 * the letters-in-order superset "*a*c*t*n*o*w*" matches every stray spelling; an exact text counts itself
 * only, case aside; a number is no text to a wildcard.
 */
export const countIfsProof: ContractCase = {
  id: "countifs-proof-criteria",
  title: "COUNTIFS criteria of Analyze's counting proof",
  source: "https://support.microsoft.com/office/countifs-function-dda3dc6e-f74e-4aee-88bc-aa8c2a866842",
  members: ["Workbook.functions", "Functions.countIfs", "FunctionResult.value", "FunctionResult.error"],
  async run(c) {
    const criteria = [
      "<>",
      "",
      " *",
      "#NAME~?",
      "#*",
      "*a*c*t*n*o*w*",
      " act now",
      "act_now",
      "act  now",
      "  ",
    ];
    return c.attempt(async (context, sheet) => {
      put(sheet, "A1:A12", [
        ["Act Now"],
        [" Act Now"],
        ["act_now"],
        ["Act  Now"],
        [""],
        [" "],
        ["  "],
        ["#NAME?"],
        ["#NAMEX"],
        ["Don't act now"],
        [42],
        ["Contoso"],
      ]);
      put(sheet, "B1:B12", [
        ["x"],
        ["x"],
        ["x"],
        [""],
        ["x"],
        ["x"],
        ["x"],
        ["x"],
        ["x"],
        ["x"],
        ["x"],
        [""],
      ]);
      const clusters = sheet.getRange("A1:A12");
      const names = sheet.getRange("B1:B12");
      const alone = criteria.map((k) =>
        context.workbook.functions.countIfs(clusters, k).load("value, error"),
      );
      const customersOnly = criteria.map((k) =>
        context.workbook.functions.countIfs(clusters, k, names, "<>").load("value, error"),
      );
      await context.sync();
      const byCriterion: Record<string, Json> = {};
      criteria.forEach(
        (k, i) =>
          (byCriterion[JSON.stringify(k)] = [alone[i].value as number, customersOnly[i].value as number]),
      );
      return byCriterion;
    });
  },
};
