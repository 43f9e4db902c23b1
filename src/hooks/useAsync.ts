import * as React from 'react';
import { toServiceError, ServiceError } from '../services/errors';

export type AsyncState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: ServiceError }
  | { status: 'done'; data: T; error?: undefined };

/**
 * Runs `load` when `deps` change and gives loading, error and result states; `reload` runs it
 * again. A result that arrives after the component moved on is dropped.
 */
export function useAsync<T>(load: () => Promise<T>, deps: React.DependencyList): AsyncState<T> & { reload(): void } {
  const [state, setState] = React.useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (data) => current && setState({ status: 'done', data }),
      (err) => current && setState({ status: 'error', error: toServiceError(err) })
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
