/**
 * Lists and their items over REST: finding a list (getList, getByTitle, lists(guid)), its
 * properties, fields and permissions, and item reads and writes with ETags.
 */
import { randomUUID } from 'crypto';
import type { Call } from './call';
import { Errors, SPError } from './errors';
import { entityTypeName, itemJson, parseProjection } from './fields';
import { attachmentsEndpoint, fileResult } from './files';
import { EmulatorResponse, empty, json, numericArg, parseJsonBody, quotedArg } from './http';
import { parseFilter, parseList, parseOrderBy } from './odata';
import { runQuery } from './query';
import { canEdit, canSee, permissionMask, rights } from './security';
import type { ListData, StoredItem } from './store';
import { applyWrite } from './validation';

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
    EffectiveBasePermissions: permissionMask(call.user, list)
  };
  if (select.length === 0) {
    // SharePoint returns permissions only when they are asked for.
    delete all.EffectiveBasePermissions;
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

function fieldsEndpoint(list: ListData, segs: string[]): EmulatorResponse {
  const fieldJson = (f: (typeof list.schema.fields)[number]): Record<string, unknown> => ({
    'odata.type': 'SP.Field',
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
    Hidden: false,
    ReadOnlyField: false
  });
  if (segs.length === 0) {
    return json(200, { value: list.schema.fields.map(fieldJson) });
  }
  const name = quotedArg(segs[0]);
  const field = list.schema.fields.find((f) => f.name === name || f.displayName === name);
  if (!field) {
    throw Errors.badRequest(`Column '${name}' does not exist. It may have been deleted by another user.`);
  }
  return json(200, fieldJson(field));
}

/** Everything under a list: the list itself, EffectiveBasePermissions, fields, items. */
export async function listEndpoint(call: Call, list: ListData, segs: string[]): Promise<EmulatorResponse> {
  const { store, user, req, method, read: ctx } = call;
  const r = rights(user, list);
  if (!r.read) {
    throw Errors.accessDenied();
  }
  const q = req.url.searchParams;
  const head = segs[0]?.toLowerCase();
  if (!head) {
    if (method !== 'GET') {
      throw Errors.accessDenied();
    }
    return json(200, listJson(call, list, parseList(q.get('$select'))));
  }
  if (head === 'effectivebasepermissions' && segs.length === 1) {
    return json(200, permissionMask(user, list));
  }
  if (head === 'fields') {
    return fieldsEndpoint(list, segs.slice(1));
  }
  if (head !== 'items' && !head.startsWith('items(')) {
    throw Errors.badRequest(`The emulator does not serve ${segs.join('/')} on lists.`);
  }
  const projection = parseProjection(list.schema, parseList(q.get('$select')), parseList(q.get('$expand')));
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
        (item) => canSee(user, list, item)
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
  if (!item || !canSee(user, list, item)) {
    throw Errors.itemNotFound();
  }
  const sub = segs[1]?.toLowerCase();
  if (!sub) {
    return itemEndpoint(call, list, item, projection);
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

async function itemEndpoint(call: Call, list: ListData, item: StoredItem, projection: ReturnType<typeof parseProjection>): Promise<EmulatorResponse> {
  const { store, user, req, method, read: ctx } = call;
  if (method === 'GET') {
    return json(200, itemJson(ctx, list, item, projection), { ETag: `"${item.version}"` });
  }
  if (method !== 'MERGE' && method !== 'PATCH' && method !== 'DELETE') {
    throw Errors.badRequest(`${method} is not supported on an item.`);
  }
  if (!canEdit(user, list, item)) {
    throw Errors.accessDenied();
  }
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== '*' && ifMatch !== `"${item.version}"`) {
    throw Errors.etagMismatch(ifMatch, `"${item.version}"`);
  }
  if (method === 'DELETE') {
    if (list.schema.key === 'areas') {
      // Lookups from Mål and Händelser restrict deletion of an area still in use.
      for (const other of store.lists.values()) {
        const lookup = other.schema.fields.find((f) => f.type === 'Lookup' && f.lookupList === 'areas');
        if (lookup && [...other.items.values()].some((i) => i.fields[`${lookup.name}Id`] === item.id)) {
          throw new SPError(400, '-2130575271, Microsoft.SharePoint.SPException', 'This item cannot be deleted because an item in another list refers to it.');
        }
      }
    }
    await store.deleteItem(list.schema.key, item.id);
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
