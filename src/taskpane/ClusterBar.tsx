/**
 * A small horizontal stacked bar of cluster counts (pure CSS), with a legend. Colours come from
 * Fluent palette tokens that change with the theme, so they read on light and dark backgrounds.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ClusterCounts } from "../domain/types";

export const SEGMENTS = ["Act Now", "Evaluate", "Nurture", "Educate", "Blank", "Unknown"] as const;
export type Segment = (typeof SEGMENTS)[number];

const COLOURS: Record<Segment, string> = {
  "Act Now": tokens.colorPaletteGreenBorderActive,
  Evaluate: tokens.colorPaletteBlueBorderActive,
  Nurture: tokens.colorPaletteMarigoldBorderActive,
  Educate: tokens.colorPaletteLavenderBorderActive,
  Blank: tokens.colorNeutralForegroundDisabled,
  Unknown: tokens.colorPaletteRedBorderActive,
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "4px", minWidth: 0 },
  title: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: "8px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  name: {
    fontWeight: tokens.fontWeightSemibold,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  total: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  bar: {
    display: "flex",
    height: "12px",
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
    columnGap: "1px",
  },
  segment: { height: "100%", minWidth: "2px" },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: "10px",
    rowGap: "2px",
    margin: 0,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  legendItem: { display: "inline-flex", alignItems: "center", columnGap: "4px", whiteSpace: "nowrap" },
  swatch: { width: "8px", height: "8px", borderRadius: "2px", flexShrink: 0 },
  count: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground1 },
});

const number = (n: number) => n.toLocaleString("en-US");

/** "Azure: Act Now 50, Evaluate 100, ..." — the words a screen reader hears. */
export function clusterSummary(title: string, counts: ClusterCounts): string {
  const parts = SEGMENTS.filter((s) => s !== "Unknown" || counts.Unknown > 0).map(
    (s) => `${s} ${number(counts[s])}`,
  );
  return `${title}: ${parts.join(", ")}`;
}

export interface ClusterBarProps {
  title: string;
  counts: ClusterCounts;
  /** Shown at the right of the title, e.g. "500 rows". */
  caption?: string;
  testId?: string;
  className?: string;
  /** The legend with every count under the bar (default). Off where one ClusterLegend serves several bars. */
  legend?: boolean;
}

export function ClusterBar({ title, counts, caption, testId, className, legend = true }: ClusterBarProps) {
  const styles = useStyles();
  const shown = SEGMENTS.filter((s) => s !== "Unknown" || counts.Unknown > 0);
  const total = shown.reduce((sum, s) => sum + counts[s], 0);
  const label = clusterSummary(title, counts);
  return (
    <div className={mergeClasses(styles.root, className)} data-testid={testId}>
      <div className={styles.title}>
        <span className={styles.name} title={title}>
          {title}
        </span>
        {caption && <span className={styles.total}>{caption}</span>}
      </div>
      <div
        className={styles.bar}
        role="img"
        aria-label={label}
        // Without the legend, pointing at the bar tells every count.
        title={legend ? undefined : label}
        data-testid={testId && `${testId}-bar`}
      >
        {shown
          .filter((s) => counts[s] > 0)
          .map((s) => (
            <div
              key={s}
              className={styles.segment}
              data-segment={s}
              data-count={counts[s]}
              style={{ width: `${(counts[s] / total) * 100}%`, backgroundColor: COLOURS[s] }}
            />
          ))}
      </div>
      {legend && (
        <ul className={styles.legend} aria-hidden="true">
          {shown.map((s) => (
            <li key={s} className={styles.legendItem}>
              <span className={styles.swatch} style={{ backgroundColor: COLOURS[s] }} />
              {s} <span className={styles.count}>{number(counts[s])}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * One legend (colours only) for several bars drawn with legend={false}. Hidden from screen readers:
 * each bar's label says its counts.
 */
export function ClusterLegend({
  segments = SEGMENTS.slice(0, 5),
  className,
}: {
  segments?: readonly Segment[];
  className?: string;
}) {
  const styles = useStyles();
  return (
    <ul className={mergeClasses(styles.legend, className)} aria-hidden="true" data-testid="cluster-legend">
      {segments.map((s) => (
        <li key={s} className={styles.legendItem}>
          <span className={styles.swatch} style={{ backgroundColor: COLOURS[s] }} />
          {s}
        </li>
      ))}
    </ul>
  );
}
