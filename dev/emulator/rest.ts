/**
 * The SharePoint REST API of the site /sites/sakerhet, as far as Säkerhet uses it, answered from
 * the Store with SharePoint's rules: request digest on writes, ETags and 412, item-level read and
 * write security, required fields, lengths, unique values and the list view threshold.
 */
import { createHmac, randomBytes, randomUUID } from 'crypto';
import { SITE_URL } from '../../src/model/schema';
import { parseBatch, renderBatchResponse } from './batch';
import { Errors, SPError } from './errors';
import { ReadContext, applyWrite, entityTypeName, fileUrl, itemJson, parseProjection } from './fields';
import { parseFilter, parseList, parseOrderBy } from './odata';
import { evaluate, runQuery } from './query';
import { readCookie } from './cookies';
import { timeZoneJson } from './regional';
import { ListData, SiteUser, Store, StoredFile, StoredItem } from './store';

export interface EmulatorRequest {
  method: string;
  url: URL;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** A request that has been processed and committed (used by fault injection to drop the answer). */
export const USER_COOKIE = 'sakerhet-user';
const DIGEST_SECONDS = 1800;
const JSON_TYPE = 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';
const MAX_ATTACHMENT_BYTES = 250 * 1024 * 1024;
/** File types SharePoint Online refuses to store. */
const BLOCKED_EXTENSIONS = ['ashx', 'asmx', 'json', 'soap', 'svc', 'xamlx'];

type Rights = { read: boolean; add: boolean; edit: boolean; manage: boolean };

// SharePoint's PermissionKind bit numbers (value - 1).
const PERM = { ViewListItems: 0, AddListItems: 1, EditListItems: 2, DeleteListItems: 3, ApproveItems: 4, OpenItems: 5, ViewVersions: 6, ManageLists: 11, ViewFormPages: 12, Open: 16, ViewPages: 17 };

function json(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

function empty(status: number, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers, body: '' };
}

export function errorResponse(err: SPError): EmulatorResponse {
  return { status: err.status, headers: { 'Content-Type': JSON_TYPE, ...err.headers }, body: err.body() };
}

/** Splits a REST path on '/' outside quotes and parentheses: getList('/a/b')/items(3) → 2 parts. */
export function splitPath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (const c of path) {
    if (c === "'" ) {
      quoted = !quoted;
    } else if (!quoted && c === '(') {
      depth++;
    } else if (!quoted && c === ')') {
      depth--;
    }
    if (c === '/' && !quoted && depth === 0) {
      if (current) {
        parts.push(current);
      }
      current = '';
    } else {
      current += c;
    }
  }
  if (current) {
    parts.push(current);
  }
  return parts.map((p) => decodeURIComponent(p));
}

/** `name('value')` or `name(key='value')` → the quoted value, with '' unescaped. */
function quotedArg(segment: string): string | undefined {
  const m = /\((?:[A-Za-z]+=)?'((?:[^']|'')*)'\)$/.exec(segment);
  return m ? m[1].replace(/''/g, "'") : undefined;
}

function numericArg(segment: string): number | undefined {
  const m = /\((\d+)\)$/.exec(segment);
  return m ? Number(m[1]) : undefined;
}

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

export class SharePointEmulator {
  private readonly digestSecret = randomBytes(32);
  private readonly digests = new Map<string, { userId: number; expires: number }>();

  constructor(public readonly store: Store, public readonly siteUrl: string = SITE_URL) {}

  // ----- identity ----------------------------------------------------------------------------

  public userFromRequest(req: EmulatorRequest): SiteUser | undefined {
    const key = readCookie(req.headers.cookie, USER_COOKIE)?.toLowerCase();
    if (!key) {
      return undefined;
    }
    return [...this.store.users.values()].find((u) => u.key === key || u.email.toLowerCase() === key);
  }

  private issueDigest(user: SiteUser): { value: string; expires: number } {
    const expires = Date.now() + DIGEST_SECONDS * 1000;
    const issued = new Date().toUTCString().replace(/^\w+, /, '').replace('GMT', '-0000');
    const mac = createHmac('sha256', this.digestSecret).update(`${user.id}:${expires}:${randomUUID()}`).digest('hex').toUpperCase();
    const value = `0x${mac},${issued}`;
    this.digests.set(value, { userId: user.id, expires });
    return { value, expires };
  }

