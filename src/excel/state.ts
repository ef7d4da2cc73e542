import { parseStoredState, type StoredState } from "../domain/settings";
import type { ExcelHost } from "./host";
import type { Capabilities } from "./requirements";

/** Settings key under which the add-in keeps what it did to this workbook. */
export const STATE_KEY = "PropensityPane.state";

/**
 * Reads the add-in's state stored in the workbook. Settings are a cache (they fail to persist on
 * some hosts): callers rebuild what they need from the sheet when this returns null.
 */
export async function loadState(host: ExcelHost, capabilities: Capabilities): Promise<StoredState | null> {
  if (!capabilities.has("settings")) return null;
  return host.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(STATE_KEY);
    setting.load("value");
    await context.sync();
    if (setting.isNullObject) return null;
    let value: unknown = setting.value;
    if (typeof value === "string") {
      try {
        value = JSON.parse(value);
      } catch {
        return null;
      }
    }
    return parseStoredState(value);
  });
}

/** Stores the state (or removes it when null) in its own sync. */
export async function saveState(
  host: ExcelHost,
  capabilities: Capabilities,
  state: StoredState | null,
): Promise<void> {
  if (!capabilities.has("settings")) return;
  await host.run(async (context) => {
    if (state === null) {
      const setting = context.workbook.settings.getItemOrNullObject(STATE_KEY);
      setting.load("key");
      await context.sync();
      if (setting.isNullObject) return;
      setting.delete();
    } else {
      context.workbook.settings.add(STATE_KEY, JSON.stringify(state));
    }
    await context.sync();
  });
}
