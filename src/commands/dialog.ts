/**
 * The ribbon's message dialog, host side. The message (which can quote report text) never goes in
 * the dialog's address: the dialog page loads with a bare URL, tells the opener it is ready
 * (messageParent), and the opener hands it the message with Dialog.messageChild (DialogApi 1.2).
 * Where that is not supported the dialog shows its built-in "open the pane for details" text.
 *
 * Office is passed in (not read from the global) so the flow is testable without Office.
 */

/** What the dialog sends its opener once it listens for the message. */
export const DIALOG_READY = "propensity-pane:dialog-ready";

export interface DialogMessage {
  title: string;
  message: string;
}

/** The parts of Office.Dialog the flow uses. */
export interface DialogLike {
  addEventHandler(
    eventType: unknown,
    handler: (arg: { message?: string; origin?: string } | { error?: number }) => void,
  ): void;
  messageChild?(message: string): void;
  close(): void;
}

interface AsyncResultLike {
  status: unknown;
  value?: DialogLike;
  error?: { code?: number; message?: string };
}

/** The parts of Office the flow uses. */
export interface OfficeForDialog {
  context: {
    ui: {
      displayDialogAsync(
        url: string,
        options: { height: number; width: number; displayInIframe?: boolean },
        callback: (result: AsyncResultLike) => void,
      ): void;
    };
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
  AsyncResultStatus: { Failed: unknown };
  EventType: { DialogMessageReceived: unknown; DialogEventReceived: unknown };
}

export type DialogLog = (level: "info" | "warn" | "error", line: string) => void;

/**
 * Opens the message dialog and resolves once it is closed, or at once when it cannot open (the
 * failure is logged, and the outcome line was logged before, so nothing is lost). Never throws.
 */
export function showMessageDialog(
  office: OfficeForDialog,
  dialogUrl: string,
  content: DialogMessage,
  log: DialogLog,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const canMessageChild = (() => {
      try {
        return office.context.requirements?.isSetSupported("DialogApi", "1.2") ?? false;
      } catch {
        return false;
      }
    })();
    const fail = (why: string) => {
      log(
        "error",
        `Propensity Pane: the message window could not open (${why}). ${content.title}: ${content.message}`,
      );
      resolve();
    };
    try {
      office.context.ui.displayDialogAsync(
        dialogUrl,
        { height: 30, width: 30, displayInIframe: true },
        (result) => {
          if (result.status === office.AsyncResultStatus.Failed || !result.value) {
            // 12007: another dialog is open; 12009: the user ignored the dialog; 12011: blocked by the browser.
            fail(
              result.error
                ? `${result.error.code ?? "?"}: ${result.error.message ?? ""}`.trim()
                : "no dialog",
            );
            return;
          }
          const dialog = result.value;
          dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
            if (!("message" in arg) || arg.message !== DIALOG_READY) return;
            if (!canMessageChild || typeof dialog.messageChild !== "function") return;
            try {
              dialog.messageChild(JSON.stringify(content));
            } catch (error) {
              log("warn", `Propensity Pane: the message could not be passed to its window: ${String(error)}`);
            }
          });
          // Closed by the user (12006) or gone for another reason: either way the command is over.
          dialog.addEventHandler(office.EventType.DialogEventReceived, () => resolve());
        },
      );
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  });
}

/** The dialog page's address next to the page opening it: no query, no fragment, nothing from a report. */
export function messageDialogUrl(openerHref: string): string {
  const url = new URL("message.html", openerHref);
  url.search = "";
  url.hash = "";
  return url.toString();
}

/** The dialog's message from what messageChild delivered, or null for anything else. */
export function parseDialogMessage(text: unknown): DialogMessage | null {
  if (typeof text !== "string") return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;
    const { title, message } = value as Record<string, unknown>;
    return typeof title === "string" && typeof message === "string" ? { title, message } : null;
  } catch {
    return null;
  }
}
