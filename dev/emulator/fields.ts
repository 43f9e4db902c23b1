/**
 * List item values as SharePoint's REST API reads them with JSON light
 * (`Accept: application/json`): lookups and people as `<Field>Id`, multi-values as arrays, dates as
 * ISO strings in UTC; $select/$expand projections and the values filters and sorts compare.
 */
import { IListSchema, LISTS } from '../../src/model/schema';

/** A list's shape as the emulator reads items: the schema's, or a provisioned list's (rights aside). */
export type ListShape = Omit<IListSchema, 'rights'>;
import { Errors } from './errors';
import { ListData, SiteUser, Store, StoredItem, storedName } from './store';

export function entityTypeName(list: ListShape): string {
  const name = list.url.split('/').pop()!;
  return list.template === 101 ? `SP.Data.${name}Item` : `SP.Data.${name}ListItem`;
}

// ----- reading -------------------------------------------------------------------------------

export interface Projection {
  /** Selected top-level properties; undefined means SharePoint's default set. */
  select?: Set<string>;
  /** Sub-properties selected on expanded navigation properties, by navigation name. */
  sub: Map<string, Set<string> | undefined>;
}

const USER_PROPS = ['Id', 'ID', 'Title', 'EMail', 'Name', 'JobTitle', 'UserName'];

/** Properties an item of this list exposes, scalar ones first. */
export function scalarProperties(list: ListShape): string[] {
  const props = ['FileSystemObjectType', 'Id', 'ID', 'GUID', 'ContentTypeId', 'Created', 'Modified', 'AuthorId', 'EditorId', 'OData__UIVersionString', 'Attachments'];
  if (list.template === 101) {
    props.push('FileLeafRef', 'FileRef', 'FileDirRef');
  }
  for (const f of list.fields) {
    props.push(storedName(f.type, f.name));
    if (f.type === 'User') {
      props.push(`${f.name}StringId`);
    }
  }
  return props;
}

/** Navigation properties that $expand accepts, with the list or kind they point at. */
export function navigationProperties(list: ListShape): Map<string, { kind: 'user' } | { kind: 'lookup'; target: ListShape; multi: boolean } | { kind: 'attachments' } | { kind: 'file' }> {
  const nav = new Map<string, { kind: 'user' } | { kind: 'lookup'; target: ListShape; multi: boolean } | { kind: 'attachments' } | { kind: 'file' }>();
  nav.set('Author', { kind: 'user' });
  nav.set('Editor', { kind: 'user' });
  nav.set('AttachmentFiles', { kind: 'attachments' });
  if (list.template === 101) {
    nav.set('File', { kind: 'file' });
  }
  for (const f of list.fields) {
    if (f.type === 'User') {
      nav.set(f.name, { kind: 'user' });
    } else if (f.type === 'Lookup' || f.type === 'LookupMulti') {
      nav.set(f.name, { kind: 'lookup', target: LISTS.find((l) => l.key === f.lookupList)!, multi: f.type === 'LookupMulti' });
    }
  }
  return nav;
}

/** Validates $select/$expand the way SharePoint does and returns the projection. */
export function parseProjection(list: ListShape, select: string[], expand: string[]): Projection {
  const nav = navigationProperties(list);
  const scalars = new Set(scalarProperties(list));
  const projection: Projection = { select: undefined, sub: new Map() };
  for (const e of expand) {
    if (!nav.has(e)) {
      throw Errors.badRequest(`The field or property '${e}' does not exist.`);
    }
    projection.sub.set(e, undefined);
  }
  if (select.length === 0 || select.includes('*')) {
    return projection;
  }
  projection.select = new Set();
  for (const s of select) {
    const [top, sub] = s.split('/');
    if (sub !== undefined) {
      const target = nav.get(top);
      if (!target) {
        throw Errors.badRequest(`The field or property '${top}' does not exist.`);
      }
      if (!projection.sub.has(top)) {
        throw Errors.badRequest(`The query to field '${s}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${top}.`);
      }
      const allowed = target.kind === 'user' ? USER_PROPS : target.kind === 'lookup' ? ['Id', 'ID', ...target.target.fields.filter((f) => ['Text', 'Number', 'Choice', 'DateTime'].includes(f.type)).map((f) => f.name)] : ['FileName', 'ServerRelativeUrl', 'Name', 'Length', 'TimeLastModified'];
      if (!allowed.includes(sub)) {
        throw Errors.badRequest(`The field or property '${sub}' does not exist.`);
      }
      const subs = projection.sub.get(top) ?? new Set<string>();
      subs.add(sub);
      projection.sub.set(top, subs);
      projection.select.add(top);
    } else if (scalars.has(s) || nav.has(s)) {
      if (nav.has(s) && !projection.sub.has(s)) {
        // Selecting a navigation property without expanding it returns its deferred link only.
        continue;
      }
      projection.select.add(s);
    } else {
      throw Errors.badRequest(`The field or property '${s}' does not exist.`);
    }
  }
  return projection;
}

export interface ReadContext {
  store: Store;
  /** Absolute URL of the web's _api, e.g. http://localhost:8080/sites/sakerhet/_api */
  apiUrl: string;
  siteUrl: string;
  /** False when the client asked for `Accept: application/json;odata=nometadata`. */
  metadata: boolean;
}

function userJson(ctx: ReadContext, user: SiteUser | undefined, subs: Set<string> | undefined): Record<string, unknown> | null {
  if (!user) {
    return null;
  }
  const all: Record<string, unknown> = {
    Id: user.id,
    ID: user.id,
    Title: user.title,
    EMail: user.email,
    Name: user.loginName,
    UserName: user.email,
    JobTitle: ''
  };
  const out: Record<string, unknown> = { 'odata.type': 'SP.Data.UserInfoItem', 'odata.id': `${ctx.apiUrl}/Web/Lists(guid'user-info')/Items(${user.id})` };
  for (const k of subs ? [...subs] : Object.keys(all)) {
    out[k] = all[k];
  }
  return out;
}