  private checkDigest(req: EmulatorRequest, user: SiteUser): void {
    const value = req.headers['x-requestdigest'];
    const digest = value ? this.digests.get(value) : undefined;
    if (!digest || digest.userId !== user.id || digest.expires < Date.now()) {
      throw Errors.invalidDigest();
    }
  }

  public rights(user: SiteUser, list: ListData): Rights {
    if (user.isSiteAdmin) {
      return { read: true, add: true, edit: true, manage: true };
    }
    const right = user.group ? list.schema.rights[user.group] : 'none';
    switch (right) {
      case 'read':
        return { read: true, add: false, edit: false, manage: false };
      case 'contribute':
        return { read: true, add: true, edit: true, manage: false };
      case 'edit':
      case 'manage':
        // SharePoint's Edit and Full Control levels both include Manage Lists.
        return { read: true, add: true, edit: true, manage: true };
      default:
        return { read: false, add: false, edit: false, manage: false };
    }
  }

  public canSee(user: SiteUser, list: ListData, item: StoredItem): boolean {
    const r = this.rights(user, list);
    return r.read && (list.schema.readSecurity === 'all' || r.manage || item.fields.AuthorId === user.id);
  }

  private canEdit(user: SiteUser, list: ListData, item: StoredItem): boolean {
    const r = this.rights(user, list);
    return r.edit && (list.schema.writeSecurity === 'all' || r.manage || item.fields.AuthorId === user.id);
  }

  private permissionMask(user: SiteUser, list: ListData): { High: string; Low: string } {
    const r = this.rights(user, list);
    let low = 0;
    const set = (bit: number): void => {
      low |= 1 << bit;
    };
    if (r.read) {
      [PERM.ViewListItems, PERM.OpenItems, PERM.ViewVersions, PERM.ViewFormPages, PERM.Open, PERM.ViewPages].forEach(set);
    }
    if (r.add) {
      set(PERM.AddListItems);
    }
    if (r.edit) {
      [PERM.EditListItems, PERM.DeleteListItems].forEach(set);
    }
    if (r.manage) {
      [PERM.ManageLists, PERM.ApproveItems].forEach(set);
    }
    return { High: r.manage ? '432' : '0', Low: String(low >>> 0) };
  }

  // ----- entry point -------------------------------------------------------------------------

  /** Handles a request to /sites/sakerhet/… (REST, file and attachment URLs). */
  public async handle(req: EmulatorRequest, inBatch = false): Promise<EmulatorResponse> {
    try {
      return await this.route(req, inBatch);
    } catch (err) {
      if (err instanceof SPError) {
        return errorResponse(err);
      }
      console.error(err);
      return errorResponse(new SPError(500, '-1, System.Exception', (err as Error).message));
    }
  }

