import * as React from 'react';
import { mergeStyles } from '@fluentui/react/lib/Styling';

// While empty, the region takes no place in a grid or flex layout (no gap for nothing) but stays
// in the accessibility tree, which display: none would take it out of.
const regionClass = mergeStyles({ selectors: { ':empty': { position: 'absolute' } } });

export interface ILiveRegionProps {
  /** `status` waits for the screen reader to finish (success, progress); `alert` interrupts (failures). */
  kind: 'status' | 'alert';
  className?: string;
  /** The message; nothing while there is none. */
  children?: React.ReactNode;
}

/**
 * A live region that is in the page before its message (WCAG 4.1.3). Screen readers announce
 * changes inside a region they already know; a region inserted together with its text is often
 * not announced at all. Render it with the view, empty, and put messages into it.
 */
export function LiveRegion({ kind, className, children }: ILiveRegionProps): JSX.Element {
  return (
    <div role={kind} aria-live={kind === 'alert' ? 'assertive' : 'polite'} aria-atomic="true" className={className ? `${regionClass} ${className}` : regionClass}>
      {children}
    </div>
  );
}
