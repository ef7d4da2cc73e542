// The contract page (runner 2) end to end in Chromium, against the in-memory Excel of the browser preview
// (dist-preview/contract.html, served and built when missing by ./preview): it runs every case with
// progress, leaves no trace in the workbook, and saves a recording that equals what runner 1 (jest, Node)
// observes.
import { readFileSync } from "fs";
import { join } from "path";
import { CONTRACT_CASES } from "../../src/preview/contract/cases";
import { differences } from "../../src/preview/contract/compare";
import { recordInMemory } from "../../src/preview/contract/inMemory";
import type { ContractRecording } from "../../src/preview/contract/types";
import { errorsOf, newPage, RESULTS, startPreview, type Preview } from "./preview";

let preview: Preview;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

test("the contract page runs every case against the in-memory Excel, leaves no trace and saves the recording", async () => {
  const page = await newPage(preview, { acceptDownloads: true, viewport: { width: 420, height: 900 } });
  await page.goto(`${preview.baseUrl}contract.html`);
  await expect(page.getByTestId("contract-host").textContent()).resolves.toBe(
    "in-memory Excel on OfficeOnline, build in-memory, ExcelApi 1.17",
  );
  await expect(page.getByTestId("contract-save").isDisabled()).resolves.toBe(true);
  const before = await page.evaluate(() =>
    (window as unknown as { contractWorkbook: () => unknown }).contractWorkbook(),
  );

  // Progress: the status names the running case while the run goes on.
  const seen = new Set<string>();
  await page.exposeFunction("noteStatus", (text: string) => seen.add(text));
  await page.evaluate(() => {
    const status = document.querySelector('[data-testid="contract-status"]')!;
    new MutationObserver(() =>
      (window as unknown as { noteStatus: (t: string) => void }).noteStatus(status.textContent ?? ""),
    ).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await page.getByTestId("contract-run").click();
  await page.getByText(/^Done: \d+ checks\./).waitFor({ timeout: 60000 });
  const status = (await page.getByTestId("contract-status").textContent()) ?? "";
  expect(status).toBe(`Done: ${CONTRACT_CASES.length} checks. No trace left in the workbook.`);
  expect([...seen].some((s) => /^Running \d+ of \d+: /.test(s))).toBe(true);
  await expect(page.locator('[data-testid="contract-results"] li').count()).resolves.toBe(
    CONTRACT_CASES.length,
  );
  await expect(page.locator("progress").evaluate((p) => (p as HTMLProgressElement).value)).resolves.toBe(
    CONTRACT_CASES.length,
  );
  const after = await page.evaluate(() =>
    (window as unknown as { contractWorkbook: () => unknown }).contractWorkbook(),
  );
  expect(after).toEqual(before);
  await page.screenshot({ path: join(RESULTS, "contract-done.png"), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("contract-save").click(),
  ]);
  expect(download.suggestedFilename()).toBe("OfficeOnline-in-memory.json");
  const saved = JSON.parse(readFileSync((await download.path())!, "utf8")) as ContractRecording;
  expect(saved.format).toBe(1);
  expect(saved.host.apiSets).toEqual({ ExcelApi: "1.17" });
  expect(Object.keys(saved.cases)).toEqual(CONTRACT_CASES.map((c) => c.id));
  // The page in a browser observes exactly what the Node runner observes.
  expect(differences(saved, await recordInMemory())).toEqual([]);
  // The same JSON is on the page to copy where a webview blocks downloads.
  expect(JSON.parse(await page.getByTestId("contract-json").inputValue())).toEqual(saved);

  expect(errorsOf(page)).toEqual([]);
  expect(preview.foreignRequests).toEqual([]);
  await page.close();
});
