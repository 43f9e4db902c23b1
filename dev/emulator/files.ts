/**
 * Files as SharePoint keeps them: attachments of list items (AttachmentFiles) and the documents of
 * a library (getFileByServerRelativePath, an item's File, and plain URLs), with SharePoint's rules
 * for names, sizes and blocked types.
 */
import { randomUUID } from 'crypto';
import type { Call } from './call';
import { removeItem } from './deletes';
import { Errors } from './errors';
import { ReadContext, fileUrl, itemJson } from './fields';
import { EmulatorResponse, contentType, empty, json, quotedArg } from './http';
import { canEdit, canSee, rights } from './security';
import { applyWrite } from './validation';
import type { ListData, SiteUser, Store, StoredFile, StoredItem } from './store';

const MAX_ATTACHMENT_BYTES = 250 * 1024 * 1024;
/** File types SharePoint Online refuses to store. */
const BLOCKED_EXTENSIONS = ['ashx', 'asmx', 'json', 'soap', 'svc', 'xamlx'];
/**
 * Names SharePoint Online does not allow for a file or folder ("Restrictions and limitations in
 * OneDrive and SharePoint", support.microsoft.com 64883a5d-228e-48f5-b3d2-eb39e07630fa: ".lock, CON,
 * PRN, AUX, NUL, COM0 - COM9, LPT0 - LPT9, _vti_, desktop.ini, any filename starting with ~$").
 */
const RESERVED_NAMES = /^(\.lock|con|prn|aux|nul|com\d|lpt\d|desktop\.ini)$/i;

/** Whether SharePoint refuses this file name (same source; the characters " * : < > ? / \ | too). */
export function invalidFileName(name: string): boolean {
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
    RESERVED_NAMES.test(name) ||
    /_vti_/i.test(name) ||
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
    // SP.CheckOutType 2 = None: the library does not require check-out, so a file is checked in.
    CheckOutType: 2,
    Title: item.fields.Title ?? null
  });
}

/**
 * `_api/web/getFileByServerRelativePath(decodedurl='…')/…`: the file's properties, content and
 * item; `recycle()` (POST) and DELETE as for its list item (deletes.ts; SP.File.recycle answers the
 * recycle bin item's ID, SP.File.deleteObject deletes it for good).
 */
export async function fileEndpoint(call: Call, url: string, segs: string[]): Promise<EmulatorResponse> {
  const found = findFile(call.store, call.siteUrl, url);
  if (!found || !canSee(call.store, call.user, found.list, found.item)) {
    throw Errors.fileNotFound();
  }
  const sub = segs[0]?.toLowerCase();
  if ((sub === 'recycle' || sub === 'recycle()') && segs.length === 1 && call.method === 'POST') {
    const id = await removeItem(call, found.list, found.item, 'recycle');
    return json(200, { ...(call.read.metadata ? { 'odata.metadata': `${call.read.apiUrl}/$metadata#Edm.Guid` } : {}), value: id });
  }
  if (!sub && call.method === 'DELETE') {
    await removeItem(call, found.list, found.item, 'delete');
    return empty(200);
  }
  if (call.method !== 'GET') {
    throw Errors.badRequest(`The emulator does not serve ${call.method} on a file${sub ? `'s ${segs.join('/')}` : ''}.`);
  }
  return fileResult(call.read, found.list, found.item, segs);
}

/** `name(a='x',b=true)` → { a: 'x', b: 'true' } (names lower case, quoted values unescaped). */
function namedArgs(segment: string): Record<string, string> {
  const inner = /\((.*)\)$/.exec(segment)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const m of inner.matchAll(/([A-Za-z]+)=(?:'((?:[^']|'')*)'|([^,]*))/g)) {
    out[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3];
  }
  return out;
}

