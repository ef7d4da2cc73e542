import { COLUMN_GROUPS } from "../domain/addinArtifacts";
import {
  CRM_ROLE_LABELS,
  detectCrmMapping,
  findCrmHeaderRow,
  headerSignature,
  mappingFromHeaders,
  mappingToHeaders,
  type CrmMapping,
  type CrmMappingByHeader,
  type CrmRole,
} from "../domain/crmColumns";
import {
  crmMatchCells,
  matchCustomersInSteps,
  needsReview,
  type CrmAccounts,
  type CrmMatchKind,
} from "../domain/crmMatch";
import { detectLayout } from "../domain/layout";
import { decodeText, parseDelimited, TextFileError } from "../domain/textFile";
import type { CellValue } from "../domain/types";
import { writeColumnGroup } from "../excel/columnGroups";
import {
  isAddinSheet,
  loadCrmMappings,
  readSheetColumns,
  readSheetTops,
  saveCrmMapping,
  type SheetTopBlock,
} from "../excel/crmSheet";
import { UserFacingError } from "../excel/errors";
import { throwIfCancelled, yieldToHost } from "../excel/progress";
import { openReport, readReportColumns } from "../excel/report";
import { TEXT_FORMAT } from "../excel/write";
import type { ActionDefinition, ActionEnv } from "./types";

export interface MatchCrmInput {
  /** A sheet of this workbook holding the CRM export; the detected one when omitted. */
  sheetName?: string;
  /** A CRM export file the user picked (CSV in any encoding); wins over sheetName. */
  file?: { name: string; bytes: Uint8Array };
  /** Corrections from the pane: role -> header text ("" = not mapped). */
  mapping?: CrmMappingByHeader;
  /** Only look: list sources and the detected mapping, change nothing. */
  preview?: boolean;
}

export interface CrmSourceInfo {
  kind: "sheet" | "file";
  name: string;
  accounts: number;
}

export interface MatchCrmResult {
  /** Sheets of this workbook that look like CRM exports. */
  sheets: CrmSourceInfo[];
  source: CrmSourceInfo;
  /** The export's header texts (for the mapping dropdowns). */
  headers: string[];
  mapping: CrmMappingByHeader;
  /** null in preview. */
  counts: Record<CrmMatchKind, number> | null;
  /** Report column offset of CRM Match, for the quick filters (null in preview). */
  matchColumn: number | null;
  /** Sheet columns written, e.g. "BA:BD". */
  columns: string | null;
  updated: boolean;
  /** CRM Match texts of the "Not in CRM" and "Needs review" quick filters, as written. */
  notInCrmValues: string[];
  needsReviewValues: string[];
  duplicateIds: string[];
  /** TPID / Microsoft customer ids, and tenant ids, on more than one CRM account: not used for matching. */
  duplicateMsIds: string[];
  duplicateTenantIds: string[];
}

/** More accounts than this is not a CRM export a task pane should hold in memory. */
export const MAX_CRM_ACCOUNTS = 1_000_000;

interface CrmSource {
  info: CrmSourceInfo;
  headers: CellValue[];
  sample: CellValue[][];
  /** Reads the mapped columns of every account row. */
  read(columns: readonly number[]): Promise<Map<number, CellValue[]>>;
}

function fromFile(file: { name: string; bytes: Uint8Array }): CrmSource {
  let rows: string[][];
  try {
    rows = parseDelimited(decodeText(file.bytes).text).rows;
  } catch (error) {
    if (error instanceof TextFileError) throw new UserFacingError(`${file.name}: ${error.message}`);
    throw error;
  }
  const headerRow = findCrmHeaderRow(rows);
  const headers = rows[headerRow] ?? [];
  const body = rows.slice(headerRow + 1).filter((row) => row.some((cell) => cell.trim() !== ""));
  return {
    info: { kind: "file", name: file.name, accounts: body.length },
    headers,
    sample: body.slice(0, 200),
    read: (columns) =>
      Promise.resolve(
        new Map(columns.map((c) => [c, body.map((row) => row[c] ?? "")] as [number, CellValue[]])),
      ),
  };
}

function sheetSource(
  env: ActionEnv,
  top: SheetTopBlock & { area: NonNullable<SheetTopBlock["area"]> },
): CrmSource {
  const headerRow = findCrmHeaderRow(top.block);
  return {
    info: { kind: "sheet", name: top.name, accounts: Math.max(0, top.area.rowCount - headerRow - 1) },
    headers: top.block[headerRow] ?? [],
    sample: top.block.slice(headerRow + 1),
    read: (columns) =>
      readSheetColumns(env.host, top, headerRow, columns, { onProgress: env.onProgress, signal: env.signal }),
  };
}

/** Sheets that are not the report, not the add-in's, not a CloudAscent report, and have a name column. */
function crmSheets(tops: readonly SheetTopBlock[], reportSheet: string) {
  return tops.filter((top): top is SheetTopBlock & { area: NonNullable<SheetTopBlock["area"]> } => {
    if (!top.area || top.name === reportSheet || isAddinSheet(top)) return false;
    if (detectLayout(top.block).ok) return false;
    const headerRow = findCrmHeaderRow(top.block);
    return (
      detectCrmMapping(top.block[headerRow] ?? [], top.block.slice(headerRow + 1)).accountName !== undefined
    );
  });
}

