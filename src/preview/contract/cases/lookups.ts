import type { ContractCase, Json } from "../types";
import { put } from "./support";

/**
 * MATCH(text, column, 0) and VLOOKUP(text, column, 1, FALSE) through `workbook.functions`
 * (ExcelApi 1.2), as Build summaries uses them to find where a sub segment first appears and how it
 * is spelled there: the whole cell is compared ignoring case ("small" finds "SMALL" first), `~`
 * escapes a wildcard, a stray space is another text, text never equals a number or an empty cell,
 * and a miss answers #N/A.
 */
export const lookups: ContractCase = {
  id: "match-vlookup-exact",
  title: "MATCH and VLOOKUP exact lookups",
  source: "https://support.microsoft.com/office/match-function-e8dffd45-c762-47d6-bf89-533f4a37673a",
  members: [
    "Workbook.functions",
    "Functions.match",
    "Functions.vlookup",
    "FunctionResult.value",
    "FunctionResult.error",
  ],
  async run(c) {
    const lookupsOf = ["small", "Small ", "Medium", "5", "A*B", "a~*b", "Large", ""];
    return c.attempt(async (context, sheet) => {
      put(sheet, "A1:A8", [[""], [5], ["Small "], ["SMALL"], ["Small"], ["medium"], ["A*B"], ["AxB"]]);
      const column = sheet.getRange("A1:A8");
      const results = lookupsOf.map((text) => ({
        text,
        at: context.workbook.functions.match(text, column, 0).load("value, error"),
        spelled: context.workbook.functions.vlookup(text, column, 1, false).load("value, error"),
      }));
      await context.sync();
      const out: Record<string, Json> = {};
      for (const { text, at, spelled } of results) {
        out[JSON.stringify(text)] = {
          at: at.error ? at.error : (at.value as number),
          spelled: spelled.error ? spelled.error : (spelled.value as Json),
        };
      }
      return out;
    });
  },
};
