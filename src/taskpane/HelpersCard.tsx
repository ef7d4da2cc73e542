/** Helper columns: Best Cluster, Cluster Band, Top Products, Priority Score, Score Reasons. */
import { Caption1, Card, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { actions } from "../actions";
import { ActionButton } from "./ActionButton";
import type { PaneApi } from "./usePane";

const useStyles = makeStyles({
  card: { rowGap: "10px" },
  muted: { color: tokens.colorNeutralForeground3 },
  result: { display: "flex", flexDirection: "column", rowGap: "4px" },
  warnings: {
    margin: 0,
    paddingLeft: "18px",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

export function HelpersCard({ pane }: { pane: PaneApi }) {
  const styles = useStyles();
  const { state } = pane;
  const helpers = state.helpers;
  return (
    <Card className={styles.card} data-testid="helpers" aria-label="Helper columns">
      <Subtitle2 as="h2">Helper columns</Subtitle2>
      <Caption1 className={styles.muted}>{actions.addHelperColumns.description}</Caption1>
      <div>
        <ActionButton
          availability={pane.availability("addHelperColumns")}
          busy={state.running !== null}
          spinning={state.running?.origin === "helpers"}
          data-testid="add-helpers"
          onClick={() => void pane.addHelperColumns()}
        >
          {helpers ? "Update helper columns" : "Add helper columns"}
        </ActionButton>
      </div>
      {helpers && (
        <div className={styles.result} data-testid="helpers-result">
          <Text size={200}>{helpers.message}</Text>
          {helpers.warnings.length > 0 && (
            <ul className={styles.warnings}>
              {helpers.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Card>
  );
}
