const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#D3D3D3",
  lightgreen: "#90EE90",
  lightblue: "#ADD8E6",
  lightyellow: "#FFFFE0",
  purple: "#800080",
  pink: "#FFC0CB",
};

/** Excel reports colours as "#RRGGBB" whatever name or case was set. */
export function normalizeColor(color: unknown): string | undefined {
  if (typeof color !== "string" || color === "") return undefined;
  const named = NAMED[color.toLowerCase()];
  if (named) return named;
  const hex = /^#?([0-9a-f]{6})$/i.exec(color);
  return hex ? `#${hex[1].toUpperCase()}` : color;
}
