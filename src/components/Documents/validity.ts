import { dayIn, daysBetween, TimeZone } from '../../model/calendar';
import type { IGoverningDocument } from '../../model/types';

export type Validity = 'current' | 'expiring' | 'expired' | 'notYet';

/** Expiring means ending within this many days. */
export const EXPIRY_WARNING_DAYS = 90;

/**
 * Whether a document is in force today, ends soon, has ended or has not begun. Giltig fr.o.m. and
 * t.o.m. are date-only values (midnight in the site's zone); both days count, on the site's calendar.
 * @param zone the site's time zone (IANA)
 */
export function validityOf(doc: IGoverningDocument, now: Date, zone: TimeZone): Validity {
  if (doc.status === 'repealed') {
    return 'expired';
  }
  const today = dayIn(now, zone);
  if (daysBetween(today, dayIn(doc.validFrom, zone)) > 0) {
    return 'notYet';
  }
  if (!doc.validTo) {
    return 'current';
  }
  const left = daysBetween(today, dayIn(doc.validTo, zone));
  if (left < 0) {
    return 'expired';
  }
  return left <= EXPIRY_WARNING_DAYS ? 'expiring' : 'current';
}
