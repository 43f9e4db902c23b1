import * as React from 'react';
import type { IRouter } from '../hooks/contexts';
import { Route, routeOfAddress, routePath, sameRoute } from './routes';

/**
 * The place in the page address; an empty address (or the page's own anchor) means "where the app
 * starts", an address of the app's that names no place is "not found".
 */
function routeFromHash(home: Route): Route {
  return routeOfAddress(window.location.hash) ?? home;
}

/**
 * The router: with `hash`, the place lives in the page address (#/omrade/…) and follows the back
 * button; with `memory`, it lives in the web part (several can sit on one page).
 *
 * A view with unsaved edits registers a guard (`guardLeave`); leaving it then asks first:
 * - the app's own links (navigate) wait for the answer;
 * - Back, Forward or an address typed in have already changed the address when the browser tells
 *   us (hashchange, which cannot be cancelled): the view's address is pushed back, so the page and
 *   the history are as they were, and "Lämna" goes back once more to where the user was going;
 * - closing or reloading the tab gets the browser's own question (beforeunload).
 */
export function useRouterState(home: Route, routing: 'hash' | 'memory', mode: 'app' | 'view', start?: Route): IRouter {
  // `start`: where to begin instead of home when the address names nothing (a Teams deep link).
  const initial = React.useMemo(() => (routing === 'hash' ? routeOfAddress(window.location.hash) ?? start ?? home : start ?? home), [home, routing, start]);
  const [route, setRoute] = React.useState<Route>(initial);
  const focusRequest = React.useRef(false);
  const current = React.useRef(route);
  current.current = route;
  const guards = React.useRef(new Set<() => boolean>());
  const unsaved = React.useCallback((): boolean => [...guards.current].some((g) => g()), []);
  // The next address change is the one the user already agreed to leave for.
  const agreed = React.useRef(false);
  const [leaving, setLeaving] = React.useState<IRouter['leaving']>();

  React.useEffect(() => {
    if (routing !== 'hash') {
      return undefined;
    }
    const onHashChange = (): void => {
      const next = routeFromHash(home);
      const wasAgreed = agreed.current;
      agreed.current = false;
      if (sameRoute(current.current, next)) {
        return;
      }
      if (!wasAgreed && unsaved()) {
        // Put the view's address back (a new entry in place of the one the user went to), then ask.
        window.history.pushState(window.history.state, '', `#/${routePath(current.current)}`);
        setLeaving({
          stay: () => setLeaving(undefined),
          leave: () => {
            setLeaving(undefined);
            agreed.current = true;
            window.history.back();
          }
        });
        return;
      }
      // The back button, or a link typed in: focus goes to the new view's title. When the app's own
      // navigate() changed the address, it is there already and has said where focus goes.
      focusRequest.current = true;
      setRoute(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [routing, home, unsaved]);

  React.useEffect(() => {
    // Closing or reloading the tab: the browser asks (it shows its own text; ours is not used).
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      if (unsaved()) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);

  const go = React.useCallback(
    (to: Route, options?: { focus?: boolean }) => {
      focusRequest.current = options?.focus !== false;
      if (routing === 'hash') {
        const hash = `#/${routePath(to)}`;
        if (window.location.hash !== hash) {
          agreed.current = true;
          window.location.hash = hash;
        }
      }
      setRoute((was) => (sameRoute(was, to) ? was : to));
    },
    [routing]
  );

  const navigate = React.useCallback(
    (to: Route, options?: { focus?: boolean }) => {
      if (!sameRoute(current.current, to) && unsaved()) {
        setLeaving({
          stay: () => setLeaving(undefined),
          leave: () => {
            setLeaving(undefined);
            go(to, options);
          }
        });
        return;
      }
      go(to, options);
    },
    [go, unsaved]
  );

  const guardLeave = React.useCallback((check: () => boolean) => {
    guards.current.add(check);
    return () => {
      guards.current.delete(check);
    };
  }, []);

  const replaceAddress = React.useCallback(
    (to: Route) => {
      if (routing === 'hash') {
        // replaceState fires no hashchange: the view stays; Back and reload see the new address.
        window.history.replaceState(window.history.state, '', `#/${routePath(to)}`);
      }
    },
    [routing]
  );

  return React.useMemo(() => ({ route, navigate, home, mode, routing, focusRequest, guardLeave, leaving, replaceAddress }), [route, navigate, home, mode, routing, guardLeave, leaving, replaceAddress]);
}
