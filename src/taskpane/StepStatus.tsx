/**
 * The top of each step: what is done (a check mark and a count) and the next useful action.
 * A list, so a screen reader says how many items there are; done or not is said in words too.
 */
import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { StepView } from "./steps";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
    padding: "6px 10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
  },
  item: {
    display: "grid",
    gridTemplateColumns: "18px 1fr",
    columnGap: "4px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  mark: { fontWeight: tokens.fontWeightBold, textAlign: "center" },
  done: { color: tokens.colorPaletteGreenForeground1 },
  todo: { color: tokens.colorNeutralForeground3 },
  optional: { color: tokens.colorNeutralForeground3 },
  next: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

/** Text only screen readers hear. */
export const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
  border: 0,
} as const;

const useHidden = makeStyles({ hidden: visuallyHidden });

export function StepStatus({ view }: { view: StepView }) {
  const styles = useStyles();
  const hidden = useHidden().hidden;
  return (
    <section
      className={styles.root}
      aria-label={`${view.title}: what is done`}
      data-testid={`status-${view.id}`}
    >
      <ul className={styles.list}>
        {view.items.map((entry) => (
          <li
            key={entry.key}
            className={styles.item}
            data-testid={`done-${entry.key}`}
            data-done={entry.done ? "true" : "false"}
          >
            <span
              aria-hidden="true"
              className={mergeClasses(styles.mark, entry.done ? styles.done : styles.todo)}
            >
              {entry.done ? "✓" : "○"}
            </span>
            <span>
              <span className={hidden}>{entry.done ? "Done: " : "Not done: "}</span>
              {entry.text}
              {entry.optional && !entry.done && <span className={styles.optional}> (optional)</span>}
            </span>
          </li>
        ))}
      </ul>
      <Text size={200} className={styles.next} data-testid={`next-${view.id}`}>
        {view.next}
      </Text>
    </section>
  );
}
