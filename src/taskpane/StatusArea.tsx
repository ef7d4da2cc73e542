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
  tokens,
  useId,
  type MessageBarIntent,
} from "@fluentui/react-components";
import { useLayoutEffect, useRef, useState } from "react";
import { progressFraction, type Outcome, type Running } from "./state";

/** Lines of an outcome's message shown before "Show all". */
const LINES_SHOWN = 2;

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
  // Small text, as in the steps: a long outcome (an opened file's encoding, sheet and ID columns) stays a few lines.
  body: {
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  // A long message shows its first lines; the rest is a click away (screen readers hear it all).
  clamped: {
    display: "-webkit-box",
    WebkitBoxOrient: "vertical",
    WebkitLineClamp: String(LINES_SHOWN),
    overflow: "hidden",
  },
  more: { minWidth: 0, padding: 0, height: "auto", fontSize: tokens.fontSizeBase200 },
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
  const message = useRef<HTMLSpanElement>(null);
  const messageId = useId("outcome-message");
  // Open for one outcome only: the next one starts folded again.
  const [expandedFor, setExpandedFor] = useState<Outcome | null>(null);
  const expanded = outcome !== null && expandedFor === outcome;
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = message.current;
    if (!el || expanded) return setOverflows(false);
    const measure = () => setOverflows(el.scrollHeight > el.clientHeight + 1);
    measure();
    // The pane's width can change (the user drags its edge): the lines shown change with it.
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [outcome, expanded]);
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
            <span
              ref={message}
              id={messageId}
              className={expanded ? undefined : styles.clamped}
              data-testid="outcome-message"
            >
              <MessageBarTitle>{TITLE[outcome.status]}</MessageBarTitle>
              {outcome.message}
            </span>
            {(overflows || expanded) && (
              <Button
                appearance="transparent"
                size="small"
                className={styles.more}
                aria-expanded={expanded}
                aria-controls={messageId}
                data-testid="outcome-more"
                onClick={() => setExpandedFor(expanded ? null : outcome)}
              >
                {expanded ? "Show less" : "Show all"}
              </Button>
            )}
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
