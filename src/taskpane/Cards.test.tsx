/** @jest-environment jsdom */
/**
 * The helper, summaries and share cards against a hand-made session: what each button sends, the
 * score settings, the Reset confirmation, and the quiet re-analysis after an action.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ActionOutcome, SheetReport } from "../actions";
import { CSV_WARNING } from "../domain/analysis";
import { DEFAULT_SCORE_SETTINGS } from "../domain/score";
import { App } from "./App";
import { fakeSession, sampleReport, type FakeSession, type Handler } from "./testSession";

// Four steps of Fluent components render slowly in jsdom on a busy machine.
jest.setTimeout(30000);

function renderPane(session: FakeSession) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App session={session} />
    </FluentProvider>,
  );
}

const done =
  (data: unknown, message = "Done.", warnings: string[] = []): Handler =>
  () =>
    Promise.resolve<ActionOutcome<unknown>>({ status: "done", message, warnings, data });

/** Answers each analysis with the next report of the list (the last one again when they run out). */
function analyses(...reports: SheetReport[]): Handler {
  let i = 0;
  return () => done(reports[Math.min(i++, reports.length - 1)], "Analysed.", [])(undefined, {});
}

const helpersData = {
  columns: "AZ:BD",
  updated: false,
  rows: 500,
  disagreements: 0,
  settings: DEFAULT_SCORE_SETTINGS,
  signalsMissing: [],
};

function ids(session: FakeSession): string[] {
  return session.calls.map((c) => c.id);
}

async function openSettings() {
  const header = await screen.findByTestId("score-settings-header");
  fireEvent.click(header.querySelector("button") as HTMLButtonElement);
  return screen.findByTestId("score-weights");
}

/** Types a number into a SpinButton and leaves the field (the SpinButton commits on blur). */
function typeWeight(signal: string, value: string) {
  const input = screen.getByTestId(`weight-${signal}`);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
}

