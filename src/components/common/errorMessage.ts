import { format, IStrings } from '../../loc';
import type { ServiceError } from '../../services/errors';

/** What to tell the user about a failed request, and whether trying again can help. */
export function errorMessage(strings: IStrings, error: ServiceError): string {
  switch (error.kind) {
    case 'offline':
      return strings.errorOffline;
    case 'throttled':
      return strings.errorThrottled;
    case 'forbidden':
      return strings.errorForbidden;
    case 'notFound':
      return strings.errorNotFound;
    case 'conflict':
      return strings.errorConflict;
    case 'threshold':
      return strings.errorThreshold;
    case 'invalid':
      return format(strings.errorInvalid, error.message);
    case 'rule':
      // Händelser would let staff read each other's reports: nothing was stored (fail closed).
      return error.code === 'listNotPrivate' ? strings.errorListNotPrivate : strings.errorUnknown;
    default:
      return strings.errorUnknown;
  }
}
