import { IPropertyPaneConfiguration, PropertyPaneDropdown } from '@microsoft/sp-property-pane';
import type { IStrings } from '../../loc';
import { SakerhetWebPartBase } from '../base/SakerhetWebPartBase';
import type { IAreaOptions } from '../base/propertyPane';

export interface IOmradeWebPartProps {
  areaKey: string;
}

/** One security area's page; the area is chosen in the property pane. */
export default class OmradeWebPart extends SakerhetWebPartBase<IOmradeWebPartProps> {
  private strings?: IStrings;
  private areaOptions: IAreaOptions = { options: [] };

  protected readonly kind = 'area';

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
