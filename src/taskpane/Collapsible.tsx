/**
 * A card the step shows folded under its title, so every step fits the pane: the step's main action
 * stays in view and the optional ones open with one click (or Enter/Space on the header).
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface CollapsibleProps {
  /** The header text, e.g. "Compare with last month". */
  title: string;
  /** Stable id for tests and the accordion item. */
  id: string;
  /** Open at first (e.g. the feature already ran, so its results and quick filters are wanted). */
  openAtFirst?: boolean;
  children: ReactNode;
}

export function Collapsible({ title, id, openAtFirst = false, children }: CollapsibleProps) {
  return (
    <Accordion collapsible defaultOpenItems={openAtFirst ? [id] : []} data-testid={`fold-${id}`}>
      <AccordionItem value={id}>
        <AccordionHeader size="medium" data-testid={`fold-${id}-header`}>
          {title}
        </AccordionHeader>
        <AccordionPanel>{children}</AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
