import type { IList } from '@pnp/sp/lists';
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
