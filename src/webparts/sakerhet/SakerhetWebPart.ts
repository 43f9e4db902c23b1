import { IAreaWebPartProps, SakerhetWebPartBase } from '../base/SakerhetWebPartBase';

/**
 * The whole Säkerhet section as one app: overview, area pages, governing documents, reporting and
 * My reports. Also the Teams tab. The place is kept in the page address (#/omrade/…).
 */
export default class SakerhetWebPart extends SakerhetWebPartBase<IAreaWebPartProps> {
  protected readonly kind = 'app';
}
