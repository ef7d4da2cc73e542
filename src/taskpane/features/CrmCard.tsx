/**
 * Match to CRM (Enrich step): where the CRM accounts come from (a sheet of this workbook or a picked
 * file), which column is which, the match itself, counts per match kind and the two quick filters
 * "Not in CRM" and "Needs review".
 */
import {
  Button,
  Caption1,
  Card,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { MatchCrmInput, MatchCrmResult } from "../../actions";
import { CRM_ROLE_LABELS, CRM_ROLES, type CrmMappingByHeader, type CrmRole } from "../../domain/crmColumns";
import { CRM_MATCH_KINDS } from "../../domain/crmMatch";
import { ActionButton } from "../ActionButton";
import { isBusy } from "../state";
import type { FeatureCardProps } from "./types";

const useStyles = makeStyles({
  card: { rowGap: "12px" },
  group: { display: "flex", flexDirection: "column", rowGap: "8px" },
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "8px", alignItems: "center" },
  dropdown: { minWidth: "0", width: "100%" },
  counts: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: "12px", rowGap: "2px" },
  number: { fontVariantNumeric: "tabular-nums", textAlign: "right" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const NONE = "(none)";

/** Reads a picked file's bytes (FileReader works in every Office host). */
function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsArrayBuffer(file);
  });
}

