/**
 * A button bound to an action's availability: when the action is unavailable it stays focusable but
 * disabled, and its Tooltip says why (e.g. "Filtering needs ExcelApi 1.9 ...").
 */
import { Button, Spinner, Tooltip } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Availability } from "../actions";

export interface ActionButtonProps {
  children: ReactNode;
  onClick(): void;
  appearance?: "primary" | "secondary" | "outline" | "subtle" | "transparent";
  size?: "small" | "medium" | "large";
  icon?: JSX.Element;
  "data-testid"?: string;
  availability: Availability;
  /** Another action is running: every action button waits. */
  busy: boolean;
  /** This button started the running action. */
  spinning?: boolean;
  /** One sentence shown as the tooltip when the button is available. */
  hint?: string;
}

export function ActionButton({
  availability,
  busy,
  spinning,
  hint,
  children,
  icon,
  onClick,
  appearance,
  size,
  "data-testid": testId,
}: ActionButtonProps) {
  const unavailable = !availability.available;
  const button = (
    <Button
      appearance={appearance}
      size={size}
      data-testid={testId}
      onClick={onClick}
      icon={spinning ? <Spinner size="tiny" /> : icon}
      disabledFocusable={unavailable || busy}
      data-unavailable-reason={unavailable ? availability.reason : undefined}
    >
      {children}
    </Button>
  );
  const tip = unavailable ? availability.reason : hint;
  if (!tip) return button;
  return (
    <Tooltip content={tip} relationship="description" withArrow>
      {button}
    </Tooltip>
  );
}
