/**
 * Lists and their items over REST: finding a list (getList, getByTitle, lists(guid)), its
 * properties, fields and permissions, and item reads and writes with ETags.
 */
import { randomUUID } from 'crypto';
import type { Call } from './call';
import { Errors, SPError } from './errors';
import { entityTypeName, itemJson, parseProjection } from './fields';
import { attachmentsEndpoint, fileResult, libraryFilesEndpoint } from './files';
import { EmulatorResponse, empty, json, numericArg, parseJsonBody, quotedArg } from './http';
import { parseFilter, parseList, parseOrderBy } from './odata';
import { runQuery } from './query';
import { camlQuery } from './caml';
import { removeItem } from './deletes';
import { listSecurityEndpoint } from './roles';
import { canDelete, canEdit, canSee, permissionMask, rights } from './security';
import { fieldFromXml, type SiteField } from './provisioning';
import { LIST_VIEW_THRESHOLD } from './threshold';
import { ListData, StoredItem, storedName } from './store';
import { applyWrite } from './validation';
import { equalityKey, kindOfType } from './values';

/** The list a path addresses (`getList('url')`, `lists/getByTitle('t')`, `lists(guid'…')`) and the rest of the path. */
export function resolveList(call: Call, segments: string[]): { list: ListData; rest: string[] } | undefined {
  const next = segments[1];
  const lower = next?.toLowerCase() ?? '';
  if (lower.startsWith('getlist(')) {
    const list = call.store.listByUrl(quotedArg(next) ?? '', call.siteUrl);
    if (!list) {
      throw Errors.fileNotFound();
    }
    return { list, rest: segments.slice(2) };
  }
  if (lower === 'lists' && segments[2]?.toLowerCase().startsWith('getbytitle(')) {
    const title = quotedArg(segments[2]) ?? '';
    const list = [...call.store.lists.values()].find((l) => l.schema.title.toLowerCase() === title.toLowerCase());
    if (!list) {
      throw Errors.listNotFound(title);
    }
    return { list, rest: segments.slice(3) };
  }
  if (lower.startsWith('lists(')) {
    const id = /guid'([0-9a-f-]+)'/i.exec(next)?.[1];
    const list = [...call.store.lists.values()].find((l) => l.id === id);
    if (!list) {
      throw Errors.listNotFound(id ?? next);
    }
    return { list, rest: segments.slice(2) };
  }
  return undefined;
}

function listJson(call: Call, list: ListData, select: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    'odata.type': 'SP.List',
    Id: list.id,
    Title: list.schema.title,
    Description: list.schema.description,
    BaseTemplate: list.schema.template,
    BaseType: list.schema.template === 101 ? 1 : 0,
    ItemCount: list.items.size,
    EntityTypeName: entityTypeName(list.schema).replace(/^SP\.Data\./, '').replace(/Item$/, ''),
    ListItemEntityTypeFullName: entityTypeName(list.schema),
    EnableAttachments: list.schema.enableAttachments,
    EnableVersioning: list.schema.enableVersioning,
    ReadSecurity: list.schema.readSecurity === 'own' ? 2 : 1,
    WriteSecurity: list.schema.writeSecurity === 'own' ? 2 : 1,
    Hidden: false,
    Created: list.created,
    ParentWebUrl: call.siteUrl,
    EffectiveBasePermissions: permissionMask(call.store, call.user, list),
    HasUniqueRoleAssignments: !!list.roleAssignments
  };
  if (select.length === 0) {
    // SharePoint returns permissions only when they are asked for.
    delete all.EffectiveBasePermissions;
    delete all.HasUniqueRoleAssignments;
    return all;
  }
  const out: Record<string, unknown> = { 'odata.type': 'SP.List' };
  for (const s of select) {
    if (!(s in all)) {
      throw Errors.badRequest(`The field or property '${s}' does not exist.`);
    }
    out[s] = all[s];
  }
  return out;
}

/**
 * Built-in columns every list has (SharePoint's base type fields). Only these can be given an index
 * beside the list's own fields; `ID` is always indexed.
 */
