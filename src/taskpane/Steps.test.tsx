/** @jest-environment jsdom */
/** The pane's four steps against a hand-made session: where it opens, check marks, moving on. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ActionOutcome, CompareResult, SheetReport, WorkbookProgress } from "../actions";
import { App } from "./App";
import { DESCRIBE, fakeSession, sampleReport, type Handler } from "./testSession";

jest.setTimeout(30000);
// Fluent renders slowly in jsdom on a busy machine: wait longer than the default second.
configure({ asyncUtilTimeout: 10000 });

const done =
  (data: unknown, message = "Done."): Handler =>
  () =>
    Promise.resolve<ActionOutcome<unknown>>({ status: "done", message, warnings: [], data });

const noSheets: WorkbookProgress["sheets"] = {
  summary: [],
  about: [],
  whatChanged: [],
  sellersIndex: [],
  sellerList: [],
};

function renderPane(handlers: Record<string, Handler>) {
  const session = fakeSession(handlers);
  render(
    <FluentProvider theme={webLightTheme}>
      <App session={session} />
    </FluentProvider>,
  );
  return session;
}

const selectedTab = () => screen.getByRole("tab", { selected: true });

describe("steps", () => {
  test("on a sheet that is not a report the pane opens on Report; other steps say to open one first", async () => {
    renderPane({
      analyzeSheet: () =>
        Promise.resolve({ status: "refused", message: "This sheet doesn't look like a report." }),
    });
    await screen.findByTestId("refusal");
    expect(selectedTab()).toHaveAttribute("data-testid", "step-report");
    expect(screen.getByTestId("panel-report")).not.toHaveAttribute("hidden");
    expect(screen.getByTestId("panel-focus")).toHaveAttribute("hidden");
    expect(screen.getByTestId("next-report")).toHaveTextContent("pick the report file");
    fireEvent.click(screen.getByTestId("step-enrich"));
    expect(screen.getByTestId("panel-enrich")).not.toHaveAttribute("hidden");
    expect(within(screen.getByTestId("panel-enrich")).getByTestId("needs-report")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("continue-enrich"));
    expect(selectedTab()).toHaveAttribute("data-testid", "step-report");
  });

  test("a fresh report opens on Focus with Report checked; Continue moves on and focuses the tab", async () => {
    const session = renderPane({ analyzeSheet: done(sampleReport()) });
    await waitFor(() => expect(selectedTab()).toHaveAttribute("data-testid", "step-focus"));
    expect(screen.getByTestId("step-report")).toHaveAttribute("data-done", "true");
    expect(screen.getByTestId("step-report")).toHaveAccessibleName("1. Report (done)");
    expect(screen.getByTestId("step-focus")).toHaveAttribute("data-done", "false");
    expect(screen.getByTestId("done-filter")).toHaveTextContent("Not done: Filter: none yet");
    fireEvent.click(screen.getByTestId("continue-focus"));
    expect(selectedTab()).toHaveAttribute("data-testid", "step-enrich");
    expect(document.activeElement).toBe(screen.getByTestId("step-enrich"));
    // The pane read what the add-in added once, after the analysis.
    await waitFor(() => expect(session.reads).toBe(1));
  });

  test("reopened on a worked report it rebuilds the counts from the workbook and opens on Share", async () => {
    const report: SheetReport = { ...sampleReport(), hasHelperColumns: true, isFiltered: true };
    const progress: WorkbookProgress = {
      sheetName: report.sheetName,
      helpers: true,
      crm: { matched: 11902, total: 12345, byKind: { Domain: 11902, "Not in CRM": 443 } },
      lastMonth: null,
      sheets: { ...noSheets, about: ["About this report"] },
    };
    renderPane({ analyzeSheet: done(report), [DESCRIBE]: done(progress) });
    await waitFor(() => expect(selectedTab()).toHaveAttribute("data-testid", "step-share"));
    await waitFor(() =>
      expect(screen.getByTestId("done-prepared")).toHaveTextContent(
        "Prepared for sellers: sheet About this report",
      ),
    );
    expect(screen.getByTestId("done-crm")).toHaveTextContent("Done: CRM: 11,902 of 12,345 matched");
    expect(screen.getByTestId("done-helpers")).toHaveTextContent("Helper columns: 488 rows, scored");
    for (const id of ["report", "focus", "enrich", "share"])
      expect(screen.getByTestId(`step-${id}`)).toHaveAttribute("data-done", "true");
  });

  test("after Prepare for sellers the step is done from the action's own result, with no read of the workbook", async () => {
    const session = renderPane({
      analyzeSheet: done(sampleReport()),
      prepareForSellers: () => done({ aboutSheet: "About this report" }, "Prepared.")(undefined, {}),
      // A read of what is done would still say "not prepared": only the action's result can tick the step.
      [DESCRIBE]: () =>
        done({
          sheetName: "AI Business",
          helpers: false,
          crm: null,
          lastMonth: null,
          sheets: { ...noSheets, about: [] },
        })(undefined, {}),
    });
    await screen.findByTestId("prepare-sellers");
    fireEvent.click(screen.getByTestId("step-share"));
    expect(screen.getByTestId("done-prepared")).toHaveAttribute("data-done", "false");
    fireEvent.click(screen.getByTestId("prepare-sellers"));
    await waitFor(() => expect(screen.getByTestId("done-prepared")).toHaveAttribute("data-done", "true"));
    expect(screen.getByTestId("step-share")).toHaveAttribute("data-done", "true");
    // The one read after Analyze; none after Prepare (issue 16).
    expect(session.reads).toBe(1);
  });

  test("after Compare with last month the pane updates from the action's own result: no re-analysis, no read", async () => {
    const result: CompareResult = {
      key: "customerId",
      keyLabel: "Customer ID",
      summary: "Matched 10,883 of 11,358 by Customer ID",
      customers: 11_358,
      matched: 10_883,
      matchRate: 0.96,
      newCustomers: 475,
      goneCustomers: 310,
      changes: { Up: 1_234, Down: 0, Same: 9_649 },
      products: ["Microsoft 365"],
      columns: "AY:BA",
      updated: false,
      whatChangedSheet: "What Changed",
      lastMonth: { kind: "sheet", name: "October", month: "October 2026" },
    };
    const session = renderPane({
      analyzeSheet: done(sampleReport()),
      listLastMonthSheets: done({
        sheets: [{ sheetName: "October", family: "AI Business", month: "October 2026", sameFamily: true }],
        defaultSheet: "October",
      }),
      compareLastMonth: done(result, "Matched."),
      // A read of what is done would say "not compared": only the action's result can tick the item.
      [DESCRIBE]: done({
        sheetName: "AI Business",
        helpers: false,
        crm: null,
        lastMonth: null,
        sheets: noSheets,
      }),
    });
    await waitFor(() => expect(session.reads).toBe(1));
    fireEvent.click(screen.getByTestId("step-enrich"));
    fireEvent.click(within(screen.getByTestId("fold-compare-header")).getByRole("button"));
    const run = await screen.findByTestId("compare-run");
    await waitFor(() => expect(run).not.toHaveAttribute("aria-disabled", "true"));
    fireEvent.click(run);
    await waitFor(() =>
      expect(screen.getByTestId("done-compare")).toHaveTextContent(
        "Last month: 475 new, 1,234 up, 9,649 same",
      ),
    );
    // One analysis and one read of what is done, both when the pane opened (issue 16).
    expect(session.calls.filter((c) => c.id === "analyzeSheet")).toHaveLength(1);
    expect(session.reads).toBe(1);
  });
});
