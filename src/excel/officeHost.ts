import type { ExcelHost } from "./host";

/** Perceived brightness of an Office theme colour like "#1f1f1f". */
function isDarkColour(hex: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/** The real Excel, through Office.js. Only valid after Office.onReady. */
export const officeHost: ExcelHost = {
  run: (batch) => Excel.run(batch),
  isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  documentUrl: () => Office.context.document?.url ?? undefined,
  createWorkbook: (base64) => Excel.createWorkbook(base64),
  theme: () => (isDarkColour(Office.context.officeTheme?.bodyBackgroundColor) ? "dark" : "light"),
};

/** Resolves with the Excel host once Office.js is ready; rejects outside Excel. */
export async function connectToExcel(): Promise<ExcelHost> {
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) {
    throw new Error("Propensity Pane runs in Excel only.");
  }
  return officeHost;
}
