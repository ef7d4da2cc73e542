/**
 * Ribbon commands: the pane's actions without opening the pane. Function commands have no UI, so
 * each one logs its outcome and always tells Office it has finished.
 */
import { actions, connectToExcel, createSession, type ActionOutcome, type Session } from "../actions";
import { messageDialogUrl, showMessageDialog, type DialogLog, type OfficeForDialog } from "./dialog";

type CommandEvent = { completed(options?: { allowEvent?: boolean }): void };

const TITLES: Record<string, string> = {
  applyActNowEvaluate: "Act now + Evaluate",
  clearFilters: "Clear filters",
  addHelperColumns: "Add helper columns",
  resetSheet: "Reset sheet",
};

const log: DialogLog = (level, line) => console[level](line);

/**
 * Function commands have no UI: the outcome is logged, and when the command changed nothing a small
 * dialog says why. Resolves when that dialog is closed (or could not open), so the command is
 * reported complete only then.
 */
async function report(
  command: string,
  outcome: Pick<ActionOutcome<unknown>, "status" | "message">,
): Promise<void> {
  const line = `Propensity Pane: ${command}: ${outcome.message}`;
  if (outcome.status === "done") {
    log("info", line);
    return;
  }
  log("warn", line);
  // The address carries no report text: the dialog asks for the message once it is loaded.
  const url = messageDialogUrl(window.location.href);
  await showMessageDialog(
    Office as unknown as OfficeForDialog,
    url,
    { title: TITLES[command] ?? "Propensity Pane", message: outcome.message },
    log,
  );
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
      await report(name, await command(session));
    } catch (error) {
      await report(name, {
        status: "failed",
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      event.completed();
    }
  };
}

Office.onReady(() => {
  for (const [name, command] of Object.entries(COMMANDS))
    Office.actions.associate(name, handler(name, command));
});
