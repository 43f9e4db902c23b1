import { IAreaSetting, IAreaWebPartProps, SakerhetWebPartBase } from '../base/SakerhetWebPartBase';

/** The lägesbild for the region, or preset to one area; the year is chosen in the view. */
export default class LagesbildWebPart extends SakerhetWebPartBase<IAreaWebPartProps> {
  protected readonly kind = 'situation';
  protected readonly areaSetting: IAreaSetting = { label: 'propertyArea', none: 'wholeRegion' };
}
