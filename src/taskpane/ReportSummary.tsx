/**
 * What Analyze sheet found: report type, where the header is, row counts, warnings, cluster bars
 * per product and the cohort / sales-play columns with their values.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Card,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import type { SheetReport } from "../actions";
import { CSV_WARNING } from "../domain/analysis";
import type { ClusterCounts } from "../domain/types";
import { ClusterBar, ClusterLegend, SEGMENTS } from "./ClusterBar";
import { count, plural } from "./format";

const useStyles = makeStyles({
  // The facts below lay out by the card's width (the pane's), not the window's.
  card: { rowGap: "6px", containerType: "inline-size" },
  // Term and value pairs, aligned in one column in a narrow pane; side by side, wrapping, from about
  // 380 px of card (a 420 px pane and up).
  facts: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    "& > div": { display: "grid", gridTemplateColumns: "64px 1fr", columnGap: "8px", minWidth: 0 },
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
    "@container (min-width: 380px)": {
      flexDirection: "row",
      flexWrap: "wrap",
      columnGap: "16px",
      "& > div": { display: "flex", columnGap: "6px" },
    },
  },
  // Short bars: the legend above says the colours, each bar's label its counts.
  productBar: { rowGap: "2px", "& [role='img']": { height: "8px" } },
  section: { display: "flex", flexDirection: "column", rowGap: "4px" },
  sectionHeading: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    justifyContent: "space-between",
    columnGap: "8px",
    rowGap: "2px",
  },
  warnings: { display: "flex", flexDirection: "column", rowGap: "6px" },
  notes: { margin: 0, paddingLeft: "16px", display: "flex", flexDirection: "column", rowGap: "4px" },
  folded: { marginTop: "4px", "&[hidden]": { display: "none" } },
  notesBody: { overflowWrap: "anywhere" },
  values: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    fontSize: tokens.fontSizeBase200,
  },
  valueRow: { display: "flex", justifyContent: "space-between", columnGap: "8px" },
  valueName: { overflowWrap: "anywhere" },
  valueCount: {
    fontVariantNumeric: "tabular-nums",
    color: tokens.colorNeutralForeground3,
    whiteSpace: "nowrap",
  },
  accordionHeader: { display: "flex", columnGap: "6px", alignItems: "center", minWidth: 0 },
  headerText: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  // The fold's header reads as the section's heading, like "Clusters per product".
  foldTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  foldPanel: { marginLeft: "12px", marginRight: 0 },
});

interface FoldedMessageProps {
  intent: "info" | "warning";
  title: string;
  /** The button's text while folded ("Show", "Why"); "Hide" once open. */
  openLabel: string;
  testId: string;
  buttonTestId?: string;
  bodyTestId?: string;
  children: ReactNode;
}

/**
 * A message bar that shows its title on one line and its text on request: a messy sheet has many notes,
 * each a few lines long, so the step fits the pane. The text stays in the page while folded (hidden), so
 * the button has something to control.
 */
