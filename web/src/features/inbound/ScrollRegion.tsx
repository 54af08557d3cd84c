import type { ReactNode } from 'react';
import './ScrollRegion.css';

/**
 * A table too wide for a phone scrolls sideways inside this region, not the page. Keyboard users
 * can focus the region and scroll it with the arrow keys (axe: scrollable-region-focusable);
 * antd's own scrolling of a table's content does not allow that.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-region" role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </div>
  );
}
