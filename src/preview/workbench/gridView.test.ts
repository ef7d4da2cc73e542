import { WorkbookModel } from "../fake-excel/model";
import { gridView } from "./gridView";

function sheetWith(rows: (string | number)[][]) {
  const workbook = new WorkbookModel();
  return workbook.addSheet("Report", rows);
}

const header = [
  "AccountName",
  "Country",
  "AzureCluster",
  "Best Cluster",
  "Cluster Band",
  "Top Products",
  "Priority Score",
  "Score Reasons",
];
const rows = [
  ["CloudAscent report", "", "", "", "", "", "", ""],
  header,
  ["Contoso", "US", "Act Now", "Act Now", "A1", "Azure", 90, "x"],
  ["Fabrikam", "CA", "Nurture", "Nurture", "N9", "Azure", 20, "y"],
  ["Litware", "US", "Evaluate", "Evaluate", "E5", "Azure", 60, "z"],
];

describe("gridView", () => {
  test("shows every used row and column, numbers right-aligned, helper columns marked", () => {
    const view = gridView(sheetWith(rows));
    expect(view.totalRows).toBe(5);
    expect(view.columns.map((c) => c.letters)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
    expect(view.columns.filter((c) => c.helper).map((c) => c.letters)).toEqual(["D", "E", "F", "G", "H"]);
    expect(view.rows[2].cells[0]).toEqual({ text: "Contoso", numeric: false });
    // A title spills into the empty cells on its right, as in Excel.
    expect(view.rows[0].cells[0]).toEqual({ text: "CloudAscent report", numeric: false, spills: 7 });
    expect(view.rows[2].cells[6]).toEqual({ text: "90", numeric: true });
    expect(view.rows[1].cells[0].spills).toBeUndefined(); // its neighbour holds text
    expect(view.rows.some((r) => r.hidden)).toBe(false);
    expect(view.filterButtons.size).toBe(0);
  });

  test("rows hidden by a filter are marked, with filter buttons on its header row", () => {
    const sheet = sheetWith(rows);
    sheet.autoFilter = {
      range: { row: 1, column: 0, rowCount: 4, columnCount: 8 },
      criteria: new Map([[2, { filterOn: "Values", values: ["Act Now", "Evaluate"] }]]),
      hidden: new Set(),
    };
    sheet.evaluateFilter(sheet.autoFilter);
    const view = gridView(sheet);
    expect(view.rows.filter((r) => r.hidden).map((r) => r.index + 1)).toEqual([4]);
    expect(view.hiddenRowCount).toBe(1);
    expect(view.rows[1].filterHeader).toBe(true);
    expect(view.filterButtons.get(2)).toBe("filtered");
    expect(view.filterButtons.get(0)).toBe("button");
  });

  test("a window of rows and columns, keeping helper columns further right", () => {
    const wide = [Array.from({ length: 30 }, (_, i) => `H${i}`).concat([...header.slice(3)])];
    for (let r = 0; r < 10; r++) wide.push(Array.from({ length: 35 }, (_, i) => `r${r}c${i}`));
    const view = gridView(sheetWith(wide), 4, 10);
    expect(view.rows).toHaveLength(4);
    expect(view.totalRows).toBe(11);
    expect(view.columns.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 30, 31, 32, 33, 34]);
    expect(view.columns[10].gapBefore).toBe(20);
    expect(view.columns[10].helper).toBe(true);
  });
});
