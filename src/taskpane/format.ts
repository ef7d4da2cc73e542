/** Formatting for the pane: numbers as Excel users in en-US read them. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return n === 1 ? word : many;
}
