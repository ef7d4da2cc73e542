/**
 * Ribbon commands: the pane's actions without opening the pane. Function commands have no UI, so
 * each one logs its outcome and always tells Office it has finished.
 */
import { actions, connectToExcel, createSession, type ActionOutcome, type Session } from "../actions";

type CommandEvent = { completed(options?: { allowEvent?: boolean }): void };

const TITLES: Record<string, string> = {
  applyActNowEvaluate: "Act now + Evaluate",
  clearFilters: "Clear filters",
  addHelperColumns: "Add helper columns",
  resetSheet: "Reset sheet",
};

/** Function commands have no UI: when one changed nothing, a small dialog says why. */
function report(command: string, outcome: Pick<ActionOutcome<unknown>, "status" | "message">): void {
  const line = `Propensity Pane: ${command}: ${outcome.message}`;
  if (outcome.status === "done") {
    console.info(line);
    return;
  }
  console.warn(line);
  const url = new URL("message.html", window.location.href);
  url.searchParams.set("title", TITLES[command] ?? "Propensity Pane");
  url.searchParams.set("message", outcome.message);
  Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 30, displayInIframe: true });
}

/** Act Now + Evaluate for the report's only product, or for any product when it has several. */
async function applyActNowEvaluate(session: Session): Promise<ActionOutcome<unknown>> {
  const analysis = await session.run(actions.analyzeSheet, undefined);
  if (analysis.status !== "done") return analysis;
  const products = analysis.data.analysis.products;
  const product = products.length === 1 ? products[0].key : "any";
  return session.run(actions.showActNowEvaluate, { product });
}

const COMMANDS: Record<string, (session: Session) => Promise<ActionOutcome<unknown>>> = {
  applyActNowEvaluate,
  clearFilters: (session) => session.run(actions.clearFilters, { all: false }),
  // No settings passed: the action uses the products and weights saved in the workbook (chosen in
  // the pane's Score settings), or the default when none were saved.
  addHelperColumns: (session) => session.run(actions.addHelperColumns, {}),
  // Keeps filters the user set; removes what the add-in added (found from the saved state, or from
  // the sheet itself when the settings were lost), restores the row order and forgets the settings.
  resetSheet: (session) => session.run(actions.resetSheet, { keepUserFilters: true }),
};

function handler(name: string, command: (session: Session) => Promise<ActionOutcome<unknown>>) {
  return async (event: CommandEvent): Promise<void> => {
    try {
      const session = createSession(await connectToExcel());
      report(name, await command(session));
    } catch (error) {
      report(name, { status: "failed", message: error instanceof Error ? error.message : String(error) });
    } finally {
      event.completed();
    }
  };
}

Office.onReady(() => {
  for (const [name, command] of Object.entries(COMMANDS))
    Office.actions.associate(name, handler(name, command));
});
