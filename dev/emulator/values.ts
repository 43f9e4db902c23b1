/**
 * How SharePoint compares the values of a column: by the column's type, never by what a value
 * looks like. A text column holding "2026-01-01T10:00:00Z" holds text; a number column holds numbers.
 *
 * Text is compared as SharePoint's content database compares it: case-insensitively and
 * accent-sensitively, in the site's sort order. Sources:
 * - "Enforcing Uniqueness in Column Values" (SharePoint Foundation 2010, still how unique columns
 *   work): "SharePoint Foundation uses the sort order of the site (the SPWeb) to do uniqueness
 *   comparisons. Note that the comparison is case-insensitive, so the values "hello world" and
 *   "Hello World" are evaluated as equivalent."
 *   https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ee536168(v=office.14)
 * - SPRegionalSettings.Collation: the site's sort order; 11 = Finnish/Swedish for a Swedish site.
 *   https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ms367805(v=office.15)
 * - SharePoint's databases use the collation Latin1_General_CI_AS_KS_WS (case-insensitive,
 *   accent-sensitive), so CAML `Eq` and REST `eq` on text match regardless of case; filters on
 *   text GUIDs that differ only in case match the same item (reported with SharePoint 2010's REST
 *   service: https://elevatepoint.com/i-am-totally-insensitive-to-sharepoint-caml-querying/).
 */

export type ValueKind = 'text' | 'number' | 'date' | 'boolean';

/** Columns every list item has, by their stored (REST) names. */
const SYSTEM_KINDS: Record<string, ValueKind> = {
  ID: 'number',
  Id: 'number',
  AuthorId: 'number',
  EditorId: 'number',
  Created: 'date',
  Modified: 'date',
  GUID: 'text',
  ContentTypeId: 'text',
  FileLeafRef: 'text',
  FileRef: 'text',
  FileDirRef: 'text',
  Attachments: 'boolean',
  FileSystemObjectType: 'number',
  OData__UIVersionString: 'text'
};

/** The kind of a schema field type (lookups and people are stored and compared by id). */
export function kindOfType(type: string): ValueKind {
  switch (type) {
    case 'Number':
    case 'Integer':
    case 'Currency':
    case 'Counter':
    case 'Lookup':
    case 'LookupMulti':
    case 'User':
    case 'UserMulti':
      return 'number';
    case 'DateTime':
      return 'date';
    case 'Boolean':
      return 'boolean';
    default:
      return 'text';
  }
}

/**
 * The kind of a column of a list by its stored name (`Title`, `AreaId`, `Created`…), or undefined
 * for a name the list does not have.
 */
export function columnKind(schema: { readonly fields: readonly { readonly name: string; readonly type: string }[] }, column: string): ValueKind | undefined {
  if (column in SYSTEM_KINDS) {
    return SYSTEM_KINDS[column];
  }
  for (const f of schema.fields) {
    const stored = f.type === 'Lookup' || f.type === 'LookupMulti' || f.type === 'User' ? `${f.name}Id` : f.name;
    if (stored === column || f.name === column) {
      return kindOfType(f.type);
    }
  }
  return undefined;
}

/** A value of one kind in comparable form: numbers for numbers, dates and booleans; text as is. */
export type Comparable = number | string;

/**
 * The comparable form of a stored value or a filter literal for a column of `kind`, or undefined
 * when the value is empty or cannot be of that kind (a text literal for a number column that is
 * not a number, say). Text is never parsed as a date or a number.
 */
export function comparable(kind: ValueKind, value: unknown): Comparable | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'date': {
      const t = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : NaN;
      return Number.isFinite(t) ? t : undefined;
    }
    case 'boolean':
      if (typeof value === 'boolean') {
        return value ? 1 : 0;
      }
      if (value === 1 || value === 0) {
        return value;
      }
      if (typeof value === 'string' && /^(true|false|1|0)$/i.test(value)) {
        return /^(true|1)$/i.test(value) ? 1 : 0;
      }
      return undefined;
  }
}

/** The site's sort order for text (Finnish/Swedish), case-insensitive and accent-sensitive. */
const collator = new Intl.Collator('sv-SE', { sensitivity: 'accent' });

/** Case-folded text: equal for values SharePoint finds equal ("hello world" = "Hello World"). */
export function foldText(value: string): string {
  return value.normalize('NFC').toLocaleLowerCase('sv-SE');
}

/**
 * A key that two values of a column of `kind` share exactly when SharePoint finds them equal (text
 * case-folded, others by their comparable form), or undefined for an empty value: for unique
 * values ("Enforcing Uniqueness in Column Values", above).
 */
export function equalityKey(kind: ValueKind, value: unknown): string | undefined {
  const c = comparable(kind, value);
  return c === undefined ? undefined : typeof c === 'string' ? foldText(c) : String(c);
}

/**
 * Orders two comparable values of one kind: text in the site's sort order (ties broken by the
 * folded text, so that the order is total and values equal after folding are adjacent), numbers
 * numerically. Returns 0 exactly when SharePoint finds the values equal.
 */
export function compareComparable(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) {
      return 0;
    }
    const fa = foldText(a);
    const fb = foldText(b);
    if (fa === fb) {
      return 0;
    }
    const c = collator.compare(a, b);
    return c !== 0 ? c : fa < fb ? -1 : 1;
  }
  // Values of one column have one kind; this only orders a mistake deterministically.
  return typeof a === 'number' ? -1 : 1;
}
