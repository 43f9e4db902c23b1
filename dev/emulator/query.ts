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
import { ValueKind, columnKind, comparable, compareComparable } from './values';

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

/**
 * Compares a stored value with a filter literal by the column's kind (values.ts): text as text
 * (case-insensitively, whatever it looks like), dates as instants, numbers and booleans as numbers.
 */
function compareLiteral(op: string, actual: unknown, expected: Literal, kind: ValueKind | undefined): boolean {
  if (Array.isArray(actual)) {
    // Multi-value fields: eq means "contains".
    if (op === 'eq') {
      return actual.some((v) => compareLiteral('eq', v, expected, kind));
    }
    if (op === 'ne') {
      return !actual.some((v) => compareLiteral('eq', v, expected, kind));
    }
    return false;
  }
  const k = kind ?? inferKind(actual) ?? inferKind(expected) ?? 'text';
  const a = comparable(k, actual);
  const b = comparable(k, expected);
  if (a === undefined || b === undefined) {
    // Empty values (and literals that cannot be of the column's kind) only equal each other.
    const aEmpty = actual === null || actual === undefined;
    const bEmpty = expected === null;
    if (op === 'eq') {
      return aEmpty && bEmpty;
    }
    if (op === 'ne') {
      return !(aEmpty && bEmpty);
    }
    return false;
  }
  const c = compareComparable(a, b);
  switch (op) {
    case 'eq':
      return c === 0;
    case 'ne':
      return c !== 0;
    case 'gt':
      return c > 0;
    case 'ge':
      return c >= 0;
    case 'lt':
      return c < 0;
    case 'le':
      return c <= 0;
  }
  return false;
}

/** The kind of a value whose column is not known (site users' properties): by its JavaScript type. */
function inferKind(value: unknown): ValueKind | undefined {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : value instanceof Date ? 'date' : typeof value === 'string' ? 'text' : undefined;
}

/** Evaluates a filter against anything whose values a getter can read (list items, users). */
export function evaluate(
  node: FilterNode,
  valueOf: (field: string, sub?: string) => unknown,
  kindOf: (field: string, sub?: string) => ValueKind | undefined = () => undefined
): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, valueOf, kindOf) && evaluate(node.right, valueOf, kindOf);
    case 'or':
      return evaluate(node.left, valueOf, kindOf) || evaluate(node.right, valueOf, kindOf);
    case 'not':
      return !evaluate(node.operand, valueOf, kindOf);
    case 'cmp':
      return compareLiteral(node.op, valueOf(node.field.field, node.field.sub), node.value, kindOf(node.field.field, node.field.sub));
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

/** The kind of a column or of a property of an expanded lookup or person, for comparisons. */
function kindIn(list: ListData, field: string, sub?: string): ValueKind | undefined {
  if (sub === undefined) {
    return columnKind(list.schema, field);
  }
  if (sub === 'Id' || sub === 'ID') {
    return 'number';
  }
  const nav = navigationProperties(list.schema).get(field);
  return nav?.kind === 'lookup' ? columnKind(nav.target, sub) : 'text';
}

export function matches(store: Store, list: ListData, item: StoredItem, node: FilterNode): boolean {
  return evaluate(
    node,
    (field, sub) => pathValue(store, list, item, field, sub),
    (field, sub) => kindIn(list, field, sub)
  );
}

function sortValue(store: Store, list: ListData, item: StoredItem, field: string): number | string | null {
  return comparable(columnKind(list.schema, field) ?? 'text', pathValue(store, list, item, field)) ?? null;
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
  return compareComparable(a, b);
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
