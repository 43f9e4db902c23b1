import * as React from 'react';
import { languageOf } from '../loc';
import { routePath } from '../app/routes';
import { HostContext, IHostState, IStringsState, INavigationUser, KnownUserContext, RouterContext, ViewSectionContext, IRouter, StringsContext, TimeZoneContext } from './contexts';

export function useHost(): IHostState {
  return React.useContext(HostContext);
}

export function useStrings(): IStringsState {
  return React.useContext(StringsContext);
}

export function useRouter(): IRouter {
  return React.useContext(RouterContext);
}

/** The site's time zone; only inside a view that has loaded (see TimeZoneContext). */
export function useTimeZone(): string {
  const zone = React.useContext(TimeZoneContext);
  if (!zone) {
    throw new Error('No site time zone: render dates inside a view that has loaded its data.');
  }
  return zone;
}

/**
 * The `lang` to put on text that comes from the lists (WCAG 3.1.2, language of parts): the site's
 * language where the UI speaks another one (English UI, Swedish lists); undefined where they agree,
 * so the markup says nothing it does not need to.
 */
export function useContentLang(): string | undefined {
  const { contentLanguage, locale } = useHost();
  // Only the language counts: sv-SE lists in a sv-FI UI need no mark.
  return contentLanguage && contentLanguage.split('-')[0].toLowerCase() !== languageOf(locale) ? contentLanguage : undefined;
}

/** Tells the shell who is signed in, once a view has loaded them (see KnownUserContext). */
export function useAnnounceUser(user: INavigationUser | undefined): void {
  const announce = React.useContext(KnownUserContext);
  React.useEffect(() => {
    if (user) {
      announce(user);
    }
  }, [announce, user]);
}

/**
 * Tells the shell which navigation section the current view belongs to (see ViewSectionContext);
 * undefined: the one its route names.
 */
export function useViewSection(section: 'myReports' | 'queue' | undefined): void {
  const announce = React.useContext(ViewSectionContext);
  const { route } = React.useContext(RouterContext);
  const path = routePath(route);
  React.useEffect(() => {
    if (section) {
      announce(path, section);
    }
  }, [announce, path, section]);
}