const BUILT_IN_COLUMNS: readonly { name: string; stored: string; title: string; type: string }[] = [
  { name: 'ID', stored: 'ID', title: 'ID', type: 'Counter' },
  { name: 'Created', stored: 'Created', title: 'Skapad', type: 'DateTime' },
  { name: 'Modified', stored: 'Modified', title: 'Ändrad', type: 'DateTime' },
  { name: 'Author', stored: 'AuthorId', title: 'Skapad av', type: 'User' },
  { name: 'Editor', stored: 'EditorId', title: 'Ändrad av', type: 'User' }
];

/** SP.FieldLookup.RelationshipDeleteBehavior as REST reads and writes it (SP.RelationshipDeleteBehaviorType). */
const DELETE_BEHAVIORS = ['None', 'Cascade', 'Restrict'] as const;

function fieldJson(call: Call, f: SiteField): Record<string, unknown> {
  return {
    'odata.type': f.type === 'Lookup' || f.type === 'LookupMulti' ? 'SP.FieldLookup' : 'SP.Field',
    Id: f.id,
    InternalName: f.name,
    StaticName: f.name,
    Title: f.displayName,
    Description: f.description,
    TypeAsString: f.type,
    Required: !!f.required,
    Indexed: !!f.indexed,
    EnforceUniqueValues: !!f.unique,
    MaxLength: f.type === 'Text' ? f.maxLength ?? 255 : undefined,
    Choices: f.choices?.map((c) => c.value),
    RelationshipDeleteBehavior: f.type === 'Lookup' ? DELETE_BEHAVIORS.indexOf(f.relationshipDeleteBehavior) : undefined,
    LookupList: f.lookupList ? `{${call.store.list(f.lookupList).id}}` : undefined,
    Hidden: false,
    ReadOnlyField: false
  };
}

function builtInJson(list: ListData, c: (typeof BUILT_IN_COLUMNS)[number]): Record<string, unknown> {
  return {
    'odata.type': 'SP.Field',
    InternalName: c.name,
    StaticName: c.name,
    Title: c.title,
    TypeAsString: c.type,
    Indexed: c.name === 'ID' || list.schema.indexedBuiltIns.has(c.stored),
    EnforceUniqueValues: false,
    Hidden: false,
    ReadOnlyField: true
  };
}

