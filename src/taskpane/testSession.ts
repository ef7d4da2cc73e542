/**
 * A hand-made Session for component tests: no Excel, each action answers what the test says.
 * Not part of the bundle (only tests import it).
 */
import type {
  ActionDefinition,
  ActionOutcome,
  Availability,
  RunOptions,
  Session,
  SheetReport,
  SheetState,
} from "../actions";
import { DEFAULT_SCORE_SETTINGS } from "../domain/score";
import type { ClusterCounts } from "../domain/types";

export type Handler = (input: unknown, options: RunOptions) => Promise<ActionOutcome<unknown>>;

export interface FakeSession extends Session {
  /** The actions the pane ran, in order, except the background read below. */
  calls: { id: string; input: unknown; options: RunOptions }[];
  /**
   * How many times the pane read what the add-in added (describeWorkbook, read-only, after every
   * analysis and finished action); kept apart so `calls` lists what the user asked for.
   */
  reads: number;
  /** Ids of the other read-only actions the pane ran through readQuietly. */
  quietReads: string[];
}

/** The background read's action id. */
export const DESCRIBE = "describeWorkbook";
/** Read-only actions the pane runs through PaneApi.readQuietly. */
export const QUIET_READS = ["listLastMonthSheets"];

export function fakeSession(
  handlers: Record<string, Handler>,
  availability: (id: string, state: SheetState) => Availability = () => ({ available: true }),
): FakeSession {
  const calls: FakeSession["calls"] = [];
  const session: FakeSession = {
    calls,
    reads: 0,
    quietReads: [],
    theme: "light",
    capabilities: {
      apiVersion: "1.17",
      has: () => true,
      missingMessage: () => "",
    },
    run<I, O>(action: ActionDefinition<I, O>, input: I, options: RunOptions = {}) {
      // Quiet reads (the steps' progress, a card's candidate sheets) are not what the user clicked.
      if (action.id === DESCRIBE) session.reads++;
      else if (QUIET_READS.includes(action.id)) session.quietReads.push(action.id);
      else calls.push({ id: action.id, input, options });
      const handler = handlers[action.id];
      if (!handler) return Promise.resolve({ status: "failed", message: `No handler for ${action.id}` });
      return handler(input, options) as Promise<ActionOutcome<O>>;
    },
    availability<I, O>(action: ActionDefinition<I, O>, state: SheetState) {
      return availability(action.id, state);
    },
  };
  return session;
}

export function counts(partial: Partial<ClusterCounts>): ClusterCounts {
  return { "Act Now": 0, Evaluate: 0, Nurture: 0, Educate: 0, Blank: 0, Unknown: 0, ...partial };
}

export function sampleReport(): SheetReport {
  return {
    sheetName: "AI Business",
    headerRowNumber: 3,
    isProtected: false,
    isTable: false,
    isFiltered: false,
    hasHelperColumns: false,
    scoreSettings: DEFAULT_SCORE_SETTINGS,
    quickFilters: [
      {
        role: "transacted36",
        column: 20,
        header: "TransactedInTheLast36Months",
        values: [
          { value: "Yes", count: 300 },
          { value: "No", count: 180 },
          { value: "y", count: 8 },
        ],
      },
      {
        role: "country",
        column: 5,
        header: "Country",
        values: [
          { value: "United States", count: 250 },
          { value: "Canada", count: 238 },
        ],
      },
    ],
    analysis: {
      reportType: "ai-business",
      reportTypeLabel: "AI Business Solutions (Microsoft 365)",
      headerRow: 2,
      dataRowCount: 500,
      blankRowCount: 12,
      products: [
        {
          key: "M365",
          label: "Microsoft 365",
          column: 10,
          header: "M365Cluster",
          counts: counts({ "Act Now": 51, Evaluate: 97, Nurture: 170, Educate: 120, Blank: 50 }),
          unknownValues: [],
        },
        {
          key: "M365 Copilot",
          label: "Microsoft 365 Copilot",
          column: 12,
          header: "CopilotCluster",
          counts: counts({ "Act Now": 40, Evaluate: 110, Nurture: 160, Educate: 130, Blank: 45, Unknown: 3 }),
          unknownValues: ["Hot"],
        },
      ],
      cohorts: [
        {
          column: 15,
          header: "Cohort",
          kind: "named",
          values: [
            { value: "Cohort 1 - Expand Copilot", count: 200 },
            { value: "Cohort 2 - Secure", count: 150 },
          ],
        },
      ],
      warnings: ['The cluster column CopilotCluster has values that are not clusters: "Hot".'],
    },
  };
}

/** A promise the test settles when it wants. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
