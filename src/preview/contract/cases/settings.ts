import { SETTING_PREFIX } from "../runner";
import type { ContractCase } from "../types";

const KEY = `${SETTING_PREFIX}.case`;

/**
 * Workbook settings (ExcelApi 1.4) hold JSON values; the case adds one and removes it. Whether they
 * survive a reload is not something a case can see (office-js#360, #2940): the add-in treats them as
 * a cache it can rebuild from the sheet.
 */
export const settings: ContractCase = {
  id: "workbook-settings",
  title: "Workbook settings round trip",
  source: "https://learn.microsoft.com/javascript/api/excel/excel.settingcollection",
  members: [
    "Workbook.settings",
    "SettingCollection.add",
    "SettingCollection.getItemOrNullObject",
    "SettingCollection.getItem",
    "Setting.value",
    "Setting.delete",
  ],
  async run(c) {
    const roundTrip = await c.attempt(async (context) => {
      const missing = context.workbook.settings.getItemOrNullObject(KEY);
      await context.sync();
      const wasMissing = missing.isNullObject;
      context.workbook.settings.add(KEY, { version: 2, sheets: { "{1}": ["Best Cluster"] }, flag: true });
      const item = context.workbook.settings.getItemOrNullObject(KEY).load("value");
      await context.sync();
      const value = JSON.parse(JSON.stringify(item.value)) as unknown;
      item.delete();
      const after = context.workbook.settings.getItemOrNullObject(KEY);
      await context.sync();
      return { wasMissing, value: value as never, goneAfterDelete: after.isNullObject };
    });
    // getItem (not OrNullObject) for a key that is there, deleted in the batch that adds another value.
    const deleteByGetItem = await c.attempt(async (context) => {
      context.workbook.settings.add(KEY, "first");
      await context.sync();
      context.workbook.settings.getItem(KEY).delete();
      const after = context.workbook.settings.getItemOrNullObject(KEY);
      await context.sync();
      return { goneAfterDelete: after.isNullObject };
    });
    const missingGetItem = await c.attempt(async (context) => {
      context.workbook.settings.getItem(KEY).delete();
      await context.sync();
      return "deleted";
    });
    return { roundTrip, deleteByGetItem, missingGetItem };
  },
};
