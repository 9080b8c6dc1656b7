/**
 * A table's box that scrolls sideways when the table is wider than the screen: a named region
 * that takes keyboard focus, so it can be scrolled without a mouse (axe: scrollable-region-focusable).
 */
import type { ReactNode } from 'react';

export function TableWrap(props: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}
