// contract.html in the browser preview: the same page against the in-memory Excel, so the e2e test
// (test/e2e/contract.e2e.test.ts) proves the page works end to end. Never in the production bundle.
import { contractWorkbook, inMemoryDescription } from "./inMemory";
import { mountContractPage } from "./page";

const fake = contractWorkbook();
const root = document.getElementById("root");
if (root) mountContractPage(root, { host: fake, describeHost: () => inMemoryDescription() });
// For the e2e test: what the workbook holds after a run.
(window as unknown as { contractWorkbook: () => unknown }).contractWorkbook = () => ({
  sheets: fake.workbook.sheets.map((s) => s.name),
  active: fake.workbook.activeSheet.name,
  settings: [...fake.workbook.settings.keys()],
});
