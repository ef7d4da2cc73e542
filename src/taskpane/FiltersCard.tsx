/**
 * Filters: Act now + Evaluate per product (or any product), a cohort picker, quick filters
 * (transacted in the last 36 months, sub segment, industry, country), Clear filters, and what is
 * visible after the last filter.
 */
import {
  Caption1,
  Card,
  Checkbox,
  Divider,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { QuickFilter, SheetReport } from "../actions";
import { yesFilterValues } from "../domain/filters";
import { ActionButton } from "./ActionButton";
import { ClusterBar } from "./ClusterBar";
import { count } from "./format";
import { isBusy } from "./state";
import type { PaneApi } from "./usePane";

const useStyles = makeStyles({
  card: { rowGap: "12px" },
  group: { display: "flex", flexDirection: "column", rowGap: "8px" },
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "8px", alignItems: "center" },
  dropdown: { minWidth: "0", width: "100%" },
  values: {
    display: "flex",
    flexDirection: "column",
    maxHeight: "180px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "2px 4px",
  },
  valueLabel: { display: "flex", justifyContent: "space-between", columnGap: "8px", width: "100%" },
  valueCount: { color: tokens.colorNeutralForeground3, fontVariantNumeric: "tabular-nums" },
  result: {
    display: "flex",
    flexDirection: "column",
    rowGap: "8px",
    padding: "10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  showing: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const QUICK_LABELS: Record<Exclude<QuickFilter["role"], "transacted36">, string> = {
  subSegment: "Sub segment",
  industry: "Industry",
  country: "Country",
  crmOwner: "CRM Owner",
};

/** "industry", "CRM owner": a label inside a sentence, acronyms kept. */
function lowerLabel(role: keyof typeof QUICK_LABELS): string {
  return QUICK_LABELS[role]
    .split(" ")
    .map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()))
    .join(" ");
}

/** "Industry", or "Industry (Vertical_Name)" when the report's header says it differently. */
function quickLabel(q: QuickFilter & { role: keyof typeof QUICK_LABELS }): string {
  const label = QUICK_LABELS[q.role];
  const fold = (text: string) => text.toLowerCase().replace(/[\s_-]/g, "");
  return fold(label) === fold(q.header) ? label : `${label} (${q.header})`;
}

interface FiltersCardProps {
  report: SheetReport;
  pane: PaneApi;
}

