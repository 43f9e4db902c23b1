/**
 * What the product needs to know of the site itself: its time zone (regional settings), on whose
 * calendar every date-only value, deadline, "today" and "this year" is counted. Read once per page
 * session, within a view's $batch where the view has one.
 */
import { SPInstance } from '@pnp/sp';
import type { TimeZone } from '../model/calendar';
import { ianaZoneOf, ISharePointTimeZone } from '../model/sharePointTimeZones';
import type { SessionCache } from './SessionCache';
import type { SPFI } from './sp';

const KEY = 'timeZone';

export class SiteService {
  constructor(private readonly sp: SPFI, private readonly cache: SessionCache) {}

  public get cached(): boolean {
    return this.cache.has(KEY);
  }

  /**
   * The site's time zone as an IANA zone, from `_api/web/RegionalSettings/TimeZone` (SharePoint's
   * zone ID, mapped in sharePointTimeZones.ts).
   * @param sp a batched SPFI to join a view's round trip; the answer is cached either way.
   */
  public timeZone(sp: SPFI = this.sp): Promise<TimeZone> {
    return this.cache.get(KEY, async () => {
      // web/RegionalSettings/TimeZone, without PnPjs's regional-settings module (its other helpers cost bundle size).
      const settings = (await SPInstance(sp.web, 'regionalsettings/timezone')()) as ISharePointTimeZone;
      const { zone, known } = ianaZoneOf(settings);
      if (!known) {
        // Dates stay right outside summer time; say so where an admin will look.
        console.warn(`Säkerhet: SharePoint time zone ${settings.Id} (${settings.Description ?? ''}) is not in the product's table; using ${zone}.`);
      }
      return zone;
    });
  }
}
