import { IPropertyPaneConfiguration, PropertyPaneDropdown } from '@microsoft/sp-property-pane';
import type { IStrings } from '../../loc';
import { SakerhetWebPartBase } from '../base/SakerhetWebPartBase';
import type { IAreaOptions } from '../base/propertyPane';

export interface IRapporteraWebPartProps {
  areaKey: string;
}

/** The report form for one area (chosen in the property pane), e.g. on the area's own page. */
export default class RapporteraWebPart extends SakerhetWebPartBase<IRapporteraWebPartProps> {
  private strings?: IStrings;
  private areaOptions: IAreaOptions = { options: [] };

  protected readonly kind = 'report';

  protected async loadPropertyPaneResources(): Promise<void> {
    const { loadAreaOptions } = await import(/* webpackChunkName: 'sakerhet-property-pane' */ '../base/propertyPane');
    this.strings = await this.loadStrings();
    this.areaOptions = await loadAreaOptions(this.services, this.strings);
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const strings = this.strings!;
    return {
      pages: [
        {
          header: { description: strings.propertyPaneDescription },
          groups: [
            {
              groupFields: [
                PropertyPaneDropdown('areaKey', {
                  label: strings.propertyArea,
                  options: this.areaOptions.options,
                  selectedKey: this.properties.areaKey,
                  disabled: this.areaOptions.options.length === 0
                })
              ]
            }
          ]
        }
      ]
    };
  }
}
