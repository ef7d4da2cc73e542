/**
 * Task pane entry: connect to Excel, detect what it supports, render the pane in Office's theme
 * (light, dark, or high contrast when the system forces its colours).
 */
import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { connectToExcel, createSession, type Session } from "../actions";
import { App } from "./App";
import { FLUENT_THEMES, paneTheme, useForcedColors } from "./theme";

function ThemedPane({ session }: { session: Session }) {
  const forcedColors = useForcedColors();
  return (
    <FluentProvider
      theme={FLUENT_THEMES[paneTheme(session.theme, forcedColors)]}
      style={{ minHeight: "100%" }}
    >
      <App session={session} />
    </FluentProvider>
  );
}

async function start(root: HTMLElement): Promise<void> {
  let session;
  try {
    session = createSession(await connectToExcel());
  } catch {
    root.textContent =
      "Propensity Pane runs inside Excel. Open it from the Home tab in Excel (desktop, Mac or on the web).";
    return;
  }
  createRoot(root).render(<ThemedPane session={session} />);
}

const root = document.getElementById("root");
if (root) void start(root);
