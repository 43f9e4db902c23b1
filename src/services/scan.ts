/**
 * Reading a list that may hold far more than SharePoint's list view threshold: one query per
 * window of 5,000 item IDs (an indexed range SharePoint can always serve), all windows in one
 * $batch request (PnPjs splits it into several HTTP requests of 20 when there are more).
 */
import { InjectHeaders } from '@pnp/queryable';
import type { IList } from '@pnp/sp/lists';
import type { SPFI } from './sp';
import { THRESHOLD } from './lists';
import { inOneBatch } from './batch';

type Raw = Record<string, unknown>;

const NO_METADATA = InjectHeaders({ Accept: 'application/json;odata=nometadata' });

export interface IScanOptions {
  select: string[];
  expand?: string[];
  /**
   * Applied within each window, after the ID range; several conditions are each kept a condition
   * of their own (`… and (a) and (b)`), so one that guards a field (reporterVisibleTo) stays
   * visible at the top of the filter.
   */
  filter?: string | string[];
}

/** A condition in parentheses, unless one pair already encloses all of it. */
function grouped(condition: string): string {
  if (condition.startsWith('(')) {
    let depth = 0;
    for (let i = 0; i < condition.length; i++) {
      depth += condition[i] === '(' ? 1 : condition[i] === ')' ? -1 : 0;
      if (depth === 0) {
        if (i === condition.length - 1) {
          return condition;
        }
        break;
      }
    }
  }
  return `(${condition})`;
}

/** The highest item ID of a list (ordering by ID is always allowed). */
export async function maxItemId(list: IList): Promise<number> {
  const rows: Raw[] = await list.items.select('Id').orderBy('Id', false).top(1)();
  return rows.length ? Number(rows[0].Id) : 0;
}

/**
 * One window (from, to] of a list. Scans read many rows and never write them back, so they ask
 * for no OData metadata: without the type, id, ETag and edit link of every item the answer is
 * about half the size.
 */
export function scanWindow(list: IList, from: number, to: number, options: IScanOptions): Promise<Raw[]> {
  const conditions = (Array.isArray(options.filter) ? options.filter : [options.filter]).filter((c): c is string => !!c);
  const filter = [`Id gt ${from} and Id le ${to}`, ...conditions.map(grouped)].join(' and ');
  let query = list.items.using(NO_METADATA).select(...options.select).filter(filter).top(THRESHOLD);
  if (options.expand?.length) {
    query = query.expand(...options.expand);
  }
  return query();
}

/** Every item with an ID above `startAt` and up to `maxId` that passes the filter, in ID windows within one batch. */
export async function scanAll(sp: SPFI, listOf: (sp: SPFI) => IList, maxId: number, options: IScanOptions, startAt: number = 0): Promise<Raw[]> {
  const windows: [number, number][] = [];
  for (let from = startAt; from < maxId; from += THRESHOLD) {
    windows.push([from, from + THRESHOLD]);
  }
  if (windows.length === 0) {
    return [];
  }
  const pages = await inOneBatch(sp, (b) => windows.map(([from, to]) => scanWindow(listOf(b), from, to, options)));
  return (pages as Raw[][]).flat();
}
