/**
 * Where the app runs – a SharePoint page or a Teams tab – described for the React tree, so that no
 * component ever touches the SPFx context or the Teams SDK.
 */
import type { ITheme } from '@fluentui/react/lib/Styling';
import { Locale, normalizeLocale } from '../loc';
import { ThemeName, themeFromTeams } from './theme';

export interface IHost {
  kind: 'sharepoint' | 'teams';
  locale: Locale;
  theme: ThemeName;
  /** A SharePoint section's theme (its background variant), when the page has one. */
  sectionTheme?: ITheme;
  /** The deep link Teams opened the tab with (subEntityId), e.g. "omrade/patientsakerhet". */
  deepLink?: string;
  /** Follow theme changes while the app runs (Teams). Returns the unsubscribe function. */
  subscribeTheme?: (listener: (theme: ThemeName) => void) => () => void;
}

/**
 * The part of @microsoft/teams-js (v2) the app uses. SPFx hands over its own loaded instance
 * (context.sdks.microsoftTeams.teamsJs); we never bundle a second copy, and only import types.
 */
export interface ITeamsSdk {
  app: {
    getContext(): Promise<{ app: { theme?: string; locale?: string }; page?: { subPageId?: string } }>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  };
}

/** Reads locale, theme and deep link from Teams; `localeOverride` wins over Teams' locale. */
export async function teamsHost(teams: ITeamsSdk, localeOverride?: string): Promise<IHost> {
  const context = await teams.app.getContext();
  const listeners = new Set<(theme: ThemeName) => void>();
  teams.app.registerOnThemeChangeHandler((theme) => listeners.forEach((l) => l(themeFromTeams(theme))));
  return {
    kind: 'teams',
    locale: normalizeLocale(localeOverride ?? context.app.locale),
    theme: themeFromTeams(context.app.theme),
    deepLink: context.page?.subPageId || undefined,
    subscribeTheme: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
}
