import * as React from 'react';
import { toServiceError, ServiceError } from '../services/errors';

export type AsyncState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined; recovering?: undefined }
  /** `recovering`: the view tries again by itself (SharePoint was busy or out of reach). */
  | { status: 'error'; data?: undefined; error: ServiceError; recovering: boolean }
  | { status: 'done'; data: T; error?: undefined; recovering?: undefined };

/**
 * Pauses before a view tries again by itself, in seconds: soon at first, then at most once a
 * minute, so that a throttled tenant is not pressed harder by every open tab.
 */
export const RECOVERY_DELAYS = [5, 10, 20, 40, 60];

/**
 * Whether trying the same read again later can succeed without anyone changing anything:
 * throttling and unavailability (429, 503, 504), no connection, or a server error (5xx). Never
 * for a refusal (403, 404), bad input or the list view threshold – those stay until someone acts.
 */
export function recoversBySelf(error: ServiceError): boolean {
  return error.transient || (error.kind === 'unknown' && (error.status === undefined || error.status >= 500));
}

function visible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/**
 * Runs `load` when `deps` change and gives loading, error and result states; `reload` runs it
 * again (the view shows that it is loading). A result that arrives after the component moved on is
 * dropped.
 *
 * A view never stays in an error SharePoint has recovered from: after a transient error
 * (recoversBySelf) it tries again by itself – after RECOVERY_DELAYS while the page is visible, and
 * at once when the browser comes back online, the page becomes visible again or the window gets
 * focus. Hidden pages wait: nobody is looking, and a tab left open on a ward computer all day must
 * not add to a throttled tenant's load. While it tries, the error stays on screen unchanged (no
 * spinner flashing, nothing announced again); the content replaces it when it arrives.
 */
export function useAsync<T>(load: () => Promise<T>, deps: React.DependencyList): AsyncState<T> & { reload(): void } {
  const [state, setState] = React.useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const loadRef = React.useRef(load);
  loadRef.current = load;

  React.useEffect(() => {
    let current = true;
    let inFlight = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastError: ServiceError | undefined;

    const schedule = (): void => {
      clearTimeout(timer);
      timer = undefined;
      if (current && lastError && visible()) {
        const seconds = RECOVERY_DELAYS[Math.min(failures - 1, RECOVERY_DELAYS.length - 1)];
        timer = setTimeout(run, seconds * 1000);
      }
    };

    function run(): void {
      if (inFlight || !current) {
        return;
      }
      inFlight = true;
      clearTimeout(timer);
      timer = undefined;
      loadRef.current().then(
        (data) => {
          inFlight = false;
          if (current) {
            lastError = undefined;
            setState({ status: 'done', data });
          }
        },
        (err) => {
          inFlight = false;
          if (!current) {
            return;
          }
          const error = toServiceError(err);
          const recovering = recoversBySelf(error);
          failures += 1;
          lastError = recovering ? error : undefined;
          setState({ status: 'error', error, recovering });
          schedule();
        }
      );
    }

    // Back online, back in view, back in focus: if the view is waiting to try again, try now.
    const now = (): void => {
      if (lastError && visible()) {
        run();
      }
    };
    const onVisibility = (): void => (visible() ? now() : clearTimeout(timer));

    setState({ status: 'loading' });
    run();
    window.addEventListener('online', now);
    window.addEventListener('focus', now);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      current = false;
      clearTimeout(timer);
      window.removeEventListener('online', now);
      window.removeEventListener('focus', now);
      document.removeEventListener('visibilitychange', onVisibility);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
