import type { Attempt, ContractCase, Json } from "../types";

/** ExcelApi versions probed: 1.1 to 1.20. */
const VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

/**
 * Which ExcelApi sets the host answers to, and what touching a member above them does: each member
 * below is tried on its own so one refusal does not hide the next. Below its set a host answers
 * ApiNotFound (Excel.ErrorCodes.apiNotFound). Sets from excel.d.ts ("[Api set: ExcelApi x.y]").
 */
export const requirementSets: ContractCase = {
  id: "requirement-sets",
  title: "Requirement sets and members above them",
  source: "https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets",
  members: [
    "Office.Context.requirements",
    "Office.RequirementSetSupport.isSetSupported",
    "Worksheet.getRangeByIndexes",
    "Range.getVisibleView",
    "Workbook.functions",
    "WorksheetFreezePanes.getLocationOrNullObject",
  ],
  async run(c) {
    const supported: Record<string, boolean> = {};
    for (const v of VERSIONS) supported[v] = c.host.isSetSupported("ExcelApi", v);
    const probes: Record<string, (context: Excel.RequestContext, sheet: Excel.Worksheet) => Promise<Json>> = {
      // 1.2
      "Worksheet.protection": async (context, sheet) => {
        sheet.protection.load("protected");
        await context.sync();
        return sheet.protection.protected;
      },
      "Workbook.functions (1.2)": async (context, sheet) => {
        const result = context.workbook.functions.countA(sheet.getRange("A1:A2")).load("value");
        await context.sync();
        return result.value as number;
      },
      // 1.3
      "Range.getVisibleView": async (context, sheet) => {
        const view = sheet.getRange("A1:B2").getVisibleView().load("rowCount");
        await context.sync();
        return view.rowCount;
      },
      // 1.4
      "Worksheet.getUsedRangeOrNullObject": async (context, sheet) => {
        const used = sheet.getUsedRangeOrNullObject(true);
        await context.sync();
        return used.isNullObject;
      },
      // 1.7
      "Worksheet.getRangeByIndexes": async (context, sheet) => {
        const range = sheet.getRangeByIndexes(1, 2, 3, 4).load("address");
        await context.sync();
        return range.address.replace(/^.*!/, "");
      },
      "Worksheet.freezePanes": async (context, sheet) => {
        const frozen = sheet.freezePanes.getLocationOrNullObject();
        await context.sync();
        return frozen.isNullObject;
      },
      // 1.9
      "Worksheet.autoFilter": async (context, sheet) => {
        sheet.autoFilter.load("enabled");
        await context.sync();
        return sheet.autoFilter.enabled;
      },
      // 1.14
      "AutoFilter.clearColumnCriteria": async (context, sheet) => {
        sheet.getRange("A1:A2").values = [["h"], ["v"]];
        sheet.autoFilter.apply(sheet.getRange("A1:A2"), 0, { filterOn: "Values", values: ["v"] });
        sheet.autoFilter.clearColumnCriteria(0);
        await context.sync();
        sheet.autoFilter.remove();
        await context.sync();
        return "cleared";
      },
    };
    const touched: Record<string, Attempt> = {};
    for (const [name, probe] of Object.entries(probes)) touched[name] = await c.attempt(probe);
    return { supported, touched };
  },
};
