import { createFakeExcel, type FakeExcel } from "../fake-excel";
import { CONTRACT_CASES } from "./cases";
import { runContract } from "./runner";
import type { ContractCase, ContractRecording, HostDescription } from "./types";

export interface InMemoryOptions {
  /** Highest ExcelApi version, as a recorded host reports it; default the in-memory Excel's own. */
  apiVersion?: string;
  /** Office.context.diagnostics.platform of the host to mimic: "OfficeOnline" enforces the web's 5 MB limits. */
  platform?: string;
}

/** A workbook like a user's: one report sheet the runner must leave exactly as it was. */
export function contractWorkbook(options: InMemoryOptions = {}): FakeExcel {
  const fake = createFakeExcel({
    apiVersion: options.apiVersion ?? "1.17",
    limits: (options.platform ?? "OfficeOnline") === "OfficeOnline" ? "web" : "desktop",
  });
  fake.workbook.addSheet("Report", [
    ["Customer", "Cluster"],
    ["Contoso", "Act Now"],
  ]);
  return fake;
}

export function inMemoryDescription(options: InMemoryOptions = {}): HostDescription {
  return {
    application: "in-memory Excel",
    platform: options.platform ?? "OfficeOnline",
    build: "in-memory",
    apiSets: { ExcelApi: options.apiVersion ?? "1.17" },
  };
}

/** Runner 1: every case against the in-memory Excel, set up like the host a recording came from. */
export async function recordInMemory(
  options: InMemoryOptions = {},
  cases: readonly ContractCase[] = CONTRACT_CASES,
  fake: FakeExcel = contractWorkbook(options),
): Promise<ContractRecording> {
  return runContract(fake, inMemoryDescription(options), cases, undefined, () => new Date(0));
}
