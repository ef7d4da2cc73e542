import type { ContractCase } from "../types";
import { put } from "./support";

/** A chart from a small table, titled and placed, as the summary sheet draws one. */
export const charts: ContractCase = {
  id: "charts",
  title: "Adding a chart",
  source: "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts",
  members: ["Worksheet.charts", "ChartCollection.add", "Chart.title", "ChartTitle.text", "Chart.setPosition"],
  async run(c) {
    const added = await c.attempt(async (context, sheet) => {
      put(sheet, "A1:B4", [
        ["Cluster", "Customers"],
        ["Act Now", 3],
        ["Evaluate", 5],
        ["Nurture", 2],
      ]);
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B4"), "Auto");
      chart.title.text = "Customers by cluster";
      chart.setPosition("D2", "J15");
      chart.title.load("text");
      const count = sheet.charts.getCount();
      await context.sync();
      return { title: chart.title.text, count: count.value };
    });
    return { added };
  },
};