/**
 * A library's root folder, addressed as `getFolderByServerRelativePath(decodedurl='/sites/…/Lib')`,
 * `getFolderByServerRelativeUrl('…')` or a list's `RootFolder`: `Files` lists its documents, and
 * `Files/AddUsingPath(DecodedUrl='name',Overwrite=…)` (or the older `Files/add(url='name',
 * overwrite=…)`) uploads one, the request body being the file's bytes (SP.FileCollection
 * addUsingPath/add, as PnPjs's `folder.files.addUsingPath` sends it; learn.microsoft.com
 * "Working with folders and files with REST", sharepoint/dev/sp-add-ins/working-with-folders-and-
 * files-with-rest: `POST …/GetFolderByServerRelativeUrl('…')/Files/add(url='…',overwrite=true)`
 * with the file's bytes as the body, then the metadata through the file's `ListItemAllFields`;
 * "Files and folders REST API reference", dn450841). Rules:
 * - Add Items on the library; replacing a file (Overwrite=true) needs Edit Items on its item, and
 *   without Overwrite a taken name answers SPException -2130575257 (errors.ts, fileExists).
 * - The name follows SharePoint's file name rules (invalidFileName above).
 * - Required columns are not checked when a file is added: SPFileCollectionAddParameters
 *   CheckRequiredFields is false unless set (learn.microsoft.com ee579224), and the REST API does not
 *   set it. The document exists with its required metadata missing until the uploader fills it in
 *   through its ListItemAllFields (an item MERGE). It is not checked out: the library does not
 *   require check-out (SPDocumentLibrary.CheckedOutFiles: only such a library checks a new file
 *   out, ms464471), and AutoCheckoutOnInvalidData concerns lookups, unique values and validation
 *   formulas (ee588647), which an upload without metadata cannot break.
 * - Subfolders are not emulated (the product's library has none).
 */
export async function folderEndpoint(call: Call, folderUrl: string, segs: string[]): Promise<EmulatorResponse> {
  const list = call.store.listByUrl(folderUrl, call.siteUrl);
  if (!list || list.schema.template !== 101) {
    throw Errors.fileNotFound();
  }
  return libraryFilesEndpoint(call, list, segs);
}

/** The `Files` of a library's root folder (see folderEndpoint). */
export async function libraryFilesEndpoint(call: Call, list: ListData, segs: string[]): Promise<EmulatorResponse> {
  const { store, user, req, method } = call;
  const r = rights(store, user, list);
  if (!r.read) {
    throw Errors.accessDenied();
  }
  if (segs[0]?.toLowerCase() !== 'files') {
    throw Errors.badRequest(`The emulator does not serve ${segs.join('/')} on a folder.`);
  }
  const op = segs[1]?.toLowerCase() ?? '';
  if (!op) {
    if (method !== 'GET') {
      throw Errors.badRequest(`${method} is not supported on Files.`);
    }
    const files = [...list.items.values()].filter((i) => i.file && canSee(store, user, list, i)).map((i) => JSON.parse(fileResult(call.read, list, i, []).body as string));
    return json(200, { value: files });
  }
  if (!op.startsWith('addusingpath(') && !op.startsWith('add(')) {
    throw Errors.badRequest(`The emulator does not serve Files/${segs[1]}.`);
  }
  if (method !== 'POST' || segs.length !== 2) {
    throw Errors.badRequest('Files/AddUsingPath needs POST.');
  }
  const args = namedArgs(segs[1]);
  const name = op.startsWith('addusingpath(') ? args.decodedurl ?? '' : args.url ?? '';
  const overwrite = (args.overwrite ?? 'false').toLowerCase() === 'true';
  if (!r.add) {
    throw Errors.accessDenied();
  }
  if (invalidFileName(name)) {
    throw Errors.invalidFileName();
  }
  const existing = [...list.items.values()].find((i) => i.file?.name.toLowerCase() === name.toLowerCase());
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (existing) {
    if (!overwrite) {
      throw Errors.fileExists(`${list.schema.url}/${existing.file!.name}`);
    }
    if (!canEdit(store, user, list, existing)) {
      throw Errors.accessDenied();
    }
    const file: StoredFile = { ...existing.file!, blob: store.putBlob(req.body), size: req.body.length, version: existing.file!.version + 1, modified: now };
    const updated: StoredItem = { ...existing, version: existing.version + 1, file, fields: { ...existing.fields, Modified: now, EditorId: user.id } };
    await store.putItem(list.schema.key, updated);
    return fileResult(call.read, list, updated, []);
  }
  const fields = applyWrite(store, list, undefined, {}, false);
  const item: StoredItem = {
    id: store.allocateId(list.schema.key),
    version: 1,
    guid: randomUUID(),
    fields: { ...fields, Created: now, Modified: now, AuthorId: user.id, EditorId: user.id },
    attachments: [],
    file: { name, blob: store.putBlob(req.body), size: req.body.length, version: 1, created: now, modified: now }
  };
  await store.putItem(list.schema.key, item);
  return fileResult(call.read, list, item, []);
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
