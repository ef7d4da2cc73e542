/** @jest-environment jsdom */
/**
 * The Seller lists card against a hand-made session: what Make seller lists and Open as a new
 * workbook send, the confirmation for many sheets, and the reason shown where Excel lacks a feature.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { ActionOutcome, Availability, Session, SheetReport } from "../../actions";
import { MANY_SHEETS_REFUSAL } from "../../actions/buildSellerLists";
import { fakeSession, sampleReport, type FakeSession, type Handler } from "../testSession";
import { usePane } from "../usePane";
import { SellerListsCard } from "./SellerListsCard";

function Harness({ session, report }: { session: Session; report: SheetReport | null }) {
  const pane = usePane(session);
  return <SellerListsCard pane={pane} report={report} />;
}

function renderCard(session: FakeSession, report: SheetReport | null = sampleReport()) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <div style={{ width: 320 }}>
        <Harness session={session} report={report} />
      </div>
    </FluentProvider>,
  );
}

const answer =
  (outcome: ActionOutcome<unknown>): Handler =>
  () =>
    Promise.resolve(outcome);

const builtData = {
  splitBy: "CRM Owner",
  indexSheet: "Sellers",
  customers: 12,
  replaced: [],
  sellers: [
    { seller: "Alice", sheetName: "Alice", customers: 8, actNow: 3, evaluate: 5 },
    { seller: "Sales/EMEA", sheetName: "Sales-EMEA", customers: 4, actNow: 1, evaluate: 3 },
  ],
};

describe("Seller lists card", () => {
  test("makes the lists by the chosen column, then opens the picked seller as a new workbook", async () => {
    const session = fakeSession({
      buildSellerLists: answer({
        status: "done",
        message: "Seller lists: 12 visible customers split by CRM Owner into 2 sheets.",
        warnings: ["Left out Domain: hidden."],
        data: builtData,
      }),
      analyzeSheet: answer({ status: "done", message: "", warnings: [], data: sampleReport() }),
      openSellerWorkbook: answer({
        status: "done",
        message: 'Opened "Sales-EMEA" as a new workbook.',
        warnings: [],
        data: {},
      }),
    });
    renderCard(session);
    fireEvent.change(screen.getByLabelText("Split by"), { target: { value: "Country" } });
    fireEvent.click(screen.getByTestId("seller-build"));
    await screen.findByText(/split by CRM Owner into 2 sheets/);
    expect(session.calls[0]).toMatchObject({
      id: "buildSellerLists",
      input: { column: "Country", confirmManySheets: false },
    });
    expect(screen.getByText("Left out Domain: hidden.")).toBeTruthy();

    const pick = await screen.findByLabelText("Seller");
    expect([...(pick as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      "Alice (8)",
      "Sales/EMEA (4)",
    ]);
    fireEvent.change(pick, { target: { value: "Sales-EMEA" } });
    await waitFor(() =>
      expect(screen.getByTestId("seller-open")).not.toHaveAttribute("aria-disabled", "true"),
    );
    fireEvent.click(screen.getByTestId("seller-open"));
    await screen.findByTestId("seller-open-result");
    expect(session.calls.at(-1)).toMatchObject({
      id: "openSellerWorkbook",
      input: { sheetName: "Sales-EMEA" },
    });
  });

  test("another column is typed by header; more than 100 sheets asks to confirm, then sends the confirmation", async () => {
    let runs = 0;
    const session = fakeSession({
      buildSellerLists: () =>
        Promise.resolve(
          runs++ === 0
            ? {
                status: "refused",
                message: `${MANY_SHEETS_REFUSAL} 140 sheets? Splitting by State gives 140 values.`,
              }
            : { status: "done", message: "Seller lists made.", warnings: [], data: builtData },
        ),
      analyzeSheet: answer({ status: "done", message: "", warnings: [], data: sampleReport() }),
    });
    renderCard(session);
    fireEvent.change(screen.getByLabelText("Split by"), { target: { value: "__other__" } });
    fireEvent.change(screen.getByLabelText(/Column header/), { target: { value: " State " } });
    fireEvent.click(screen.getByTestId("seller-build"));
    const confirm = await screen.findByTestId("seller-confirm");
    expect(session.calls[0].input).toEqual({ column: "State", confirmManySheets: false });
    fireEvent.click(confirm);
    await screen.findByText("Seller lists made.");
    expect(session.calls.filter((c) => c.id === "buildSellerLists")[1].input).toEqual({
      column: "State",
      confirmManySheets: true,
    });
    expect(screen.queryByTestId("seller-confirm")).toBeNull();
  });

  test("Open as a new workbook is unavailable with the reason where Excel lacks it", () => {
    const reason = "Opening a new workbook needs ExcelApi 1.8, available in Office 2021 or newer.";
    const session = fakeSession({}, (id): Availability =>
      id === "openSellerWorkbook" ? { available: false, reason } : { available: true },
    );
    renderCard(session);
    const open = screen.getByTestId("seller-open");
    expect(open).toHaveAttribute("aria-disabled", "true");
    expect(open).toHaveAttribute("data-unavailable-reason", reason);
    expect(screen.getByText(/select the seller's row on the Sellers sheet/)).toBeTruthy();
  });

  test("shows nothing on a sheet that is not a report", () => {
    const { container } = renderCard(fakeSession({}), null);
    expect(container.querySelector("[data-testid=seller-lists]")).toBeNull();
  });
});
