import type { ContractCase } from "../types";

/**
 * Text that looks like a formula or a number: through `values` it becomes one, unless the cell's
 * number format is "@" (Text) first. The add-in writes report text that way.
 */
export const textFormat: ContractCase = {
  id: "text-format-and-formulas",
  title: "Text format before values; formulas",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member",
  members: ["Range.numberFormat", "Range.values", "Range.text", "Range.formulas", "Range.clear"],
  async run(c) {
    const inputs = [["=1+2", "00123", "TRUE", "1/2/2026", "-@x", "'quoted"]];
    const asText = await c.attempt(async (context, sheet) => {
      const range = sheet.getRange("A1:F1");
      range.numberFormat = [["@", "@", "@", "@", "@", "@"]];
      range.values = inputs;
      range.load("values, text, formulas, numberFormat, valueTypes");
      await context.sync();
      return {
        values: range.values,
        text: range.text,
        formulas: range.formulas,
        numberFormat: range.numberFormat,
      };
    });
    const general = await c.attempt(async (context, sheet) => {
      const range = sheet.getRange("A2:C2");
      range.values = [["=1+2", "00123", "TRUE"]];
      range.load("values, formulas, valueTypes, numberFormat");
      await context.sync();
      return {
        values: range.values,
        formulas: range.formulas,
        valueTypes: range.valueTypes,
        numberFormat: range.numberFormat,
      };
    });
    const cleared = await c.attempt(async (context, sheet) => {
      const range = sheet.getRange("A1:F2");
      range.clear();
      range.load("values, numberFormat");
      await context.sync();
      return { values: range.values, numberFormat: range.numberFormat };
    });
    return { asText, general, cleared };
  },
};
