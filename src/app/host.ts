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
  /**
   * The language the lists' content is written in (BCP 47, e.g. "sv"): the site's language, which
   * SharePoint gives as an LCID (`pageContext.web.language`; 1053, sv-SE, for a Swedish site). The UI may
   * be in English while the region's texts stay Swedish (WCAG 3.1.2). Undefined when unknown.
   */
  contentLanguage?: string;
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

/**
 * A site's language as a BCP 47 tag, from the LCID SharePoint gives (SPWeb.Language; LCIDs as in
 * Microsoft's [MS-LCID]). Only languages a Swedish region's site would be created in; another LCID
 * gives undefined rather than a guess.
 */
export function languageOfLcid(lcid: number | undefined): string | undefined {
  const tags: Record<number, string> = { 1053: 'sv-SE', 2077: 'sv-FI', 1033: 'en-US', 2057: 'en-GB', 1035: 'fi-FI', 1044: 'nb-NO', 1030: 'da-DK', 1031: 'de-DE' };
  return lcid === undefined ? undefined : tags[lcid];
}

/** Reads locale, theme and deep link from Teams; `localeOverride` wins over Teams' locale. */
export async function teamsHost(teams: ITeamsSdk, localeOverride?: string, contentLanguage?: string): Promise<IHost> {
  const context = await teams.app.getContext();
  const listeners = new Set<(theme: ThemeName) => void>();
  teams.app.registerOnThemeChangeHandler((theme) => listeners.forEach((l) => l(themeFromTeams(theme))));
  return {
    kind: 'teams',
    locale: normalizeLocale(localeOverride ?? context.app.locale),
    contentLanguage,
    theme: themeFromTeams(context.app.theme),
    deepLink: context.page?.subPageId || undefined,
    subscribeTheme: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
}
