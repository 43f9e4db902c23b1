/**
 * Runs an items query the way SharePoint does on a list: the list view threshold first
 * (threshold.ts), then security trimming, the filter, the sort and a page with a skiptoken for the
 * next one.
 */
import type { ListShape } from './fields';
import { Errors, SPError } from './errors';
import { navigationProperties, pathValue, scalarProperties } from './fields';
import { FilterNode, Literal, OrderKey, filterFields } from './odata';
import { candidates } from './threshold';
import { ListData, Store, StoredItem } from './store';

export const DEFAULT_TOP = 100;

export interface ItemQuery {
  filter?: FilterNode;
  orderBy: OrderKey[];
  top?: number;
  skipToken?: string;
}

export interface QueryResult {
  items: StoredItem[];
  /** The skiptoken for the next page, when there is one. */
  nextSkipToken?: string;
}

/** Rejects filters and sorts on columns the list does not have, as SharePoint does. */
export function checkFields(list: ListShape, query: ItemQuery): void {
  const scalars = new Set(scalarProperties(list));
  const nav = navigationProperties(list);
  for (const path of query.filter ? filterFields(query.filter) : []) {
    if (path.sub === undefined) {
      if (!scalars.has(path.field)) {
        throw Errors.fieldNotFound(path.field);
      }
    } else if (!nav.has(path.field)) {
      throw Errors.fieldNotFound(`${path.field}/${path.sub}`);
    }
  }
  for (const key of query.orderBy) {
    if (!scalars.has(key.field)) {
      throw Errors.fieldNotFound(key.field);
    }
  }
}

function toComparable(value: unknown): number | string | boolean | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value.getTime();
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    const t = Date.parse(value);
    return isNaN(t) ? value : t;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  return null;
}

function compareLiteral(op: string, actual: unknown, expected: Literal): boolean {
  if (Array.isArray(actual)) {
    // Multi-value fields: eq means "contains".
    if (op === 'eq') {
      return actual.some((v) => compareLiteral('eq', v, expected));
    }
    if (op === 'ne') {
      return !actual.some((v) => compareLiteral('eq', v, expected));
    }
    return false;
  }
  let a = toComparable(actual);
  let b = toComparable(expected);
  // Booleans are written as 1/0 in SharePoint filters.
  if (typeof a === 'boolean' && typeof b === 'number') {
    a = a ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'boolean') {
    b = b ? 1 : 0;
  }
  if (typeof a === 'boolean') {
    a = a ? 1 : 0;
  }
  if (typeof b === 'boolean') {
    b = b ? 1 : 0;
  }
  if (a === null || b === null) {
    if (op === 'eq') {
      return a === b;
    }
    if (op === 'ne') {
      return a !== b;
    }
    return false;
  }
  if (typeof a === 'string' && typeof b === 'number') {
    const n = Number(a);
    if (!isNaN(n)) {
      a = n;
    }
  }
  if (typeof a === 'number' && typeof b === 'string') {
    const n = typeof expected === 'string' && /^\d{4}-\d{2}-\d{2}/.test(expected) ? Date.parse(expected) : Number(b);
    if (!isNaN(n)) {
      b = n;
    }
  }
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
  }
  return false;
}

/** Evaluates a filter against anything whose values a getter can read (list items, users). */
export function evaluate(node: FilterNode, valueOf: (field: string, sub?: string) => unknown): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, valueOf) && evaluate(node.right, valueOf);
    case 'or':
      return evaluate(node.left, valueOf) || evaluate(node.right, valueOf);
    case 'not':
      return !evaluate(node.operand, valueOf);
    case 'cmp':
      return compareLiteral(node.op, valueOf(node.field.field, node.field.sub), node.value);
    case 'startswith': {
      const v = valueOf(node.field.field, node.field.sub);
      return typeof v === 'string' && v.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'substringof': {
      const v = valueOf(node.field.field, node.field.sub);
      return typeof v === 'string' && v.toLowerCase().includes(node.value.toLowerCase());
    }
  }
}

export function matches(store: Store, list: ListData, item: StoredItem, node: FilterNode): boolean {
  return evaluate(node, (field, sub) => pathValue(store, list, item, field, sub));
}

function sortValue(store: Store, list: ListData, item: StoredItem, field: string): number | string | null {
  const v = toComparable(pathValue(store, list, item, field));
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function compareValues(a: number | string | null, b: number | string | null): number {
  if (a === b) {
    return 0;
  }
  if (a === null) {
    return -1;
  }
  if (b === null) {
    return 1;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    return a.localeCompare(b, 'sv');
  }
  return a < b ? -1 : 1;
}

function encodeSkipToken(keys: OrderKey[], values: (number | string | null)[], id: number): string {
  const parts = ['Paged=TRUE'];
  keys.forEach((k, i) => parts.push(`p_${k.field}=${encodeURIComponent(JSON.stringify(values[i]))}`));
  parts.push(`p_ID=${id}`);
  return parts.join('&');
}

function decodeSkipToken(token: string): { id: number; values: Map<string, number | string | null> } {
  const values = new Map<string, number | string | null>();
  let id = NaN;
  for (const part of token.split('&')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq);
    const raw = decodeURIComponent(part.slice(eq + 1));
    if (name === 'p_ID') {
      id = Number(raw);
    } else if (name.startsWith('p_')) {
      try {
        values.set(name.slice(2), JSON.parse(raw));
      } catch {
        values.set(name.slice(2), raw);
      }
    }
  }
  if (!token.startsWith('Paged=TRUE') || isNaN(id)) {
    throw Errors.badRequest(`The $skiptoken '${token}' is not valid.`);
  }
  return { id, values };
}

export function runQuery(
  store: Store,
  list: ListData,
  query: ItemQuery,
  canSee: (item: StoredItem) => boolean
): QueryResult {
  checkFields(list.schema, query);
  const top = query.top ?? DEFAULT_TOP;
  if (!Number.isInteger(top) || top < 0) {
    throw new SPError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The $top value must be a non-negative integer.');
  }
  let rows = candidates(store, list, query, top).filter(canSee);
  if (query.filter) {
    const filter = query.filter;
    rows = rows.filter((item) => matches(store, list, item, filter));
  }
  const keys = query.orderBy;
  const decorated = rows.map((item) => ({ item, values: keys.map((k) => sortValue(store, list, item, k.field)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const c = compareValues(a.values[i], b.values[i]);
      if (c !== 0) {
        return keys[i].ascending ? c : -c;
      }
    }
    return a.item.id - b.item.id;
  });
  let start = 0;
  if (query.skipToken) {
    const token = decodeSkipToken(query.skipToken);
    const after = (row: { item: StoredItem; values: (number | string | null)[] }): boolean => {
      for (let i = 0; i < keys.length; i++) {
        if (!token.values.has(keys[i].field)) {
          continue;
        }
        const c = compareValues(row.values[i], token.values.get(keys[i].field)!);
        if (c !== 0) {
          return keys[i].ascending ? c > 0 : c < 0;
        }
      }
      return row.item.id > token.id;
    };
    start = decorated.findIndex(after);
    if (start < 0) {
      start = decorated.length;
    }
  }
  const page = decorated.slice(start, start + top);
  const more = start + top < decorated.length && page.length > 0;
  const last = page[page.length - 1];
  return {
    items: page.map((r) => r.item),
    nextSkipToken: more && last ? encodeSkipToken(keys, last.values, last.item.id) : undefined
  };
}