  private async route(req: EmulatorRequest, inBatch: boolean): Promise<EmulatorResponse> {
    const user = this.userFromRequest(req);
    if (!user) {
      throw Errors.unauthenticated();
    }
    const site = this.siteUrl;
    const rawPath = req.url.pathname;
    if (!rawPath.toLowerCase().startsWith(`${site.toLowerCase()}/`) && rawPath.toLowerCase() !== site.toLowerCase()) {
      throw Errors.fileNotFound();
    }
    const rest = rawPath.slice(site.length + 1);
    if (!/^_api(\/|$)/i.test(rest)) {
      // A file's URL carries its name percent-encoded ('#' as %23, '%' as %25: sp-dev-docs, "Supporting
      // % and # in files and folders with the ResourcePath API"); a malformed escape is a bad request.
      let path: string;
      try {
        path = decodeURIComponent(rawPath);
      } catch {
        throw Errors.badRequest('Bad Request - Invalid URL');
      }
      return this.serveFile(user, path);
    }
    const segments = splitPath(rest.slice(4));
    const method = this.effectiveMethod(req);
    const first = segments[0]?.toLowerCase();

    if (first === 'contextinfo' && method === 'POST') {
      const digest = this.issueDigest(user);
      return json(200, {
        FormDigestTimeoutSeconds: DIGEST_SECONDS,
        FormDigestValue: digest.value,
        LibraryVersion: '16.0.25417.12003',
        SiteFullUrl: `${req.url.origin}${site}`,
        SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
        WebFullUrl: `${req.url.origin}${site}`
      });
    }
    if (method !== 'GET' && !inBatch) {
      this.checkDigest(req, user);
    }
    if (first === '$batch' && method === 'POST') {
      return this.batch(req);
    }
    if (first !== 'web') {
      throw Errors.badRequest(`The emulator does not serve _api/${segments.join('/')}.`);
    }
    const ctx: ReadContext = { store: this.store, apiUrl: `${req.url.origin}${site}/_api`, siteUrl: site, metadata: !/odata=nometadata/i.test(req.headers.accept ?? '') };
    const next = segments[1];
    const lower = next?.toLowerCase() ?? '';
    if (!next) {
      return json(200, {
        'odata.type': 'SP.Web',
        Id: 'b1f4a7c2-5d3e-4c1a-9f8e-6d2c4b3a1e00',
        Title: 'Säkerhet',
        Url: `${req.url.origin}${site}`,
        ServerRelativeUrl: site,
        Language: 1053
      });
    }
    if (lower === 'regionalsettings' && segments[2]?.toLowerCase() === 'timezone' && segments.length === 3 && method === 'GET') {
      // The site's regional-settings time zone (regional.ts); a Swedish site (Language 1053) answers in Swedish.
      return json(200, timeZoneJson(this.store.timeZone, 'sv', ctx.apiUrl, ctx.metadata));
    }
    if (lower === 'currentuser' && segments.length === 2) {
      return json(200, this.userJson(user));
    }
    if (lower === 'siteusers' && segments.length === 2) {
      // People search: $filter over Title, Email and Id, e.g. substringof('erik',Title).
      const q = req.url.searchParams;
      const filter = q.get('$filter') ? parseFilter(q.get('$filter')!) : undefined;
      const top = Number(q.get('$top') ?? 100);
      const users = [...this.store.users.values()]
        .map((u) => this.userJson(u))
        .filter((u) => !filter || evaluate(filter, (field) => u[field]))
        .sort((a, b) => String(a.Title).localeCompare(String(b.Title), 'sv'))
        .slice(0, top);
      return json(200, { value: users });
    }
    if ((lower.startsWith('getuserbyid(') && segments.length === 2) || (lower === 'siteusers' && segments[2]?.toLowerCase().startsWith('getbyid('))) {
      const id = numericArg(lower === 'siteusers' ? segments[2] : next);
      const found = id !== undefined ? this.store.users.get(id) : undefined;
      if (!found) {
        throw new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
      }
      return json(200, this.userJson(found));
    }
    if (lower === 'ensureuser' && method === 'POST') {
      return this.ensureUser(user, req);
    }
    if (lower.startsWith('getfilebyserverrelativepath(')) {
      // ResourcePath API: decodedurl is the name as it is, '#' and '%' included (sp-dev-docs, ResourcePath page).
      return this.fileEndpoint(ctx, user, quotedArg(next) ?? '', segments.slice(2), req);
    }
    if (lower.startsWith('getfilebyserverrelativeurl(')) {
      // The string-based API takes '%' and '#' to mean an encoded URL: '#' starts a fragment and %xx is an
      // escape, so a file with '#' or '%' in its name cannot be addressed this way (same source).
      let url = (quotedArg(next) ?? '').split('#')[0];
      try {
        url = decodeURIComponent(url);
      } catch {
        // Not an escape after all: SharePoint looks the string up as it is.
      }
      return this.fileEndpoint(ctx, user, url, segments.slice(2), req);
    }
    let list: ListData | undefined;
    let listSegments: string[] = [];
    if (lower.startsWith('getlist(')) {
      const url = quotedArg(next) ?? '';
      list = this.store.listByUrl(url, site);
      if (!list) {
        throw Errors.fileNotFound();
      }
      listSegments = segments.slice(2);
    } else if (lower === 'lists' && segments[2]) {
      const sel = segments[2];
      if (sel.toLowerCase().startsWith('getbytitle(')) {
        const title = quotedArg(sel) ?? '';
        list = [...this.store.lists.values()].find((l) => l.schema.title.toLowerCase() === title.toLowerCase());
        if (!list) {
          throw Errors.listNotFound(title);
        }
      } else {
        throw Errors.badRequest(`The emulator does not serve _api/${segments.join('/')}.`);
      }
      listSegments = segments.slice(3);
    } else if (lower.startsWith('lists(')) {
      const id = /guid'([0-9a-f-]+)'/i.exec(next)?.[1];
      list = [...this.store.lists.values()].find((l) => l.id === id);
      if (!list) {
        throw Errors.listNotFound(id ?? next);
      }
      listSegments = segments.slice(2);
    } else {
      throw Errors.badRequest(`The emulator does not serve _api/${segments.join('/')}.`);
    }
    return this.listEndpoint(ctx, user, list, listSegments, req, method);
  }

