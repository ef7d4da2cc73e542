import { parseWorkbookState, withSheetState, type StoredState } from "../domain/settings";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";
import type { StoredSetting } from "./read";

/** Settings key under which the add-in keeps what it did to each report sheet of this workbook. */
export const STATE_KEY = "PropensityPane.state";

/**
 * Which report sheet a record belongs to: its worksheet id (the active sheet's when omitted). An
 * opened report also carries the setting as read with it: then nothing is read again.
 */
export interface StateOwner {
  sheetId: string;
  setting?: StoredSetting;
}

async function readSetting(
  context: Excel.RequestContext,
  owner: StateOwner | undefined,
): Promise<{ setting: Excel.Setting; sheetId: string }> {
  const setting = context.workbook.settings.getItemOrNullObject(STATE_KEY);
  setting.load("value");
  let sheetId = owner?.sheetId;
  if (sheetId === undefined) {
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load("id");
    await context.sync();
    sheetId = active.id;
  } else await context.sync();
  return { setting, sheetId };
}

/**
 * Reads the add-in's record for one report sheet. Settings are a cache (they fail to persist on
 * some hosts): callers rebuild what they need from the sheet when this returns null.
 */
export async function loadState(
  host: ExcelHost,
  capabilities: Capabilities,
  owner?: StateOwner,
): Promise<StoredState | null> {
  if (!capabilities.has("settings")) return null;
  if (owner?.setting) {
    const { sheets, legacy } = parseWorkbookState(owner.setting.value);
    return sheets[owner.sheetId] ?? legacy;
  }
  return host.run(async (context) => {
    const { setting, sheetId } = await readSetting(context, owner);
    if (setting.isNullObject) return null;
    const { sheets, legacy } = parseWorkbookState(setting.value);
    return sheets[sheetId] ?? legacy;
  });
}

/** Stores one report sheet's record (or removes it when null), leaving other sheets' records alone. */
export async function saveState(
  host: ExcelHost,
  capabilities: Capabilities,
  state: StoredState | null,
  owner?: StateOwner,
): Promise<void> {
  if (!capabilities.has("settings")) return;
  if (owner?.setting) {
    const known = owner.setting;
    await host.run(async (context) => {
      const commit = queueStateSave(context, known, owner.sheetId, state);
      await context.sync();
      commit();
    });
    return;
  }
  await host.run(async (context) => {
    const { setting, sheetId } = await readSetting(context, owner);
    // A version 1 record was the whole workbook's: it is replaced by this sheet's record.
    const { sheets } = setting.isNullObject ? { sheets: {} } : parseWorkbookState(setting.value);
    const next = withSheetState(sheets, sheetId, state);
    if (Object.keys(next.sheets).length === 0) {
      if (setting.isNullObject) return;
      setting.delete();
    } else context.workbook.settings.add(STATE_KEY, JSON.stringify(next));
    await context.sync();
  });
}

/**
 * Queues storing one report sheet's record in a batch the caller syncs (so a write and its record
 * travel in one round trip), from the setting as read with the report. Call the returned function
 * after the sync succeeded: it keeps `known` current for a later save in the same action.
 */
export function queueStateSave(
  context: Excel.RequestContext,
  known: StoredSetting,
  sheetId: string,
  state: StoredState | null,
): () => void {
  const { sheets } = known.value === null ? { sheets: {} } : parseWorkbookState(known.value);
  const next = withSheetState(sheets, sheetId, state);
  let value: string | null = null;
  if (Object.keys(next.sheets).length === 0) {
    if (known.value !== null) context.workbook.settings.getItem(STATE_KEY).delete();
  } else {
    value = JSON.stringify(next);
    context.workbook.settings.add(STATE_KEY, value);
  }
  return () => {
    known.value = value;
  };
}

/** Queues a write in a batch another function syncs; the returned function runs after that sync succeeded. */
export type QueuedWrite = (context: Excel.RequestContext) => () => void;

/**
 * Storing the record as a write to travel with another batch, when the owner carries the setting
 * as read with it; null otherwise (then call saveState after that batch).
 */
export function stateSaveWith(
  capabilities: Capabilities,
  owner: StateOwner,
  state: StoredState | null,
): QueuedWrite | null {
  if (!capabilities.has("settings") || !owner.setting) return null;
  const known = owner.setting;
  return (context) => queueStateSave(context, known, owner.sheetId, state);
}
