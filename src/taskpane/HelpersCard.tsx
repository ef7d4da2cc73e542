/**
 * Helper columns: Best Cluster, Cluster Band, Top Products, Priority Score, Score Reasons; the score
 * settings (which products count, the weight of each signal) saved in the workbook with them; and
 * Sort by priority.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Card,
  Checkbox,
  Field,
  Link,
  makeStyles,
  SpinButton,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  actions,
  type Availability,
  type ScoreSettings,
  type ScoreSignal,
  type SheetReport,
} from "../actions";
import { DEFAULT_SCORE_SETTINGS, SCORE_SIGNAL_LABELS, SCORE_SIGNALS } from "../domain/score";
import { ActionButton } from "./ActionButton";
import { isBusy } from "./state";
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
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "8px", alignItems: "center" },
  settingsHeader: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: "6px", minWidth: 0 },
  settings: { display: "flex", flexDirection: "column", rowGap: "12px", paddingBottom: "8px" },
  group: { display: "flex", flexDirection: "column", rowGap: "2px", border: "none", margin: 0, padding: 0 },
  legend: {
    padding: 0,
    marginBottom: "4px",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  weight: { display: "grid", gridTemplateColumns: "88px 1fr", columnGap: "8px", alignItems: "center" },
  share: { color: tokens.colorNeutralForeground3, fontVariantNumeric: "tabular-nums" },
  spin: { width: "88px" },
});

/** What the settings section edits: ticked product keys (report order) and weights 0-100. */
interface Draft {
  products: string[];
  weights: Record<ScoreSignal, number>;
}

const MAX_WEIGHT = 100;

function clampWeight(n: number): number {
  return Math.min(MAX_WEIGHT, Math.max(0, Math.round(n)));
}

function draftOf(settings: ScoreSettings, productKeys: readonly string[]): Draft {
  const ticked =
    settings.products === "all" ? [...productKeys] : productKeys.filter((k) => settings.products.includes(k));
  const weights = Object.fromEntries(
    SCORE_SIGNALS.map((s) => [s, clampWeight(settings.weights[s] ?? DEFAULT_SCORE_SETTINGS.weights[s])]),
  ) as Record<ScoreSignal, number>;
  // A saved choice naming none of this report's products scores them all (as the action does).
  return { products: ticked.length ? ticked : [...productKeys], weights };
}

function settingsOf(draft: Draft, productKeys: readonly string[]): ScoreSettings {
  const all = productKeys.every((k) => draft.products.includes(k));
  return {
    products: all ? "all" : productKeys.filter((k) => draft.products.includes(k)),
    weights: { ...draft.weights },
  };
}

const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