/** `fields`, `fields/getByInternalNameOrTitle('x')`, `fields/getByTitle('x')`; MERGE changes Indexed, EnforceUniqueValues, RelationshipDeleteBehavior. */
async function fieldsEndpoint(call: Call, list: ListData, segs: string[]): Promise<EmulatorResponse> {
  if (segs.length === 0) {
    if (call.method !== 'GET') {
      throw Errors.badRequest(`${call.method} is not supported on fields.`);
    }
    return json(200, { value: [...BUILT_IN_COLUMNS.map((c) => builtInJson(list, c)), ...list.schema.fields.map((f) => fieldJson(call, f))] });
  }
  if (segs.length === 1 && segs[0].toLowerCase() === 'createfieldasxml') {
    return createFieldAsXml(call, list);
  }
  const name = quotedArg(segs[0]) ?? '';
  const field = list.schema.fields.find((f) => f.name === name || f.displayName === name || f.id === name.replace(/[{}]/g, '').toLowerCase());
  const builtIn = BUILT_IN_COLUMNS.find((c) => c.name === name || c.title === name);
  if (!field && !builtIn) {
    throw Errors.fieldNotFound(name);
  }
  if (call.method === 'GET') {
    return json(200, field ? fieldJson(call, field) : builtInJson(list, builtIn!));
  }
  if (call.method !== 'MERGE' && call.method !== 'PATCH') {
    throw Errors.badRequest(`${call.method} is not supported on a field.`);
  }
  // Columns are changed with Manage Lists (OfficeDocs-SharePoint, user-permissions-and-permission-levels).
  if (!rights(call.store, call.user, list).manage) {
    throw Errors.accessDenied();
  }
  const body = parseJsonBody(call.req);
  for (const key of Object.keys(body)) {
    if (key === '__metadata' || key.startsWith('odata.')) {
      continue;
    }
    const value = body[key];
    if (key === 'Indexed' && typeof value === 'boolean') {
      if (builtIn) {
        if (builtIn.name === 'ID') {
          continue;
        }
        if (value) {
          list.schema.indexedBuiltIns.add(builtIn.stored);
        } else {
          list.schema.indexedBuiltIns.delete(builtIn.stored);
        }
      } else if (field) {
        // A unique column keeps its index (SPField.EnforceUniqueValues remarks).
        if (!value && field.unique) {
          throw Errors.refused({ en: 'The index of a column that enforces unique values cannot be removed.', sv: 'Indexet för en kolumn som kräver unika värden kan inte tas bort.' });
        }
        if (value && (field.type === 'Note' || field.type === 'MultiChoice' || field.type === 'LookupMulti')) {
          // Multiple lines of text, multi-value choice and lookup columns cannot be indexed
          // ("Enforcing Uniqueness in Column Values", SharePoint Foundation docs).
          throw Errors.refused({ en: `The column ${field.displayName} cannot be indexed.`, sv: `Kolumnen ${field.displayName} kan inte indexeras.` });
        }
        field.indexed = value;
      }
    } else if (key === 'EnforceUniqueValues' && typeof value === 'boolean' && field) {
      if (value) {
        // Unique values need an index (SPField.EnforceUniqueValues remarks) and are not possible on
        // a list whose users may read only their own items: the check would reveal items they
        // cannot see (item-level permissions: "setting unique values on a column is not possible
        // and vice-versa", formsandflows.nl 2023; SharePoint 2010 unique column limitations). The
        // exact message SharePoint sends is not recorded; the code is SPException's.
        if (!field.indexed) {
          throw Errors.refused({ en: `The column ${field.displayName} must be indexed to enforce unique values.`, sv: `Kolumnen ${field.displayName} måste vara indexerad för att kräva unika värden.` });
        }
        if (list.schema.readSecurity === 'own') {
          throw Errors.refused({ en: 'Unique values cannot be enforced on a list with item-level permissions.', sv: 'Unika värden kan inte krävas i en lista med behörigheter på objektnivå.' });
        }
        // The values already there must be unique as SharePoint compares them (values.ts).
        const key = storedName(field.type, field.name);
        const kind = kindOfType(field.type);
        const seen = new Set<string>();
        for (const item of list.items.values()) {
          const k = equalityKey(kind, item.fields[key]);
          if (k === undefined || k === '') {
            continue;
          }
          if (seen.has(k)) {
            throw Errors.duplicate();
          }
          seen.add(k);
        }
      }
      field.unique = value;
    } else if (key === 'Required' && typeof value === 'boolean' && field) {
      field.required = value;
    } else if (key === 'Choices' && field && (field.type === 'Choice' || field.type === 'MultiChoice') && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      // SP.FieldChoice.Choices (Collection(Edm.String)); values stored in items stay as they are.
      field.choices = (value as string[]).map((v) => ({ key: v, value: v }));
    } else if (key === 'RelationshipDeleteBehavior' && typeof value === 'number' && field?.type === 'Lookup' && DELETE_BEHAVIORS[value]) {
      // Enforcing a relationship needs an indexed lookup (SPFieldLookup.RelationshipDeleteBehavior).
      if (value !== 0 && !field.indexed) {
        throw Errors.refused({ en: `The lookup column ${field.displayName} must be indexed to enforce a relationship.`, sv: `Uppslagskolumnen ${field.displayName} måste vara indexerad för att relationen ska kunna upprätthållas.` });
      }
      // "You cannot create lookup columns that enforce relationship behavior when the list that is
      // referenced contains more items than the list view threshold" (support.office.com, "Manage
      // lists and libraries with many items", blocked operations): set it while the list is small.
      if (value !== 0 && field.relationshipDeleteBehavior === 'None' && call.store.list(field.lookupList!).items.size > LIST_VIEW_THRESHOLD) {
        throw Errors.threshold();
      }
      field.relationshipDeleteBehavior = DELETE_BEHAVIORS[value];
    } else {
      throw Errors.badRequest(`The emulator does not change the property '${key}' of a field.`);
    }
  }
  await call.store.putListSettings(list.schema.key);
  return empty(204);
}