describe("score settings", () => {
  test("collapsed by default; the chosen products and weights are sent with Add helper columns", async () => {
    const session = fakeSession({
      analyzeSheet: analyses(sampleReport()),
      addHelperColumns: done(helpersData),
    });
    renderPane(session);
    const add = await screen.findByTestId("add-helpers");
    expect(add).toHaveTextContent("Add helper columns");
    expect(screen.queryByTestId("score-weights")).toBeNull();

    await openSettings();
    // Every product is ticked and the default weights are shown.
    const copilot = screen.getByLabelText("Microsoft 365 Copilot");
    expect(copilot).toBeChecked();
    expect(screen.getByTestId("weight-band")).toHaveValue("60");
    // 60 of the 105 default weight points (trend, 5, counts when last month's columns are there).
    expect(screen.getByTestId("share-band")).toHaveTextContent("57% of the score");
    expect(screen.getByLabelText("Company size")).toHaveValue("10");

    fireEvent.click(copilot);
    typeWeight("band", "40");
    typeWeight("recency", "30");
    expect(screen.getByTestId("settings-unsaved")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("add-helpers"));

    await screen.findByTestId("helpers-result");
    expect(session.calls[1]).toMatchObject({
      id: "addHelperColumns",
      input: {
        settings: {
          products: ["M365"],
          weights: { band: 40, breadth: 10, size: 10, value: 10, recency: 30 },
        },
      },
    });
  });

  test('all products ticked are sent as "all"; weights are kept within 0-100', async () => {
    const session = fakeSession({
      analyzeSheet: analyses(sampleReport()),
      addHelperColumns: done(helpersData),
    });
    renderPane(session);
    await openSettings();
    typeWeight("value", "250");
    typeWeight("size", "-5");
    fireEvent.click(screen.getByTestId("add-helpers"));
    await screen.findByTestId("helpers-result");
    expect(session.calls[1].input).toEqual({
      settings: {
        products: "all",
        weights: { band: 60, breadth: 10, size: 0, value: 100, recency: 10, trend: 5 },
      },
    });
  });

  test("starts from the workbook's saved settings; Update sends them; Restore defaults sends the defaults", async () => {
    const saved: SheetReport = {
      ...sampleReport(),
      hasHelperColumns: true,
      scoreSettings: {
        products: ["M365 Copilot"],
        weights: { band: 50, breadth: 0, size: 20, value: 20, recency: 10, trend: 5 },
      },
    };
    const session = fakeSession({ analyzeSheet: analyses(saved), addHelperColumns: done(helpersData) });
    renderPane(session);
    const update = await screen.findByTestId("add-helpers");
    expect(update).toHaveTextContent("Update helper columns");
    expect(screen.getByTestId("score-settings-header")).toHaveTextContent("1 of 2 products · custom weights");
    await openSettings();
    expect(screen.getByLabelText("Microsoft 365")).not.toBeChecked();
    expect(screen.getByLabelText("Microsoft 365 Copilot")).toBeChecked();
    expect(screen.getByTestId("weight-breadth")).toHaveValue("0");
    expect(screen.queryByTestId("settings-unsaved")).toBeNull();

    fireEvent.click(update);
    await screen.findByTestId("helpers-result");
    expect(session.calls[1].input).toEqual({ settings: saved.scoreSettings });

    fireEvent.click(screen.getByTestId("restore-defaults"));
    expect(screen.getByTestId("weight-band")).toHaveValue("60");
    expect(screen.getByLabelText("Microsoft 365")).toBeChecked();
    await waitFor(() =>
      expect(screen.getByTestId("add-helpers")).not.toHaveAttribute("aria-disabled", "true"),
    );
    fireEvent.click(screen.getByTestId("add-helpers"));
    await waitFor(() => expect(ids(session).filter((id) => id === "addHelperColumns")).toHaveLength(2));
    expect(session.calls.filter((c) => c.id === "addHelperColumns")[1].input).toEqual({
      settings: DEFAULT_SCORE_SETTINGS,
    });
  });

  test("no product ticked, or every weight 0: the button says why and sends nothing", async () => {
    const session = fakeSession({
      analyzeSheet: analyses(sampleReport()),
      addHelperColumns: done(helpersData),
    });
    renderPane(session);
    await openSettings();
    fireEvent.click(screen.getByLabelText("Microsoft 365"));
    fireEvent.click(screen.getByLabelText("Microsoft 365 Copilot"));
    const add = screen.getByTestId("add-helpers");
    expect(add).toHaveAttribute("aria-disabled", "true");
    expect(add).toHaveAttribute("data-unavailable-reason", "Tick at least one product for the score.");
    fireEvent.click(add);

    fireEvent.click(screen.getByLabelText("Microsoft 365"));
    for (const signal of ["band", "breadth", "size", "value", "recency", "trend"]) typeWeight(signal, "0");
    expect(screen.getByTestId("add-helpers")).toHaveAttribute(
      "data-unavailable-reason",
      "Give at least one signal a weight above 0.",
    );
    fireEvent.click(screen.getByTestId("add-helpers"));
    expect(ids(session)).toEqual(["analyzeSheet"]);
  });
});

