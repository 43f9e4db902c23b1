/**
 * What every Säkerhet web part does with SPFx, and nothing more: build the services from the
 * context, describe the host (SharePoint page or Teams tab, theme, language), and mount the app.
 * The web parts themselves only say where the app opens and which settings they have.
 */
import { Version } from '@microsoft/sp-core-library';
import { IReadonlyTheme, ThemeChangedEventArgs, ThemeProvider } from '@microsoft/sp-component-base';
import { IPropertyPaneConfiguration, IPropertyPaneField, PropertyPaneDropdown, PropertyPaneLabel } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { createTheme } from '@fluentui/react/lib/Styling';
import type { IHost, ITeamsSdk } from '../../app/host';
import { languageOfLcid, teamsHost } from '../../app/host';
import { mountApp, mountNotConfigured, unmountApp } from '../../app/mountApp';
import { webPartView, WebPartKind } from '../../app/webParts';
import { IStrings, loadStrings, normalizeLocale } from '../../loc';
import { createServices, ISharePointServices, reportLinks } from '../../services';
import { INCIDENTS_LIST } from '../../model/schema';
import { createSp, ISPFXContext } from '../../services/sp';
import type { IAreaOptions } from './propertyPane';

/** A web part's one setting, the area: its label, and the label of "no area" when that is allowed. */
export interface IAreaSetting {
  label: keyof IStrings;
  /** When set, the area is optional and this is the choice for none (all areas, the whole region). */
  none?: keyof IStrings;
}

export interface IAreaWebPartProps {
  areaKey?: string;
}

export abstract class SakerhetWebPartBase<TProps extends IAreaWebPartProps> extends BaseClientSideWebPart<TProps> {
  protected services!: ISharePointServices;
  protected host!: IHost;
  private themeProvider?: ThemeProvider;
  private strings?: IStrings;
  private areaOptions: IAreaOptions = { options: [] };

  /** Which of the web parts this is (see app/webParts.ts). */
  protected abstract readonly kind: WebPartKind;
  /** The area setting in the property pane, for web parts that have one. */
  protected readonly areaSetting?: IAreaSetting;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const sp = createSp(this.context as unknown as ISPFXContext);
    // In Teams, SPFx hands over its own teams-js; the app never loads a second copy.
    const teams = this.context.sdks.microsoftTeams?.teamsJs as unknown as ITeamsSdk | undefined;
    // The lists are written in the site's language, whatever language the UI is in.
    const contentLanguage = languageOfLcid(this.context.pageContext.web.language);
    const web = this.context.pageContext.web;
    // E-mail goes through Microsoft Graph as the signed-in user: SPFx's MSGraphClientV3, with the
    // Mail.Send permission package-solution.json requests (sp-dev-docs, use-msgraph.md). The
    // report's link is this page when it holds the whole section, else SharePoint's list form.
    const graphFactory = this.context.msGraphClientFactory;
    const appPage = !teams && webPartView(this.kind, this.properties).mode === 'app' ? `${window.location.origin}${window.location.pathname}` : undefined;
    this.services = createServices(sp, web.serverRelativeUrl, undefined, {
      graph: () => graphFactory.getClient('3'),
      strings: () => loadStrings(normalizeLocale(contentLanguage)),
      reportLink: reportLinks(web.absoluteUrl, INCIDENTS_LIST.url, appPage)
    });
    if (teams) {
      this.host = await teamsHost(teams, undefined, contentLanguage);
    } else {
      this.host = {
        kind: 'sharepoint',
        locale: normalizeLocale(this.context.pageContext.cultureInfo.currentUICultureName),
        theme: 'light',
        contentLanguage
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
    const { home, mode } = webPartView(this.kind, this.properties);
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

  /** Loaded only when an editor opens the settings: the strings and the areas to choose from. */
  protected async loadPropertyPaneResources(): Promise<void> {
    if (!this.areaSetting) {
      return;
    }
    const { loadAreaOptions } = await import(/* webpackChunkName: 'sakerhet-property-pane' */ './propertyPane');
    this.strings = await loadStrings(this.host.locale);
    this.areaOptions = await loadAreaOptions(this.services, this.strings, this.areaSetting.none && this.strings[this.areaSetting.none]);
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const strings = this.strings;
    if (!this.areaSetting || !strings) {
      return { pages: [] };
    }
    const fields: IPropertyPaneField<unknown>[] = [
      PropertyPaneDropdown('areaKey', {
        label: strings[this.areaSetting.label],
        options: this.areaOptions.options,
        selectedKey: this.properties.areaKey ?? '',
        disabled: this.areaOptions.options.length === 0
      })
    ];
    if (this.areaOptions.error) {
      fields.push(PropertyPaneLabel('areaKey', { text: this.areaOptions.error }));
    }
    return { pages: [{ header: { description: strings.propertyPaneDescription }, groups: [{ groupFields: fields }] }] };
  }

  protected onDispose(): void {
    unmountApp(this.domElement);
    super.onDispose();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }
}
