/**
 * Task pane entry: connect to Excel, detect what it supports, render the pane in Office's theme.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { connectToExcel, createSession } from "../actions";
import { App } from "./App";

async function start(root: HTMLElement): Promise<void> {
  let session;
  try {
    session = createSession(await connectToExcel());
  } catch {
    root.textContent =
      "Propensity Pane runs inside Excel. Open it from the Home tab in Excel (desktop, Mac or on the web).";
    return;
  }
  createRoot(root).render(
    <FluentProvider
      theme={session.theme === "dark" ? webDarkTheme : webLightTheme}
      style={{ minHeight: "100%" }}
    >
      <App session={session} />
    </FluentProvider>,
  );
}

const root = document.getElementById("root");
if (root) void start(root);
