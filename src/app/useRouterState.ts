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
  const current = React.useRef(route);
  current.current = route;

  React.useEffect(() => {
    if (routing !== 'hash') {
      return undefined;
    }
    const onHashChange = (): void => {
      const next = routeFromHash(home);
      // The back button, or a link typed in: focus goes to the new view's title. When the app's own
      // navigate() changed the address, it is there already and has said where focus goes.
      if (!sameRoute(current.current, next)) {
        focusRequest.current = true;
        setRoute(next);
      }
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [routing, home]);

  const navigate = React.useCallback(
    (to: Route, options?: { focus?: boolean }) => {
      focusRequest.current = options?.focus !== false;
      if (routing === 'hash') {
        const hash = `#/${routePath(to)}`;
        if (window.location.hash !== hash) {
          window.location.hash = hash;
        }
      }
      setRoute((was) => (sameRoute(was, to) ? was : to));
    },
    [routing]
  );

  return React.useMemo(() => ({ route, navigate, home, mode, routing, focusRequest }), [route, navigate, home, mode, routing]);
}