export function fileUrl(ctx: ReadContext, list: ListShape, name: string): string {
  return `${ctx.siteUrl}/${list.url}/${name}`;
}

/** An item as JSON light, with minimal metadata or (when asked) none. */
export function itemJson(ctx: ReadContext, list: ListData, item: StoredItem, projection: Projection): Record<string, unknown> {
  const schema = list.schema;
  const editLink = `Web/Lists(guid'${list.id}')/Items(${item.id})`;
  const all: Record<string, unknown> = {
    FileSystemObjectType: 0,
    Id: item.id,
    ID: item.id,
    GUID: item.guid,
    ContentTypeId: '0x0100',
    OData__UIVersionString: `${item.version}.0`,
    Attachments: item.attachments.length > 0,
    ...item.fields
  };
  for (const f of schema.fields) {
    if (f.type === 'User') {
      const id = item.fields[`${f.name}Id`];
      all[`${f.name}StringId`] = id === null || id === undefined ? null : String(id);
    }
  }
  if (schema.template === 101 && item.file) {
    all.FileLeafRef = item.file.name;
    all.FileRef = fileUrl(ctx, schema, item.file.name);
    all.FileDirRef = `${ctx.siteUrl}/${schema.url}`;
  }
  const out: Record<string, unknown> = ctx.metadata
    ? {
        'odata.type': entityTypeName(schema),
        'odata.id': `${ctx.apiUrl}/${editLink}`,
        'odata.etag': `"${item.version}"`,
        'odata.editLink': editLink
      }
    : {};
  const selected = projection.select ?? new Set(scalarProperties(schema));
  for (const key of selected) {
    if (!projection.sub.has(key)) {
      out[key] = all[key] ?? null;
    }
  }
  const nav = navigationProperties(schema);
  for (const [name, subs] of projection.sub) {
    const target = nav.get(name)!;
    if (target.kind === 'user') {
      const id = name === 'Author' || name === 'Editor' ? item.fields[`${name}Id`] : item.fields[`${name}Id`];
      out[name] = userJson(ctx, typeof id === 'number' ? ctx.store.users.get(id) : undefined, subs);
    } else if (target.kind === 'lookup') {
      const targetList = ctx.store.list(target.target.key);
      const toJson = (id: number): Record<string, unknown> | null => {
        const ref = targetList.items.get(id);
        if (!ref) {
          return null;
        }
        const values: Record<string, unknown> = { Id: ref.id, ID: ref.id, ...ref.fields };
        const o: Record<string, unknown> = { 'odata.type': entityTypeName(target.target), 'odata.id': `${ctx.apiUrl}/Web/Lists(guid'${targetList.id}')/Items(${ref.id})` };
        for (const k of subs ? [...subs] : ['Id', 'Title']) {
          o[k] = values[k] ?? null;
        }
        return o;
      };
      const raw = item.fields[`${name}Id`];
      out[name] = target.multi ? ((raw as number[]) ?? []).map(toJson).filter(Boolean) : typeof raw === 'number' ? toJson(raw) : null;
    } else if (target.kind === 'attachments') {
      out[name] = item.attachments.map((a) => ({
        'odata.type': 'SP.Attachment',
        FileName: a.name,
        ServerRelativeUrl: `${ctx.siteUrl}/${schema.url}/Attachments/${item.id}/${a.name}`
      }));
    } else if (item.file) {
      const f = item.file;
      const fileProps: Record<string, unknown> = {
        Name: f.name,
        ServerRelativeUrl: fileUrl(ctx, schema, f.name),
        Length: String(f.size),
        TimeLastModified: f.modified
      };
      const o: Record<string, unknown> = { 'odata.type': 'SP.File' };
      for (const k of subs ? [...subs] : Object.keys(fileProps)) {
        o[k] = fileProps[k];
      }
      out[name] = o;
    }
  }
  return out;
}

/** The value of a field path for filtering and sorting, or undefined when it does not exist. */
export function pathValue(store: Store, list: ListData, item: StoredItem, field: string, sub?: string): unknown {
  if (sub === undefined) {
    if (field === 'ID' || field === 'Id') {
      return item.id;
    }
    if (field === 'FileLeafRef') {
      return item.file?.name ?? null;
    }
    if (field in item.fields) {
      return item.fields[field];
    }
    // Lookup and person fields compare by id when named without Id (e.g. `Author eq 5` is not valid; `AuthorId` is).
    return undefined;
  }
  const nav = navigationProperties(list.schema).get(field);
  const raw = item.fields[`${field}Id`];
  if (!nav) {
    return undefined;
  }
  if (nav.kind === 'user') {
    const user = typeof raw === 'number' ? store.users.get(raw) : undefined;
    const values: Record<string, unknown> = user ? { Id: user.id, ID: user.id, Title: user.title, EMail: user.email, Name: user.loginName } : {};
    return values[sub] ?? null;
  }
  if (nav.kind === 'lookup') {
    const target = store.list(nav.target.key);
    const pick = (id: number): unknown => {
      const ref = target.items.get(id);
      return sub === 'Id' || sub === 'ID' ? id : ref?.fields[sub] ?? null;
    };
    return nav.multi ? ((raw as number[]) ?? []).map(pick) : typeof raw === 'number' ? pick(raw) : null;
  }
  return undefined;
}
