/** @jest-environment jsdom */
/**
 * The Match to CRM card against a hand-made session: finding the CRM sheet, correcting the mapping,
 * picking a file, the counts and the two quick filters.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ActionOutcome, MatchCrmInput, MatchCrmResult } from "../../actions";
import { CRM_MATCH_KINDS } from "../../domain/crmMatch";
import { fakeSession, sampleReport, type FakeSession, type Handler } from "../testSession";
import { usePane } from "../usePane";
import { CrmCard } from "./CrmCard";

const zero = Object.fromEntries(CRM_MATCH_KINDS.map((k) => [k, 0])) as MatchCrmResult["counts"] & object;

const preview: MatchCrmResult = {
  sheets: [{ kind: "sheet", name: "CRM", accounts: 120 }],
  source: { kind: "sheet", name: "CRM", accounts: 120 },
  headers: ["Account ID", "Account Name", "Website", "Account Owner", "Billing Country"],
  mapping: {
    accountId: "Account ID",
    accountName: "Account Name",
    website: "Website",
    owner: "Account Owner",
    country: "Billing Country",
  },
  counts: null,
  matchColumn: null,
  columns: null,
  updated: false,
  notInCrmValues: [],
  needsReviewValues: [],
  duplicateIds: [],
  duplicateMsIds: [],
  duplicateTenantIds: [],
};

const matched: MatchCrmResult = {
  ...preview,
  counts: { ...zero, Domain: 300, Name: 90, "Similar name": 12, "Not in CRM": 80, Ambiguous: 3, Conflict: 2 },
  matchColumn: 52,
  columns: "BA:BD",
  notInCrmValues: ["Not in CRM"],
  needsReviewValues: ["Ambiguous", "Conflict", "Similar name (0.87)"],
};

const answer =
  (data: unknown): Handler =>
  () =>
    Promise.resolve<ActionOutcome<unknown>>({ status: "done", message: "Done.", warnings: [], data });

function Harness({ session }: { session: FakeSession }) {
  const pane = usePane(session);
  return <CrmCard pane={pane} report={sampleReport()} />;
}

function renderCard(session: FakeSession) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Harness session={session} />
    </FluentProvider>,
  );
}

function crmCalls(session: FakeSession): MatchCrmInput[] {
  return session.calls.filter((c) => c.id === "matchCrm").map((c) => c.input as MatchCrmInput);
}

// The machine running the suite may be busy: give the pane time, not the test a race.
jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });

describe("Match to CRM card", () => {
  it("finds the CRM sheet, shows the mapping, sends a corrected mapping and shows counts and quick filters", async () => {
    const session = fakeSession({
      matchCrm: (input) => answer((input as MatchCrmInput).preview ? preview : matched)(input, {}),
      analyzeSheet: answer(sampleReport()),
      applyValueFilter: answer({ visible: 5, total: 500, uncountedColumns: [] }),
    });
    renderCard(session);
    fireEvent.click(screen.getByTestId("crm-look"));
    await waitFor(() => expect(screen.getByTestId("crm-mapping")).toBeTruthy());
    expect(crmCalls(session)[0]).toEqual({ preview: true });
    const mapping = within(screen.getByTestId("crm-mapping"));
    expect(mapping.getByRole("combobox", { name: "Owner" }).textContent).toContain("Account Owner");
    expect(mapping.getByRole("combobox", { name: "Tenant ID" }).textContent).toContain("(none)");

    // The user says the export has no owner column worth using.
    fireEvent.click(mapping.getByRole("combobox", { name: "Owner" }));
    fireEvent.click(await screen.findByRole("option", { name: "(none)" }));
    fireEvent.click(screen.getByTestId("crm-match"));
    await waitFor(() => expect(screen.getByTestId("crm-counts")).toBeTruthy());
    expect(crmCalls(session)[1]).toEqual({ mapping: { owner: "" } });

    const counts = screen.getByTestId("crm-counts");
    expect(counts.textContent).toContain("Domain300");
    expect(counts.textContent).toContain("Not in CRM80");
    expect(counts.textContent).not.toContain("Tenant ID");

    await waitFor(() => expect(screen.getByTestId("crm-filter-review").hasAttribute("disabled")).toBe(false));
    fireEvent.click(screen.getByTestId("crm-filter-review"));
    await waitFor(() => expect(session.calls.some((c) => c.id === "applyValueFilter")).toBe(true));
    expect(session.calls.find((c) => c.id === "applyValueFilter")!.input).toEqual({
      column: 52,
      values: ["Ambiguous", "Conflict", "Similar name (0.87)"],
    });
    fireEvent.click(screen.getByTestId("crm-filter-not-in-crm"));
    await waitFor(() => expect(session.calls.filter((c) => c.id === "applyValueFilter").length).toBe(2));
    expect(session.calls.filter((c) => c.id === "applyValueFilter")[1].input).toEqual({
      column: 52,
      values: ["Not in CRM"],
    });
  });

  it("reads a picked CRM accounts file and matches from it", async () => {
    const session = fakeSession({
      matchCrm: (input) =>
        answer({
          ...((input as MatchCrmInput).preview ? preview : matched),
          source: { kind: "file", name: "accounts.csv", accounts: 2 },
        })(input, {}),
      analyzeSheet: answer(sampleReport()),
    });
    renderCard(session);
    const csv = "Account Name,Website\nContoso Ltd,contoso.com\nFabrikam,fabrikam.com\n";
    const file = new File([csv], "accounts.csv", { type: "text/csv" });
    fireEvent.change(screen.getByLabelText("CRM accounts file"), { target: { files: [file] } });
    await waitFor(() => expect(crmCalls(session).length).toBe(1));
    const sent = crmCalls(session)[0];
    expect(sent.preview).toBe(true);
    expect(sent.file!.name).toBe("accounts.csv");
    expect(String.fromCharCode(...sent.file!.bytes)).toBe(csv);
    await waitFor(() => expect(screen.getByTestId("crm-mapping").textContent).toContain("accounts.csv"));
    fireEvent.click(screen.getByTestId("crm-match"));
    await waitFor(() => expect(crmCalls(session).length).toBe(2));
    expect(crmCalls(session)[1].file!.name).toBe("accounts.csv");
  });
});