describe("actions that change the sheet", () => {
  test("after Add helper columns the pane updates from the action's result, keeps the outcome and offers Update", async () => {
    const session = fakeSession({
      analyzeSheet: analyses(sampleReport()),
      addHelperColumns: done(helpersData, "Added helper columns AZ:BD for 500 rows."),
    });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("add-helpers"));
    await waitFor(() => expect(screen.getByTestId("add-helpers")).toHaveTextContent("Update helper columns"));
    // Issue 16: the action says what changed, so the sheet is not analysed again (no round trips).
    expect(ids(session)).toEqual(["analyzeSheet", "addHelperColumns"]);
    // The action's outcome stays, and no progress is shown for the update.
    expect(screen.getByTestId("outcome")).toHaveTextContent("Added helper columns AZ:BD for 500 rows.");
    expect(screen.queryByTestId("progress")).toBeNull();
  });

  test("a refused action is not followed by a re-analysis", async () => {
    const session = fakeSession({
      analyzeSheet: analyses(sampleReport()),
      sortByPriority: () => Promise.resolve({ status: "refused", message: "Column BE holds data." }),
    });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("sort-priority"));
    expect(await screen.findByTestId("outcome")).toHaveAttribute("data-status", "refused");
    expect(ids(session)).toEqual(["analyzeSheet", "sortByPriority"]);
  });

  test.each([
    ["sort-priority", "sortByPriority", { rows: 500 }],
    [
      "build-summaries",
      "buildSummaries",
      { sheetName: "Propensity Summary", mode: "pivot", industries: 4, subSegments: 3 },
    ],
    ["prepare-sellers", "prepareForSellers", { aboutSheet: "About this report" }],
  ])("%s runs %s with no input, and the pane updates without analysing again", async (button, id, data) => {
    const session = fakeSession({
      analyzeSheet: analyses(sampleReport()),
      [id]: done(data, `${id} finished.`),
    });
    renderPane(session);
    fireEvent.click(await screen.findByTestId(button));
    expect(await screen.findByTestId("outcome")).toHaveTextContent(`${id} finished.`);
    await waitFor(() => expect(screen.getByTestId("add-helpers")).toHaveTextContent("Update helper columns"));
    expect(ids(session)).toEqual(["analyzeSheet", id]);
    expect(session.calls[1].input).toBeUndefined();
  });

  test("Build summaries shows the sheet and whether it holds PivotTables or static tables", async () => {
    const session = fakeSession({
      analyzeSheet: analyses(sampleReport()),
      buildSummaries: done({
        sheetName: "Propensity Summary (2)",
        mode: "static",
        industries: 4,
        subSegments: 3,
      }),
    });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("build-summaries"));
    const result = await screen.findByTestId("summaries-result");
    expect(within(result).getByTestId("summaries-sheet")).toHaveTextContent("Propensity Summary (2)");
    expect(within(result).getByTestId("summaries-mode")).toHaveTextContent("Static tables");
    expect(result).toHaveTextContent("don't refresh");
  });

  test("new buttons are disabled with the action's reason when unavailable", async () => {
    const reason = "Sorting needs ExcelApi 1.2.";
    const session = fakeSession({ analyzeSheet: analyses(sampleReport()) }, (id) =>
      ["sortByPriority", "buildSummaries", "prepareForSellers", "resetSheet"].includes(id)
        ? { available: false, reason: `${id}: ${reason}` }
        : { available: true },
    );
    renderPane(session);
    await screen.findByTestId("sort-priority");
    for (const [button, id] of [
      ["sort-priority", "sortByPriority"],
      ["build-summaries", "buildSummaries"],
      ["prepare-sellers", "prepareForSellers"],
      ["reset-sheet", "resetSheet"],
    ]) {
      const element = screen.getByTestId(button);
      expect(element).toHaveAttribute("aria-disabled", "true");
      expect(element).toHaveAttribute("data-unavailable-reason", `${id}: ${reason}`);
      fireEvent.click(element);
    }
    expect(screen.queryByTestId("reset-dialog")).toBeNull();
    expect(ids(session)).toEqual(["analyzeSheet"]);
  });
});

