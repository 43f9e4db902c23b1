import * as React from 'react';
import { useHost } from '../../hooks/useHost';

export interface IHeadingProps extends React.HTMLAttributes<HTMLHeadingElement> {
  /** 0 for the view's title, 1 for its sections, 2 below that. */
  depth: 0 | 1 | 2 | 3;
}

/**
 * A heading at the right level for where the app runs: the view title is an h1 when the app is
 * the page and an h2 when it is one web part among others.
 */
export const Heading = React.forwardRef<HTMLHeadingElement, IHeadingProps>(function Heading({ depth, children, ...rest }, ref) {
  const { headingLevel } = useHost();
  const level = Math.min(6, headingLevel + depth);
  return React.createElement(`h${level}`, { ...rest, ref }, children);
});
