import type { IGoverningDocument } from '../../model/types';
import { daysBetween } from '../common/format';

export type Validity = 'current' | 'expiring' | 'expired' | 'notYet';

/** Expiring means ending within this many days. */
export const EXPIRY_WARNING_DAYS = 90;

/** Whether a document is in force today, ends soon, has ended or has not begun. */
export function validityOf(doc: IGoverningDocument, today: Date): Validity {
  if (doc.status === 'repealed') {
    return 'expired';
  }
  if (daysBetween(today, doc.validFrom) > 0) {
    return 'notYet';
  }
  if (!doc.validTo) {
    return 'current';
  }
  const left = daysBetween(today, doc.validTo);
  if (left < 0) {
    return 'expired';
  }
  return left <= EXPIRY_WARNING_DAYS ? 'expiring' : 'current';
}
