/**
 * What a write may hold, checked the way SharePoint checks it: known and writable properties only,
 * right types, required fields, lengths, choices, existing lookup targets and people, column and
 * list validation formulas, unique values. Throws the SPError SharePoint would send.
 */
import { IFieldSchema } from '../../src/model/schema';
import { CODES, Errors, SPError, Wording } from './errors';
import { entityTypeName } from './fields';
import { formulaPasses } from './formula';
import { siteMidnight } from './regional';
import { ListData, Store, StoredItem, storedName } from './store';
import { equalityKey, kindOfType } from './values';

/** SharePoint's limit for multiple lines of plain text in a list. */
const NOTE_MAX = 63999;

/** Properties every item has and SharePoint sets itself. */
const READ_ONLY = ['Id', 'ID', 'GUID', 'Created', 'Modified', 'AuthorId', 'EditorId', 'Attachments', 'FileSystemObjectType', 'ContentTypeId', 'OData__UIVersionString', 'FileLeafRef', 'FileRef', 'FileDirRef'];

/** A value SharePoint refuses for a column, naming the column; the Swedish wordings are translations. */
function fieldError(field: IFieldSchema, message: Wording): SPError {
  const prefix = `${field.displayName} (${field.name}): `;
  return new SPError(400, CODES.fieldValidation, { en: prefix + message.en, sv: prefix + message.sv });
}

function typeError(field: IFieldSchema, expected: string): SPError {
  const name = `'${storedName(field.type, field.name)}' (${field.displayName})`;
  return new SPError(400, CODES.invalidQuery, {
    en: `A type named '${expected}' could not be resolved by the model. The value for ${name} has the wrong type.`,
    sv: `En typ med namnet ${expected} kunde inte matchas av modellen. Värdet för ${name} har fel typ.`
  });
}

function arrayOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) {
    return value;
  }
  if (value && typeof value === 'object' && Array.isArray((value as { results?: unknown[] }).results)) {
    return (value as { results: unknown[] }).results;
  }
  return undefined;
}

function convert(store: Store, field: IFieldSchema, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (field.type === 'MultiChoice' || field.type === 'LookupMulti') {
      return [];
    }
    return null;
  }
  switch (field.type) {
    case 'Text':
    case 'Note': {
      if (typeof value !== 'string') {
        throw typeError(field, 'Edm.String');
      }
      const max = field.type === 'Text' ? field.maxLength ?? 255 : NOTE_MAX;
      if (value.length > max) {
        throw fieldError(field, { en: `The value is ${value.length} characters long; the maximum is ${max}.`, sv: `Värdet är ${value.length} tecken långt; högst ${max} tecken är tillåtna.` });
      }
      return value;
    }
    case 'Number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw typeError(field, 'Edm.Double');
      }
      if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
        throw fieldError(field, { en: `The value must be between ${field.min} and ${field.max}.`, sv: `Värdet måste vara mellan ${field.min} och ${field.max}.` });
      }
      if (field.decimals === 0 && !Number.isInteger(value)) {
        throw fieldError(field, { en: 'The value must be a whole number.', sv: 'Värdet måste vara ett heltal.' });
      }
      return value;
    }
    case 'DateTime': {
      if (typeof value !== 'string') {
        throw typeError(field, 'Edm.DateTime');
      }
      const date = new Date(value);
      if (isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
        throw typeError(field, 'Edm.DateTime');
      }
      // SharePoint's date range: 1900-01-01 to 8900-12-31.
      if (date.getUTCFullYear() < 1900 || date.getUTCFullYear() > 8900) {
        throw fieldError(field, { en: 'The date is outside the range SharePoint can store.', sv: 'Datumet ligger utanför det intervall som SharePoint kan lagra.' });
      }
      // Date-only columns hold midnight of the day in the site's time zone (regional.ts).
      return field.dateOnly ? siteMidnight(date, store.timeZone.iana) : date.toISOString().replace('.000Z', 'Z');
    }
    case 'Boolean':
      if (typeof value !== 'boolean') {
        throw typeError(field, 'Edm.Boolean');
      }
      return value;
    case 'Choice': {
      if (typeof value !== 'string') {
        throw typeError(field, 'Edm.String');
      }
      if (value !== '' && !(field.choices ?? []).some((c) => c.value === value)) {
        throw fieldError(field, { en: `'${value}' is not one of the choices.`, sv: `${value} är inte ett av alternativen.` });
      }
      return value === '' ? null : value;
    }
    case 'MultiChoice': {
      const values = arrayOf(value);
      if (!values || values.some((v) => typeof v !== 'string')) {
        throw typeError(field, 'Collection(Edm.String)');
      }
      for (const v of values as string[]) {
        if (!(field.choices ?? []).some((c) => c.value === v)) {
          throw fieldError(field, { en: `'${v}' is not one of the choices.`, sv: `${v} är inte ett av alternativen.` });
        }
      }
      return values;
    }
    case 'User': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        throw typeError(field, 'Edm.Int32');
      }
      // A site user (ensureUser adds a directory person first); a people-only column takes no group.
      const principal = store.users.get(value);
      if (!principal || ((field as { peopleOnly?: boolean }).peopleOnly && principal.principalType === 4)) {
        throw new SPError(400, CODES.spException, { en: 'The user does not exist or is not unique.', sv: 'Användaren finns inte eller är inte unik.' });
      }
      return value;
    }
    case 'Lookup':
    case 'LookupMulti': {
      const ids = field.type === 'Lookup' ? [value] : arrayOf(value);
      if (!ids || ids.some((v) => typeof v !== 'number' || !Number.isInteger(v))) {
        throw typeError(field, field.type === 'Lookup' ? 'Edm.Int32' : 'Collection(Edm.Int32)');
      }
      const target = store.list(field.lookupList!);
      for (const id of ids as number[]) {
        if (!target.items.has(id)) {
          throw fieldError(field, { en: `The lookup value ${id} does not exist in ${target.schema.title}.`, sv: `Uppslagsvärdet ${id} finns inte i ${target.schema.title}.` });
        }
      }
      return field.type === 'Lookup' ? ids[0] : ids;
    }
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Applies a write body to an item's fields (a new item when `existing` is undefined) and returns
 * the new field values. Throws the SPError SharePoint would send.
 */
