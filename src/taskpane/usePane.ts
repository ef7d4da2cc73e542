/**
 * Binds the pane's reducer to a Session: runs one action at a time, forwards progress, cancels.
 */
import { useCallback, useReducer, useRef } from "react";
import {
  actions,
  type ActionDefinition,
  type ActionOutcome,
  type Availability,
  type Session,
} from "../actions";
import type { ShowActNowEvaluateInput } from "../actions/showActNowEvaluate";
import type { ValueFilterInput } from "../actions/applyValueFilter";
import { initialState, reducer, sheetStateOf, type PaneEvent, type PaneState, type Task } from "./state";

type ActionOf<K extends keyof typeof actions> = (typeof actions)[K];

export interface PaneApi {
  state: PaneState;
  analyze(): Promise<void>;
  showActNowEvaluate(input: ShowActNowEvaluateInput, origin?: string): Promise<void>;
  applyValueFilter(input: ValueFilterInput, origin: string): Promise<void>;
  clearFilters(all: boolean): Promise<void>;
  addHelperColumns(): Promise<void>;
  cancel(): void;
  dismiss(): void;
  availability(action: keyof typeof actions): Availability;
}

export function usePane(session: Session): PaneApi {
  const [state, dispatch] = useReducer(reducer, initialState);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async <I, O>(
      task: Task,
      action: ActionDefinition<I, O>,
      input: I,
      origin: string,
      finished: (outcome: ActionOutcome<O>) => PaneEvent,
    ): Promise<void> => {
      if (controller.current) return; // one action at a time
      const abort = new AbortController();
      controller.current = abort;
      dispatch({ type: "started", task, label: action.label, origin });
      let outcome: ActionOutcome<O>;
      try {
        outcome = await session.run(action, input, {
          signal: abort.signal,
          onProgress: (progress) => dispatch({ type: "progress", progress }),
        });
      } catch (error) {
        // Session.run turns errors into outcomes; this is a last line of defence.
        outcome = { status: "failed", message: error instanceof Error ? error.message : String(error) };
      } finally {
        controller.current = null;
      }
      if (abort.signal.aborted && outcome.status !== "done" && outcome.status !== "cancelled") {
        outcome = { status: "cancelled", message: "Cancelled." };
      }
      dispatch(finished(outcome));
    },
    [session],
  );

  const stateForAvailability = sheetStateOf(state);

  return {
    state,
    analyze: () =>
      run("analyze", actions.analyzeSheet as ActionOf<"analyzeSheet">, undefined, "analyze", (outcome) => ({
        type: "analyzed",
        outcome,
      })),
    showActNowEvaluate: (input, origin = "actNow") =>
      run("filter", actions.showActNowEvaluate, input, origin, (outcome) => ({ type: "filtered", outcome })),
    applyValueFilter: (input, origin) =>
      run("filter", actions.applyValueFilter, input, origin, (outcome) => ({ type: "filtered", outcome })),
    clearFilters: (all) =>
      run("clear", actions.clearFilters, { all }, all ? "clearAll" : "clear", (outcome) => ({
        type: "cleared",
        outcome,
      })),
    addHelperColumns: () =>
      run("helpers", actions.addHelperColumns, {}, "helpers", (outcome) => ({
        type: "helpersAdded",
        outcome,
      })),
    cancel: () => controller.current?.abort(),
    dismiss: () => dispatch({ type: "dismissed" }),
    availability: (id) =>
      session.availability(actions[id] as ActionDefinition<unknown, unknown>, stateForAvailability),
  };
}
