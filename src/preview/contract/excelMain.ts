// contract.html inside Excel (npm run dev-server, sideload manifest.contract.xml). Development only.
import { officeHost } from "../../excel/officeHost";
import { mountContractPage } from "./page";
import type { HostDescription } from "./types";

function highestExcelApi(): string {
  let highest = "none";
  for (let minor = 1; minor <= 30; minor++) {
    if (!Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`)) break;
    highest = `1.${minor}`;
  }
  return highest;
}

function describeExcel(): HostDescription {
  const diagnostics = Office.context.diagnostics;
  return {
    application: String(diagnostics.host ?? "Excel"),
    platform: String(diagnostics.platform ?? "unknown"),
    build: diagnostics.version ?? "unknown",
    apiSets: { ExcelApi: highestExcelApi() },
    userAgent: navigator.userAgent,
  };
}

const root = document.getElementById("root");
void Office.onReady().then((info) => {
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    root.textContent = "Open this page from Excel: sideload manifest.contract.xml.";
    return;
  }
  mountContractPage(root, { host: officeHost, describeHost: describeExcel });
});
