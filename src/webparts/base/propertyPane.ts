/**
 * Property pane helpers, loaded only when an editor opens a web part's settings.
 */
import type { IPropertyPaneDropdownOption } from '@microsoft/sp-property-pane';
import type { IStrings } from '../../loc';
import type { IServices } from '../../services/interfaces';

export interface IAreaOptions {
  options: IPropertyPaneDropdownOption[];
  error?: string;
}

/** The areas as dropdown options, in display order. */
export async function loadAreaOptions(services: IServices, strings: IStrings, includeAll?: string): Promise<IAreaOptions> {
  try {
    const areas = await services.areas.getAreas();
    const options = areas.map((a) => ({ key: a.key, text: a.title }));
    return { options: includeAll ? [{ key: '', text: includeAll }, ...options] : options };
  } catch {
    return { options: [], error: strings.propertyAreaFailed };
  }
}
