import type { ContractRecording, Json } from "./types";

export interface Difference {
  caseId: string;
  /** "PC 16.0.17928.20114 (ExcelApi 1.17)" */
  host: string;
  recorded: Json;
  inMemory: Json;
}

/** Key order does not matter in an observation; array order does. */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameJson(item, b[i]))
    );
  }
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], (b as never)[k]))
  );
}

export function hostLabel(recording: ContractRecording): string {
  const { platform, build, apiSets } = recording.host;
  return `${recording.host.application} ${platform} ${build} (ExcelApi ${apiSets.ExcelApi ?? "?"})`;
}

/**
 * Cases whose in-memory observation differs from the recorded one. Cases the recording does not have
 * (added since) are not differences: nothing is known about them on that host yet.
 */
export function differences(recorded: ContractRecording, inMemory: ContractRecording): Difference[] {
  const host = hostLabel(recorded);
  const found: Difference[] = [];
  for (const [caseId, record] of Object.entries(recorded.cases)) {
    const ours = inMemory.cases[caseId];
    if (!ours) continue;
    if (!sameJson(record.observation, ours.observation)) {
      found.push({ caseId, host, recorded: record.observation, inMemory: ours.observation });
    }
  }
  return found;
}

export function describeDifferences(found: readonly Difference[]): string {
  return found
    .map(
      (d) =>
        `Case "${d.caseId}" differs on ${d.host}:\n` +
        `  Excel recorded: ${JSON.stringify(d.recorded)}\n` +
        `  in-memory Excel: ${JSON.stringify(d.inMemory)}`,
    )
    .join("\n");
}