function FoldedMessage({
  intent,
  title,
  openLabel,
  testId,
  buttonTestId,
  bodyTestId,
  children,
}: FoldedMessageProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <MessageBar intent={intent} layout={open ? "multiline" : "singleline"} data-testid={testId}>
      <MessageBarBody className={styles.notesBody}>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div
          className={styles.folded}
          id={bodyId}
          hidden={!open}
          data-testid={bodyTestId ?? `${testId}-text`}
        >
          {children}
        </div>
      </MessageBarBody>
      <MessageBarActions>
        <Button
          size="small"
          aria-expanded={open}
          aria-controls={bodyId}
          data-testid={buttonTestId ?? `${testId}-more`}
          onClick={() => setOpen(!open)}
        >
          {open ? "Hide" : openLabel}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** "Act Now 57 · Evaluate 100": the two clusters the Focus step shows, beside each product's bar. */
function callFirst(counts: ClusterCounts): string {
  return `Act Now ${count(counts["Act Now"])} · Evaluate ${count(counts.Evaluate)}`;
}

export function ReportSummary({
  report,
  onOpenCohort,
}: {
  report: SheetReport;
  /** A cohort's list opened: its values may still need counting (Analyze leaves them uncounted). */
  onOpenCohort?: (column: number) => void;
}) {
  const styles = useStyles();
  const { analysis } = report;
  const customers = analysis.dataRowCount - analysis.blankRowCount;
  const csvWarning = analysis.warnings.find((w) => w === CSV_WARNING);
  const otherWarnings = analysis.warnings.filter((w) => w !== CSV_WARNING);
  const legendSegments = SEGMENTS.filter(
    (s) => s !== "Unknown" || analysis.products.some((p) => p.counts.Unknown > 0),
  );

  return (
    <Card className={styles.card} data-testid="report-summary" aria-label="Report summary">
      <Subtitle2 as="h2" data-testid="report-type">
        {analysis.reportTypeLabel}
      </Subtitle2>
      <dl className={styles.facts}>
        <div>
          <dt>Sheet</dt>
          <dd data-testid="report-sheet">{report.sheetName}</dd>
        </div>
        <div>
          <dt>Header</dt>
          <dd data-testid="report-header-row">Header found on row {count(report.headerRowNumber)}</dd>
        </div>
        <div>
          <dt>Data rows</dt>
          <dd data-testid="report-rows">
            {count(analysis.dataRowCount)} {plural(analysis.dataRowCount, "row")}
            {analysis.blankRowCount > 0 && ` (${count(analysis.blankRowCount)} blank)`}
            {analysis.blankRowCount > 0 && `, ${count(customers)} ${plural(customers, "customer")}`}
          </dd>
        </div>
        {report.isTable && (
          <div>
            <dt>Format</dt>
            <dd>Excel table</dd>
          </div>
        )}
        {report.isProtected && (
          <div>
            <dt>Protection</dt>
            <dd>Sheet is protected: filters and helper columns can&apos;t change it</dd>
          </div>
        )}
      </dl>

      {(csvWarning || otherWarnings.length > 0) && (
        <div className={styles.warnings} data-testid="report-warnings">
          {csvWarning && (
            <FoldedMessage intent="warning" title="Save as .xlsx first" openLabel="Why" testId="csv-warning">
              {csvWarning}
            </FoldedMessage>
          )}
          {otherWarnings.length > 0 && (
            <FoldedMessage
              intent="info"
              title={
                otherWarnings.length === 1
                  ? "1 note on this sheet"
                  : `${otherWarnings.length} notes on this sheet`
              }
              openLabel="Show"
              testId="report-notes"
              buttonTestId="more-notes"
              bodyTestId="notes-list"
            >
              <ul className={styles.notes}>
                {otherWarnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </FoldedMessage>
          )}
        </div>
      )}

      {analysis.products.length > 0 ? (
        <section className={styles.section} aria-label="Clusters per product" data-testid="product-bars">
          <div className={styles.sectionHeading}>
            <Subtitle2 as="h3">Clusters per product</Subtitle2>
          </div>
          {/* One legend for every bar; each bar's label (and tooltip) says all its counts. */}
          <ClusterLegend segments={legendSegments} />
          {analysis.products.map((product) => (
            <ClusterBar
              key={product.key}
              title={product.label}
              counts={product.counts}
              caption={callFirst(product.counts)}
              testId={`product-${product.key}`}
              className={styles.productBar}
              legend={false}
            />
          ))}
        </section>
      ) : (
        <Text size={200}>This report has no product cluster columns.</Text>
      )}

      {analysis.cohorts.length > 0 && (
        <section aria-label="Cohorts and sales plays" data-testid="cohorts">
          {/* Folded with its count: the cohorts and their values are for reading, Focus filters on them. */}
          <Accordion collapsible data-testid="fold-cohorts">
            <AccordionItem value="cohorts">
              <AccordionHeader as="h3" size="small" data-testid="fold-cohorts-header">
                <span className={styles.accordionHeader}>
                  <span className={styles.foldTitle}>Cohorts and sales plays</span>
                  <Badge appearance="outline" size="small" color="informative">
                    {count(analysis.cohorts.length)}
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel className={styles.foldPanel}>
                <Accordion
                  collapsible
                  multiple
                  onToggle={(_, data) => {
                    if (data.openItems.includes(data.value)) onOpenCohort?.(Number(data.value));
                  }}
                >
                  {analysis.cohorts.map((cohort) => (
                    <AccordionItem key={cohort.column} value={cohort.column}>
                      <AccordionHeader size="small">
                        <span className={styles.accordionHeader}>
                          <span className={styles.headerText} title={cohort.header}>
                            {cohort.header}
                          </span>
                          <Badge
                            appearance="tint"
                            size="small"
                            color={cohort.kind === "flag" ? "informative" : "brand"}
                          >
                            {cohort.kind === "flag"
                              ? "Yes/No"
                              : cohort.valuesPending
                                ? "Values"
                                : `${cohort.values.length} values`}
                          </Badge>
                        </span>
                      </AccordionHeader>
                      <AccordionPanel>
                        {cohort.valuesPending && (
                          <Text size={200} data-testid="values-counting">
                            Counting values…
                          </Text>
                        )}
                        <ul className={styles.values}>
                          {cohort.values.map((v) => (
                            <li key={v.value} className={styles.valueRow}>
                              <span className={styles.valueName}>{v.value}</span>
                              <span className={styles.valueCount}>{count(v.count)}</span>
                            </li>
                          ))}
                        </ul>
                      </AccordionPanel>
                    </AccordionItem>
                  ))}
                </Accordion>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </section>
      )}
    </Card>
  );
}
