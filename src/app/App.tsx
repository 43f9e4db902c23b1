/**
 * The Säkerhet app: one React tree for every host. It gets its services and a description of its
 * host from outside (a web part or the dev host) and never touches SPFx or Teams itself.
 */
import * as React from 'react';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { HostContext, IHostState, RouterContext, ServicesContext, StringsContext } from '../hooks/contexts';
import { defaultStrings, IStrings, languageOf, loadStrings, PRELOAD_LABEL } from '../loc';
import type { IServices } from '../services/interfaces';
import { Shell } from '../components/Shell/Shell';
import { ViewSwitch } from './ViewSwitch';
import type { IHost } from './host';
import { ensureIcons } from './icons';
import { parseRoute, Route } from './routes';
import { THEMES, ThemeName } from './theme';
import { useRouterState } from './useRouterState';

export interface IAppProps {
  services: IServices;
  host: IHost;
  /** Where the app opens (a Teams deep link or the page address can take it elsewhere). */
  home: Route;
  /** `app`: the whole section with its navigation; `view`: one view, as a single web part. */
  mode: 'app' | 'view';
  routing: 'hash' | 'memory';
  headingLevel: 1 | 2;
}

export function App(props: IAppProps): JSX.Element {
  ensureIcons();
  const { host } = props;
  const [strings, setStrings] = React.useState<IStrings | undefined>(languageOf(host.locale) === 'sv' ? defaultStrings : undefined);
  const [themeName, setThemeName] = React.useState<ThemeName>(host.theme);

  React.useEffect(() => {
    let current = true;
    loadStrings(host.locale).then(
      (s) => current && setStrings(s),
      // The English chunk could not load: Swedish is better than nothing.
      () => current && setStrings(defaultStrings)
    );
    return () => {
      current = false;
    };
  }, [host.locale]);

  React.useEffect(() => {
    setThemeName(host.theme);
    return host.subscribeTheme?.(setThemeName);
  }, [host]);

  // A Teams deep link (subEntityId) opens the app at that place.
  const home = React.useMemo<Route>(() => (host.deepLink ? parseRoute(host.deepLink) ?? props.home : props.home), [host.deepLink, props.home]);
  // A deep link that names no place says so first; "home" stays the place to go back to.
  const start = React.useMemo<Route | undefined>(() => (host.deepLink && !parseRoute(host.deepLink) ? { name: 'notFound', path: host.deepLink.slice(0, 200) } : undefined), [host.deepLink]);
  const router = useRouterState(home, props.routing, props.mode, start);
  const hostState = React.useMemo<IHostState>(() => ({ ...host, theme: themeName, headingLevel: props.headingLevel }), [host, themeName, props.headingLevel]);
  const theme = themeName === 'light' && host.sectionTheme ? host.sectionTheme : THEMES[themeName];
  const stringsState = React.useMemo(() => (strings ? { strings, locale: host.locale } : undefined), [strings, host.locale]);

  return (
    <ThemeProvider theme={theme} applyTo="element" data-theme={themeName} lang={host.locale}>
      {stringsState ? (
        <ServicesContext.Provider value={props.services}>
          <HostContext.Provider value={hostState}>
            <StringsContext.Provider value={stringsState}>
              <RouterContext.Provider value={router}>
                <Shell>
                  <ViewSwitch />
                </Shell>
              </RouterContext.Provider>
            </StringsContext.Provider>
          </HostContext.Provider>
        </ServicesContext.Provider>
      ) : (
        <Spinner label={PRELOAD_LABEL[languageOf(host.locale)]} />
      )}
    </ThemeProvider>
  );
}
