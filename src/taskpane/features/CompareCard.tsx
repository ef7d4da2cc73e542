import type { FeatureCardProps } from "./types";

/** Placeholder: the feature's card replaces this file. */
export function CompareCard(_props: FeatureCardProps): JSX.Element | null {
  return null;
}
