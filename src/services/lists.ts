import type { IList } from '@pnp/sp/lists';
import { toServiceError } from './errors';
import type { SPFI } from './sp';
import { IListSchema, listServerRelativeUrl } from '../model/schema';

/** A list by its server-relative URL: owners may rename titles, never URLs. */
export function listOf(sp: SPFI, list: IListSchema, siteUrl: string): IList {
  return sp.web.getList(listServerRelativeUrl(list, siteUrl));
}

/** An OData string literal: quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** SharePoint's list view threshold: no query may scan more items than this. */
export const THRESHOLD = 5000;

/**
 * For a promise on a list the user may have no access to (a visitor and Händelser): SharePoint's
 * refusal (403, or 404 where it hides the list) becomes `fallback`; any other error stays an error.
 */
export function noAccessAs<T>(fallback: T): (err: unknown) => T {
  return (err: unknown): T => {
    const kind = toServiceError(err).kind;
    if (kind === 'forbidden' || kind === 'notFound') {
      return fallback;
    }
    throw err;
  };
}
