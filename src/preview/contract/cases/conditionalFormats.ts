import type { ContractCase } from "../types";
import { put } from "./support";

/** Text-contains conditional formats (ExcelApi 1.6), as Prepare for sellers colours clusters. */
export const conditionalFormats: ContractCase = {
  id: "conditional-formats",
  title: "Conditional formats on text",
  source: "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting",
  members: [
    "Range.conditionalFormats",
    "ConditionalFormatCollection.add",
    "ConditionalFormatCollection.clearAll",
    "ConditionalFormat.textComparison",
    "ConditionalFormat.priority",
    "ConditionalFormat.stopIfTrue",
    "TextConditionalFormat.format",
    "TextConditionalFormat.rule",
    "ConditionalRangeFormat.fill",
    "ConditionalRangeFill.color",
  ],
  async run(c) {
    const added = await c.attempt(async (context, sheet) => {
      put(sheet, "A1:A3", [["Act Now"], ["Evaluate"], ["act now"]]);
      const range = sheet.getRange("A1:A3");
      const format = range.conditionalFormats.add("ContainsText");
      format.textComparison.format.fill.color = "#C6EFCE";
      format.textComparison.rule = { operator: "Contains", text: "act now" };
      format.priority = 0;
      format.stopIfTrue = true;
      const count = range.conditionalFormats.getCount();
      format.load("type, priority, stopIfTrue");
      format.textComparison.load("rule");
      format.textComparison.format.fill.load("color");
      await context.sync();
      return {
        count: count.value,
        type: format.type,
        priority: format.priority,
        stopIfTrue: format.stopIfTrue,
        rule: { operator: format.textComparison.rule.operator, text: format.textComparison.rule.text },
        fill: format.textComparison.format.fill.color,
      };
    });
    const cleared = await c.attempt(async (context, sheet) => {
      const range = sheet.getRange("A1:A3");
      range.conditionalFormats.clearAll();
      const count = range.conditionalFormats.getCount();
      await context.sync();
      return count.value;
    });
    return { added, cleared };
  },
};
