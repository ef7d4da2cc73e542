import type { ExcelHost } from "../../excel/host";
import type {
  Attempt,
  CaseContext,
  CaseRecord,
  ContractCase,
  ContractRecording,
  HostDescription,
  Json,
} from "./types";

/** The Office error code of a failure ("AccessDenied"), or the JavaScript error's name for anything else. */
export function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code !== "") return code;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Scratch sheet names: recognisable, unique per case, within Excel's 31 characters. */
export function scratchSheetName(index: number): string {
  return `PP contract ${String(index + 1).padStart(2, "0")}`;
}

export const SETTING_PREFIX = "PropensityPane.contract";

interface WorkbookFootprint {
  active: string;
  sheets: string[];
  settings: string[];
}

async function footprint(host: ExcelHost): Promise<WorkbookFootprint> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const active = sheets.getActiveWorksheet();
    active.load("name");
    const canListSettings = host.isSetSupported("ExcelApi", "1.4");
    const settings = canListSettings ? context.workbook.settings : null;
    settings?.load("items/key");
    await context.sync();
    return {
      active: active.name,
      sheets: sheets.items.map((s) => s.name),
      settings: settings ? settings.items.map((s) => s.key) : [],
    };
  });
}

/** Runs one case in a scratch sheet it creates first and deletes afterwards, whatever the case did. */
export async function runCase(host: ExcelHost, testCase: ContractCase, index: number): Promise<Json> {
  const sheetName = scratchSheetName(index);
  await host.run(async (context) => {
    context.workbook.worksheets.add(sheetName);
    await context.sync();
  });
  const batch: CaseContext["batch"] = (work) =>
    host.run((context) => work(context, context.workbook.worksheets.getItem(sheetName)));
  const context: CaseContext = {
    sheetName,
    host,
    batch,
    async attempt<T extends Json>(
      work: (context: Excel.RequestContext, sheet: Excel.Worksheet) => Promise<T>,
    ): Promise<Attempt<T>> {
      try {
        return { ok: await batch(work) };
      } catch (error) {
        return { error: errorCodeOf(error) };
      }
    },
  };
  try {
    return await testCase.run(context);
  } catch (error) {
    return { thrown: errorCodeOf(error) };
  } finally {
    await removeScratchSheet(host, sheetName);
  }
}

async function removeScratchSheet(host: ExcelHost, sheetName: string): Promise<void> {
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    // A case may leave its sheet protected; deleting a protected sheet is allowed, but not its contents.
    if (host.isSetSupported("ExcelApi", "1.2")) sheet.protection.load("protected");
    await context.sync();
    if (host.isSetSupported("ExcelApi", "1.2") && sheet.protection.protected) sheet.protection.unprotect();
    sheet.delete();
    await context.sync();
  });
}

export interface RunProgress {
  done: number;
  total: number;
  caseId: string;
  title: string;
}

/** Runs every case, one after the other, and reports what the workbook kept of them (nothing, if all is well). */
export async function runContract(
  host: ExcelHost,
  describe: HostDescription,
  cases: readonly ContractCase[],
  onProgress?: (progress: RunProgress) => void,
  now: () => Date = () => new Date(),
): Promise<ContractRecording> {
  const before = await footprint(host);
  const stale = before.sheets.filter((s) => /^PP contract \d+$/.test(s));
  if (stale.length > 0) {
    // Never delete a sheet the run did not create: ask instead.
    throw new Error(`Delete the sheets an earlier run left behind first: ${stale.join(", ")}.`);
  }
  const records: Record<string, CaseRecord> = {};
  for (let i = 0; i < cases.length; i++) {
    const testCase = cases[i];
    onProgress?.({ done: i, total: cases.length, caseId: testCase.id, title: testCase.title });
    const started = Date.now();
    const observation = await runCase(host, testCase, i);
    records[testCase.id] = {
      title: testCase.title,
      source: testCase.source,
      observation,
      ms: Date.now() - started,
    };
  }
  onProgress?.({ done: cases.length, total: cases.length, caseId: "", title: "" });
  // Deleting an active scratch sheet activates a neighbour: give the user back the sheet they were on.
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(before.active).activate();
    await context.sync();
  });
  const after = await footprint(host);
  const traces = [
    ...after.sheets.filter((s) => !before.sheets.includes(s)).map((s) => `sheet "${s}" was left behind`),
    ...before.sheets.filter((s) => !after.sheets.includes(s)).map((s) => `sheet "${s}" went missing`),
    ...after.settings
      .filter((s) => !before.settings.includes(s))
      .map((s) => `setting "${s}" was left behind`),
    ...(after.active !== before.active
      ? [`the active sheet is "${after.active}", was "${before.active}"`]
      : []),
  ];
  return { format: 1, recordedAt: now().toISOString(), host: describe, cases: records, traces };
}

/** The file name a recording is kept under: test/contract/recorded/<host>-<build>.json. */
export function recordingFileName(host: HostDescription): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, "_");
  return `${safe(host.platform)}-${safe(host.build)}.json`;
}
