import type { ExcelHost } from "../excel/host";
import type { Capabilities, Feature } from "../excel/requirements";
import type { Progress } from "../excel/progress";

export type { Progress };

/** Everything an action needs to run: the host, what it supports, and how to report progress. */
export interface ActionEnv {
  host: ExcelHost;
  capabilities: Capabilities;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** Injected clock, so dates in outputs are testable. */
  now?: () => Date;
}

/** What the pane knows about the active sheet; decides which actions are available. */
export interface SheetState {
  /** The sheet was analysed and is a CloudAscent report. */
  isReport: boolean;
  /** The report has product cluster columns (filters and bands need them). */
  hasClusterColumns: boolean;
}

export interface Availability {
  available: boolean;
  /** Why not, in plain words. */
  reason?: string;
}

export interface ActionDone<Output> {
  status: "done";
  message: string;
  warnings: string[];
  data: Output;
}

export interface ActionNotDone {
  /** refused: the action checked and changed nothing; failed: Excel or the add-in raised an error. */
  status: "refused" | "failed" | "cancelled";
  message: string;
}

export type ActionOutcome<Output> = ActionDone<Output> | ActionNotDone;

/** One user operation, dispatched alike by a pane button, a ribbon command or a test. */
export interface ActionDefinition<Input, Output> {
  id: string;
  /** Button text. */
  label: string;
  /** One sentence: what it does. */
  description: string;
  /** Excel features it needs (their requirement sets decide availability). */
  requires: readonly Feature[];
  /** Sheet states it needs. */
  needs: readonly (keyof SheetState)[];
  perform(env: ActionEnv, input: Input): Promise<{ message: string; warnings?: string[]; data: Output }>;
}
