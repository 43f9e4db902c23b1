import * as React from 'react';
import { useRouter } from '../../hooks/useHost';
import { Heading } from './Heading';

/**
 * A view's title. After the user navigates, it takes focus when it appears (also after the view's
 * data has loaded), so a screen reader announces where they are and Tab continues from there.
 */
export function ViewTitle({ className, children }: { className?: string; children: React.ReactNode }): JSX.Element {
  const { focusRequest } = useRouter();
  const ref = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => {
    if (focusRequest.current && ref.current) {
      focusRequest.current = false;
      ref.current.focus();
    }
  }, [focusRequest]);
  return (
    <Heading depth={0} className={className} tabIndex={-1} ref={ref}>
      {children}
    </Heading>
  );
}
