/** @jest-environment jsdom */
/**
 * CRM Owner in the pane after Match to CRM: a quick filter (customers per owner) and a Build
 * summaries option, both shown only when the report sheet has the CRM columns.
 */
import { useEffect } from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { ActionOutcome, SheetReport } from "../actions";
import { FiltersCard } from "./FiltersCard";
import { SummariesCard } from "./SummariesCard";
import { fakeSession, sampleReport, type FakeSession, type Handler } from "./testSession";
import { usePane } from "./usePane";

const answer =
  (data: unknown): Handler =>
  () =>
    Promise.resolve<ActionOutcome<unknown>>({ status: "done", message: "Done.", warnings: [], data });

function withOwners(): SheetReport {
  const report = sampleReport();
  return {
    ...report,
    quickFilters: [
      ...report.quickFilters,
      {
        role: "crmOwner",
        column: 54,
        header: "CRM Owner",
        values: [
          { value: "Dana Lee", count: 120 },
          { value: "Sam Ortiz", count: 95 },
          { value: "", count: 40 },
        ],
      },
    ],
  };
}

function Harness({ session }: { session: FakeSession }) {
  const pane = usePane(session);
  useEffect(() => {
    void pane.analyze();
  }, []);
  const report = pane.state.report;
  return report ? (
    <>
      <FiltersCard pane={pane} report={report} />
      <SummariesCard pane={pane} />
    </>
  ) : null;
}

function renderPane(report: SheetReport) {
  const session = fakeSession({
    analyzeSheet: answer(report),
    buildSummaries: answer({
      sheetName: "Propensity Summary",
      mode: "pivot",
      industries: 4,
      subSegments: 3,
      crmOwners: 3,
    }),
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <Harness session={session} />
    </FluentProvider>,
  );
  return session;
}

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });

describe("CRM Owner options", () => {
  it("are absent before Match to CRM", async () => {
    const session = renderPane(sampleReport());
    await waitFor(() => expect(screen.getByTestId("build-summaries")).toBeTruthy());
    expect(screen.queryByTestId("summaries-crm-owner")).toBeNull();
    expect(screen.queryByTestId("quick-crmOwner")).toBeNull();
    fireEvent.click(screen.getByTestId("build-summaries"));
    await waitFor(() => expect(session.calls.some((c) => c.id === "buildSummaries")).toBe(true));
    expect(session.calls.find((c) => c.id === "buildSummaries")!.input).toBeUndefined();
  });

  it("offer an owner quick filter and summaries by owner once the CRM columns are there", async () => {
    const session = renderPane(withOwners());
    await waitFor(() => expect(screen.getByTestId("quick-crmOwner")).toBeTruthy());
    expect(screen.getByText("Filter CRM owner")).toBeTruthy();
    // The pane settles (the analysis, then its background read) before the user picks.
    await waitFor(() => expect(screen.getByTestId("build-summaries").hasAttribute("disabled")).toBe(false));
    await new Promise((resolve) => setTimeout(resolve, 200));

    const owners = screen.getByRole("combobox", { name: "CRM Owner" });
    expect(owners.textContent).toContain("Any CRM owner");
    // Picking owners runs the same value filter as the other quick filters (see crmOwner.test.ts).
    expect(screen.getByTestId("apply-crmOwner").textContent).toBe("Filter CRM owner");

    fireEvent.click(screen.getByRole("checkbox", { name: /Also by CRM Owner/ }));
    await waitFor(() => expect(screen.getByTestId("build-summaries").hasAttribute("disabled")).toBe(false));
    fireEvent.click(screen.getByTestId("build-summaries"));
    await waitFor(() => expect(session.calls.some((c) => c.id === "buildSummaries")).toBe(true));
    expect(session.calls.find((c) => c.id === "buildSummaries")!.input).toEqual({ crmOwner: true });
    await waitFor(() => expect(screen.getByTestId("summaries-sheet").textContent).toBe("Propensity Summary"));
    expect(screen.getByTestId("summaries-mode").textContent).toBe("PivotTables");
  });
});