/**
 * `POST fields/createfieldasxml` with `{ parameters: { SchemaXml } }` (SP.FieldCollection.createFieldAsXml;
 * PnPjs fields.createFieldAsXml): adds a column to an existing list, as a later version of the
 * product does through the installation check. Needs Manage Lists; a name already in use is
 * refused. A lookup names its list by GUID.
 */
async function createFieldAsXml(call: Call, list: ListData): Promise<EmulatorResponse> {
  if (call.method !== 'POST') {
    throw Errors.badRequest('createfieldasxml needs POST.');
  }
  if (!rights(call.store, call.user, list).manage) {
    throw Errors.accessDenied();
  }
  const parameters = parseJsonBody(call.req).parameters as { SchemaXml?: unknown } | undefined;
  if (!parameters || typeof parameters.SchemaXml !== 'string') {
    throw Errors.badRequest('createfieldasxml needs parameters.SchemaXml.');
  }
  let created: ReturnType<typeof fieldFromXml>;
  try {
    created = fieldFromXml(parameters.SchemaXml, list.schema.url, (id) => [...call.store.lists.values()].find((l) => l.id.toLowerCase() === id)?.schema.key);
  } catch (err) {
    throw new SPError(400, '-2146232832, Microsoft.SharePoint.SPException', (err as Error).message);
  }
  const field = created.field;
  if (list.schema.fields.some((f) => f.name.toLowerCase() === field.name.toLowerCase()) || BUILT_IN_COLUMNS.some((c) => c.name.toLowerCase() === field.name.toLowerCase())) {
    throw new SPError(400, '-2146232832, Microsoft.SharePoint.SPException', `A duplicate field name "${field.name}" was found.`);
  }
  if (field.unique && list.schema.readSecurity === 'own') {
    throw new SPError(400, '-2146232832, Microsoft.SharePoint.SPException', 'Unique values cannot be enforced on a list with item-level permissions.');
  }
  field.addedOverRest = true;
  list.schema.fields.push(field);
  // Existing items get the column empty (or its default).
  for (const item of list.items.values()) {
    const key = storedName(field.type, field.name);
    if (!(key in item.fields)) {
      item.fields[key] = field.type === 'MultiChoice' || field.type === 'LookupMulti' ? [] : field.type === 'Boolean' ? field.defaultValue === '1' : field.defaultValue ?? null;
    }
  }
  await call.store.putListSettings(list.schema.key);
  return json(201, fieldJson(call, field));
}

/**
 * MERGE on a list: the settings the installation check changes. ReadSecurity 1 = read all items,
 * 2 = read own items; WriteSecurity 1 = edit all, 2 = edit own, 4 = none (SP.List.ReadSecurity and
 * WriteSecurity; list settings → Advanced settings → Item-level permissions). Needs Manage Lists.
 */
async function updateList(call: Call, list: ListData): Promise<EmulatorResponse> {
  if (!rights(call.store, call.user, list).manage) {
    throw Errors.accessDenied();
  }
  const body = parseJsonBody(call.req);
  const next = { readSecurity: list.schema.readSecurity, writeSecurity: list.schema.writeSecurity, enableAttachments: list.schema.enableAttachments };
  for (const key of Object.keys(body)) {
    if (key === '__metadata' || key.startsWith('odata.')) {
      continue;
    }
    const value = body[key];
    if (key === 'ReadSecurity' && (value === 1 || value === 2)) {
      next.readSecurity = value === 2 ? 'own' : 'all';
    } else if (key === 'WriteSecurity' && (value === 1 || value === 2)) {
      next.writeSecurity = value === 2 ? 'own' : 'all';
    } else if (key === 'EnableAttachments' && typeof value === 'boolean' && list.schema.template !== 101) {
      // SP.List.EnableAttachments; document libraries have none.
      next.enableAttachments = value;
    } else {
      throw Errors.badRequest(`The emulator does not change the property '${key}' of a list (or the value is not valid).`);
    }
  }
  if (next.readSecurity === 'own' && list.schema.fields.some((f) => f.unique)) {
    // See EnforceUniqueValues above: the two settings exclude each other.
    throw Errors.refused({ en: 'Item-level permissions cannot be set on a list with a column that enforces unique values.', sv: 'Behörigheter på objektnivå kan inte anges för en lista med en kolumn som kräver unika värden.' });
  }
  list.schema.readSecurity = next.readSecurity;
  list.schema.writeSecurity = next.writeSecurity;
  list.schema.enableAttachments = next.enableAttachments;
  await call.store.putListSettings(list.schema.key);
  return empty(204);
}

