/**
 * Share > Seller lists: split the visible customers into one call list per seller (CRM Owner by
 * default), then open one seller's list as a new workbook to email.
 */
import {
  Button,
  Caption1,
  Card,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { actions, type ActionOutcome, type SellerListsResult } from "../../actions";
import { MANY_SHEETS_REFUSAL } from "../../actions/buildSellerLists";
import { ActionButton } from "../ActionButton";
import { isBusy } from "../state";
import type { FeatureCardProps } from "./types";

const useStyles = makeStyles({
  card: { rowGap: "10px" },
  muted: { color: tokens.colorNeutralForeground3 },
  group: { display: "flex", flexDirection: "column", rowGap: "8px", minWidth: 0 },
  result: { overflowWrap: "anywhere" },
});

const DEFAULT = "";
const OTHER = "__other__";

export function SellerListsCard({ pane, report }: FeatureCardProps): JSX.Element | null {
  const styles = useStyles();
  const [choice, setChoice] = useState(DEFAULT);
  const [otherHeader, setOtherHeader] = useState("");
  const [seller, setSeller] = useState("");
  if (!report) return null;
  const { state } = pane;
  const busy = isBusy(state);
  const origin = state.running?.origin;
  const built = state.results.buildSellerLists as ActionOutcome<SellerListsResult> | undefined;
  const opened = state.results.openSellerWorkbook;
  const sellers = built?.status === "done" ? built.data.sellers : [];
  const chosenSheet = sellers.some((s) => s.sheetName === seller) ? seller : (sellers[0]?.sheetName ?? "");
  const column = choice === OTHER ? otherHeader.trim() : choice;
  const askToConfirm = built?.status === "refused" && built.message.startsWith(MANY_SHEETS_REFUSAL);

  const build = (confirmManySheets = false) =>
    void pane.runAction(
      "buildSellerLists",
      { column: column || undefined, confirmManySheets },
      { origin: "sellerLists", refreshAfter: true },
    );

  return (
    <Card className={styles.card} data-testid="seller-lists" aria-label="Seller lists">
      <Subtitle2 as="h2">Seller lists</Subtitle2>
      <Caption1 className={styles.muted}>{actions.buildSellerLists.description}</Caption1>
      <div className={styles.group}>
        <Field label="Split by">
          <Select data-testid="seller-split" value={choice} onChange={(_, data) => setChoice(data.value)}>
            <option value={DEFAULT}>CRM Owner (else Sales Territory)</option>
            {report.quickFilters
              .filter((q) => q.role !== "transacted36")
              .map((q) => (
                <option key={q.column} value={q.header}>
                  {q.header}
                </option>
              ))}
            <option value={OTHER}>Another column…</option>
          </Select>
        </Field>
        {choice === OTHER && (
          <Field label="Column header" hint="As it reads on the header row, e.g. State or Account Manager.">
            <Input
              data-testid="seller-other"
              value={otherHeader}
              onChange={(_, data) => setOtherHeader(data.value)}
            />
          </Field>
        )}
        <div>
          <ActionButton
            appearance="primary"
            availability={pane.availability("buildSellerLists")}
            busy={busy || (choice === OTHER && !column)}
            spinning={origin === "sellerLists"}
            data-testid="seller-build"
            hint="Only the customers your filter shows. A rerun replaces the lists it made before; your own sheets stay."
            onClick={() => build()}
          >
            Make seller lists
          </ActionButton>
        </div>
        {built && (
          <MessageBar
            intent={built.status === "done" ? "success" : askToConfirm ? "warning" : "error"}
            layout="multiline"
            data-testid="seller-result"
          >
            <MessageBarBody className={styles.result}>
              {built.message}
              {built.status === "done" &&
                built.warnings.map((warning) => (
                  <Text as="p" block size={200} key={warning}>
                    {warning}
                  </Text>
                ))}
            </MessageBarBody>
          </MessageBar>
        )}
        {askToConfirm && (
          <div>
            <Button data-testid="seller-confirm" disabled={busy} onClick={() => build(true)}>
              Create them anyway
            </Button>
          </div>
        )}
      </div>
      <div className={styles.group}>
        {sellers.length > 0 ? (
          <Field label="Seller">
            <Select
              data-testid="seller-pick"
              value={chosenSheet}
              onChange={(_, data) => setSeller(data.value)}
            >
              {sellers.map((s) => (
                <option key={s.sheetName} value={s.sheetName}>
                  {`${s.seller} (${s.customers.toLocaleString("en-US")})`}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Caption1 className={styles.muted}>
            To open a list made earlier, select the seller&apos;s row on the Sellers sheet (or open their
            sheet).
          </Caption1>
        )}
        <div>
          <ActionButton
            availability={pane.availability("openSellerWorkbook")}
            busy={busy}
            spinning={origin === "sellerWorkbook"}
            data-testid="seller-open"
            hint="A new workbook with only this seller's sheet and an About sheet, ready to email."
            onClick={() =>
              void pane.runAction(
                "openSellerWorkbook",
                { sheetName: chosenSheet || undefined },
                { origin: "sellerWorkbook" },
              )
            }
          >
            Open as a new workbook
          </ActionButton>
        </div>
        {opened && (
          <Text size={200} className={styles.result} data-testid="seller-open-result">
            {opened.message}
          </Text>
        )}
      </div>
    </Card>
  );
}
