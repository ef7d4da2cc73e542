/**
 * `range.hyperlink` (ExcelApi 1.7), Excel.RangeHyperlink in the Office.js reference: address (URL),
 * documentReference ("'Sheet'!A1"), screenTip, textToDisplay ("the string displayed in the top left
 * most cell"). Setting it with textToDisplay puts that text in the cell as a value, never a formula.
 */
import { fail } from "../errors";
import type { SheetModel } from "../model";
import type { PropDef } from "./base";
import type { RangeTarget } from "./range";

export interface HyperlinkModel {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

const links = new WeakMap<SheetModel, Map<string, HyperlinkModel>>();

/** The hyperlink of one cell (test and preview access). */
export function hyperlinkAt(sheet: SheetModel, row: number, column: number): HyperlinkModel | undefined {
  return links.get(sheet)?.get(`${row},${column}`);
}

const KEYS = ["address", "documentReference", "screenTip", "textToDisplay"] as const;

export const HYPERLINK_PROP: PropDef<RangeTarget> = {
  get: (t) => hyperlinkAt(t.sheet, t.rect.row, t.rect.column) ?? {},
  set: (t, value) => {
    const member = "Range.hyperlink";
    if (t.sheet.protected)
      fail("AccessDenied", member, "The cell or chart you're trying to change is on a protected sheet.");
    if (value === null || value === undefined) {
      for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++)
        for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++)
          links.get(t.sheet)?.delete(`${r},${c}`);
      return;
    }
    if (typeof value !== "object" || Object.keys(value).some((k) => !(KEYS as readonly string[]).includes(k)))
      fail("InvalidArgument", member, "A RangeHyperlink object is required.");
    const link = value as HyperlinkModel;
    if (link.address === undefined && link.documentReference === undefined)
      fail("InvalidArgument", member, "A hyperlink needs an address or a documentReference.");
    let map = links.get(t.sheet);
    if (!map) links.set(t.sheet, (map = new Map()));
    map.set(`${t.rect.row},${t.rect.column}`, { ...link });
    const shown = link.textToDisplay ?? link.address ?? link.documentReference ?? "";
    t.sheet.setCell(t.rect.row, t.rect.column, shown);
  },
};
