/**
 * The ribbon's message dialog. It shows the text passed in its address as plain text (never as
 * HTML), so nothing from a report can run here.
 */
const STYLE = `
  body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; padding: 16px 20px; color: #242424; background: #fff; }
  h1 { font-size: 16px; font-weight: 600; margin: 0 0 8px; }
  p { font-size: 14px; line-height: 1.45; margin: 0 0 12px; }
  .hint { color: #616161; font-size: 12px; }
  @media (prefers-color-scheme: dark) { body { color: #f0f0f0; background: #1f1f1f; } .hint { color: #adadad; } }
`;

export function renderMessage(doc: Document, search: string): void {
  const params = new URLSearchParams(search);
  const title = params.get("title") ?? "Propensity Pane";
  const message = params.get("message") ?? "";
  doc.title = title;
  doc.getElementById("title")!.textContent = title;
  doc.getElementById("message")!.textContent = message;
  const style = doc.createElement("style");
  style.textContent = STYLE;
  doc.head.appendChild(style);
}

if (typeof document !== "undefined" && document.getElementById("message")) {
  renderMessage(document, window.location.search);
}
