// Compares the in-memory Excel with a recorded file: the in-memory Excel is set up like the host that
// recorded it (its ExcelApi version; the web's payload limits when recorded on the web), every case is
// run, and each case's observation must equal the recorded one.
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { type Difference, differences } from "../../src/preview/contract/compare";
import { recordInMemory } from "../../src/preview/contract/inMemory";
import type { ContractRecording } from "../../src/preview/contract/types";

export const RECORDED_DIR = join(__dirname, "recorded");

export function recordedFiles(dir = RECORDED_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f));
}

export function readRecording(file: string): ContractRecording {
  const recording = JSON.parse(readFileSync(file, "utf8")) as ContractRecording;
  if (recording.format !== 1 || !recording.host || typeof recording.cases !== "object") {
    throw new Error(`${file} is not a contract recording (format 1 with host and cases).`);
  }
  return recording;
}

/** The cases where the in-memory Excel does not do what the recorded host did. */
export async function differencesFrom(recording: ContractRecording): Promise<Difference[]> {
  const inMemory = await recordInMemory({
    apiVersion: recording.host.apiSets.ExcelApi,
    platform: recording.host.platform,
  });
  return differences(recording, inMemory);
}
