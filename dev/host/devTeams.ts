/**
 * A stand-in for the Teams JavaScript SDK (v2) that SPFx hands a web part inside a Teams tab:
 * the context (theme, locale, the deep link's subPageId) and theme-change events, driven by the
 * dev host's theme menu as Teams drives them when the user changes theme.
 */
import type { ITeamsSdk } from '../../src/app/host';

export class DevTeams implements ITeamsSdk {
  private readonly handlers: ((theme: string) => void)[] = [];

  constructor(private theme: string, private readonly locale: string, private readonly subPageId?: string) {}

  public readonly app: ITeamsSdk['app'] = {
    getContext: async () => ({ app: { theme: this.theme, locale: this.locale }, page: { subPageId: this.subPageId } }),
    registerOnThemeChangeHandler: (handler) => {
      this.handlers.push(handler);
    }
  };

  public setTheme(theme: string): void {
    this.theme = theme;
    this.handlers.forEach((h) => h(theme));
  }

  /** For the dev host page itself (its background follows the theme too). */
  public onTheme(handler: (theme: string) => void): void {
    this.handlers.push(handler);
  }
}
