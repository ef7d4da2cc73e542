/**
 * The task pane, given a Session (real Excel in the add-in; the in-memory Excel in the preview and
 * tests). State lives in usePane/state.ts; these components only show it.
 */
import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { Session } from "../actions";
import { ActionButton } from "./ActionButton";
import { FiltersCard } from "./FiltersCard";
import { OpenReportCard } from "./features/OpenReportCard";
import { HelpersCard } from "./HelpersCard";
import { ReportSummary } from "./ReportSummary";
import { ShareCard } from "./ShareCard";
import { isBusy } from "./state";
import { StatusArea } from "./StatusArea";
import { SummariesCard } from "./SummariesCard";
import { usePane } from "./usePane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100%",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    "& h1, & h2, & h3": { margin: 0 },
  },
  content: {
    flexGrow: 1,
    display: "flex",
    flexDirection: "column",
    rowGap: "12px",
    padding: "12px",
    minWidth: 0,
  },
  header: { display: "flex", flexDirection: "column", rowGap: "8px" },
  tagline: { color: tokens.colorNeutralForeground3 },
  analyzeRow: { display: "flex", alignItems: "center", columnGap: "8px", minHeight: "32px" },
  refreshing: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  session: Session;
  /** Analyze the active sheet when the pane opens (it only reads). Default true. */
  autoAnalyze?: boolean;
}

export function App({ session, autoAnalyze = true }: AppProps) {
  const styles = useStyles();
  const pane = usePane(session);
  const { state } = pane;
  const started = useRef(false);

  useEffect(() => {
    // Excel may reload the add-in at any time: rebuild what the pane knows from the sheet, read-only.
    if (autoAnalyze && !started.current) {
      started.current = true;
      void pane.analyze();
    }
    // Run once per mounted pane.
  }, []);

  const busy = isBusy(state);
  return (
    <div className={styles.root} data-testid="pane">
      <main className={styles.content}>
        <header className={styles.header}>
          <Subtitle1 as="h1">Propensity Pane</Subtitle1>
          <Body1 className={styles.tagline}>
            Reads the CloudAscent propensity report on this sheet, filters it to the customers to call and
            adds helper columns.
          </Body1>
          <div className={styles.analyzeRow}>
            <ActionButton
              appearance="primary"
              availability={pane.availability("analyzeSheet")}
              busy={busy}
              spinning={state.running?.origin === "analyze"}
              hint="Reads the active sheet; changes nothing."
              data-testid="analyze"
              onClick={() => void pane.analyze()}
            >
              {state.report || state.refusal ? "Analyze sheet again" : "Analyze sheet"}
            </ActionButton>
            {state.refreshing && (
              <Spinner
                size="extra-tiny"
                className={styles.refreshing}
                label="Reading the sheet again…"
                data-testid="refreshing"
              />
            )}
          </div>
        </header>

        {state.refusal && (
          <MessageBar intent="warning" layout="multiline" data-testid="refusal">
            <MessageBarBody>
              <MessageBarTitle>Not a CloudAscent report</MessageBarTitle>
              {state.refusal}
            </MessageBarBody>
          </MessageBar>
        )}

        {state.report && (
          <>
            <ReportSummary report={state.report} />
            <FiltersCard
              key={`${state.report.sheetName}:${state.report.headerRowNumber}`}
              report={state.report}
              pane={pane}
            />
            <HelpersCard report={state.report} pane={pane} />
            <SummariesCard pane={pane} />
            <ShareCard report={state.report} pane={pane} />
          </>
        )}
        <OpenReportCard pane={pane} report={state.report} />
      </main>
      <StatusArea
        running={state.running}
        outcome={state.outcome}
        onCancel={pane.cancel}
        onDismiss={pane.dismiss}
      />
    </div>
  );
}
