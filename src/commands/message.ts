/**
 * The ribbon's message dialog page. Its address carries nothing: it asks its opener for the message
 * (messageParent, then the opener's messageChild) and shows it as plain text (never as HTML), so
 * nothing from a report can run here or end up in a URL, a log of URLs or the browser history.
 */
import { DIALOG_READY, parseDialogMessage, type DialogMessage } from "./dialog";

const STYLE = `
  body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; padding: 16px 20px; color: #242424; background: #fff; }
  h1 { font-size: 16px; font-weight: 600; margin: 0 0 8px; }
  p { font-size: 14px; line-height: 1.45; margin: 0 0 12px; }
  .hint { color: #616161; font-size: 12px; }
  @media (prefers-color-scheme: dark) { body { color: #f0f0f0; background: #1f1f1f; } .hint { color: #adadad; } }
`;

/** The parts of Office the dialog page uses. */
export interface OfficeInDialog {
  context: {
    ui: {
      addHandlerAsync?(
        eventType: unknown,
        handler: (arg: { message?: string; origin?: string }) => void,
        callback?: (result: { status: unknown }) => void,
      ): void;
      messageParent(message: string): void;
    };
  };
  EventType: { DialogParentMessageReceived: unknown };
  AsyncResultStatus: { Succeeded: unknown };
}

export function applyStyle(doc: Document): void {
  const style = doc.createElement("style");
  style.textContent = STYLE;
  doc.head.appendChild(style);
}

/** Shows the message as text. */
export function renderMessage(doc: Document, content: DialogMessage): void {
  doc.title = content.title;
  doc.getElementById("title")!.textContent = content.title;
  doc.getElementById("message")!.textContent = content.message;
}

/**
 * Listens for the opener's message, then tells the opener it is ready. A message from another
 * origin than the page's own (when the host says where it came from) is ignored.
 */
export function listenForMessage(doc: Document, office: OfficeInDialog, ownOrigin: string): void {
  const ui = office.context.ui;
  // Hosts without DialogApi 1.2 cannot deliver a message: the page keeps its built-in text.
  if (typeof ui.addHandlerAsync !== "function") return;
  ui.addHandlerAsync(
    office.EventType.DialogParentMessageReceived,
    (arg) => {
      if (arg.origin !== undefined && arg.origin !== ownOrigin) return;
      const content = parseDialogMessage(arg.message);
      if (content) renderMessage(doc, content);
    },
    (result) => {
      if (result.status === office.AsyncResultStatus.Succeeded) ui.messageParent(DIALOG_READY);
    },
  );
}

if (typeof document !== "undefined" && document.getElementById("message")) {
  applyStyle(document);
  if (typeof Office !== "undefined") {
    void Office.onReady(() =>
      listenForMessage(document, Office as unknown as OfficeInDialog, window.location.origin),
    );
  }
}
