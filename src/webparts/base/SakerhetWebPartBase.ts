/**
 * What every Säkerhet web part does with SPFx, and nothing more: build the services from the
 * context, describe the host (SharePoint page or Teams tab, theme, language), and mount the app.
 * The web parts themselves only say where the app opens and which settings they have.
 */
import { Version } from '@microsoft/sp-core-library';
import { IReadonlyTheme, ThemeChangedEventArgs, ThemeProvider } from '@microsoft/sp-component-base';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { createTheme } from '@fluentui/react/lib/Styling';
import type { IHost, ITeamsSdk } from '../../app/host';
import { teamsHost } from '../../app/host';
import { mountApp, mountNotConfigured, unmountApp } from '../../app/mountApp';
import { webPartView, WebPartKind } from '../../app/webParts';
import { IStrings, loadStrings, normalizeLocale } from '../../loc';
import { createServices, ISharePointServices } from '../../services';
import { createSp, ISPFXContext } from '../../services/sp';

export abstract class SakerhetWebPartBase<TProps extends object> extends BaseClientSideWebPart<TProps> {
  protected services!: ISharePointServices;
  protected host!: IHost;
  private themeProvider?: ThemeProvider;

  /** Which of the four web parts this is (see app/webParts.ts). */
  protected abstract readonly kind: WebPartKind;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const sp = createSp(this.context as unknown as ISPFXContext);
    this.services = createServices(sp, this.context.pageContext.web.serverRelativeUrl);
    // In Teams, SPFx hands over its own teams-js; the app never loads a second copy.
    const teams = this.context.sdks.microsoftTeams?.teamsJs as unknown as ITeamsSdk | undefined;
    if (teams) {
      this.host = await teamsHost(teams);
    } else {
      this.host = {
        kind: 'sharepoint',
        locale: normalizeLocale(this.context.pageContext.cultureInfo.currentUICultureName),
        theme: 'light'
      };
      this.themeProvider = this.context.serviceScope.consume(ThemeProvider.serviceKey);
      this.applySectionTheme(this.themeProvider.tryGetTheme());
      this.themeProvider.themeChangedEvent.add(this, (args: ThemeChangedEventArgs) => {
        this.applySectionTheme(args.theme);
        this.render();
      });
    }
  }

  /** A SharePoint section with a coloured background gives its own palette to the web parts in it. */
  private applySectionTheme(theme: IReadonlyTheme | undefined): void {
    if (!theme?.palette) {
      return;
    }
    this.host = {
      ...this.host,
      theme: theme.isInverted ? 'dark' : 'light',
      sectionTheme: createTheme({ palette: theme.palette, semanticColors: theme.semanticColors, isInverted: theme.isInverted })
    };
  }

  public render(): void {
    const { home, mode } = webPartView(this.kind, this.properties as { areaKey?: string });
    if (!home) {
      mountNotConfigured(this.domElement, this.host);
      return;
    }
    mountApp(this.domElement, {
      services: this.services,
      host: this.host,
      home,
      mode,
      routing: mode === 'app' ? 'hash' : 'memory',
      headingLevel: this.host.kind === 'teams' ? 1 : 2
    });
  }

  /** The web part's strings for its property pane, in the page's language. */
  protected loadStrings(): Promise<IStrings> {
    return loadStrings(this.host.locale);
  }

  protected onDispose(): void {
    unmountApp(this.domElement);
    super.onDispose();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }
}
