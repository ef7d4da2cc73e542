import { CancelledError, toUserMessage, UserFacingError } from "../excel/errors";
import type { ActionDefinition, ActionEnv, ActionOutcome, Availability, SheetState } from "./types";

const NEEDS_MESSAGES: Record<keyof SheetState, string> = {
  isReport: "Analyze a CloudAscent report sheet first.",
  hasClusterColumns: "This report has no product cluster columns.",
};

export function availabilityOf<I, O>(
  action: ActionDefinition<I, O>,
  env: Pick<ActionEnv, "capabilities">,
  state: SheetState,
): Availability {
  const missingFeature = action.requires.find((feature) => !env.capabilities.has(feature));
  if (missingFeature) return { available: false, reason: env.capabilities.missingMessage(missingFeature) };
  const missingState = action.needs.find((need) => !state[need]);
  if (missingState) return { available: false, reason: NEEDS_MESSAGES[missingState] };
  return { available: true };
}

/** Runs an action and turns every error into an outcome with a message a user understands. */
export async function dispatch<I, O>(
  action: ActionDefinition<I, O>,
  env: ActionEnv,
  input: I,
): Promise<ActionOutcome<O>> {
  const missingFeature = action.requires.find((feature) => !env.capabilities.has(feature));
  if (missingFeature) return { status: "refused", message: env.capabilities.missingMessage(missingFeature) };
  try {
    const result = await action.perform(env, input);
    return { status: "done", message: result.message, warnings: result.warnings ?? [], data: result.data };
  } catch (error) {
    if (error instanceof CancelledError) return { status: "cancelled", message: error.message };
    if (error instanceof UserFacingError) return { status: "refused", message: error.message };
    return { status: "failed", message: toUserMessage(error) };
  }
}
