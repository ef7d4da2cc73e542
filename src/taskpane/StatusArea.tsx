/**
 * The pane's status, above the step: while an action runs, what is happening, its progress and a
 * Cancel button; afterwards what it said (success, refused, failed or cancelled) with its warnings.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  type MessageBarIntent,
} from "@fluentui/react-components";
import { progressFraction, type Outcome, type Running } from "./state";

const useStyles = makeStyles({
  // In the pane's flow (not floating): a message never covers a button.
  root: {
    padding: "8px 12px 0",
    display: "flex",
    flexDirection: "column",
    rowGap: "8px",
  },
  running: { display: "flex", alignItems: "flex-end", columnGap: "8px" },
  progress: { flexGrow: 1, minWidth: 0 },
  warnings: { margin: "4px 0 0", paddingLeft: "18px" },
  body: { overflowWrap: "anywhere" },
});

const INTENT: Record<Outcome["status"], MessageBarIntent> = {
  done: "success",
  refused: "warning",
  failed: "error",
  cancelled: "info",
};

const TITLE: Record<Outcome["status"], string> = {
  done: "Done",
  refused: "Nothing changed",
  failed: "Something went wrong",
  cancelled: "Cancelled",
};

interface StatusAreaProps {
  running: Running | null;
  outcome: Outcome | null;
  onCancel(): void;
  onDismiss(): void;
}

export function StatusArea({ running, outcome, onCancel, onDismiss }: StatusAreaProps) {
  const styles = useStyles();
  if (!running && !outcome) return null;
  return (
    <div className={styles.root} role="status" aria-live="polite" data-testid="status">
      {running && (
        <div className={styles.running}>
          <Field
            className={styles.progress}
            label={`${running.label}…`}
            validationState="none"
            validationMessage={running.progress?.message ?? "Working…"}
            data-testid="progress"
          >
            <ProgressBar value={progressFraction(running.progress)} thickness="large" />
          </Field>
          <Button onClick={onCancel} data-testid="cancel">
            Cancel
          </Button>
        </div>
      )}
      {outcome && (
        <MessageBar
          intent={INTENT[outcome.status]}
          layout="multiline"
          data-testid="outcome"
          data-status={outcome.status}
        >
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{TITLE[outcome.status]}</MessageBarTitle>
            {outcome.message}
            {outcome.task !== "analyze" && outcome.warnings.length > 0 && (
              <ul className={styles.warnings}>
                {outcome.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label="Dismiss" onClick={onDismiss}>
                ✕
              </Button>
            }
          />
        </MessageBar>
      )}
    </div>
  );
}
