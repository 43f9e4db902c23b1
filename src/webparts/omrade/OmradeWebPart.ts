import { IAreaSetting, IAreaWebPartProps, SakerhetWebPartBase } from '../base/SakerhetWebPartBase';

/** One security area's page; the area is chosen in the property pane. */
export default class OmradeWebPart extends SakerhetWebPartBase<IAreaWebPartProps> {
  protected readonly kind = 'area';
  protected readonly areaSetting: IAreaSetting = { label: 'propertyArea' };
}