function nonBlankRows(values: readonly CellValue[]): number {
  return values.filter((v) => v !== null && v !== undefined && String(v).trim() !== "").length;
}

/** Matches every customer of the report to the CRM export and writes CRM Account ID, Account, Owner and Match. */
export const matchCrm: ActionDefinition<MatchCrmInput, MatchCrmResult> = {
  id: "matchCrm",
  label: "Match to CRM",
  description:
    "Matches every customer to your CRM accounts export by domain, then name, then Customer ID / TPID, then tenant ID, and adds CRM Account ID, CRM Account, CRM Owner and CRM Match right of the report.",
  requires: [],
  needs: ["isReport"],
  async perform(env, input = {}) {
    const report = await openReport(env.host, env.capabilities);
    if (report.isProtected && !input.preview) {
      throw new UserFacingError(
        "This sheet is protected. Unprotect it (Review > Unprotect Sheet) and try again.",
      );
    }
    const tops = await readSheetTops(env.host);
    const candidates = crmSheets(tops, report.sheetName);
    const sheets = candidates.map((top) => sheetSource(env, top).info);

    let source: CrmSource;
    if (input.file) source = fromFile(input.file);
    else {
      const wanted = input.sheetName;
      if (wanted !== undefined && wanted.toLowerCase() === report.sheetName.toLowerCase()) {
        throw new UserFacingError(
          `"${wanted}" is the report itself. Pick the sheet that holds your CRM accounts export, or pick the file.`,
        );
      }
      const top =
        wanted === undefined
          ? candidates[0]
          : tops.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
      if (!top) {
        throw new UserFacingError(
          wanted === undefined
            ? "No CRM accounts sheet in this workbook: copy your CRM export into a sheet, or pick the file (CRM accounts file)."
            : `There is no sheet "${wanted}" any more. Pick the CRM sheet again.`,
        );
      }
      if (!top.area) throw new UserFacingError(`The sheet "${top.name}" is empty: it holds no CRM accounts.`);
      if (detectLayout(top.block).ok) {
        throw new UserFacingError(
          `"${top.name}" is a CloudAscent report, not a CRM accounts export. Pick the sheet that holds your CRM export.`,
        );
      }
      source = sheetSource(env, top as SheetTopBlock & { area: NonNullable<SheetTopBlock["area"]> });
    }

    const { headers } = source;
    const headerTexts = headers.map((h) =>
      String(h ?? "")
        .replace(/^\uFEFF/, "")
        .trim(),
    );
    const signature = headerSignature(headers);
    const stored = await loadCrmMappings(env.host, env.capabilities);
    let mapping: CrmMapping = detectCrmMapping(headers, source.sample);
    const storedMapping = stored?.mappings[signature];
    if (storedMapping) mapping = mappingFromHeaders(headers, storedMapping).mapping;
    if (input.mapping) {
      const corrected = mappingFromHeaders(headers, input.mapping);
      if (corrected.missing.length) {
        throw new UserFacingError(
          `The CRM export has no column ${corrected.missing.map((h) => `"${h}"`).join(", ")} any more. Check the column mapping.`,
        );
      }
      // A role set to "" is switched off; roles not mentioned keep what was detected.
      for (const role of Object.keys(input.mapping) as CrmRole[]) {
        if (input.mapping[role] === "") delete mapping[role];
        else mapping[role] = corrected.mapping[role];
      }
    }

    if (source.info.accounts === 0 || headerTexts.every((h) => h === "")) {
      throw new UserFacingError(
        `${source.info.name} is empty: it holds no CRM accounts. Nothing was changed.`,
      );
    }
    if (mapping.accountName === undefined) {
      throw new UserFacingError(
        `${source.info.name} has no account name column (looked for headers such as "Account Name", "Company name", "Name"). ` +
          "Pick the name column in the mapping. Nothing was changed.",
      );
    }
    if (source.info.accounts > MAX_CRM_ACCOUNTS) {
      throw new UserFacingError(
        `${source.info.name} holds ${source.info.accounts.toLocaleString("en-US")} accounts; Match to CRM handles up to ` +
          `${MAX_CRM_ACCOUNTS.toLocaleString("en-US")}. Export only the accounts of your territory. Nothing was changed.`,
      );
    }
    const byHeader = mappingToHeaders(headers, mapping);
    const base = {
      sheets,
      source: source.info,
      headers: headerTexts,
      mapping: byHeader,
    };
    if (input.preview) {
      return {
        message: `${source.info.name}: ${source.info.accounts.toLocaleString("en-US")} CRM accounts.`,
        data: {
          ...base,
          counts: null,
          matchColumn: null,
          columns: null,
          updated: false,
          notInCrmValues: [],
          needsReviewValues: [],
          duplicateIds: [],
          duplicateMsIds: [],
          duplicateTenantIds: [],
        },
      };
    }

    // Read: the mapped CRM columns, then the report's identity columns.
    const roles = Object.entries(mapping) as [CrmRole, number][];
    const crmData = await source.read(roles.map(([, column]) => column));
    const column = (role: CrmRole) => (mapping[role] === undefined ? undefined : crmData.get(mapping[role]!));
    const names = column("accountName")!;
    if (nonBlankRows(names) === 0) {
      throw new UserFacingError(
        `The ${CRM_ROLE_LABELS.accountName.toLowerCase()} column "${byHeader.accountName}" of ${source.info.name} is empty. Nothing was changed.`,
      );
    }
    const accounts: CrmAccounts = {
      count: names.length,
      name: names,
      website: column("website"),
      owner: column("owner"),
      accountId: column("accountId"),
      msId: column("msId"),
      tenantId: column("tenantId"),
    };
    const roleOf = report.layout.roles;
    const reportColumns = (["accountName", "domain", "customerId", "tpid", "tenantId"] as const).flatMap(
      (role) => (roleOf[role] === undefined ? [] : [roleOf[role]!]),
    );
    const reportData = await readReportColumns(env.host, report, reportColumns, {
      onProgress: env.onProgress,
      signal: env.signal,
    });
    const reportColumn = (role: "accountName" | "domain" | "customerId" | "tpid" | "tenantId") =>
      roleOf[role] === undefined ? undefined : reportData.get(roleOf[role]!);

    // Match in steps, yielding between them so Excel never waits on the pane for long.
    env.onProgress?.({ message: "Matching customers to the CRM", done: 0, total: report.dataRowCount });
    const steps = matchCustomersInSteps(
      {
        count: report.dataRowCount,
        name: reportColumn("accountName"),
        domain: reportColumn("domain"),
        customerId: reportColumn("customerId"),
        tpid: reportColumn("tpid"),
        tenantId: reportColumn("tenantId"),
      },
      accounts,
    );
    let step = steps.next();
    while (!step.done) {
      throwIfCancelled(env.signal);
      env.onProgress?.({
        message: `Matching customers to the CRM: ${step.value.toLocaleString("en-US")} of ${report.dataRowCount.toLocaleString("en-US")}`,
        done: step.value,
        total: report.dataRowCount,
      });
      await yieldToHost();
      step = steps.next();
    }
    const result = step.value;
    const cells = crmMatchCells(result, accounts);

    const written = await writeColumnGroup(
      env.host,
      env.capabilities,
      report,
      "crm",
      { rows: cells, numberFormats: COLUMN_GROUPS.crm.map(() => TEXT_FORMAT) },
      { onProgress: env.onProgress, signal: env.signal },
    );
    await saveCrmMapping(env.host, env.capabilities, signature, byHeader);

    const texts = new Set(cells.map((row) => row[3]).filter((t) => t !== ""));
    const matched =
      report.dataRowCount -
      result.counts["Not in CRM"] -
      result.counts.Ambiguous -
      result.counts.Conflict -
      result.rows.filter((r) => r.kind === null).length;
    const review = [...texts].filter(needsReview).sort();
    const warnings: string[] = [];
    const examples = (ids: readonly string[]) =>
      `${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", ..." : ""}`;
    if (result.duplicateIds.length) {
      warnings.push(
        `${result.duplicateRows.toLocaleString("en-US")} CRM rows share an account id with another row (${examples(result.duplicateIds)}` +
          `); they were not used for matching. Fix them in the CRM.`,
      );
    }
    for (const key of ["msId", "tenantId"] as const) {
      const { ids, rows } = result.duplicateKeys[key];
      if (ids.length === 0) continue;
      const label = key === "msId" ? "TPID or Microsoft customer ID" : "tenant ID";
      warnings.push(
        `${rows.toLocaleString("en-US")} CRM rows share a ${label} with another row ` +
          `(${ids.length.toLocaleString("en-US")} ${ids.length === 1 ? "id" : "ids"}: ${examples(ids)}); ` +
          `those ids were not used for matching, the rows still match on their other keys. Fix them in the CRM.`,
      );
    }
    if (mapping.owner === undefined) warnings.push("No owner column was mapped, so CRM Owner is blank.");
    const reviewCount = result.rows.filter((r, i) => r.kind !== null && needsReview(cells[i][3])).length;
    return {
      message:
        `Matched ${matched.toLocaleString("en-US")} of ${report.dataRowCount.toLocaleString("en-US")} customers to ` +
        `${source.info.name} (${result.counts["Not in CRM"].toLocaleString("en-US")} not in the CRM, ` +
        `${reviewCount.toLocaleString("en-US")} to review). ${written.updated ? "Updated" : "Added"} columns ${written.columns}.`,
      warnings,
      data: {
        ...base,
        counts: result.counts,
        matchColumn: written.firstColumn + 3,
        columns: written.columns,
        updated: written.updated,
        notInCrmValues: texts.has("Not in CRM") ? ["Not in CRM"] : [],
        needsReviewValues: review,
        duplicateIds: result.duplicateIds,
        duplicateMsIds: result.duplicateKeys.msId.ids,
        duplicateTenantIds: result.duplicateKeys.tenantId.ids,
      },
    };
  },
};
