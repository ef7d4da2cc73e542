import type { ExcelHost } from "./host";

/** Excel features the add-in uses above the ExcelApi 1.1 baseline, with the requirement set each needs. */
export const FEATURE_REQUIREMENTS = {
  valuesOnlyUsedRange: "1.2",
  sort: "1.2",
  worksheetFunctions: "1.2",
  autofitColumns: "1.2",
  settings: "1.4",
  visibleView: "1.3",
  suspendCalculation: "1.6",
  conditionalFormats: "1.6",
  freezePanes: "1.7",
  hyperlinks: "1.7",
  createWorkbook: "1.8",
  pivotTables: "1.8",
  enableEvents: "1.8",
  autoFilter: "1.9",
  suspendScreenUpdating: "1.9",
  clearColumnCriteria: "1.14",
} as const;

export type Feature = keyof typeof FEATURE_REQUIREMENTS;

const FEATURE_NAMES: Record<Feature, string> = {
  valuesOnlyUsedRange: "Reading the used range",
  sort: "Sorting",
  worksheetFunctions: "Counting with worksheet functions",
  autofitColumns: "Fitting column widths",
  settings: "Saving settings in the workbook",
  suspendCalculation: "Pausing calculation during writes",
  conditionalFormats: "Conditional formatting",
  freezePanes: "Freezing the header row",
  visibleView: "Reading the rows a filter leaves visible",
  hyperlinks: "Links between sheets",
  createWorkbook: "Opening a new workbook",
  pivotTables: "PivotTables",
  enableEvents: "Pausing events during writes",
  autoFilter: "Filtering",
  suspendScreenUpdating: "Pausing screen updates during writes",
  clearColumnCriteria: "Clearing one column's filter",
};

/** The highest ExcelApi version each Excel release supports (excel-notes.md). */
const RELEASES: { version: string; name: string }[] = [
  { version: "1.1", name: "Office 2016" },
  { version: "1.7", name: "Office 2019" },
  { version: "1.14", name: "Office 2021" },
  { version: "1.17", name: "Office 2024" },
];

/** Versions probed, newest last; 1.20 stands for "current Microsoft 365 / web / Mac". */
const PROBED_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

export function compareVersions(a: string, b: string): number {
  const [aMajor, aMinor] = a.split(".").map(Number);
  const [bMajor, bMinor] = b.split(".").map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

export interface Capabilities {
  /** Highest ExcelApi version the host reports, e.g. "1.17"; "1.0" when none (not Excel). */
  readonly apiVersion: string;
  has(feature: Feature): boolean;
  /** Plain words for a user whose Excel lacks a feature. */
  missingMessage(feature: Feature): string;
}

/** Detected once per host: requirement sets don't change while the add-in runs. */
export function detectCapabilities(host: ExcelHost): Capabilities {
  let apiVersion = "1.0";
  for (const version of PROBED_VERSIONS) {
    if (!host.isSetSupported("ExcelApi", version)) break;
    apiVersion = version;
  }
  return capabilitiesFor(apiVersion);
}

export function capabilitiesFor(apiVersion: string): Capabilities {
  const has = (feature: Feature) => compareVersions(apiVersion, FEATURE_REQUIREMENTS[feature]) >= 0;
  return {
    apiVersion,
    has,
    missingMessage(feature) {
      const needed = FEATURE_REQUIREMENTS[feature];
      const release = RELEASES.find((r) => compareVersions(r.version, needed) >= 0);
      const supportedBy = release
        ? `${release.name} or newer, Microsoft 365, Excel for Mac and Excel on the web`
        : "Microsoft 365, Excel for Mac and Excel on the web";
      const current = [...RELEASES].reverse().find((r) => compareVersions(apiVersion, r.version) >= 0);
      const yours = current && compareVersions(apiVersion, "1.17") < 0 ? ` (like ${current.name})` : "";
      return (
        `${FEATURE_NAMES[feature]} needs ExcelApi ${needed}, available in ${supportedBy}. ` +
        `This Excel supports ExcelApi ${apiVersion}${yours}.`
      );
    },
  };
}
