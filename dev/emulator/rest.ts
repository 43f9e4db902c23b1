/**
 * The SharePoint REST API of the site /sites/sakerhet, as far as Säkerhet uses it: who is asking,
 * the request digest on writes, and which endpoint answers. SharePoint's rules live in their own
 * modules, one per family: security.ts (rights, item-level security), validation.ts (what a write
 * may hold), threshold.ts (the list view threshold), files.ts (attachments and documents),
 * people.ts, lists.ts (lists and items), batch.ts ($batch); http.ts is the plumbing.
 */
import { SITE_URL } from '../../src/model/schema';
import { runBatch } from './batch';
import type { Call } from './call';
import { readCookie } from './cookies';
import { DIGEST_SECONDS, Digests } from './digest';
import { CODES, Errors, SPError } from './errors';
import { recycleBinEndpoint } from './deletes';
import { fileEndpoint, folderEndpoint, serveFile } from './files';
import { EmulatorRequest, EmulatorResponse, effectiveMethod, errorResponse, json, quotedArg, splitPath } from './http';
import { listEndpoint, resolveList } from './lists';
import { parseList } from './odata';
import { PEOPLE_PICKER_SEARCH, peopleEndpoint, peoplePickerSearch } from './people';
import { webSecurityEndpoint } from './roles';
import { effectiveMask, toBasePermissions } from './security';
import { timeZoneJson } from './regional';
import { SiteUser, Store } from './store';

export type { EmulatorRequest, EmulatorResponse } from './http';
export { errorResponse } from './http';

export const USER_COOKIE = 'sakerhet-user';

export class SharePointEmulator {
  /** Request digests (digest.ts): nothing is kept per digest. */
  public readonly digests = new Digests();

  constructor(public readonly store: Store, public readonly siteUrl: string = SITE_URL) {}

  /** The dev user the request is signed in as (the dev host's cookie), if any. */
  public userFromRequest(req: EmulatorRequest): SiteUser | undefined {
    const key = readCookie(req.headers.cookie, USER_COOKIE)?.toLowerCase();
    if (!key) {
      return undefined;
    }
    return [...this.store.users.values()].find((u) => u.key === key || u.email.toLowerCase() === key);
  }

  /** Handles a request to /sites/sakerhet/… (REST, file and attachment URLs). */
  public async handle(req: EmulatorRequest, inBatch = false): Promise<EmulatorResponse> {
    try {
      return await this.route(req, inBatch);
    } catch (err) {
      if (err instanceof SPError) {
        return errorResponse(err, this.store.language);
      }
      console.error(err);
      return errorResponse(new SPError(500, CODES.serverError, (err as Error).message));
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
      return serveFile(this.store, site, user, path);
    }
    const segments = splitPath(rest.slice(4));
    const method = effectiveMethod(req);
    const first = segments[0]?.toLowerCase();

    if (first === 'contextinfo' && method === 'POST') {
      const digest = this.digests.issue(user.id);
      return json(200, {
        FormDigestTimeoutSeconds: DIGEST_SECONDS,
        FormDigestValue: digest.value,
        LibraryVersion: '16.0.25417.12003',
        SiteFullUrl: `${req.url.origin}${site}`,
        SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
        WebFullUrl: `${req.url.origin}${site}`
      });
    }
    if (method !== 'GET' && !inBatch && this.digests.check(req.headers['x-requestdigest'], user.id) !== 'valid') {
      throw Errors.invalidDigest();
    }
    if (first === '$batch' && method === 'POST') {
      return this.batch(req);
    }
    const call: Call = {
      store: this.store,
      siteUrl: site,
      user,
      req,
      method,
      read: { store: this.store, apiUrl: `${req.url.origin}${site}/_api`, siteUrl: site, metadata: !/odata=nometadata/i.test(req.headers.accept ?? '') }
    };
    if (first === PEOPLE_PICKER_SEARCH && segments.length === 1 && method === 'POST') {
      // The people picker's directory search (people.ts, directory.ts).
      return peoplePickerSearch(call);
    }
    if (first !== 'web') {
      throw Errors.badRequest(`The emulator does not serve _api/${segments.join('/')}.`);
    }
    const next = segments[1];
    const lower = next?.toLowerCase() ?? '';
    if (!next) {
      const web: Record<string, unknown> = {
        Id: 'b1f4a7c2-5d3e-4c1a-9f8e-6d2c4b3a1e00',
        Title: 'Säkerhet',
        Url: `${req.url.origin}${site}`,
        ServerRelativeUrl: site,
        Language: this.store.language
      };
      const select = parseList(req.url.searchParams.get('$select'));
      if (select.length === 0) {
        return json(200, { 'odata.type': 'SP.Web', ...web });
      }
      // EffectiveBasePermissions comes only when asked for, as on lists.
      web.EffectiveBasePermissions = toBasePermissions(effectiveMask(this.store.security, user));
      const out: Record<string, unknown> = { 'odata.type': 'SP.Web' };
      for (const s of select) {
        if (!(s in web)) {
          throw Errors.badRequest(`The field or property '${s}' does not exist.`);
        }
        out[s] = web[s];
      }
      return json(200, out);
    }
    const permissions = await webSecurityEndpoint(call, segments);
    if (permissions) {
      return permissions;
    }
    if (lower === 'regionalsettings' && segments[2]?.toLowerCase() === 'timezone' && segments.length === 3 && method === 'GET') {
      // The site's regional-settings time zone (regional.ts); a Swedish site (Language 1053) answers in Swedish.
      return json(200, timeZoneJson(this.store.timeZone, this.store.language === 1053 ? 'sv' : 'en', call.read.apiUrl, call.read.metadata));
    }
    const people = peopleEndpoint(call, segments);
    if (people) {
      return people;
    }
    if (lower === 'recyclebin' || lower.startsWith('recyclebin(')) {
      return recycleBinEndpoint(call, segments);
    }
    if (lower.startsWith('getfolderbyserverrelativepath(')) {
      // A library's root folder: its files and uploads (files.ts).
      return folderEndpoint(call, quotedArg(next) ?? '', segments.slice(2));
    }
    if (lower.startsWith('getfolderbyserverrelativeurl(')) {
      // The string-based API, as getFileByServerRelativeUrl below.
      const url = (quotedArg(next) ?? '').split('#')[0];
      let decoded = url;
      try {
        decoded = decodeURIComponent(url);
      } catch {
        // Not an escape after all.
      }
      return folderEndpoint(call, decoded, segments.slice(2));
    }
    if (lower.startsWith('getfilebyserverrelativepath(')) {
      // ResourcePath API: decodedurl is the name as it is, '#' and '%' included (sp-dev-docs, ResourcePath page).
      return fileEndpoint(call, quotedArg(next) ?? '', segments.slice(2));
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
      return fileEndpoint(call, url, segments.slice(2));
    }
    const found = resolveList(call, segments);
    if (!found) {
      throw Errors.badRequest(`The emulator does not serve _api/${segments.join('/')}.`);
    }
    return listEndpoint(call, found.list, found.rest);
  }

  // ----- $batch ------------------------------------------------------------------------------

  private batch(req: EmulatorRequest): Promise<EmulatorResponse> {
    return runBatch(req, (part) => this.handle(part, true), errorResponse);
  }
}
