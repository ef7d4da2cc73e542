/**
 * Compare with last month (Enrich step): pick last month's report (another sheet of this workbook, or a
 * file read in the pane and kept in memory), compare, see the match summary, confirm a low match, and
 * the "New Act Now / Evaluate" quick filter (Focus step).
 */
import {
  Button,
  Caption1,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import {
  actions,
  type ActionOutcome,
  type CompareInput,
  type CompareResult,
  type LastMonthSheets,
  type LastMonthSource,
} from "../../actions";
import { isLowMatchRefusal } from "../../actions/compareLastMonth";
import { ActionButton } from "../ActionButton";
import { isBusy } from "../state";
import type { FeatureCardProps } from "./types";

const useStyles = makeStyles({
  card: { rowGap: "10px", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "8px", alignItems: "center" },
  fileRow: { display: "flex", flexDirection: "column", rowGap: "4px", minWidth: 0 },
  fileInput: { maxWidth: "100%", fontSize: tokens.fontSizeBase200 },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  result: {
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  strong: { fontWeight: tokens.fontWeightSemibold },
  warnings: {
    margin: 0,
    paddingLeft: "18px",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

type SourceKind = "sheet" | "file";

/** Reads a picked file into bytes (FileReader works in every Office host's browser). */
function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsArrayBuffer(file);
  });
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

export function CompareCard({ pane, report }: FeatureCardProps): JSX.Element | null {
  const styles = useStyles();
  const { state } = pane;
  const busy = isBusy(state);
  const fileInputId = useId();
  const listed = state.results.listLastMonthSheets as ActionOutcome<LastMonthSheets> | undefined;
  const compared = state.results.compareLastMonth as ActionOutcome<CompareResult> | undefined;
  const [kind, setKind] = useState<SourceKind>("sheet");
  const [sheet, setSheet] = useState("");
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const lastSource = useRef<LastMonthSource | undefined>(undefined);
  const askedForList = useRef(false);

  // Find the candidate sheets once, quietly, when the pane has nothing else to say.
  useEffect(() => {
    if (!report || listed || askedForList.current) return;
    askedForList.current = true;
    void pane.readQuietly("listLastMonthSheets", undefined);
  }, [report, listed]);

  const sheets = listed?.status === "done" ? listed.data.sheets : [];
  useEffect(() => {
    if (listed?.status !== "done") return;
    const { defaultSheet, sheets: found } = listed.data;
    setSheet((current) =>
      found.some((s) => s.sheetName === current)
        ? current
        : (defaultSheet ?? found.find((s) => s.sameFamily)?.sheetName ?? ""),
    );
  }, [listed]);

  if (!report) return null;

  const source: LastMonthSource | undefined =
    kind === "file" ? (file ? { file } : undefined) : sheet ? { sheetName: sheet } : undefined;
  const ready = kind === "file" ? file !== null : sheet !== "" || sheets.length === 0;

  const compare = (confirmLowMatch = false) => {
    lastSource.current = source;
    const input: CompareInput = { source, ...(confirmLowMatch ? { confirmLowMatch: true } : {}) };
    void pane.runAction("compareLastMonth", input, { origin: "compare", refreshAfter: true });
  };
  const compareAnyway = () => {
    void pane.runAction(
      "compareLastMonth",
      { source: lastSource.current, confirmLowMatch: true },
      { origin: "compare", refreshAfter: true },
    );
  };

  const onFile = async (picked: File | undefined) => {
    setFileError(null);
    if (!picked) return setFile(null);
    try {
      setFile({ name: picked.name, bytes: await readBytes(picked) });
    } catch (error) {
      setFile(null);
      setFileError(error instanceof Error ? error.message : String(error));
    }
  };

  const compareAvailability = pane.availability("compareLastMonth");
  const availability = ready
    ? compareAvailability
    : {
        available: false,
        reason: kind === "file" ? "Choose last month's report file first." : "Pick last month's sheet first.",
      };

  return (
    <Card className={styles.card} data-testid="compare" aria-label="Compare with last month">
      <Subtitle2 as="h2">Compare with last month</Subtitle2>
      <Caption1 className={styles.muted}>{actions.compareLastMonth.description}</Caption1>

      <Field label="Last month's report is">
        <RadioGroup
          value={kind}
          layout="horizontal"
          onChange={(_, data) => setKind(data.value as SourceKind)}
          data-testid="compare-source"
        >
          <Radio value="sheet" label="A sheet in this workbook" />
          <Radio value="file" label="A file" />
        </RadioGroup>
      </Field>

      {kind === "sheet" && (
        <div className={styles.row}>
          {sheets.length > 0 ? (
            <Field label="Last month's report sheet" style={{ minWidth: 0, flexGrow: 1 }}>
              <Select value={sheet} onChange={(_, data) => setSheet(data.value)} data-testid="compare-sheet">
                {sheets.map((s) => (
                  <option key={s.sheetName} value={s.sheetName}>
                    {`${s.sheetName}${s.month ? ` (${s.month})` : ""}${s.sameFamily ? "" : ", another kind of report"}`}
                  </option>
                ))}
              </Select>
            </Field>
          ) : (
            <Caption1 className={styles.muted} data-testid="compare-no-sheets">
              {listed?.status === "done"
                ? "No other report sheet in this workbook: copy last month's report in as a sheet, or choose a file."
                : "Looking for other report sheets…"}
            </Caption1>
          )}
          <Button
            size="small"
            appearance="subtle"
            disabled={busy}
            data-testid="compare-list"
            onClick={() => void pane.readQuietly("listLastMonthSheets", undefined)}
          >
            Look again
          </Button>
        </div>
      )}

      {kind === "file" && (
        <div className={styles.fileRow}>
          <label htmlFor={fileInputId} className={styles.label}>
            Last month&apos;s report file
          </label>
          <input
            id={fileInputId}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className={styles.fileInput}
            data-testid="compare-file"
            onChange={(event) => void onFile(event.target.files?.[0])}
          />
          <Caption1 className={styles.muted}>
            Read here and kept in memory: the file is not added to the workbook and never leaves this
            computer.
          </Caption1>
          {fileError && <Text role="alert">{fileError}</Text>}
        </div>
      )}

      <div className={styles.row}>
        <ActionButton
          appearance="primary"
          availability={availability}
          busy={busy}
          spinning={state.running?.origin === "compare"}
          data-testid="compare-run"
          hint="Running it again updates the same columns and sheet."
          onClick={() => compare()}
        >
          {compared?.status === "done" ? "Compare again" : "Compare with last month"}
        </ActionButton>
      </div>

      {isLowMatchRefusal(compared) && (
        <MessageBar intent="warning" layout="multiline" data-testid="compare-low-match">
          <MessageBarBody>{compared!.message}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy} data-testid="compare-anyway" onClick={compareAnyway}>
              Compare anyway
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {compared?.status === "done" && (
        <div className={styles.result} data-testid="compare-result">
          <Text className={styles.strong} data-testid="compare-summary">
            {compared.data.summary}
          </Text>
          <Text size={200}>
            {`${count(compared.data.newCustomers)} new · ${count(compared.data.goneCustomers)} no longer in the report · ` +
              `${count(compared.data.changes.Up)} up · ${count(compared.data.changes.Down)} down · ` +
              `${count(compared.data.changes.Same)} same`}
          </Text>
          <Text size={200}>
            {`Columns ${compared.data.columns}; sheet "${compared.data.whatChangedSheet}".`}
          </Text>
          {compared.warnings.length > 0 && (
            <ul className={styles.warnings}>
              {compared.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div className={styles.row}>
        <ActionButton
          availability={pane.availability("showNewActNowEvaluate")}
          busy={busy}
          spinning={state.running?.origin === "compare-filter"}
          data-testid="compare-filter"
          hint={actions.showNewActNowEvaluate.description}
          onClick={() =>
            void pane.runAction("showNewActNowEvaluate", undefined, {
              origin: "compare-filter",
              refreshAfter: true,
            })
          }
        >
          New Act Now / Evaluate
        </ActionButton>
      </div>
    </Card>
  );
}
