/**
 * The simulated sheet: column letters, row numbers, the first rows of the used range, filter
 * buttons on the header row, hidden rows greyed and striped, helper columns tinted.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { memo, useEffect, useRef } from "react";
import type { GridColumn, GridView } from "./gridView";

const CELL_WIDTH = 104;
const ROW_HEADER_WIDTH = 64;

const useStyles = makeStyles({
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    position: "relative",
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: "Aptos, Calibri, 'Segoe UI', sans-serif",
    fontSize: "12px",
    lineHeight: "18px",
    color: tokens.colorNeutralForeground1,
  },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 3,
    width: `${ROW_HEADER_WIDTH}px`,
    minWidth: `${ROW_HEADER_WIDTH}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  colHeader: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    width: `${CELL_WIDTH}px`,
    minWidth: `${CELL_WIDTH}px`,
    maxWidth: `${CELL_WIDTH}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: "1px 0",
  },
  helperHeader: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  gap: {
    width: "28px",
    minWidth: "28px",
    maxWidth: "28px",
    padding: 0,
    textAlign: "center",
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground4,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: "right",
    padding: "0 6px",
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
    fontVariantNumeric: "tabular-nums",
  },
  rowHeaderFiltered: { color: tokens.colorPaletteBlueForeground2 },
  cell: {
    maxWidth: `${CELL_WIDTH}px`,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    padding: "0 4px",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  numeric: { textAlign: "right" },
  overflows: { overflow: "visible", textOverflow: "clip" },
  frozenLine: { borderBottom: `2px solid ${tokens.colorNeutralStroke1Pressed}` },
  spills: { overflow: "visible", textOverflow: "clip" },
  spillText: { display: "block", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  headerCell: { fontWeight: tokens.fontWeightSemibold, position: "relative", paddingRight: "20px" },
  helperCell: { backgroundColor: tokens.colorBrandBackground2 },
  hidden: {
    color: tokens.colorNeutralForegroundDisabled,
    backgroundImage: `repeating-linear-gradient(135deg, transparent 0 6px, ${tokens.colorNeutralBackground4} 6px 9px)`,
  },
  hiddenTag: {
    marginRight: "4px",
    padding: "0 3px",
    borderRadius: "3px",
    fontSize: "9px",
    lineHeight: "14px",
    textTransform: "uppercase",
    letterSpacing: "0.04em",
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground5,
  },
  filterButton: {
    position: "absolute",
    right: "2px",
    top: "2px",
    width: "14px",
    height: "14px",
    boxSizing: "border-box",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: "2px",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
    fontSize: "8px",
    lineHeight: "12px",
    textAlign: "center",
  },
  filterActive: {
    backgroundColor: tokens.colorBrandBackground,
    border: `1px solid ${tokens.colorBrandBackground}`,
    color: tokens.colorNeutralForegroundOnBrand,
  },
});

const widthOf = (column: GridColumn | undefined) => column?.width ?? CELL_WIDTH;

export const Grid = memo(function Grid({ view }: { view: GridView }) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // Another sheet opens at its top-left corner, as in Excel.
  useEffect(() => {
    scroller.current?.scrollTo(0, 0);
  }, [view.sheetName]);
  return (
    <div className={styles.scroller} data-testid="grid-scroller" ref={scroller}>
      <table className={styles.table} data-testid="grid" aria-label={`Sheet ${view.sheetName}`}>
        <thead>
          <tr>
            <th className={styles.corner} aria-label="Row" />
            {view.columns.map((column) => [
              column.gapBefore > 0 && (
                <th
                  key={`gap-${column.index}`}
                  className={styles.gap}
                  title={`${column.gapBefore} columns not shown`}
                >
                  …
                </th>
              ),
              <th
                key={column.index}
                className={mergeClasses(styles.colHeader, column.helper && styles.helperHeader)}
                style={
                  column.width === undefined
                    ? undefined
                    : {
                        width: `${column.width}px`,
                        minWidth: `${column.width}px`,
                        maxWidth: `${column.width}px`,
                      }
                }
                data-col={column.letters}
                data-helper={column.helper || undefined}
                title={column.helper ? "Helper column added by Propensity Pane" : undefined}
              >
                {column.letters}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr
              key={row.index}
              data-row={row.index + 1}
              data-hidden={row.hidden ? "true" : undefined}
              data-header={row.filterHeader ? "true" : undefined}
              data-frozen={row.index < view.frozenRows ? "true" : undefined}
            >
              <th
                scope="row"
                className={mergeClasses(
                  styles.rowHeader,
                  row.index === view.frozenRows - 1 && styles.frozenLine,
                  view.filterHeaderRows.size > 0 && !row.hidden && row.index > 0 && styles.rowHeaderFiltered,
                  row.hidden && styles.hidden,
                )}
              >
                {row.hidden && <span className={styles.hiddenTag}>hidden</span>}
                {row.index + 1}
              </th>
              {row.cells.map((cell, i) => {
                const column = view.columns[i];
                const filter = row.filterHeader ? view.filterButtons.get(column.index) : undefined;
                return [
                  column.gapBefore > 0 && <td key={`gap-${column.index}`} className={styles.gap} />,
                  <td
                    key={column.index}
                    className={mergeClasses(
                      styles.cell,
                      cell.numeric && styles.numeric,
                      !!cell.spills && !row.filterHeader && styles.spills,
                      row.filterHeader && styles.headerCell,
                      column.helper && !row.hidden && styles.helperCell,
                      row.hidden && styles.hidden,
                      cell.overflows && styles.overflows,
                      row.index === view.frozenRows - 1 && styles.frozenLine,
                    )}
                    style={
                      cell.fill || cell.bold || cell.fontSize || column.width !== undefined
                        ? {
                            backgroundColor: cell.fill && !row.hidden ? cell.fill : undefined,
                            color: cell.fill && !row.hidden ? "#1b1b1b" : undefined,
                            fontWeight: cell.bold ? 600 : undefined,
                            fontSize: cell.fontSize ? `${Math.round((cell.fontSize * 4) / 3)}px` : undefined,
                            maxWidth: column.width === undefined ? undefined : `${column.width}px`,
                          }
                        : undefined
                    }
                    data-fill={cell.fill}
                    title={cell.text.length > 14 ? cell.text : undefined}
                  >
                    {cell.spills && !row.filterHeader ? (
                      <span
                        className={styles.spillText}
                        style={{
                          width: `${view.columns
                            .slice(i, i + cell.spills + 1)
                            .reduce((sum, c) => sum + widthOf(c), -8)}px`,
                        }}
                      >
                        {cell.text}
                      </span>
                    ) : (
                      cell.text
                    )}
                    {filter && (
                      <span
                        className={mergeClasses(
                          styles.filterButton,
                          filter === "filtered" && styles.filterActive,
                        )}
                        data-testid="filter-button"
                        data-filtered={filter === "filtered" ? "true" : undefined}
                        aria-label={filter === "filtered" ? "Filtered column" : "Filter button"}
                      >
                        {filter === "filtered" ? "▼" : "▾"}
                      </span>
                    )}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
