import { IPropertyPaneConfiguration, PropertyPaneDropdown } from '@microsoft/sp-property-pane';
import type { IStrings } from '../../loc';
import { SakerhetWebPartBase } from '../base/SakerhetWebPartBase';
import type { IAreaOptions } from '../base/propertyPane';

export interface IStyrandeDokumentWebPartProps {
  /** Optional: start filtered to one area. */
  areaKey?: string;
}

/** The governing documents, searchable and filterable; optionally preset to one area. */
export default class StyrandeDokumentWebPart extends SakerhetWebPartBase<IStyrandeDokumentWebPartProps> {
  private strings?: IStrings;
  private areaOptions: IAreaOptions = { options: [] };

  protected readonly kind = 'documents';

  protected async loadPropertyPaneResources(): Promise<void> {
    const { loadAreaOptions } = await import(/* webpackChunkName: 'sakerhet-property-pane' */ '../base/propertyPane');
    this.strings = await this.loadStrings();
    this.areaOptions = await loadAreaOptions(this.services, this.strings, this.strings.propertyDocumentAreaAll);
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
                  label: strings.propertyDocumentArea,
                  options: this.areaOptions.options,
                  selectedKey: this.properties.areaKey ?? '',
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
