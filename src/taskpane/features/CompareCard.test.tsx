/** @jest-environment jsdom */
/**
 * The Compare card against a hand-made session: the sheet picker, the file input, what Compare sends,
 * the match summary, the low-match confirmation and the quick filter.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { ActionOutcome, CompareResult, LastMonthSheets } from "../../actions";
import { fakeSession, sampleReport, type FakeSession, type Handler } from "../testSession";
import { usePane } from "../usePane";
import { CompareCard } from "./CompareCard";
import type { Session } from "../../actions";

function Harness({ session }: { session: Session }) {
  const pane = usePane(session);
  return <CompareCard pane={pane} report={sampleReport()} />;
}

function renderCard(session: FakeSession) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Harness session={session} />
    </FluentProvider>,
  );
}

const done =
  (data: unknown, message = "Done.", warnings: string[] = []): Handler =>
  () =>
    Promise.resolve<ActionOutcome<unknown>>({ status: "done", message, warnings, data });

const refused =
  (message: string): Handler =>
  () =>
    Promise.resolve<ActionOutcome<unknown>>({ status: "refused", message });

function sheets(...names: string[]): LastMonthSheets {
  return {
    sheets: names.map((sheetName) => ({
      sheetName,
      family: "AI Business",
      month: "October 2026",
      sameFamily: true,
    })),
    defaultSheet: names.length === 1 ? names[0] : null,
  };
}

const result: CompareResult = {
  key: "customerId",
  keyLabel: "Customer ID",
  summary: "Matched 11,870 of 12,345 by Customer ID",
  customers: 12_345,
  matched: 11_870,
  matchRate: 0.96,
  newCustomers: 475,
  goneCustomers: 310,
  changes: { Up: 1_234, Down: 987, Same: 9_649 },
  products: ["Microsoft 365"],
  columns: "AY:BA",
  updated: false,
  whatChangedSheet: "What Changed",
  lastMonth: { kind: "sheet", name: "October", month: "October 2026" },
};

function compareCalls(session: FakeSession) {
  return session.calls.filter((c) => c.id === "compareLastMonth").map((c) => c.input);
}

describe("Compare card", () => {
  test("lists the sheets, picks the only one, and shows the match summary after Compare", async () => {
    const session = fakeSession({
      listLastMonthSheets: done(sheets("October")),
      compareLastMonth: done(result, "Matched."),
      analyzeSheet: done(sampleReport()),
    });
    renderCard(session);
    const picker = (await screen.findByTestId("compare-sheet")) as HTMLSelectElement;
    expect(picker.value).toBe("October");
    fireEvent.click(screen.getByTestId("compare-run"));
    expect(await screen.findByTestId("compare-summary")).toHaveTextContent(
      "Matched 11,870 of 12,345 by Customer ID",
    );
    expect(screen.getByTestId("compare-result")).toHaveTextContent("475 new · 310 no longer in the report");
    expect(compareCalls(session)).toEqual([{ source: { sheetName: "October" } }]);
  });

  test("with several sheets the user picks one", async () => {
    const session = fakeSession({
      listLastMonthSheets: done(sheets("September", "October")),
      compareLastMonth: done(result),
      analyzeSheet: done(sampleReport()),
    });
    renderCard(session);
    const picker = (await screen.findByTestId("compare-sheet")) as HTMLSelectElement;
    fireEvent.change(picker, { target: { value: "October" } });
    fireEvent.click(screen.getByTestId("compare-run"));
    await waitFor(() => expect(compareCalls(session)).toEqual([{ source: { sheetName: "October" } }]));
  });

  test("a file picked through the labelled input is sent as its bytes", async () => {
    const session = fakeSession({
      listLastMonthSheets: done(sheets()),
      compareLastMonth: done(result),
      analyzeSheet: done(sampleReport()),
    });
    renderCard(session);
    await screen.findByTestId("compare-no-sheets");
    fireEvent.click(screen.getByLabelText("A file"));
    const input = screen.getByLabelText("Last month's report file");
    const file = new File(["CustomerID,AzureCluster\n1,Act Now\n"], "october.csv", { type: "text/csv" });
    fireEvent.change(input, { target: { files: [file] } });
    const run = screen.getByTestId("compare-run");
    await waitFor(() => expect(run).not.toHaveAttribute("aria-disabled", "true"));
    fireEvent.click(run);
    await waitFor(() => expect(compareCalls(session)).toHaveLength(1));
    const sent = compareCalls(session)[0] as { source: { file: { name: string; bytes: Uint8Array } } };
    expect(sent.source.file.name).toBe("october.csv");
    expect(String.fromCharCode(...sent.source.file.bytes)).toBe("CustomerID,AzureCluster\n1,Act Now\n");
  });

  test("a low match asks first; Compare anyway sends the confirmation with the same source", async () => {
    let call = 0;
    const session = fakeSession({
      listLastMonthSheets: done(sheets("October")),
      compareLastMonth: (input, options) =>
        call++ === 0
          ? refused(
              "Only Matched 120 of 500 by Customer ID (24%): ... Nothing was changed. Check the report you picked, " +
                'or choose "Compare anyway" to write the comparison.',
            )(input, options)
          : done(result)(input, options),
      analyzeSheet: done(sampleReport()),
    });
    renderCard(session);
    await screen.findByTestId("compare-sheet");
    fireEvent.click(screen.getByTestId("compare-run"));
    expect(await screen.findByTestId("compare-low-match")).toHaveTextContent("24%");
    fireEvent.click(screen.getByTestId("compare-anyway"));
    await screen.findByTestId("compare-summary");
    expect(compareCalls(session)).toEqual([
      { source: { sheetName: "October" } },
      { source: { sheetName: "October" }, confirmLowMatch: true },
    ]);
    expect(screen.queryByTestId("compare-low-match")).toBeNull();
  });

  test("the quick filter button runs New Act Now / Evaluate", async () => {
    const session = fakeSession({
      listLastMonthSheets: done(sheets("October")),
      showNewActNowEvaluate: done({ visible: 3, total: 10 }),
      analyzeSheet: done(sampleReport()),
    });
    renderCard(session);
    await screen.findByTestId("compare-sheet");
    fireEvent.click(screen.getByTestId("compare-filter"));
    await waitFor(() => expect(session.calls.map((c) => c.id)).toContain("showNewActNowEvaluate"));
  });
});