/** Everything under a list: the list itself, EffectiveBasePermissions, fields, items. */
export async function listEndpoint(call: Call, list: ListData, segs: string[]): Promise<EmulatorResponse> {
  const { store, user, req, method, read: ctx } = call;
  const r = rights(store, user, list);
  if (!r.read) {
    throw Errors.accessDenied();
  }
  const q = req.url.searchParams;
  const head = segs[0]?.toLowerCase();
  if (!head) {
    if (method === 'MERGE' || method === 'PATCH') {
      return updateList(call, list);
    }
    if (method !== 'GET') {
      throw Errors.accessDenied();
    }
    return json(200, listJson(call, list, parseList(q.get('$select'))));
  }
  if (head === 'effectivebasepermissions' && segs.length === 1) {
    return json(200, permissionMask(store, user, list));
  }
  if (head === 'fields') {
    return fieldsEndpoint(call, list, segs.slice(1));
  }
  if (head === 'rootfolder' && list.schema.template === 101) {
    return libraryFilesEndpoint(call, list, segs.slice(1));
  }
  const permissions = await listSecurityEndpoint(call, list, segs);
  if (permissions) {
    return permissions;
  }
  const projection = parseProjection(list.schema, parseList(q.get('$select')), parseList(q.get('$expand')));
  if (head === 'getitems' && segs.length === 1 && method === 'POST') {
    // A view's CAML query, as SharePoint's list UI runs the views the package provisions (caml.ts).
    const body = parseJsonBody(req);
    const viewXml = (body.query as { ViewXml?: unknown } | undefined)?.ViewXml;
    if (typeof viewXml !== 'string') {
      throw Errors.badRequest('GetItems needs query.ViewXml.');
    }
    const result = runQuery(store, list, camlQuery(viewXml, list, user, new Date(), store.timeZone.iana), (item) => canSee(store, user, list, item));
    return json(200, { value: result.items.map((item) => itemJson(ctx, list, item, projection)) });
  }
  if (head !== 'items' && !head.startsWith('items(')) {
    throw Errors.badRequest(`The emulator does not serve ${segs.join('/')} on lists.`);
  }
  if (head === 'items' && segs.length === 1) {
    if (method === 'GET') {
      const topParam = q.get('$top');
      const result = runQuery(
        store,
        list,
        {
          filter: q.get('$filter') ? parseFilter(q.get('$filter')!) : undefined,
          orderBy: parseOrderBy(q.get('$orderby') ?? ''),
          top: topParam === null ? undefined : Number(topParam),
          skipToken: q.get('$skiptoken') ?? undefined
        },
        (item) => canSee(store, user, list, item)
      );
      const body: Record<string, unknown> = {
        ...(ctx.metadata ? { 'odata.metadata': `${ctx.apiUrl}/$metadata#SP.ListData.${list.schema.url.split('/').pop()}ListItems` } : {}),
        value: result.items.map((item) => itemJson(ctx, list, item, projection))
      };
      if (result.nextSkipToken) {
        const next = new URL(req.url.toString());
        next.searchParams.set('$skiptoken', result.nextSkipToken);
        body['odata.nextLink'] = next.toString();
      }
      return json(200, body);
    }
    if (method === 'POST') {
      if (!r.add) {
        throw Errors.accessDenied();
      }
      if (list.schema.template === 101) {
        throw Errors.badRequest('To add an item to a document library, use SPFileCollection.add()');
      }
      const fields = applyWrite(store, list, undefined, parseJsonBody(req));
      const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const item: StoredItem = {
        id: store.allocateId(list.schema.key),
        version: 1,
        guid: randomUUID(),
        fields: { ...fields, Created: now, Modified: now, AuthorId: user.id, EditorId: user.id },
        attachments: []
      };
      await store.putItem(list.schema.key, item);
      return json(201, itemJson(ctx, list, item, { select: undefined, sub: new Map() }), {
        ETag: `"${item.version}"`,
        Location: `${ctx.apiUrl}/Web/Lists(guid'${list.id}')/Items(${item.id})`
      });
    }
    throw Errors.badRequest(`${method} is not supported on items.`);
  }
  const id = numericArg(segs[0]);
  const item = id !== undefined ? list.items.get(id) : undefined;
  // An item the user may not read does not exist for them, exactly as in SharePoint.
  if (!item || !canSee(store, user, list, item)) {
    throw Errors.itemNotFound();
  }
  const sub = segs[1]?.toLowerCase();
  if (!sub) {
    return itemEndpoint(call, list, item, projection);
  }
  if ((sub === 'recycle' || sub === 'recycle()') && segs.length === 2) {
    return recycleItem(call, list, item);
  }
  if (sub.startsWith('attachmentfiles')) {
    // AttachmentFiles, AttachmentFiles('name') or AttachmentFiles/getByFileName('name')
    return attachmentsEndpoint(call, list, item, segs[1].slice('AttachmentFiles'.length), segs.slice(2));
  }
  if (sub === 'file' && list.schema.template === 101 && item.file) {
    return fileResult(ctx, list, item, segs.slice(2));
  }
  throw Errors.badRequest(`The emulator does not serve ${segs.join('/')} on items.`);
}

