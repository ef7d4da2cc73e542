import type { ExcelHost } from "./host";

/** A sheet's first two cells: an add-in sheet holds its title in A1 and `Report sheet: <name>` in A2. */
export interface SheetTitle {
  name: string;
  a1: unknown;
  a2: unknown;
}

/** A1 and A2 of every worksheet, in two syncs whatever the workbook's size. Reads only. */
export async function sheetTitles(host: ExcelHost): Promise<SheetTitle[]> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const cells = sheets.items.map((sheet) => {
      const range = sheet.getRange("A1:A2");
      range.load("values");
      return { name: sheet.name, range };
    });
    await context.sync();
    return cells.map(({ name, range }) => ({ name, a1: range.values[0]?.[0], a2: range.values[1]?.[0] }));
  });
}
