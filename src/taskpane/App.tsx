/**
 * The task pane, given a Session (real Excel in the add-in; the in-memory Excel in the preview and
 * tests), as four steps of the monthly routine: Report, Focus, Enrich, Share. State lives in
 * usePane/state.ts and steps.ts; these components only show it.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  mergeClasses,
  Subtitle2,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Session } from "../actions";
import { ActionButton } from "./ActionButton";
import { Collapsible } from "./Collapsible";
import { CompareCard } from "./features/CompareCard";
import { CrmCard } from "./features/CrmCard";
import { OpenReportCard } from "./features/OpenReportCard";
import { SellerListsCard } from "./features/SellerListsCard";
import { FiltersCard } from "./FiltersCard";
import { HelpersCard } from "./HelpersCard";
import { ReportSummary } from "./ReportSummary";
import { ShareCard } from "./ShareCard";
import { isBusy, reportWithValues } from "./state";
import { StatusArea } from "./StatusArea";
import { StepStatus, visuallyHidden } from "./StepStatus";
import { startingStep, stepAfter, STEPS, stepViews, type StepId } from "./steps";
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
    minWidth: 0,
    "& h1, & h2, & h3": { margin: 0 },
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: "8px",
    rowGap: "4px",
    padding: "8px 12px 2px",
  },
  analyzeRow: { display: "flex", alignItems: "center", columnGap: "6px", minHeight: "32px" },
  refreshing: { color: tokens.colorNeutralForeground3 },
  tabs: {
    padding: "0 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    // Four tabs fit 320 px; below that they wrap rather than scroll sideways.
    flexWrap: "wrap",
  },
  // Compact tabs: four fit side by side in a 320 px pane.
  tab: { paddingLeft: "4px", paddingRight: "4px", minWidth: 0 },
  tabContent: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: "4px",
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase200,
  },
  /** The step's number, or a check mark once it is done. */
  tabBadge: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "16px",
    height: "16px",
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    boxSizing: "border-box",
    flexShrink: 0,
  },
  tabBadgeDone: {
    border: `1px solid ${tokens.colorPaletteGreenBorderActive}`,
    backgroundColor: tokens.colorPaletteGreenBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  hidden: visuallyHidden,
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: "10px",
    padding: "12px",
    minWidth: 0,
    // The class's display would override the hidden attribute.
    "&[hidden]": { display: "none" },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  continue: { display: "flex", justifyContent: "flex-end" },
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
  const views = useMemo(() => stepViews(state), [state]);
  const [step, setStep] = useState<StepId>("report");
  const tabs = useRef(new Map<StepId, HTMLElement>());
  // The sheet the pane last chose a step for.
  const [chosenFor, setChosenFor] = useState<string | null>(null);

  useEffect(() => {
    // Excel may reload the add-in at any time: rebuild what the pane knows from the sheet, read-only.
    if (autoAnalyze && !started.current) {
      started.current = true;
      void pane.analyze();
    }
    // Run once per mounted pane.
  }, []);

  // A new report (or a refusal) picks the step again: Report on a sheet that is not a report, else the
  // first step not done. Set while rendering (React's pattern for state derived from props).
  const sheetKey = state.report ? `report:${state.report.sheetName}` : state.refusal ? "refusal" : null;
  if (sheetKey !== null && sheetKey !== chosenFor) {
    setChosenFor(sheetKey);
    setStep(startingStep(views));
  }

  const goTo = (id: StepId) => {
    setStep(id);
    tabs.current.get(id)?.focus();
  };

  const busy = isBusy(state);
  // Cohort and quick-filter values are counted when their lists open (pane.loadColumnValues).
  const report = useMemo(
    () => (state.report ? reportWithValues(state.report, state.columnValues) : null),
    [state.report, state.columnValues],
  );
  const openReportFirst = (
    <MessageBar intent="info" layout="multiline" data-testid="needs-report">
      <MessageBarBody>
        <MessageBarTitle>Open a report first</MessageBarTitle>
        This step works on a CloudAscent report. Open the report file, or go to the report&apos;s sheet and
        choose Analyze sheet.
      </MessageBarBody>
    </MessageBar>
  );

  const content: Record<StepId, ReactNode> = {
    report: (
      <>
        {!report && <OpenReportCard pane={pane} report={null} />}
        {state.refusal && (
          <MessageBar intent="warning" layout="multiline" data-testid="refusal">
            <MessageBarBody>
              <MessageBarTitle>Not a CloudAscent report</MessageBarTitle>
              {state.refusal}
            </MessageBarBody>
          </MessageBar>
        )}
        {!report && !state.refusal && (
          <Text size={200}>
            Reads the CloudAscent propensity report on this sheet, filters it to the customers to call and
            adds helper columns.
          </Text>
        )}
        {report && (
          <ReportSummary report={report} onOpenCohort={(column) => pane.loadColumnValues(column, "cohort")} />
        )}
        {report && (
          // A fold per report: after a file opens, its new sheet shows folded (the status above says what
          // was opened); a refused or failed file keeps the picker open with the reason.
          <Collapsible
            key={report.sheetName}
            id="open-report"
            title="Open another report file"
            openAtFirst={
              state.results.openReportFile !== undefined && state.results.openReportFile.status !== "done"
            }
          >
            <OpenReportCard pane={pane} report={report} />
          </Collapsible>
        )}
      </>
    ),
    focus: report ? (
      <FiltersCard key={`${report.sheetName}:${report.headerRowNumber}`} report={report} pane={pane} />
    ) : (
      openReportFirst
    ),
    enrich: report ? (
      <>
        <HelpersCard report={report} pane={pane} />
        <Collapsible
          id="compare"
          title="Compare with last month"
          openAtFirst={state.results.compareLastMonth !== undefined}
        >
          <CompareCard pane={pane} report={report} />
        </Collapsible>
        <Collapsible id="crm" title="Match to CRM" openAtFirst={state.results.matchCrm !== undefined}>
          <CrmCard pane={pane} report={report} />
        </Collapsible>
      </>
    ) : (
      openReportFirst
    ),
    share: report ? (
      <>
        <SummariesCard pane={pane} />
        <Collapsible
          id="sellers"
          title="Seller lists"
          openAtFirst={state.results.buildSellerLists !== undefined}
        >
          <SellerListsCard pane={pane} report={report} />
        </Collapsible>
        <ShareCard report={report} pane={pane} />
      </>
    ) : (
      openReportFirst
    ),
  };

  return (
    <div className={styles.root} data-testid="pane">
      <header className={styles.header}>
        <Subtitle2 as="h1">Propensity Pane</Subtitle2>
        <div className={styles.analyzeRow}>
          <ActionButton
            size="small"
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
              aria-label="Reading the sheet again…"
              data-testid="refreshing"
            />
          )}
        </div>
      </header>

      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={step}
        onTabSelect={(_, data) => setStep(data.value as StepId)}
        aria-label="Steps"
        data-testid="steps"
      >
        {STEPS.map(({ id, title }, index) => {
          const done = views.find((v) => v.id === id)?.done ?? false;
          return (
            <Tab
              key={id}
              id={`step-tab-${id}`}
              value={id}
              className={styles.tab}
              aria-controls={`step-panel-${id}`}
              data-testid={`step-${id}`}
              data-done={done ? "true" : "false"}
              ref={(element: HTMLButtonElement | null) => {
                if (element) tabs.current.set(id, element);
                else tabs.current.delete(id);
              }}
            >
              <span className={styles.tabContent}>
                <span
                  aria-hidden="true"
                  className={mergeClasses(styles.tabBadge, done && styles.tabBadgeDone)}
                >
                  {done ? "✓" : index + 1}
                </span>
                <span className={styles.hidden}>{`${index + 1}. `}</span>
                {title}
                {done && <span className={styles.hidden}>{" (done)"}</span>}
              </span>
            </Tab>
          );
        })}
      </TabList>

      {/* In the flow, above the step: it never covers a button, and Cancel is the first thing to reach. */}
      <StatusArea
        running={state.running}
        outcome={state.outcome}
        onCancel={pane.cancel}
        onDismiss={pane.dismiss}
      />

      <main>
        {views.map((view) => {
          const next = stepAfter(view.id);
          const selected = view.id === step;
          return (
            <div
              key={view.id}
              id={`step-panel-${view.id}`}
              role="tabpanel"
              aria-labelledby={`step-tab-${view.id}`}
              hidden={!selected}
              tabIndex={0}
              className={styles.panel}
              data-testid={`panel-${view.id}`}
            >
              <StepStatus view={view} />
              {content[view.id]}
              {next && (report || view.id !== "report") && (
                <div className={styles.continue}>
                  <Button data-testid={`continue-${view.id}`} onClick={() => goTo(report ? next : "report")}>
                    {report ? `Continue to ${STEPS.find((s) => s.id === next)?.title}` : "Go to Report"}
                  </Button>
                </div>
              )}
            </div>
          );
        })}
      </main>
    </div>
  );
}
