import { IAreaSetting, IAreaWebPartProps, SakerhetWebPartBase } from '../base/SakerhetWebPartBase';

/** The governing documents, searchable and filterable; optionally preset to one area. */
export default class StyrandeDokumentWebPart extends SakerhetWebPartBase<IAreaWebPartProps> {
  protected readonly kind = 'documents';
  protected readonly areaSetting: IAreaSetting = { label: 'propertyDocumentArea', none: 'propertyDocumentAreaAll' };
}