function sentence(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function HelpersCard({ report, pane }: { report: SheetReport; pane: PaneApi }) {
  const styles = useStyles();
  const { state } = pane;
  const busy = isBusy(state);
  const origin = state.running?.origin;
  const helpers = state.helpers;
  const products = report.analysis.products;
  const productKeys = products.map((p) => p.key);

  // The draft starts from the workbook's saved choice, and starts again whenever that changes
  // (saved by Add helper columns, removed by Reset).
  const saved = draftOf(report.scoreSettings, productKeys);
  const savedKey = JSON.stringify(saved);
  const [basis, setBasis] = useState(savedKey);
  const [draft, setDraft] = useState<Draft>(saved);
  if (basis !== savedKey) {
    setBasis(savedKey);
    setDraft(saved);
  }
  const defaults = draftOf(DEFAULT_SCORE_SETTINGS, productKeys);
  const unsaved = !sameDraft(draft, saved);
  const isDefault = sameDraft(draft, defaults);
  const totalWeight = SCORE_SIGNALS.reduce((sum, s) => sum + draft.weights[s], 0);

  const addAvailability = pane.availability("addHelperColumns");
  const problem = !draft.products.length
    ? "Tick at least one product for the score."
    : totalWeight === 0
      ? "Give at least one signal a weight above 0."
      : null;
  const add: Availability =
    addAvailability.available && problem ? { available: false, reason: problem } : addAvailability;
  const hasHelpers = report.hasHelperColumns;

  const toggleProduct = (key: string, checked: boolean) =>
    setDraft((d) => ({
      ...d,
      products: productKeys.filter((k) => (k === key ? checked : d.products.includes(k))),
    }));
  const setWeight = (signal: ScoreSignal, value: number) =>
    setDraft((d) => ({ ...d, weights: { ...d.weights, [signal]: clampWeight(value) } }));

  const productSummary =
    draft.products.length === productKeys.length
      ? "All products"
      : `${draft.products.length} of ${productKeys.length} products`;

  return (
    <Card className={styles.card} data-testid="helpers" aria-label="Helper columns">
      <Subtitle2 as="h2">Helper columns</Subtitle2>
      <Caption1 className={styles.muted}>{actions.addHelperColumns.description}</Caption1>

      <Accordion collapsible data-testid="score-settings">
        <AccordionItem value="settings">
          <AccordionHeader size="small" data-testid="score-settings-header">
            <span className={styles.settingsHeader}>
              <span>Score settings</span>
              <Caption1 className={styles.muted}>
                {productSummary} · {isDefault ? "default weights" : "custom weights"}
              </Caption1>
              {unsaved && (
                <Badge appearance="tint" color="warning" size="small" data-testid="settings-unsaved">
                  not saved yet
                </Badge>
              )}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <div className={styles.settings}>
              <Caption1 className={styles.muted}>
                The Priority Score (0-100) mixes these signals by weight. The choice is saved in the workbook
                when you {hasHelpers ? "update" : "add"} the helper columns.
              </Caption1>
              {products.length > 1 && (
                <fieldset className={styles.group} data-testid="score-products">
                  <legend className={styles.legend}>Products that count</legend>
                  {products.map((p) => (
                    <Checkbox
                      key={p.key}
                      label={p.label}
                      data-testid="score-product"
                      data-key={p.key}
                      checked={draft.products.includes(p.key)}
                      onChange={(_, data) => toggleProduct(p.key, data.checked === true)}
                    />
                  ))}
                </fieldset>
              )}
              <fieldset className={styles.group} data-testid="score-weights">
                <legend className={styles.legend}>Weights (0-100)</legend>
                {SCORE_SIGNALS.map((signal) => (
                  <Field key={signal} label={sentence(SCORE_SIGNAL_LABELS[signal])} size="small">
                    <div className={styles.weight}>
                      <SpinButton
                        className={styles.spin}
                        size="small"
                        min={0}
                        max={MAX_WEIGHT}
                        step={5}
                        value={draft.weights[signal]}
                        data-testid={`weight-${signal}`}
                        onChange={(_, data) => {
                          const value = data.value ?? Number(data.displayValue);
                          if (typeof value === "number" && Number.isFinite(value)) setWeight(signal, value);
                        }}
                      />
                      <Caption1 className={styles.share} data-testid={`share-${signal}`}>
                        {totalWeight > 0
                          ? `${Math.round((draft.weights[signal] / totalWeight) * 100)}% of the score`
                          : ""}
                      </Caption1>
                    </div>
                  </Field>
                ))}
              </fieldset>
              <div className={styles.row}>
                <Link
                  as="button"
                  data-testid="restore-defaults"
                  disabled={isDefault}
                  onClick={() => setDraft(defaults)}
                >
                  Restore defaults
                </Link>
                {problem && (
                  <Text size={200} role="alert">
                    {problem}
                  </Text>
                )}
              </div>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <div className={styles.row}>
        <ActionButton
          appearance="primary"
          availability={add}
          busy={busy}
          spinning={origin === "helpers"}
          data-testid="add-helpers"
          hint={
            unsaved
              ? "Writes the columns with the score settings above and saves them in the workbook."
              : undefined
          }
          onClick={() => void pane.addHelperColumns({ settings: settingsOf(draft, productKeys) })}
        >
          {hasHelpers ? "Update helper columns" : "Add helper columns"}
        </ActionButton>
        <ActionButton
          availability={pane.availability("sortByPriority")}
          busy={busy}
          spinning={origin === "sort"}
          data-testid="sort-priority"
          hint={actions.sortByPriority.description}
          onClick={() => void pane.sortByPriority()}
        >
          Sort by priority
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