describe("Reset sheet", () => {
  const resetDone = done(
    {
      removed: ["the helper columns"],
      leftInPlace: [],
      sheetName: "AI Business",
      stillFiltered: false,
      rowOrderRestored: false,
    },
    "Reset: removed the helper columns.",
  );

  test("asks first; Cancel sends nothing", async () => {
    const session = fakeSession({ analyzeSheet: analyses(sampleReport()), resetSheet: resetDone });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("reset-sheet"));
    const dialog = await screen.findByTestId("reset-dialog");
    expect(dialog).toHaveTextContent("Remove everything Propensity Pane added? Your own filters stay.");
    fireEvent.click(within(dialog).getByTestId("reset-cancel"));
    await waitFor(() => expect(screen.queryByTestId("reset-dialog")).toBeNull());
    expect(ids(session)).toEqual(["analyzeSheet"]);
  });

  test("confirming keeps the user's filters unless the box is ticked", async () => {
    const session = fakeSession({ analyzeSheet: analyses(sampleReport()), resetSheet: resetDone });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("reset-sheet"));
    fireEvent.click(within(await screen.findByTestId("reset-dialog")).getByTestId("reset-confirm"));
    expect(await screen.findByTestId("outcome")).toHaveTextContent("Reset: removed the helper columns.");
    // Issue 16: the pane updates its report from Reset's result (reportAfterReset), no second analysis.
    await waitFor(() => expect(ids(session)).toEqual(["analyzeSheet", "resetSheet"]));
    expect(session.calls[1].input).toEqual({ keepUserFilters: true });

    // Again, ticking "Also clear my own filters".
    await waitFor(() => expect(screen.queryByTestId("reset-dialog")).toBeNull());
    await waitFor(() =>
      expect(screen.getByTestId("reset-sheet")).not.toHaveAttribute("aria-disabled", "true"),
    );
    fireEvent.click(screen.getByTestId("reset-sheet"));
    const dialog = await screen.findByTestId("reset-dialog");
    const box = within(dialog).getByLabelText("Also clear my own filters");
    expect(box).not.toBeChecked();
    fireEvent.click(box);
    fireEvent.click(within(dialog).getByTestId("reset-confirm"));
    await waitFor(() => expect(session.calls.filter((c) => c.id === "resetSheet")).toHaveLength(2));
    expect(session.calls.filter((c) => c.id === "resetSheet")[1].input).toEqual({ keepUserFilters: false });
  });

  test("after a reset the pane forgets the summaries and the filter it showed", async () => {
    const session = fakeSession({
      analyzeSheet: analyses(sampleReport()),
      buildSummaries: done({ sheetName: "Propensity Summary", mode: "pivot", industries: 1, subSegments: 1 }),
      resetSheet: resetDone,
    });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("build-summaries"));
    // A busy machine (the full suite, in parallel) takes longer than the default second to render Share.
    await screen.findByTestId("summaries-result", {}, { timeout: 10000 });
    await waitFor(() =>
      expect(screen.getByTestId("reset-sheet")).not.toHaveAttribute("aria-disabled", "true"),
    );
    fireEvent.click(screen.getByTestId("reset-sheet"));
    fireEvent.click(within(await screen.findByTestId("reset-dialog")).getByTestId("reset-confirm"));
    await waitFor(() => expect(screen.queryByTestId("summaries-result")).toBeNull());
  });
});

describe("Share card", () => {
  test("repeats the CSV warning prominently when the file is a .csv", async () => {
    const csv = sampleReport();
    csv.analysis = { ...csv.analysis, warnings: [CSV_WARNING, ...csv.analysis.warnings] };
    const session = fakeSession({ analyzeSheet: analyses(csv) });
    renderPane(session);
    const warning = await screen.findByTestId("share-csv-warning");
    expect(warning).toHaveTextContent(CSV_WARNING);
    expect(within(screen.getByTestId("share")).getByTestId("share-csv-warning")).toBe(warning);
  });

  test("no CSV warning for a workbook", async () => {
    const session = fakeSession({ analyzeSheet: analyses(sampleReport()) });
    renderPane(session);
    await screen.findByTestId("share");
    expect(screen.queryByTestId("share-csv-warning")).toBeNull();
  });

  test("a reset of another sheet than the one shown makes the pane analyse again", async () => {
    const otherSheet = done(
      {
        removed: ["the helper columns"],
        leftInPlace: [],
        sheetName: "Another sheet",
        stillFiltered: false,
        rowOrderRestored: false,
      },
      "Reset: removed the helper columns.",
    );
    const session = fakeSession({ analyzeSheet: analyses(sampleReport()), resetSheet: otherSheet });
    renderPane(session);
    fireEvent.click(await screen.findByTestId("reset-sheet"));
    fireEvent.click(within(await screen.findByTestId("reset-dialog")).getByTestId("reset-confirm"));
    await waitFor(() => expect(ids(session)).toEqual(["analyzeSheet", "resetSheet", "analyzeSheet"]));
  });
});
