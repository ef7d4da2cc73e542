import { CancelledError } from "./errors";

export interface Progress {
  /** What is happening, in words: "Reading rows 20,001-40,000 of 100,000". */
  message: string;
  done: number;
  total: number;
}

export interface WorkOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** Gives the host's UI thread a turn between blocks: Excel restarts add-ins that block it for 5 s. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
