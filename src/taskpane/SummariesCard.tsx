/** Summaries: a "Propensity Summary" sheet with customers per cluster by industry and sub segment. */
import { useState } from "react";
import {
  Badge,
  Caption1,
  Card,
  Checkbox,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { actions, type SummariesResult } from "../actions";
import { ActionButton } from "./ActionButton";
import { isBusy } from "./state";
import type { PaneApi } from "./usePane";

const useStyles = makeStyles({
  card: { rowGap: "10px" },
  muted: { color: tokens.colorNeutralForeground3 },
  result: {
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  sheet: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: "6px", rowGap: "4px" },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

export function SummariesCard({ pane }: { pane: PaneApi }) {
  const styles = useStyles();
  const { state } = pane;
  // After Match to CRM, the tables can also count customers per CRM owner (through the generic runAction).
  const hasCrmOwner = state.report?.quickFilters.some((q) => q.role === "crmOwner") ?? false;
  const [byOwner, setByOwner] = useState(false);
  const [ownerRunLast, setOwnerRunLast] = useState(false);
  const ownerOutcome = state.results.buildSummaries;
  const ownerSummaries =
    ownerOutcome?.status === "done"
      ? { message: ownerOutcome.message, ...(ownerOutcome.data as SummariesResult) }
      : null;
  const summaries = ownerRunLast && ownerSummaries ? ownerSummaries : state.summaries;
  const withOwner = hasCrmOwner && byOwner;
  const build = () => {
    setOwnerRunLast(withOwner);
    return withOwner
      ? pane.runAction("buildSummaries", { crmOwner: true }, { origin: "summaries", refreshAfter: true })
      : pane.buildSummaries();
  };
  return (
    <Card className={styles.card} data-testid="summaries" aria-label="Summaries">
      <Subtitle2 as="h2">Summaries</Subtitle2>
      <Caption1 className={styles.muted}>{actions.buildSummaries.description}</Caption1>
      {hasCrmOwner && (
        <Checkbox
          data-testid="summaries-crm-owner"
          label="Also by CRM Owner (customers per owner and cluster)"
          checked={byOwner}
          onChange={(_, data) => setByOwner(data.checked === true)}
        />
      )}
      <div>
        <ActionButton
          availability={pane.availability("buildSummaries")}
          busy={isBusy(state)}
          spinning={state.running?.origin === "summaries"}
          data-testid="build-summaries"
          hint="Adds the helper columns first when they are missing. Running it again rebuilds the same sheet."
          onClick={() => void build()}
        >
          {summaries ? "Rebuild summaries" : "Build summaries"}
        </ActionButton>
      </div>
      {summaries && (
        <div className={styles.result} data-testid="summaries-result" data-mode={summaries.mode}>
          <div className={styles.sheet}>
            <Text size={200}>Sheet</Text>
            <Text size={200} className={styles.sheetName} data-testid="summaries-sheet">
              {summaries.sheetName}
            </Text>
            <Badge
              appearance="tint"
              size="small"
              color={summaries.mode === "pivot" ? "success" : "warning"}
              data-testid="summaries-mode"
            >
              {summaries.mode === "pivot" ? "PivotTables" : "Static tables"}
            </Badge>
          </div>
          <Caption1 className={styles.muted}>
            {summaries.mode === "pivot"
              ? "The PivotTables refresh with the data (PivotTable Analyze > Refresh)."
              : "These tables don't refresh: build the summaries again after the data changes."}
          </Caption1>
        </div>
      )}
    </Card>
  );
}
