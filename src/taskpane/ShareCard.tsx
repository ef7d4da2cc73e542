/**
 * Share: Prepare for sellers (frozen header, fitted widths, coloured clusters, an About sheet) and
 * Reset sheet, the add-in's own way back, behind a confirmation.
 */
import {
  Button,
  Caption1,
  Card,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { actions, type SheetReport } from "../actions";
import { CSV_WARNING } from "../domain/analysis";
import { ActionButton } from "./ActionButton";
import { isBusy } from "./state";
import type { PaneApi } from "./usePane";

const useStyles = makeStyles({
  card: { rowGap: "10px" },
  muted: { color: tokens.colorNeutralForeground3 },
  group: { display: "flex", flexDirection: "column", rowGap: "8px" },
  result: { overflowWrap: "anywhere" },
  dialogText: { display: "flex", flexDirection: "column", rowGap: "12px" },
});

export function ShareCard({ report, pane }: { report: SheetReport; pane: PaneApi }) {
  const styles = useStyles();
  const { state } = pane;
  const busy = isBusy(state);
  const origin = state.running?.origin;
  const csvWarning = report.analysis.warnings.find((w) => w === CSV_WARNING);
  const [confirming, setConfirming] = useState(false);
  const [clearOwnFilters, setClearOwnFilters] = useState(false);

  const confirmReset = () => {
    setConfirming(false);
    void pane.resetSheet({ keepUserFilters: !clearOwnFilters });
  };

  return (
    <Card className={styles.card} data-testid="share" aria-label="Share">
      <Subtitle2 as="h2">Prepare and reset</Subtitle2>
      {csvWarning && (
        <MessageBar intent="warning" layout="multiline" data-testid="share-csv-warning">
          <MessageBarBody>
            <MessageBarTitle>Save as an Excel workbook before sharing</MessageBarTitle>
            {csvWarning}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.group}>
        <Caption1 className={styles.muted}>{actions.prepareForSellers.description}</Caption1>
        <div>
          <ActionButton
            appearance="primary"
            availability={pane.availability("prepareForSellers")}
            busy={busy}
            spinning={origin === "prepare"}
            data-testid="prepare-sellers"
            hint="A seller can read the workbook without the add-in. Adds the helper columns first when they are missing."
            onClick={() => void pane.prepareForSellers()}
          >
            Prepare for sellers
          </ActionButton>
        </div>
        {state.prepared && (
          <Text size={200} className={styles.result} data-testid="prepared-result">
            {state.prepared.message}
          </Text>
        )}
      </div>
      <Divider />
      <div className={styles.group}>
        <Caption1 className={styles.muted}>{actions.resetSheet.description}</Caption1>
        <div>
          <ActionButton
            availability={pane.availability("resetSheet")}
            busy={busy}
            spinning={origin === "reset"}
            data-testid="reset-sheet"
            hint="Asks first. Excel's Undo can't undo add-in changes; this can."
            onClick={() => {
              setClearOwnFilters(false);
              setConfirming(true);
            }}
          >
            Reset sheet
          </ActionButton>
        </div>
      </div>

      <Dialog open={confirming} onOpenChange={(_, data) => setConfirming(data.open)}>
        <DialogSurface data-testid="reset-dialog" aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>Reset sheet</DialogTitle>
            <DialogContent className={styles.dialogText}>
              <Text>Remove everything Propensity Pane added? Your own filters stay.</Text>
              <Checkbox
                label="Also clear my own filters"
                data-testid="reset-clear-own"
                checked={clearOwnFilters}
                onChange={(_, data) => setClearOwnFilters(data.checked === true)}
              />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" data-testid="reset-cancel" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button appearance="primary" data-testid="reset-confirm" onClick={confirmReset}>
                Reset
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Card>
  );
}