/**
 * `POST …/items(id)/recycle()`: moves the item to the recycle bin and answers the recycle bin
 * item's ID (SP.ListItem.recycle, learn.microsoft.com jj247053: POST only, SP.GuidResult). PnPjs's
 * item.recycle() sends it without the parentheses, which SharePoint accepts as well. The rules of
 * deleting are in deletes.ts.
 */
async function recycleItem(call: Call, list: ListData, item: StoredItem): Promise<EmulatorResponse> {
  if (call.method !== 'POST') {
    throw Errors.badRequest(`${call.method} is not supported on recycle.`);
  }
  const id = await removeItem(call, list, item, 'recycle');
  return json(200, { ...(call.read.metadata ? { 'odata.metadata': `${call.read.apiUrl}/$metadata#Edm.Guid` } : {}), value: id });
}

async function itemEndpoint(call: Call, list: ListData, item: StoredItem, projection: ReturnType<typeof parseProjection>): Promise<EmulatorResponse> {
  const { store, user, req, method, read: ctx } = call;
  if (method === 'GET') {
    return json(200, itemJson(ctx, list, item, projection), { ETag: `"${item.version}"` });
  }
  if (method !== 'MERGE' && method !== 'PATCH' && method !== 'DELETE') {
    throw Errors.badRequest(`${method} is not supported on an item.`);
  }
  // Deleting needs Delete Items, changing Edit Items (own items only under item-level security);
  // checked before the ETag, and again in removeItem (deletes.ts), which recycle() shares.
  if (method === 'DELETE' ? !canDelete(store, user, list, item) : !canEdit(store, user, list, item)) {
    throw Errors.accessDenied();
  }
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== '*' && ifMatch !== `"${item.version}"`) {
    throw Errors.etagMismatch(ifMatch, `"${item.version}"`);
  }
  if (method === 'DELETE') {
    // For good, not to the recycle bin; lookups with Restrict refuse it (deletes.ts).
    await removeItem(call, list, item, 'delete');
    return empty(200);
  }
  const fields = applyWrite(store, list, item, parseJsonBody(req));
  const updated: StoredItem = {
    ...item,
    version: item.version + 1,
    fields: { ...fields, Modified: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), EditorId: user.id }
  };
  await store.putItem(list.schema.key, updated);
  return empty(204, { ETag: `"${updated.version}"` });
}