export function FiltersCard({ report, pane }: FiltersCardProps) {
  const styles = useStyles();
  const { state } = pane;
  const busy = isBusy(state);
  const origin = state.running?.origin;
  const products = report.analysis.products;
  const cohorts = report.analysis.cohorts;

  const actNow = pane.availability("showActNowEvaluate");
  const valueFilter = pane.availability("applyValueFilter");
  const clear = pane.availability("clearFilters");

  const [product, setProduct] = useState<string>(products.length === 1 ? products[0].key : "any");
  const productLabel =
    product === "any" ? "Any product" : (products.find((p) => p.key === product)?.label ?? product);

  const [cohortColumn, setCohortColumn] = useState<number | undefined>(cohorts[0]?.column);
  const cohort = cohorts.find((c) => c.column === cohortColumn);
  const [cohortValues, setCohortValues] = useState<string[]>([]);
  // Analyze leaves cohort and quick-filter values uncounted: count a list when it shows.
  useEffect(() => {
    if (cohort?.valuesPending) pane.loadColumnValues(cohort.column, "cohort");
  }, [cohort?.column, cohort?.valuesPending]);

  const transacted = report.quickFilters.find((q) => q.role === "transacted36");
  const transactedValues = useMemo(
    () => (transacted ? yesFilterValues(transacted.values.map((v) => v.value)) : []),
    [transacted],
  );
  useEffect(() => {
    if (transacted?.valuesPending) pane.loadColumnValues(transacted.column, "quick");
  }, [transacted?.column, transacted?.valuesPending]);
  const pickers = report.quickFilters.filter(
    (q): q is QuickFilter & { role: keyof typeof QUICK_LABELS } => q.role !== "transacted36",
  );
  const [picked, setPicked] = useState<Record<number, string[]>>({});

  // Filters need ExcelApi 1.9: say so once, in words, above the disabled buttons.
  const missingFeature = !actNow.available && !valueFilter.available ? valueFilter.reason : undefined;
  const filter = state.filter;

  return (
    <Card className={styles.card} data-testid="filters" aria-label="Filters">
      <Subtitle2 as="h2">Filters</Subtitle2>
      {missingFeature && (
        <MessageBar intent="warning" layout="multiline" data-testid="filters-unavailable">
          <MessageBarBody>{missingFeature}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.group}>
        <Field label="Product" hint="Act Now + Evaluate customers for one product, or for any of them.">
          <Dropdown
            className={styles.dropdown}
            data-testid="product-select"
            value={productLabel}
            selectedOptions={[product]}
            onOptionSelect={(_, data) => data.optionValue && setProduct(data.optionValue)}
          >
            <Option value="any">Any product</Option>
            {products.map((p) => (
              <Option key={p.key} value={p.key}>
                {p.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div className={styles.row}>
          <ActionButton
            appearance="primary"
            availability={actNow}
            busy={busy}
            spinning={origin === "actNow"}
            data-testid="act-now-evaluate"
            hint={
              product === "any"
                ? "Filters on the Best Cluster helper column, adding it first if it is missing."
                : undefined
            }
            onClick={() => void pane.showActNowEvaluate({ product })}
          >
            Show Act now + Evaluate
          </ActionButton>
        </div>
      </div>

      {cohorts.length > 0 && (
        <>
          <Divider />
          <div className={styles.group} data-testid="cohort-picker">
            <Field label="Cohort or sales play">
              <Dropdown
                className={styles.dropdown}
                data-testid="cohort-column"
                value={cohort?.header ?? ""}
                selectedOptions={cohortColumn === undefined ? [] : [String(cohortColumn)]}
                onOptionSelect={(_, data) => {
                  setCohortColumn(Number(data.optionValue));
                  setCohortValues([]);
                }}
              >
                {cohorts.map((c) => (
                  <Option key={c.column} value={String(c.column)} text={c.header}>
                    {c.header}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {cohort && (
              <div className={styles.values} role="group" aria-label={`Values of ${cohort.header}`}>
                {cohort.values.map((v) => (
                  <Checkbox
                    key={v.value}
                    data-testid="cohort-value"
                    checked={cohortValues.includes(v.value)}
                    onChange={(_, data) =>
                      setCohortValues((current) =>
                        data.checked ? [...current, v.value] : current.filter((x) => x !== v.value),
                      )
                    }
                    label={
                      <span className={styles.valueLabel}>
                        <span>{v.value}</span>
                        <span className={styles.valueCount}>{count(v.count)}</span>
                      </span>
                    }
                  />
                ))}
              </div>
            )}
            <div className={styles.row}>
              <ActionButton
                availability={
                  cohortValues.length || !valueFilter.available
                    ? valueFilter
                    : { available: false, reason: "Tick one or more values first." }
                }
                busy={busy}
                spinning={origin === "cohort"}
                data-testid="apply-cohort"
                onClick={() =>
                  cohort &&
                  void pane.applyValueFilter({ column: cohort.column, values: cohortValues }, "cohort")
                }
              >
                Apply cohort filter
              </ActionButton>
            </div>
          </div>
        </>
      )}

      {(transacted || pickers.length > 0) && (
        <>
          <Divider />
          <div className={styles.group} data-testid="quick-filters">
            <Caption1 className={styles.muted}>Quick filters</Caption1>
            {transacted && (
              <div className={styles.row}>
                <ActionButton
                  availability={
                    transactedValues.length || !valueFilter.available
                      ? valueFilter
                      : { available: false, reason: `No customer has "Yes" in ${transacted.header}.` }
                  }
                  busy={busy}
                  spinning={origin === "transacted36"}
                  data-testid="quick-transacted36"
                  hint={`Keeps customers with Yes in ${transacted.header}.`}
                  onClick={() =>
                    void pane.applyValueFilter(
                      { column: transacted.column, values: transactedValues },
                      "transacted36",
                    )
                  }
                >
                  Transacted in the last 36 months
                </ActionButton>
              </div>
            )}
            {pickers.map((q) => {
              const chosen = picked[q.column] ?? [];
              const values = q.values.filter((v) => v.value !== "");
              return (
                <div key={q.column} className={styles.group}>
                  <Field label={quickLabel(q)}>
                    <Dropdown
                      className={styles.dropdown}
                      multiselect
                      data-testid={`quick-${q.role}`}
                      placeholder={`Any ${lowerLabel(q.role)}`}
                      value={chosen.join(", ")}
                      selectedOptions={chosen}
                      onOpenChange={(_, data) => {
                        if (data.open && q.valuesPending) pane.loadColumnValues(q.column, "quick");
                      }}
                      onOptionSelect={(_, data) =>
                        setPicked((p) => ({ ...p, [q.column]: data.selectedOptions }))
                      }
                    >
                      {q.valuesPending && (
                        <Option key="(counting)" value="" text="Counting values…" disabled>
                          Counting values…
                        </Option>
                      )}
                      {values.map((v) => (
                        <Option key={v.value} value={v.value} text={v.value}>
                          <span className={styles.valueLabel}>
                            <span>{v.value}</span>
                            <span className={styles.valueCount}>{count(v.count)}</span>
                          </span>
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                  <div className={styles.row}>
                    <ActionButton
                      availability={
                        chosen.length || !valueFilter.available
                          ? valueFilter
                          : { available: false, reason: "Pick one or more values first." }
                      }
                      busy={busy}
                      spinning={origin === `quick-${q.role}`}
                      data-testid={`apply-${q.role}`}
                      onClick={() =>
                        void pane.applyValueFilter({ column: q.column, values: chosen }, `quick-${q.role}`)
                      }
                    >
                      Filter {lowerLabel(q.role)}
                    </ActionButton>
                  </div>
                </div>
              );
            })}
          </div>
        </>
      )}

      <Divider />
      <div className={styles.row}>
        <ActionButton
          availability={clear}
          busy={busy}
          spinning={origin === "clear"}
          data-testid="clear-filters"
          onClick={() => void pane.clearFilters(false)}
        >
          Clear filters
        </ActionButton>
        {report.isFiltered && !filter && (
          <Text size={200} className={styles.muted}>
            Some rows of this sheet were already filtered when it was analysed.
          </Text>
        )}
      </div>

      {state.leftInPlace.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="left-in-place">
          <MessageBarBody>
            Your own filter on {state.leftInPlace.join(", ")} is still in place.
          </MessageBarBody>
          <MessageBarActions>
            <ActionButton
              availability={clear}
              busy={busy}
              spinning={origin === "clearAll"}
              data-testid="clear-all-filters"
              onClick={() => void pane.clearFilters(true)}
            >
              Clear all filters
            </ActionButton>
          </MessageBarActions>
        </MessageBar>
      )}

      {filter && (
        <div className={styles.result} data-testid="filter-result" aria-live="polite">
          <Text className={styles.showing} data-testid="showing">
            Showing {count(filter.result.visible)} of {count(filter.result.total)} customers
          </Text>
          {filter.result.filteredColumns.length > 0 && (
            <Caption1 className={styles.muted}>
              Filtered on {filter.result.filteredColumns.join(", ")}
            </Caption1>
          )}
          <ClusterBar
            title="Visible per cluster"
            counts={filter.result.visibleByCluster}
            testId="visible-clusters"
          />
        </div>
      )}
    </Card>
  );
}