  private effectiveMethod(req: EmulatorRequest): string {
    const override = req.headers['x-http-method']?.toUpperCase();
    return req.method === 'POST' && override ? override : req.method.toUpperCase();
  }

  private userJson(u: SiteUser): Record<string, unknown> {
    return {
      'odata.type': 'SP.User',
      Id: u.id,
      Title: u.title,
      Email: u.email,
      LoginName: u.loginName,
      IsSiteAdmin: u.isSiteAdmin,
      PrincipalType: 1,
      UserPrincipalName: u.email
    };
  }

  private async ensureUser(user: SiteUser, req: EmulatorRequest): Promise<EmulatorResponse> {
    const body = parseJsonBody(req);
    const login = typeof body.logonName === 'string' ? body.logonName : '';
    const email = login.split('|').pop()!.toLowerCase();
    const existing = [...this.store.users.values()].find((u) => u.email.toLowerCase() === email || u.loginName.toLowerCase() === login.toLowerCase());
    if (existing) {
      return json(200, this.userJson(existing));
    }
    // Only people of the (emulated) directory can be added; everyone else is unknown.
    throw new SPError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The specified user could not be found.');
  }

  // ----- lists and items ---------------------------------------------------------------------

  private listJson(user: SiteUser, list: ListData, select: string[]): Record<string, unknown> {
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
      ParentWebUrl: this.siteUrl,
      EffectiveBasePermissions: this.permissionMask(user, list)
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

  private async listEndpoint(ctx: ReadContext, user: SiteUser, list: ListData, segs: string[], req: EmulatorRequest, method: string): Promise<EmulatorResponse> {
    const rights = this.rights(user, list);
    if (!rights.read) {
      throw Errors.accessDenied();
    }
    const q = req.url.searchParams;
    const head = segs[0]?.toLowerCase();
    if (!head) {
      if (method !== 'GET') {
        throw Errors.accessDenied();
      }
      return json(200, this.listJson(user, list, parseList(q.get('$select'))));
    }
    if (head === 'effectivebasepermissions' && segs.length === 1) {
      return json(200, this.permissionMask(user, list));
    }
    if (head === 'fields') {
      return this.fieldsEndpoint(list, segs.slice(1));
    }
    if (head !== 'items' && !head.startsWith('items(')) {
      throw Errors.badRequest(`The emulator does not serve ${segs.join('/')} on lists.`);
    }
    const projection = parseProjection(list.schema, parseList(q.get('$select')), parseList(q.get('$expand')));
    if (head === 'items' && segs.length === 1) {
      if (method === 'GET') {
        const topParam = q.get('$top');
        const result = runQuery(
          this.store,
          list,
          {
            filter: q.get('$filter') ? parseFilter(q.get('$filter')!) : undefined,
            orderBy: parseOrderBy(q.get('$orderby') ?? ''),
            top: topParam === null ? undefined : Number(topParam),
            skipToken: q.get('$skiptoken') ?? undefined
          },
          (item) => this.canSee(user, list, item)
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
        if (!rights.add) {
          throw Errors.accessDenied();
        }
        if (list.schema.template === 101) {
          throw Errors.badRequest('To add an item to a document library, use SPFileCollection.add()');
        }
        const fields = applyWrite(this.store, list, undefined, parseJsonBody(req));
        const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        const item: StoredItem = {
          id: this.store.allocateId(list.schema.key),
          version: 1,
          guid: randomUUID(),
          fields: { ...fields, Created: now, Modified: now, AuthorId: user.id, EditorId: user.id },
          attachments: []
        };
        await this.store.putItem(list.schema.key, item);
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
    if (!item || !this.canSee(user, list, item)) {
      throw Errors.itemNotFound();
    }
    const sub = segs[1]?.toLowerCase();
    if (!sub) {
      return this.itemEndpoint(ctx, user, list, item, req, method, projection);
    }
    if (sub.startsWith('attachmentfiles')) {
      // AttachmentFiles, AttachmentFiles('name') or AttachmentFiles/getByFileName('name')
      return this.attachmentsEndpoint(user, list, item, segs[1].slice('AttachmentFiles'.length), segs.slice(2), req, method);
    }
    if (sub === 'file' && list.schema.template === 101 && item.file) {
      return this.fileResult(ctx, list, item, segs.slice(2));
    }
    throw Errors.badRequest(`The emulator does not serve ${segs.join('/')} on items.`);
  }

  private async itemEndpoint(
    ctx: ReadContext,
    user: SiteUser,
    list: ListData,
    item: StoredItem,
    req: EmulatorRequest,
    method: string,
    projection: ReturnType<typeof parseProjection>
  ): Promise<EmulatorResponse> {
    if (method === 'GET') {
      return json(200, itemJson(ctx, list, item, projection), { ETag: `"${item.version}"` });
    }
    if (method !== 'MERGE' && method !== 'PATCH' && method !== 'DELETE') {
      throw Errors.badRequest(`${method} is not supported on an item.`);
    }
    if (!this.canEdit(user, list, item)) {
      throw Errors.accessDenied();
    }
    const ifMatch = req.headers['if-match'];
    if (ifMatch && ifMatch !== '*' && ifMatch !== `"${item.version}"`) {
      throw Errors.etagMismatch(ifMatch, `"${item.version}"`);
    }
    if (method === 'DELETE') {
      if (list.schema.key === 'areas') {
        // Lookups from Mål and Händelser restrict deletion of an area still in use.
        for (const other of this.store.lists.values()) {
          const lookup = other.schema.fields.find((f) => f.type === 'Lookup' && f.lookupList === 'areas');
          if (lookup && [...other.items.values()].some((i) => i.fields[`${lookup.name}Id`] === item.id)) {
            throw new SPError(400, '-2130575271, Microsoft.SharePoint.SPException', 'This item cannot be deleted because an item in another list refers to it.');
          }
        }
      }
      await this.store.deleteItem(list.schema.key, item.id);
      return empty(200);
    }
    const fields = applyWrite(this.store, list, item, parseJsonBody(req));
    const updated: StoredItem = {
      ...item,
      version: item.version + 1,
      fields: { ...fields, Modified: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), EditorId: user.id }
    };
    await this.store.putItem(list.schema.key, updated);
    return empty(204, { ETag: `"${updated.version}"` });
  }

  private async attachmentsEndpoint(
    user: SiteUser,
    list: ListData,
    item: StoredItem,
    selector: string,
    segs: string[],
    req: EmulatorRequest,
    method: string
  ): Promise<EmulatorResponse> {
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
      ServerRelativeUrl: `${this.siteUrl}/${list.schema.url}/Attachments/${item.id}/${a.name}`
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
      if (!this.canEdit(user, list, item)) {
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
        throw Errors.fileExists(fileName);
      }
      const now = new Date().toISOString();
      const file: StoredFile = { name: fileName, blob: this.store.putBlob(req.body), size: req.body.length, version: 1, created: now, modified: now };
      const updated: StoredItem = { ...item, version: item.version + 1, attachments: [...item.attachments, file], fields: { ...item.fields, Modified: now.replace(/\.\d{3}Z$/, 'Z'), EditorId: user.id } };
      await this.store.putItem(list.schema.key, updated);
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
      return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: this.store.getBlob(attachment.blob) };
    }
    if (method === 'DELETE') {
      if (!this.canEdit(user, list, item)) {
        throw Errors.accessDenied();
      }
      const updated: StoredItem = { ...item, version: item.version + 1, attachments: item.attachments.filter((a) => a !== attachment) };
      await this.store.putItem(list.schema.key, updated);
      return empty(200);
    }
    return json(200, attachmentJson(attachment));
  }

  private fieldsEndpoint(list: ListData, segs: string[]): EmulatorResponse {
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

  // ----- files -------------------------------------------------------------------------------

  private findFile(serverRelativeUrl: string): { list: ListData; item: StoredItem } | undefined {
    for (const list of this.store.lists.values()) {
      if (list.schema.template !== 101) {
        continue;
      }
      const prefix = `${this.siteUrl}/${list.schema.url}/`.toLowerCase();
      if (serverRelativeUrl.toLowerCase().startsWith(prefix)) {
        const name = serverRelativeUrl.slice(prefix.length);
        const item = [...list.items.values()].find((i) => i.file?.name.toLowerCase() === name.toLowerCase());
        return item ? { list, item } : undefined;
      }
    }
    return undefined;
  }

  private fileResult(ctx: ReadContext, list: ListData, item: StoredItem, segs: string[]): EmulatorResponse {
    const file = item.file!;
    const sub = segs[0]?.toLowerCase();
    if (sub === '$value') {
      return { status: 200, headers: { 'Content-Type': contentType(file.name) }, body: this.store.getBlob(file.blob) };
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

  private fileEndpoint(ctx: ReadContext, user: SiteUser, url: string, segs: string[], req: EmulatorRequest): EmulatorResponse {
    const found = this.findFile(url);
    if (!found || !this.canSee(user, found.list, found.item)) {
      throw Errors.fileNotFound();
    }
    return this.fileResult(ctx, found.list, found.item, segs);
  }

  /** GET of a document or an attachment by its URL, as a browser opening a link does. */
  private serveFile(user: SiteUser, path: string): EmulatorResponse {
    const attachment = /^(.*)\/Attachments\/(\d+)\/([^/]+)$/i.exec(path);
    if (attachment) {
      const list = this.store.listByUrl(attachment[1], this.siteUrl);
      const item = list?.items.get(Number(attachment[2]));
      const file = item?.attachments.find((a) => a.name === attachment[3]);
      if (!list || !item || !file || !this.canSee(user, list, item)) {
        throw Errors.fileNotFound();
      }
      return { status: 200, headers: { 'Content-Type': contentType(file.name), 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': 'inline' }, body: this.store.getBlob(file.blob) };
    }
    const found = this.findFile(path);
    if (!found || !this.canSee(user, found.list, found.item)) {
      throw Errors.fileNotFound();
    }
    return { status: 200, headers: { 'Content-Type': contentType(found.item.file!.name), 'X-Content-Type-Options': 'nosniff' }, body: this.store.getBlob(found.item.file!.blob) };
  }

  // ----- $batch ------------------------------------------------------------------------------

  private async batch(req: EmulatorRequest): Promise<EmulatorResponse> {
    const contentTypeHeader = req.headers['content-type'] ?? '';
    const boundary = /boundary="?([^";]+)"?/i.exec(contentTypeHeader)?.[1];
    if (!boundary) {
      throw Errors.badRequest('The batch request has no multipart boundary.');
    }
    const parts = parseBatch(req.body.toString('utf8'), boundary);
    const responses: EmulatorResponse[] = [];
    // SharePoint runs the parts in order; a failing part does not stop the ones after it.
    for (const part of parts) {
      const url = new URL(part.url, req.url);
      if (url.origin !== req.url.origin) {
        responses.push(errorResponse(Errors.badRequest('A batch part must address the same site.')));
        continue;
      }
      const headers: Record<string, string | undefined> = { ...part.headers, cookie: req.headers.cookie };
      responses.push(await this.handle({ method: part.method, url, headers, body: Buffer.from(part.body, 'utf8') }, true));
    }
    const responseBoundary = `batchresponse_${randomUUID()}`;
    return {
      status: 200,
      headers: { 'Content-Type': `multipart/mixed; boundary=${responseBoundary}` },
      body: renderBatchResponse(responses, responseBoundary)
    };
  }
}

export function parseJsonBody(req: EmulatorRequest): Record<string, unknown> {
  if (req.body.length === 0) {
    return {};
  }
  try {
    const parsed = JSON.parse(req.body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('not an object');
    }
    return parsed as Record<string, unknown>;
  } catch {
    throw Errors.badRequest('Invalid JSON. A token was not recognized in the JSON content.');
  }
}

function contentType(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase();
  return (
    ({ pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', heic: 'image/heic', txt: 'text/plain; charset=utf-8', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as Record<string, string>)[ext ?? ''] ?? 'application/octet-stream'
  );
}