export function applyWrite(
  store: Store,
  list: ListData,
  existing: StoredItem | undefined,
  body: Record<string, unknown>,
  /** False for a file added to a library: SPFileCollectionAddParameters.CheckRequiredFields is off (files.ts). */
  checkRequired = true
): Record<string, unknown> {
  const schema = list.schema;
  const byStoredName = new Map(schema.fields.map((f) => [storedName(f.type, f.name), f]));
  const fields: Record<string, unknown> = existing ? { ...existing.fields } : {};
  if (!existing) {
    for (const f of schema.fields) {
      const key = storedName(f.type, f.name);
      fields[key] = f.defaultValue !== undefined ? (f.type === 'Boolean' ? f.defaultValue === '1' : f.defaultValue) : f.type === 'MultiChoice' || f.type === 'LookupMulti' ? [] : f.type === 'Boolean' ? false : null;
    }
  }
  const changed = new Set<IFieldSchema>();
  for (const key of Object.keys(body)) {
    if (key === '__metadata' || key.startsWith('odata.')) {
      continue;
    }
    if (READ_ONLY.includes(key)) {
      throw new SPError(400, CODES.invalidQuery, { en: `The property '${key}' is read-only and cannot be set.`, sv: `Egenskapen ${key} är skrivskyddad och kan inte anges.` });
    }
    const field = byStoredName.get(key);
    if (!field) {
      throw Errors.noSuchProperty(key, entityTypeName(schema));
    }
    fields[key] = convert(store, field, body[key]);
    changed.add(field);
  }
  for (const f of schema.fields) {
    const key = storedName(f.type, f.name);
    // Library items get their Title from the file name when none is given.
    const required = f.required && !(schema.template === 101 && f.name === 'Title');
    if (checkRequired && required && f.type !== 'Boolean' && isEmpty(fields[key]) && (!existing || changed.has(f))) {
      throw fieldError(f, { en: 'You must specify a value for this required field.', sv: 'Du måste ange ett värde för det här obligatoriska fältet.' });
    }
  }
  const valueOf = (displayName: string): string | number | boolean | null => {
    const f = schema.fields.find((x) => x.displayName === displayName);
    if (!f) {
      return null;
    }
    const v = fields[storedName(f.type, f.name)];
    if (f.type === 'DateTime' && typeof v === 'string') {
      return Date.parse(v);
    }
    return Array.isArray(v) ? v.join(';') : (v as string | number | boolean | null);
  };
  for (const f of changed) {
    if (f.validation && !isEmpty(fields[storedName(f.type, f.name)]) && !formulaPasses(f.validation.formula, valueOf)) {
      throw Errors.fieldValidation(f.validation.message);
    }
  }
  if (schema.validation && !formulaPasses(schema.validation.formula, valueOf)) {
    throw Errors.listValidation(schema.validation.message);
  }
  for (const f of schema.fields) {
    if (!f.unique) {
      continue;
    }
    const key = storedName(f.type, f.name);
    const value = fields[key];
    if (isEmpty(value)) {
      continue;
    }
    // Unique columns are indexed (SPField.EnforceUniqueValues), so the column's index answers, and
    // it compares as SharePoint does: by the column's type, text case-insensitively (values.ts;
    // "Enforcing Uniqueness in Column Values", SharePoint Foundation 2010 docs).
    const kind = kindOfType(f.type);
    const wanted = equalityKey(kind, value);
    const same = store.index(list, key)?.lookup('eq', value) ?? [...list.items.values()].filter((i) => wanted !== undefined && equalityKey(kind, i.fields[key]) === wanted).map((i) => i.id);
    if (same.some((id) => id !== existing?.id)) {
      throw Errors.duplicate();
    }
  }
  return fields;
}
