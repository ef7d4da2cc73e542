import { parseWorkbookState, withSheetState, type StoredState } from "../domain/settings";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";

/** Settings key under which the add-in keeps what it did to each report sheet of this workbook. */
export const STATE_KEY = "PropensityPane.state";

/** Which report sheet a record belongs to: its worksheet id (the active sheet's when omitted). */
export interface StateOwner {
  sheetId: string;
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
