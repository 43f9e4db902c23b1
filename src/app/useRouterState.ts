import * as React from 'react';
import type { IRouter } from '../hooks/contexts';
import { parseRoute, Route, routePath, sameRoute } from './routes';

/** The place in the page address; an empty address means "where the app starts". */
function routeFromHash(home: Route): Route {
  return window.location.hash.replace(/^#\/?/, '') ? parseRoute(window.location.hash) ?? home : home;
}

/**
 * The router: with `hash`, the place lives in the page address (#/omrade/…) and follows the back
 * button; with `memory`, it lives in the web part (several can sit on one page).
 */
export function useRouterState(home: Route, routing: 'hash' | 'memory', mode: 'app' | 'view'): IRouter {
  const initial = React.useMemo(() => (routing === 'hash' ? routeFromHash(home) : home), [home, routing]);
  const [route, setRoute] = React.useState<Route>(initial);
  const focusRequest = React.useRef(false);

  React.useEffect(() => {
    if (routing !== 'hash') {
      return undefined;
    }
    const onHashChange = (): void => {
      focusRequest.current = true;
      setRoute(routeFromHash(home));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [routing, home]);

  const navigate = React.useCallback(
    (to: Route) => {
      focusRequest.current = true;
      if (routing === 'hash') {
        const hash = `#/${routePath(to)}`;
        if (window.location.hash !== hash) {
          window.location.hash = hash;
        }
      }
      setRoute((current) => (sameRoute(current, to) ? current : to));
    },
    [routing]
  );

  return React.useMemo(() => ({ route, navigate, home, mode, focusRequest }), [route, navigate, home, mode]);
}
