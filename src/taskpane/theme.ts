/**
 * The pane follows Office's theme: light or dark from Office (the session says which), and high
 * contrast whenever the system forces its colours (Windows contrast themes), with Fluent's tokens.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";

export type PaneTheme = "light" | "dark" | "highContrast";

export const FLUENT_THEMES: Record<PaneTheme, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

export function paneTheme(officeTheme: "light" | "dark", forcedColors: boolean): PaneTheme {
  return forcedColors ? "highContrast" : officeTheme;
}

const FORCED_COLORS = "(forced-colors: active)";

/** True while the system forces high-contrast colours; follows changes without a reload. */
export function useForcedColors(): boolean {
  const query = typeof window !== "undefined" && window.matchMedia ? window.matchMedia(FORCED_COLORS) : null;
  const [forced, setForced] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (event: MediaQueryListEvent) => setForced(event.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [query?.media]);
  return forced;
}
