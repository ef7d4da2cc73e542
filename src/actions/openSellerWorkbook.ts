import { reportSheetOf, SHEET_TITLES } from "../domain/addinArtifacts";
import { buildSellerWorkbook, toBase64 } from "../domain/sellerWorkbook";
import { INDEX_SHEET_COLUMN, SELLER_SHEET_HEADER_ROW, sellerAboutLines } from "../domain/sellers";
import { UserFacingError } from "../excel/errors";
import { activeSellerPlace, openNewWorkbook, readSheet } from "../excel/sellerSheets";
import { BAND_COLOURS, CLUSTER_COLOURS } from "./prepareForSellers";
import type { ActionDefinition } from "./types";

export interface OpenSellerWorkbookInput {
  /** The seller sheet to open; default: the active seller sheet, or the seller selected on the index. */
  sheetName?: string;
}

export interface OpenSellerWorkbookResult {
  sheetName: string;
  customers: number;
  /** Size of the .xlsx handed to Excel. */
  bytes: number;
}

/** Header texts of the columns whose widths are fitted, as seller sheets name them. */
const FIT_HEADERS = [
  "Account Name",
  "Domain",
  "Country",
  "Sub Segment",
  "Industry",
  "Best Cluster",
  "Cluster Band",
  "Priority Score",
  "Change",
  "CRM Account",
];

/** Opens one seller's list as a new workbook (just that sheet and an About sheet), ready to email. */
export const openSellerWorkbook: ActionDefinition<OpenSellerWorkbookInput, OpenSellerWorkbookResult> = {
  id: "openSellerWorkbook",
  label: "Open as a new workbook",
  description:
    "Opens one seller's list as a new workbook holding only their sheet and an About sheet, ready to email.",
  requires: ["createWorkbook"],
  needs: [],
  async perform(env, input = {}) {
    let sheetName = input.sheetName;
    if (!sheetName) {
      const place = await activeSellerPlace(env.host, INDEX_SHEET_COLUMN);
      if (place.title === SHEET_TITLES.sellerList) sheetName = place.sheetName;
      else if (place.title === SHEET_TITLES.sellersIndex && place.selectedSheet)
        sheetName = place.selectedSheet;
      else {
        throw new UserFacingError(
          "Pick a seller in the pane, or select a seller's row on the Sellers sheet (or open their sheet), then try again.",
        );
      }
    }
    const sheet = await readSheet(env.host, env.capabilities, sheetName).catch(() => null);
    if (
      !sheet ||
      String(sheet.rows[0]?.[0] ?? "") !== SHEET_TITLES.sellerList ||
      reportSheetOf(sheet.rows[1]?.[0]) === null
    ) {
      throw new UserFacingError(
        `"${sheetName}" is not a seller list the add-in made: make the seller lists again.`,
      );
    }
    const headers = (sheet.rows[SELLER_SHEET_HEADER_ROW] ?? []).map((h) => String(h ?? ""));
    const customers = Math.max(0, sheet.rows.length - SELLER_SHEET_HEADER_ROW - 1);
    const bytes = await buildSellerWorkbook({
      sheetName: sheet.name,
      rows: sheet.rows,
      headerRow: SELLER_SHEET_HEADER_ROW,
      colours: [
        { header: "Best Cluster", rules: CLUSTER_COLOURS },
        { header: "Cluster Band", rules: BAND_COLOURS },
      ],
      fitHeaders: FIT_HEADERS.filter((h) => headers.includes(h)),
      aboutLines: sellerAboutLines({
        sheetLine: String(sheet.rows[2]?.[0] ?? ""),
        reportSheetLine: String(sheet.rows[1]?.[0] ?? ""),
        today: env.now?.() ?? new Date(),
        headers,
      }),
      created: env.now?.() ?? new Date(),
    });
    await openNewWorkbook(env.host, env.capabilities, toBase64(bytes));
    return {
      message: `Opened "${sheet.name}" as a new workbook (${customers.toLocaleString("en-US")} customers and an About sheet). Save it to email it.`,
      data: { sheetName: sheet.name, customers, bytes: bytes.length },
    };
  },
};