export function CrmCard({ pane, report }: FeatureCardProps): JSX.Element | null {
  const styles = useStyles();
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [sheetName, setSheetName] = useState<string | undefined>(undefined);
  const [corrections, setCorrections] = useState<CrmMappingByHeader>({});
  const fileInput = useRef<HTMLInputElement>(null);
  if (!report) return null;

  const { state } = pane;
  const busy = isBusy(state);
  const availability = pane.availability("matchCrm");
  const outcome = state.results.matchCrm;
  const last = outcome?.status === "done" ? (outcome.data as MatchCrmResult) : null;
  const origin = state.running?.origin;

  const source = (): MatchCrmInput => (file ? { file } : sheetName ? { sheetName } : {});
  const look = (input: MatchCrmInput) =>
    pane.runAction("matchCrm", { ...input, preview: true }, { origin: "crmLook" });
  const match = () =>
    pane.runAction(
      "matchCrm",
      { ...source(), mapping: corrections },
      { origin: "crmMatch", refreshAfter: true },
    );

  const onFile = async (picked: File | undefined) => {
    if (!picked) return;
    const bytes = await readBytes(picked);
    const chosen = { name: picked.name, bytes };
    setFile(chosen);
    setCorrections({});
    await look({ file: chosen });
  };

  const mappingShown: CrmMappingByHeader = { ...(last?.mapping ?? {}), ...corrections };
  const filter = (values: string[], originName: string) => {
    if (last?.matchColumn === null || last?.matchColumn === undefined || values.length === 0) return;
    void pane.applyValueFilter({ column: last.matchColumn, values }, originName);
  };
  const filterAvailability = pane.availability("applyValueFilter");

  return (
    <Card className={styles.card} data-testid="crm" aria-label="Match to CRM">
      <Subtitle2 as="h2">Match to CRM</Subtitle2>
      <Caption1 className={styles.muted}>
        Finds each customer in your CRM accounts export (domain, then name, then Customer ID / TPID, then
        tenant ID) and adds CRM Account ID, CRM Account, CRM Owner and CRM Match.
      </Caption1>

      <div className={styles.group}>
        <Field
          label="CRM accounts file"
          hint={file ? `Using ${file.name}` : "CSV export from Dynamics 365, Salesforce or HubSpot"}
        >
          <input
            ref={fileInput}
            type="file"
            accept=".csv,.txt,.tsv,text/csv"
            aria-label="CRM accounts file"
            data-testid="crm-file"
            disabled={busy}
            onChange={(event) => void onFile(event.target.files?.[0])}
          />
        </Field>
        {file && (
          <Button
            appearance="subtle"
            onClick={() => {
              setFile(null);
              if (fileInput.current) fileInput.current.value = "";
            }}
          >
            Use a sheet instead
          </Button>
        )}
        {!file && (
          <div className={styles.row}>
            {last && last.sheets.length > 0 ? (
              <Field label="CRM sheet" className={styles.dropdown}>
                <Dropdown
                  className={styles.dropdown}
                  data-testid="crm-sheet"
                  value={sheetName ?? (last.source.kind === "sheet" ? last.source.name : "")}
                  selectedOptions={[sheetName ?? (last.source.kind === "sheet" ? last.source.name : "")]}
                  onOptionSelect={(_, data) => {
                    setSheetName(data.optionValue);
                    setCorrections({});
                    void look({ sheetName: data.optionValue });
                  }}
                >
                  {last.sheets.map((s) => (
                    <Option key={s.name} value={s.name}>
                      {`${s.name} (${s.accounts.toLocaleString("en-US")} accounts)`}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            ) : (
              <ActionButton
                availability={availability}
                busy={busy}
                spinning={origin === "crmLook"}
                data-testid="crm-look"
                onClick={() => void look(source())}
                hint="Looks for a sheet of CRM accounts in this workbook and detects its columns. Changes nothing."
              >
                Find CRM sheet
              </ActionButton>
            )}
          </div>
        )}
      </div>

      {last && (
        <div className={styles.group} data-testid="crm-mapping">
          <Text weight="semibold">
            {`Columns of ${last.source.name} (${last.source.accounts.toLocaleString("en-US")} accounts)`}
          </Text>
          {CRM_ROLES.map((role: CrmRole) => {
            const current = mappingShown[role] ?? "";
            return (
              <Field key={role} label={CRM_ROLE_LABELS[role]}>
                <Dropdown
                  className={styles.dropdown}
                  aria-label={CRM_ROLE_LABELS[role]}
                  value={current || NONE}
                  selectedOptions={[current || NONE]}
                  onOptionSelect={(_, data) =>
                    setCorrections((c) => ({
                      ...c,
                      [role]: data.optionValue === NONE ? "" : (data.optionValue ?? ""),
                    }))
                  }
                >
                  <Option value={NONE}>{NONE}</Option>
                  {last.headers
                    .filter((h) => h !== "")
                    .map((header) => (
                      <Option key={header} value={header}>
                        {header}
                      </Option>
                    ))}
                </Dropdown>
              </Field>
            );
          })}
        </div>
      )}

      <div className={styles.row}>
        <ActionButton
          appearance="primary"
          availability={availability}
          busy={busy}
          spinning={origin === "crmMatch"}
          data-testid="crm-match"
          onClick={() => void match()}
          hint="Adds or updates CRM Account ID, CRM Account, CRM Owner and CRM Match right of the report."
        >
          Match to CRM
        </ActionButton>
      </div>

      {last?.counts && (
        <div className={styles.group} data-testid="crm-counts">
          <div className={styles.counts}>
            {CRM_MATCH_KINDS.filter((kind) => last.counts![kind] > 0).map((kind) => (
              <div key={kind} style={{ display: "contents" }}>
                <Text>{kind}</Text>
                <Text className={styles.number}>{last.counts![kind].toLocaleString("en-US")}</Text>
              </div>
            ))}
          </div>
          <div className={styles.row}>
            <ActionButton
              availability={filterAvailability}
              busy={busy || last.notInCrmValues.length === 0}
              spinning={origin === "crmNotInCrm"}
              data-testid="crm-filter-not-in-crm"
              onClick={() => filter(last.notInCrmValues, "crmNotInCrm")}
              hint="Shows the customers to create in the CRM."
            >
              Not in CRM
            </ActionButton>
            <ActionButton
              availability={filterAvailability}
              busy={busy || last.needsReviewValues.length === 0}
              spinning={origin === "crmNeedsReview"}
              data-testid="crm-filter-review"
              onClick={() => filter(last.needsReviewValues, "crmNeedsReview")}
              hint="Shows Ambiguous and Conflict rows and similar names below 0.9."
            >
              Needs review
            </ActionButton>
          </div>
        </div>
      )}
    </Card>
  );
}
