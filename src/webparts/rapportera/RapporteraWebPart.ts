import { IAreaSetting, IAreaWebPartProps, SakerhetWebPartBase } from '../base/SakerhetWebPartBase';

/** The report form for one area (chosen in the property pane), e.g. on the area's own page. */
export default class RapporteraWebPart extends SakerhetWebPartBase<IAreaWebPartProps> {
  protected readonly kind = 'report';
  protected readonly areaSetting: IAreaSetting = { label: 'propertyArea' };
}
