/**
 * Files as SharePoint keeps them: attachments of list items (AttachmentFiles) and the documents of
 * a library (getFileByServerRelativePath, an item's File, and plain URLs), with SharePoint's rules
 * for names, sizes and blocked types.
 */
import type { Call } from './call';
import { Errors } from './errors';
import { ReadContext, fileUrl, itemJson } from './fields';
import { EmulatorResponse, contentType, empty, json, quotedArg } from './http';
import { canEdit, canSee } from './security';
import type { ListData, SiteUser, Store, StoredFile, StoredItem } from './store';

const MAX_ATTACHMENT_BYTES = 250 * 1024 * 1024;
/** File types SharePoint Online refuses to store. */
const BLOCKED_EXTENSIONS = ['ashx', 'asmx', 'json', 'soap', 'svc', 'xamlx'];

function invalidFileName(name: string): boolean {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  return (
    name.length === 0 ||
    name.length > 250 ||
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    /["*:<>?/\\|\u0000-\u001f]/.test(name) ||
    name !== name.trim() ||
    name.endsWith('.') ||
    name.startsWith('~') ||
    name.includes('..') ||
    BLOCKED_EXTENSIONS.includes(ext)
  );
}

/** `items(id)/AttachmentFiles…`: list, add, read, delete. */
export async function attachmentsEndpoint(call: Call, list: ListData, item: StoredItem, selector: string, segs: string[]): Promise<EmulatorResponse> {
  const { store, user, req, method, siteUrl } = call;
  if (!list.schema.enableAttachments) {
    throw Errors.badRequest('Attachments are disabled on this list.');
  }
  let name = selector ? quotedArg(selector) : undefined;
  if (!name && segs[0]?.toLowerCase().startsWith('getbyfilename(')) {
    name = quotedArg(segs[0]);
    segs = segs.slice(1);
  }
  const head = name === undefined ? segs[0] : undefined;
  const lower = head?.toLowerCase() ?? '';
  const attachmentJson = (a: StoredFile): Record<string, unknown> => ({
    'odata.type': 'SP.Attachment',
    FileName: a.name,
    FileNameAsPath: { DecodedUrl: a.name },
    ServerRelativeUrl: `${siteUrl}/${list.schema.url}/Attachments/${item.id}/${a.name}`
  });
  if (name === undefined && !head) {
    if (method !== 'GET') {
      throw Errors.badRequest(`${method} is not supported on AttachmentFiles.`);
    }
    return json(200, { value: item.attachments.map(attachmentJson) });
  }
  if (lower.startsWith('add(')) {
    if (method !== 'POST') {
      throw Errors.badRequest('AttachmentFiles/add needs POST.');
    }
    if (!canEdit(store, user, list, item)) {
      throw Errors.accessDenied();
    }
    const fileName = quotedArg(head!) ?? '';
    if (invalidFileName(fileName)) {
      throw Errors.invalidFileName();
    }
    if (req.body.length > MAX_ATTACHMENT_BYTES) {
      throw Errors.fileTooLarge();
    }
    if (item.attachments.some((a) => a.name.toLowerCase() === fileName.toLowerCase())) {
      throw Errors.nameInUse();
    }
    const now = new Date().toISOString();
    const file: StoredFile = { name: fileName, blob: store.putBlob(req.body), size: req.body.length, version: 1, created: now, modified: now };
    const updated: StoredItem = { ...item, version: item.version + 1, attachments: [...item.attachments, file], fields: { ...item.fields, Modified: now.replace(/\.\d{3}Z$/, 'Z'), EditorId: user.id } };
    await store.putItem(list.schema.key, updated);
    return json(200, attachmentJson(file));
  }
  if (name === undefined) {
    throw Errors.badRequest(`The emulator does not serve AttachmentFiles/${segs.join('/')}.`);
  }
  const attachment = item.attachments.find((a) => a.name === name);
  if (!attachment) {
    throw Errors.fileNotFound();
  }
  if (segs[0]?.toLowerCase() === '$value') {
    return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: store.getBlob(attachment.blob) };
  }
  if (method === 'DELETE') {
    if (!canEdit(store, user, list, item)) {
      throw Errors.accessDenied();
    }
    const updated: StoredItem = { ...item, version: item.version + 1, attachments: item.attachments.filter((a) => a !== attachment) };
    await store.putItem(list.schema.key, updated);
    return empty(200);
  }
  return json(200, attachmentJson(attachment));
}

function findFile(store: Store, siteUrl: string, serverRelativeUrl: string): { list: ListData; item: StoredItem } | undefined {
  for (const list of store.lists.values()) {
    if (list.schema.template !== 101) {
      continue;
    }
    const prefix = `${siteUrl}/${list.schema.url}/`.toLowerCase();
    if (serverRelativeUrl.toLowerCase().startsWith(prefix)) {
      const name = serverRelativeUrl.slice(prefix.length);
      const item = [...list.items.values()].find((i) => i.file?.name.toLowerCase() === name.toLowerCase());
      return item ? { list, item } : undefined;
    }
  }
  return undefined;
}

/** A library item's File: its properties, `$value` or `ListItemAllFields`. */
export function fileResult(ctx: ReadContext, list: ListData, item: StoredItem, segs: string[]): EmulatorResponse {
  const file = item.file!;
  const sub = segs[0]?.toLowerCase();
  if (sub === '$value') {
    return { status: 200, headers: { 'Content-Type': contentType(file.name) }, body: ctx.store.getBlob(file.blob) };
  }
  if (sub === 'listitemallfields') {
    return json(200, itemJson(ctx, list, item, { select: undefined, sub: new Map() }), { ETag: `"${item.version}"` });
  }
  return json(200, {
    'odata.type': 'SP.File',
    Name: file.name,
    ServerRelativeUrl: fileUrl(ctx, list.schema, file.name),
    Length: String(file.size),
    TimeCreated: file.created,
    TimeLastModified: file.modified,
    UniqueId: item.guid,
    ETag: `"{${item.guid.toUpperCase()}},${file.version}"`,
    Title: item.fields.Title ?? null
  });
}

/** `_api/web/getFileByServerRelativePath(decodedurl='…')/…`. */
export function fileEndpoint(call: Call, url: string, segs: string[]): EmulatorResponse {
  const found = findFile(call.store, call.siteUrl, url);
  if (!found || !canSee(call.store, call.user, found.list, found.item)) {
    throw Errors.fileNotFound();
  }
  return fileResult(call.read, found.list, found.item, segs);
}

/** GET of a document or an attachment by its URL, as a browser opening a link does. */
export function serveFile(store: Store, siteUrl: string, user: SiteUser, path: string): EmulatorResponse {
  const attachment = /^(.*)\/Attachments\/(\d+)\/([^/]+)$/i.exec(path);
  if (attachment) {
    const list = store.listByUrl(attachment[1], siteUrl);
    const item = list?.items.get(Number(attachment[2]));
    const file = item?.attachments.find((a) => a.name === attachment[3]);
    if (!list || !item || !file || !canSee(store, user, list, item)) {
      throw Errors.fileNotFound();
    }
    return { status: 200, headers: { 'Content-Type': contentType(file.name), 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': 'inline' }, body: store.getBlob(file.blob) };
  }
  const found = findFile(store, siteUrl, path);
  if (!found || !canSee(store, user, found.list, found.item)) {
    throw Errors.fileNotFound();
  }
  return { status: 200, headers: { 'Content-Type': contentType(found.item.file!.name), 'X-Content-Type-Options': 'nosniff' }, body: store.getBlob(found.item.file!.blob) };
}
