/** The React contexts the app's components read: services, host, strings and router. */
import * as React from 'react';
import type { IHost } from '../app/host';
import type { Route } from '../app/routes';
import type { ThemeName } from '../app/theme';
import { defaultStrings, IStrings, Locale } from '../loc';
import type { IServices } from '../services/interfaces';

export const ServicesContext = React.createContext<IServices | undefined>(undefined);

export interface IHostState extends IHost {
  theme: ThemeName;
  /** 1 when the app is the page's main content, 2 when it is one web part among others. */
  headingLevel: 1 | 2;
}

export const HostContext = React.createContext<IHostState>({ kind: 'sharepoint', locale: 'sv-SE', theme: 'light', headingLevel: 1 });

export interface IStringsState {
  strings: IStrings;
  locale: Locale;
}

export const StringsContext = React.createContext<IStringsState>({ strings: defaultStrings, locale: 'sv-SE' });

export interface IRouter {
  route: Route;
  /**
   * Goes to a place. Focus moves to the new view's title, unless `focus` is false: a control that
   * changes what a view shows (the lägesbild's year) keeps the focus where the user is.
   */
  navigate(route: Route, options?: { focus?: boolean }): void;
  /** The route the app started on (single-view web parts return here). */
  home: Route;
  /** Whether the whole section is shown (with its navigation), or one view of it. */
  mode: 'app' | 'view';
  /** Whether the place lives in the page address (the whole-section web part) or in memory. */
  routing: 'hash' | 'memory';
  /** Set when the user navigated: the next view title to appear takes focus (see ViewTitle). */
  focusRequest: { current: boolean };
  /**
   * Registers a check for unsaved edits; while it returns true, leaving the view (a link, Back, a
   * typed address, closing the tab) asks first. Returns the function that removes the check.
   */
  guardLeave(hasUnsavedEdits: () => boolean): () => void;
  /** While the user is being asked whether to leave unsaved edits: the answers. */
  leaving?: { stay(): void; leave(): void };
  /**
   * Puts `route`'s address in place of the current one (no new history entry, no view change),
   * where the address routes: after a submit the receipt's address is the sent report's, so a
   * reload shows the report rather than an empty form. Optional: the default router has none.
   */
  replaceAddress?(route: Route): void;
}

export const RouterContext = React.createContext<IRouter>({ route: { name: 'overview' }, navigate: () => undefined, home: { name: 'overview' }, mode: 'app', routing: 'memory', focusRequest: { current: false }, guardLeave: () => () => undefined });

/**
 * The site's time zone (IANA), from SharePoint's regional settings. Each view provides it once its
 * data (which carries it) has loaded; everything below formats and counts dates on that calendar.
 */
export const TimeZoneContext = React.createContext<string | undefined>(undefined);

/**
 * Where a view names itself for the page title: (the view's path, its name). The shell decides
 * what the page title becomes (see app/documentTitle.ts).
 */
export const ViewTitleContext = React.createContext<(path: string, title: string) => void>(() => undefined);

/** What the navigation needs to know of the signed-in user (a subset of ICurrentUser). */
export interface INavigationUser {
  canManageReports: boolean;
  canReport: boolean;
}

/**
 * Where a view tells the shell who is signed in, once its data (which carries the user) has come:
 * the navigation offers "Att hantera" and the lägesbild to people who handle reports, and
 * "Rapportera" and "Mina rapporter" only to people who may file reports (not intranet visitors).
 */
export const KnownUserContext = React.createContext<(user: INavigationUser) => void>(() => undefined);

/**
 * Where a view tells the shell which navigation section it belongs to when its route alone does not
 * say: a report's page is "Mina rapporter" for its reporter, "Att hantera" for those who handle it.
 * (the view's path, the section's route name).
 */
export const ViewSectionContext = React.createContext<(path: string, section: string) => void>(() => undefined);
