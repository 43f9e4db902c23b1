import * as React from 'react';
import { useRouter } from './useHost';

/**
 * While `unsaved` is true, leaving the view asks first (another view, Back, a typed address,
 * closing the tab): see the router's guardLeave.
 */
export function useLeaveGuard(unsaved: boolean): void {
  const { guardLeave } = useRouter();
  const latest = React.useRef(unsaved);
  latest.current = unsaved;
  React.useEffect(() => guardLeave(() => latest.current), [guardLeave]);
}
