import type { SheetReport } from "../../actions";
import type { PaneApi } from "../usePane";

/**
 * What every step card of a feature gets: the pane (run actions with pane.runAction, read their last
 * outcome in pane.state.results[actionId]) and the analysed report (null on a sheet that is not one).
 */
export interface FeatureCardProps {
  pane: PaneApi;
  report: SheetReport | null;
}
