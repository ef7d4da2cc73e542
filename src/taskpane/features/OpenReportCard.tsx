/**
 * Open report file…: the user picks the downloaded CSV here and the add-in writes it to a new sheet
 * with IDs, leading zeros and dates intact (double-clicking the CSV lets Excel damage them). The
 * file is read in the pane and never leaves the machine. Also offers Split into columns when the
 * sheet is a report that landed in one column.
 */
import {
  Caption1,
  Card,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { actions, type ActionOutcome } from "../../actions";
import {
  ACCEPTED_EXTENSIONS,
  fileTooLargeReason,
  type OpenReportFileResult,
  type PickedFile,
} from "../../actions/openReportFile";
import { isOneColumnRefusal, type SplitResult } from "../../actions/splitIntoColumns";
import { ActionButton } from "../ActionButton";
import { isBusy } from "../state";
import type { FeatureCardProps } from "./types";

const useStyles = makeStyles({
  card: { rowGap: "10px" },
  muted: { color: tokens.colorNeutralForeground3 },
  picker: { display: "flex", flexDirection: "column", rowGap: "4px" },
  input: { maxWidth: "100%", fontSize: tokens.fontSizeBase200 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: "8px", rowGap: "6px" },
  notes: { margin: "4px 0 0", paddingLeft: "18px" },
});

/** A picked file's bytes: FileReader where Blob.arrayBuffer is missing (older webviews). */
function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function")
    return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsArrayBuffer(file);
  });
}

function Outcome({ outcome, testId }: { outcome: ActionOutcome<unknown> | undefined; testId: string }) {
  const styles = useStyles();
  if (!outcome) return null;
  const intent = outcome.status === "done" ? "success" : outcome.status === "cancelled" ? "info" : "error";
  const warnings = outcome.status === "done" ? outcome.warnings : [];
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId} data-status={outcome.status}>
      <MessageBarBody>
        {outcome.message}
        {warnings.length > 0 && (
          <ul className={styles.notes}>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export function OpenReportCard({ pane }: FeatureCardProps): JSX.Element {
  const styles = useStyles();
  const inputId = useId("report-file");
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<File[]>([]);
  const [readError, setReadError] = useState<string | null>(null);
  const { state } = pane;
  const busy = isBusy(state);
  const opened = state.results.openReportFile as ActionOutcome<OpenReportFileResult> | undefined;
  const split = state.results.splitIntoColumns as ActionOutcome<SplitResult> | undefined;
  const offerSplit = isOneColumnRefusal(state.refusal);

  async function openPicked(): Promise<void> {
    if (picked.length === 0) {
      // Nothing picked yet: the button opens the file dialog.
      input.current?.click();
      return;
    }
    setReadError(null);
    const tooLarge = picked.map((f) => fileTooLargeReason(f.name, f.size)).find((reason) => reason !== null);
    // Checked before reading: a file the pane cannot hold is never loaded.
    if (tooLarge) {
      setReadError(tooLarge);
      return;
    }
    let files: PickedFile[];
    try {
      files = await Promise.all(picked.map(async (f) => ({ name: f.name, bytes: await readBytes(f) })));
    } catch (error) {
      setReadError(error instanceof Error ? error.message : String(error));
      return;
    }
    await pane.runAction("openReportFile", { files }, { origin: "openReportFile", refreshAfter: true });
  }

  return (
    <Card className={styles.card} data-testid="open-report" aria-label="Open a report file">
      <Subtitle2 as="h2">Open a report file</Subtitle2>
      <Caption1 className={styles.muted}>
        Double-clicking the CSV lets Excel drop leading zeros, round long IDs and misread dates. Open it here
        instead: each file becomes a new sheet in this workbook, exactly as in the file. The file stays on
        this computer.
      </Caption1>
      <div className={styles.picker}>
        <Label htmlFor={inputId} size="small">
          Report file
        </Label>
        <input
          ref={input}
          id={inputId}
          className={styles.input}
          type="file"
          accept={ACCEPTED_EXTENSIONS.join(",")}
          multiple
          data-testid="report-file"
          onChange={(event) => {
            setPicked(Array.from(event.currentTarget.files ?? []));
            setReadError(null);
          }}
        />
      </div>
      <div className={styles.row}>
        <ActionButton
          appearance={state.report ? "secondary" : "primary"}
          availability={pane.availability("openReportFile")}
          busy={busy}
          spinning={state.running?.origin === "openReportFile"}
          hint={actions.openReportFile.description}
          data-testid="open-report-file"
          onClick={() => void openPicked()}
        >
          Open report file…
        </ActionButton>
        {picked.length > 0 && (
          <Text size={200} className={styles.muted} data-testid="picked-files">
            {picked.length === 1 ? picked[0].name : `${picked.length} files`}
          </Text>
        )}
      </div>
      {readError && (
        <MessageBar intent="error" layout="multiline" data-testid="open-report-error">
          <MessageBarBody>{readError}</MessageBarBody>
        </MessageBar>
      )}
      <Outcome outcome={opened} testId="open-report-result" />
      {offerSplit && (
        <MessageBar intent="warning" layout="multiline" data-testid="split-offer">
          <MessageBarBody>
            <MessageBarTitle>This report landed in one column</MessageBarTitle>
            Split it into a new sheet (this sheet stays as it is), or open the downloaded file above for
            values exactly as in the file.
            <div>
              <ActionButton
                availability={pane.availability("splitIntoColumns")}
                busy={busy}
                spinning={state.running?.origin === "splitIntoColumns"}
                hint={actions.splitIntoColumns.description}
                data-testid="split-into-columns"
                onClick={() =>
                  void pane.runAction("splitIntoColumns", undefined, {
                    origin: "splitIntoColumns",
                    refreshAfter: true,
                  })
                }
              >
                Split into columns
              </ActionButton>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      <Outcome outcome={split} testId="split-result" />
    </Card>
  );
}
