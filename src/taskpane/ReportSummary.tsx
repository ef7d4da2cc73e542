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
  Caption1,
  Card,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import type { SheetReport } from "../actions";
import { CSV_WARNING } from "../domain/analysis";
import { ClusterBar } from "./ClusterBar";
import { count, plural } from "./format";

/** Notes shown before "Show all N notes". */
const NOTES_SHOWN = 2;

const useStyles = makeStyles({
  card: { rowGap: "10px" },
  heading: { display: "flex", flexDirection: "column", rowGap: "4px" },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: "12px",
    rowGap: "2px",
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  },
  section: { display: "flex", flexDirection: "column", rowGap: "10px" },
  warnings: { display: "flex", flexDirection: "column", rowGap: "6px" },
  notes: { margin: "4px 0 0", paddingLeft: "16px", display: "flex", flexDirection: "column", rowGap: "4px" },
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
});

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
  // A messy sheet has many notes: the first ones show, the rest open on request, so the step fits the pane.
  const [allNotes, setAllNotes] = useState(false);
  const notesId = useId();

  return (
    <Card className={styles.card} data-testid="report-summary" aria-label="Report summary">
      <div className={styles.heading}>
        <Caption1>Report</Caption1>
        <Subtitle2 as="h2" data-testid="report-type">
          {analysis.reportTypeLabel}
        </Subtitle2>
      </div>
      <dl className={styles.facts}>
        <dt>Sheet</dt>
        <dd data-testid="report-sheet">{report.sheetName}</dd>
        <dt>Header</dt>
        <dd data-testid="report-header-row">Header found on row {count(report.headerRowNumber)}</dd>
        <dt>Data rows</dt>
        <dd data-testid="report-rows">
          {count(analysis.dataRowCount)} {plural(analysis.dataRowCount, "row")}
          {analysis.blankRowCount > 0 && ` (${count(analysis.blankRowCount)} blank)`}
          {analysis.blankRowCount > 0 && `, ${count(customers)} ${plural(customers, "customer")}`}
        </dd>
        {report.isTable && (
          <>
            <dt>Format</dt>
            <dd>Excel table</dd>
          </>
        )}
        {report.isProtected && (
          <>
            <dt>Protection</dt>
            <dd>Sheet is protected: filters and helper columns can&apos;t change it</dd>
          </>
        )}
      </dl>

      {(csvWarning || otherWarnings.length > 0) && (
        <div className={styles.warnings} data-testid="report-warnings">
          {csvWarning && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Save as .xlsx first</MessageBarTitle>
                {csvWarning}
              </MessageBarBody>
            </MessageBar>
          )}
          {otherWarnings.length > 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  {otherWarnings.length === 1 ? "Note" : `${otherWarnings.length} notes`}
                </MessageBarTitle>
                <ul className={styles.notes} id={notesId}>
                  {(allNotes ? otherWarnings : otherWarnings.slice(0, NOTES_SHOWN)).map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
                {otherWarnings.length > NOTES_SHOWN && (
                  <Button
                    appearance="transparent"
                    size="small"
                    aria-expanded={allNotes}
                    aria-controls={notesId}
                    data-testid="more-notes"
                    onClick={() => setAllNotes(!allNotes)}
                  >
                    {allNotes ? "Show fewer notes" : `Show all ${otherWarnings.length} notes`}
                  </Button>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}

      {analysis.products.length > 0 ? (
        <section className={styles.section} aria-label="Clusters per product" data-testid="product-bars">
          <Subtitle2 as="h3">Clusters per product</Subtitle2>
          {analysis.products.map((product) => (
            <ClusterBar
              key={product.key}
              title={product.label}
              counts={product.counts}
              caption={product.header}
              testId={`product-${product.key}`}
            />
          ))}
        </section>
      ) : (
        <Text size={200}>This report has no product cluster columns.</Text>
      )}

      {analysis.cohorts.length > 0 && (
        <section aria-label="Cohorts and sales plays" data-testid="cohorts">
          <Subtitle2 as="h3">Cohorts and sales plays</Subtitle2>
          <Accordion
            collapsible
            multiple
            onToggle={(_, data) => {
              const column = Number(data.value);
              if (data.openItems.includes(data.value)) onOpenCohort?.(column);
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
        </section>
      )}
    </Card>
  );
}
