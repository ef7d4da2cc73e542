/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ActionOutcome, FilterResult, SheetReport } from "../actions";
import { CSV_WARNING } from "../domain/analysis";
import { DEFAULT_SCORE_SETTINGS } from "../domain/score";
import { App } from "./App";
import { counts, deferred, fakeSession, sampleReport, type FakeSession } from "./testSession";

function renderPane(session: FakeSession, autoAnalyze = true) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App session={session} autoAnalyze={autoAnalyze} />
    </FluentProvider>,
  );
}

const analyzed =
  (report: SheetReport = sampleReport()) =>
  () =>
    Promise.resolve<ActionOutcome<unknown>>({
      status: "done",
      message: "AI Business Solutions (Microsoft 365): 500 customers, 2 products with clusters.",
      warnings: report.analysis.warnings,
      data: report,
    });

const filterResult: FilterResult = {
  visible: 148,
  total: 488,
  visibleByCluster: counts({ "Act Now": 51, Evaluate: 97 }),
  filteredColumns: ["M365Cluster"],
  uncountedColumns: [],
};

// Four steps of Fluent components render slowly in jsdom on a busy machine.
jest.setTimeout(30000);

describe("App", () => {
  test("renders the analysed report: type, rows, header row, product bars with their counts", async () => {
    const session = fakeSession({ analyzeSheet: analyzed() });
    renderPane(session);

    expect(await screen.findByTestId("report-type")).toHaveTextContent(
      "AI Business Solutions (Microsoft 365)",
    );
    expect(screen.getByTestId("report-header-row")).toHaveTextContent("Header found on row 3");
    expect(screen.getByTestId("report-rows")).toHaveTextContent("500 rows (12 blank), 488 customers");
    expect(session.calls.map((c) => c.id)).toEqual(["analyzeSheet"]);

    const m365 = screen.getByTestId("product-M365-bar");
    expect(m365).toHaveAttribute(
      "aria-label",
      "Microsoft 365: Act Now 51, Evaluate 97, Nurture 170, Educate 120, Blank 50",
    );
    const segments = [...m365.querySelectorAll("[data-segment]")].map((s) => [
      s.getAttribute("data-segment"),
      s.getAttribute("data-count"),
    ]);
    expect(segments).toEqual([
      ["Act Now", "51"],
      ["Evaluate", "97"],
      ["Nurture", "170"],
      ["Educate", "120"],
      ["Blank", "50"],
    ]);
    // Widths are proportional: Act Now is 51 of 488.
    expect((m365.querySelector('[data-segment="Act Now"]') as HTMLElement).style.width).toBe(
      `${(51 / 488) * 100}%`,
    );
    // Unknown values appear only where there are some.
    expect(screen.getByTestId("product-M365 Copilot-bar").getAttribute("aria-label")).toContain("Unknown 3");
    expect(screen.getByTestId("report-warnings")).toHaveTextContent('values that are not clusters: "Hot"');
  });

  test("a CSV file: Report says Save as .xlsx first on one line, and why on request", async () => {
    const csv = sampleReport();
    csv.analysis = { ...csv.analysis, warnings: [CSV_WARNING, ...csv.analysis.warnings] };
    renderPane(fakeSession({ analyzeSheet: analyzed(csv) }));
    const warning = await screen.findByTestId("csv-warning");
    fireEvent.click(screen.getByTestId("step-report"));
    expect(warning).toBeVisible();
    expect(warning).toHaveTextContent("Save as .xlsx first");
    expect(screen.getByTestId("csv-warning-text")).not.toBeVisible();
    fireEvent.click(screen.getByTestId("csv-warning-more"));
    expect(screen.getByTestId("csv-warning-text")).toBeVisible();
    expect(screen.getByTestId("csv-warning-text")).toHaveTextContent(CSV_WARNING);
    // The CSV warning is not counted among the notes.
    expect(screen.getByTestId("report-notes")).toHaveTextContent("1 note on this sheet");
  });

  test("the report's notes and its cohorts are folded under their count and open on request", async () => {
    renderPane(fakeSession({ analyzeSheet: analyzed() }));
    await screen.findByTestId("report-notes");
    fireEvent.click(screen.getByTestId("step-report"));
    const notes = screen.getByTestId("report-notes");
    expect(notes).toBeVisible();
    expect(notes).toHaveTextContent("1 note on this sheet");
    const list = screen.getByTestId("notes-list");
    expect(list).not.toBeVisible();
    const toggle = screen.getByTestId("more-notes");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveAttribute("aria-controls", list.id);
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(toggle).toHaveTextContent("Hide");
    expect(screen.getByTestId("notes-list")).toBeVisible();

    // One cohort column: its name and values show once the fold opens.
    const cohorts = screen.getByTestId("cohorts");
    const header = within(cohorts).getByTestId("fold-cohorts-header");
    expect(header.tagName).toBe("H3");
    expect(header).toHaveTextContent("Cohorts and sales plays1");
    expect(within(cohorts).queryByText("Cohort")).toBeNull();
    fireEvent.click(header.querySelector("button")!);
    fireEvent.click((await within(cohorts).findByText("Cohort")).closest("button")!);
    expect(await within(cohorts).findByText("Cohort 1 - Expand Copilot")).toBeVisible();
  });

  test("a refused analysis shows the plain explanation and nothing else", async () => {
    const session = fakeSession({
      analyzeSheet: () =>
        Promise.resolve({ status: "refused", message: "This sheet doesn't look like a CloudAscent report." }),
    });
    renderPane(session);
    expect(await screen.findByTestId("refusal")).toHaveTextContent(
      "This sheet doesn't look like a CloudAscent report.",
    );
    expect(screen.queryByTestId("report-summary")).toBeNull();
    expect(screen.queryByTestId("filters")).toBeNull();
    expect(screen.queryByTestId("helpers")).toBeNull();
    expect(screen.queryByTestId("outcome")).toBeNull();
  });

  test("filter buttons are disabled with the reason when the action is unavailable", async () => {
    const reason = "Filtering needs ExcelApi 1.9, available in Office 2021 or newer.";
    const session = fakeSession({ analyzeSheet: analyzed() }, (id) =>
      ["showActNowEvaluate", "applyValueFilter", "clearFilters"].includes(id)
        ? { available: false, reason }
        : { available: true },
    );
    renderPane(session);
    const button = await screen.findByTestId("act-now-evaluate");
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveAttribute("data-unavailable-reason", reason);
    expect(screen.getByTestId("clear-filters")).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByTestId("filters-unavailable")).toHaveTextContent(reason);
    // The helper columns don't need AutoFilter.
    expect(screen.getByTestId("add-helpers")).not.toHaveAttribute("aria-disabled", "true");
    fireEvent.click(button);
    expect(session.calls.map((c) => c.id)).toEqual(["analyzeSheet"]);
    // The tooltip carries the reason.
    fireEvent.pointerEnter(button);
    fireEvent.focus(button);
    // (Found by the button's aria-describedby: a role query over the whole pane is slow in jsdom.)
    await waitFor(() =>
      expect(document.getElementById(button.getAttribute("aria-describedby") ?? "")).toHaveTextContent(
        reason,
      ),
    );
  });

  test("shows progress and Cancel while an action runs; Cancel aborts its signal", async () => {
    const pending = deferred<ActionOutcome<unknown>>();
    let signal: AbortSignal | undefined;
    const session = fakeSession({
      analyzeSheet: analyzed(),
      showActNowEvaluate: (_input, options) => {
        signal = options.signal;
        options.onProgress?.({ message: "Reading rows 1-200 of 500", done: 200, total: 500 });
        options.signal?.addEventListener("abort", () =>
          pending.resolve({ status: "cancelled", message: "Cancelled: nothing was changed." }),
        );
        return pending.promise;
      },
    });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("act-now-evaluate"));

    const progress = await screen.findByTestId("progress");
    expect(progress).toHaveTextContent("Reading rows 1-200 of 500");
    expect(within(progress).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0.4");
    expect(screen.getByTestId("analyze")).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByTestId("add-helpers")).toHaveAttribute("aria-disabled", "true");
    expect(signal?.aborted).toBe(false);

    fireEvent.click(screen.getByTestId("cancel"));
    expect(signal?.aborted).toBe(true);
    const outcome = await screen.findByTestId("outcome");
    expect(outcome).toHaveAttribute("data-status", "cancelled");
    expect(outcome).toHaveTextContent("Cancelled: nothing was changed.");
    expect(screen.queryByTestId("progress")).toBeNull();
    expect(screen.getByTestId("analyze")).not.toHaveAttribute("aria-disabled", "true");
  });

  test("Show Act now + Evaluate sends the product and shows what is visible", async () => {
    const session = fakeSession({
      analyzeSheet: analyzed(),
      showActNowEvaluate: () =>
        Promise.resolve({
          status: "done",
          message: "Showing 148 of 488 customers: Act Now or Evaluate for any product.",
          warnings: [],
          data: filterResult,
        }),
    });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("act-now-evaluate"));
    expect(await screen.findByTestId("showing")).toHaveTextContent("Showing 148 of 488 customers");
    expect(session.calls[1]).toMatchObject({ id: "showActNowEvaluate", input: { product: "any" } });
    expect(screen.getByTestId("visible-clusters-bar")).toHaveAttribute(
      "aria-label",
      "Visible per cluster: Act Now 51, Evaluate 97, Nurture 0, Educate 0, Blank 0",
    );
    expect(screen.getByTestId("outcome")).toHaveAttribute("data-status", "done");
  });

  test("Transacted in the last 36 months filters on every Yes spelling of that column", async () => {
    const session = fakeSession({
      analyzeSheet: analyzed(),
      applyValueFilter: () =>
        Promise.resolve({ status: "done", message: "Showing 308 of 488", warnings: [], data: filterResult }),
    });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("quick-transacted36"));
    await screen.findByTestId("showing");
    expect(session.calls[1]).toMatchObject({
      id: "applyValueFilter",
      input: { column: 20, values: ["Yes", "y"] },
    });
  });

  test("cohort picker applies the ticked values of the chosen column", async () => {
    const session = fakeSession({
      analyzeSheet: analyzed(),
      applyValueFilter: () =>
        Promise.resolve({ status: "done", message: "Showing", warnings: [], data: filterResult }),
    });
    renderPane(session);
    const apply = await screen.findByTestId("apply-cohort");
    expect(apply).toHaveAttribute("aria-disabled", "true"); // nothing ticked yet
    fireEvent.click(screen.getByLabelText(/Cohort 2 - Secure/));
    expect(screen.getByTestId("apply-cohort")).not.toHaveAttribute("aria-disabled", "true");
    fireEvent.click(screen.getByTestId("apply-cohort"));
    await screen.findByTestId("showing");
    expect(session.calls[1]).toMatchObject({
      id: "applyValueFilter",
      input: { column: 15, values: ["Cohort 2 - Secure"] },
    });
  });

  test('offers "Clear all filters" when Clear filters left the user\'s own filter in place', async () => {
    const session = fakeSession({
      analyzeSheet: analyzed(),
      clearFilters: (input) =>
        Promise.resolve(
          (input as { all: boolean }).all
            ? {
                status: "done",
                message: "Cleared everything.",
                warnings: [],
                data: { cleared: ["Industry"], leftInPlace: [] },
              }
            : {
                status: "done",
                message: "No Propensity Pane filter to clear. Left your own filter on Industry in place.",
                warnings: [],
                data: { cleared: [], leftInPlace: ["Industry"] },
              },
        ),
    });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("clear-filters"));
    const offer = await screen.findByTestId("left-in-place");
    expect(offer).toHaveTextContent("Industry");
    fireEvent.click(within(offer).getByTestId("clear-all-filters"));
    await waitFor(() => expect(screen.queryByTestId("left-in-place")).toBeNull());
    expect(session.calls.slice(1).map((c) => c.input)).toEqual([{ all: false }, { all: true }]);
  });

  test("no offer to clear all when nothing was left in place", async () => {
    const session = fakeSession({
      analyzeSheet: analyzed(),
      clearFilters: () =>
        Promise.resolve({
          status: "done",
          message: "Cleared.",
          warnings: [],
          data: { cleared: ["M365Cluster"], leftInPlace: [] },
        }),
    });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("clear-filters"));
    await screen.findByTestId("outcome");
    expect(screen.queryByTestId("left-in-place")).toBeNull();
  });

  test("a failed action shows an error and the helper result shows its warnings", async () => {
    const session = fakeSession({
      analyzeSheet: analyzed(),
      addHelperColumns: () =>
        Promise.resolve({
          status: "done",
          message: "Added helper columns AZ:BD for 500 rows.",
          warnings: ["Not in this report, so left out of the score: recency."],
          data: {
            columns: "AZ:BD",
            updated: false,
            rows: 500,
            disagreements: 0,
            settings: DEFAULT_SCORE_SETTINGS,
            signalsMissing: [],
          },
        }),
      showActNowEvaluate: () => Promise.resolve({ status: "failed", message: "Excel is busy." }),
    });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("add-helpers"));
    expect(await screen.findByTestId("helpers-result")).toHaveTextContent("left out of the score: recency");
    await act(async () => {
      fireEvent.click(screen.getByTestId("act-now-evaluate"));
    });
    expect(await screen.findByTestId("outcome")).toHaveAttribute("data-status", "failed");
    expect(screen.getByTestId("outcome")).toHaveTextContent("Excel is busy.");
    // A short message shows whole, with nothing to unfold.
    expect(screen.queryByTestId("outcome-more")).toBeNull();
  });

  test("a long message shows its first lines with Show all, for this outcome only", async () => {
    // jsdom lays nothing out: the message reports five lines of text in a box that shows fewer.
    const lines = (n: number) =>
      function (this: HTMLElement) {
        return this.dataset.testid === "outcome-message" ? n * 16 : 0;
      };
    const scroll = jest.spyOn(HTMLElement.prototype, "scrollHeight", "get").mockImplementation(lines(5));
    const client = jest.spyOn(HTMLElement.prototype, "clientHeight", "get").mockImplementation(lines(3));
    try {
      const session = fakeSession({
        analyzeSheet: analyzed(),
        showActNowEvaluate: () =>
          Promise.resolve({ status: "failed", message: "Excel is busy. ".repeat(20) }),
      });
      renderPane(session);
      const show = await screen.findByTestId("act-now-evaluate");
      await act(async () => {
        fireEvent.click(show);
      });
      const more = await screen.findByTestId("outcome-more");
      expect(more).toHaveTextContent("Show all");
      expect(more).toHaveAttribute("aria-expanded", "false");
      expect(more).toHaveAttribute("aria-controls", screen.getByTestId("outcome-message").id);
      fireEvent.click(more);
      expect(screen.getByTestId("outcome-more")).toHaveTextContent("Show less");
      expect(screen.getByTestId("outcome-more")).toHaveAttribute("aria-expanded", "true");

      // The next outcome starts folded again.
      await act(async () => {
        fireEvent.click(screen.getByTestId("act-now-evaluate"));
      });
      await waitFor(() => expect(screen.getByTestId("outcome-more")).toHaveTextContent("Show all"));
    } finally {
      scroll.mockRestore();
      client.mockRestore();
    }
  });

  test("does not analyse on open when told not to", () => {
    const session = fakeSession({ analyzeSheet: analyzed() });
    renderPane(session, false);
    expect(session.calls).toEqual([]);
    expect(screen.getByTestId("analyze")).toHaveTextContent("Analyze sheet");
  });
});
