import type { ContractCase } from "../types";

/**
 * The seam the add-in reaches Excel through (src/excel/officeHost.ts): Excel.run returns the batch's
 * result, requirement sets answer per name, the document URL and theme are readable.
 */
export const officeHost: ContractCase = {
  id: "office-host-seam",
  title: "Excel.run and Office.context",
  source: "https://learn.microsoft.com/javascript/api/office/office.context",
  members: [
    "Excel.run",
    "Office.onReady",
    "Office.host",
    "Office.context",
    "Office.Context.document",
    "Office.Document.url",
    "Office.Context.officeTheme",
    "Office.OfficeTheme.bodyBackgroundColor",
    "Office.Context.requirements",
    "Office.RequirementSetSupport.isSetSupported",
  ],
  async run(c) {
    const result = await c.host.run(async () => 42);
    const url = c.host.documentUrl();
    return {
      runReturnsBatchResult: result === 42,
      excelApi11: c.host.isSetSupported("ExcelApi", "1.1"),
      excelApi99: c.host.isSetSupported("ExcelApi", "99.0"),
      unknownSet: c.host.isSetSupported("NoSuchApi", "1.1"),
      documentUrlType: url === undefined ? "undefined" : typeof url,
      themeKnown: c.host.theme === undefined || ["light", "dark"].includes(c.host.theme()),
    };
  },
};
