/**
 * The local server behind `npm start` and the tests: the SharePoint emulator for /sites/sakerhet,
 * the dev host page that runs the product's React app against it, and /_dev/ endpoints for
 * signing in as a dev user, injecting faults and reading the request log, and a stand-in for
 * Microsoft Graph's sendMail (/v1.0/me/sendMail, emulator/graph.ts) whose mail lands in an outbox.
 * One origin, loopback only.
 *
 * It answers only its own page (guard.ts): a Host header that names it (no DNS rebinding), and
 * requests from its own origin (no other web page can drive it). It cannot be knocked over by
 * load: a body is refused by its declared size before it is read and before sign-in is checked,
 * all bodies being read at once share one memory budget, half-sent requests time out, and $batch
 * has SharePoint's limits (batch.ts).
 */
import { existsSync, readFileSync } from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import { extname, join, normalize } from 'path';
import { SITE_URL } from '../src/model/schema';
import { SAMPLE_PEOPLE } from '../src/model/sample/people';
import { MAX_PARTS_PER_BATCH } from './emulator/batch';
import { readCookie } from './emulator/cookies';
import type { FileIO } from './emulator/disk';
import { Errors, type SiteLanguage, SPError } from './emulator/errors';
import { FaultRule, FaultRuleError, Faults } from './emulator/faults';
import { GraphStandIn, graphError } from './emulator/graph';
import { EmulatorRequest, SharePointEmulator, USER_COOKIE, errorResponse } from './emulator/rest';
import { provisionFromFeature } from './emulator/provisioning';
import { siteTimeZone } from './emulator/regional';
import { addAreaOwnersToGroup, repairAsSiteOwner, seedPeople, seedSampleContent } from './emulator/seed';
import { Store } from './emulator/store';
import { GuardOptions, localRedirect, requestOrigin, validHost } from './guard';

export interface DevServerOptions {
  port?: number;
  /** Folder for persisted state; undefined keeps the data in memory (tests). */
  dataDir?: string;
  /** Start from fresh sample content even if the data folder has state. */
  reset?: boolean;
  /** Folder with the dev host's built JavaScript (dev/.build by default). */
  hostBuildDir?: string;
  /** The moment the sample content is relative to (tests pin it). */
  now?: Date;
  /**
   * `sample` (default): the sample site, after deployment and a passed installation check.
   * `new`: the site exactly as the package creates it, with its creator (maria) in Owners and the
   * other people known to the directory only – the first step of the deployment test.
   */
  site?: 'sample' | 'new';
  /** The site's regional-settings time zone: an IANA name or SharePoint zone ID (default Europe/Stockholm, see emulator/regional.ts). */
  siteTimeZone?: string;
  /** The site's language: 1053 (Swedish, default) or 1033 (English); SharePoint words its answers and errors in it. */
  siteLanguage?: SiteLanguage;
  quiet?: boolean;
  /** Further host names the server may be reached by (webpack-dev-server's allowedHosts); localhost always. */
  allowedHosts?: GuardOptions['allowedHosts'];
  /** A request whose headers are not complete after this long is closed (ms; default 10 s). */
  headersTimeoutMs?: number;
  /** A request not completely received after this long is answered 408 and closed (ms; default 60 s). */
  requestTimeoutMs?: number;
  /** The data folder's file system (tests inject failures); `fs` by default. */
  io?: FileIO;
  /** Compact the journal once it is larger than this and than the snapshot (bytes). */
  compactAtBytes?: number;
  /** Characters the request log may hold (default 16 M; tests set less). */
  requestLogChars?: number;
  /** Whether Mail.Send is approved for SPFx on the API access page (default true; emulator/graph.ts). */
  mailSendApproved?: boolean;
}

export interface RequestLogEntry {
  seq: number;
  method: string;
  path: string;
  status: number;
  user?: string;
  /** For $batch: the requests inside it. */
  parts?: string[];
}

export interface DevServer {
  url: string;
  port: number;
  store: Store;
  emulator: SharePointEmulator;
  faults: Faults;
  /** The Microsoft Graph stand-in: its Mail.Send approval and its outbox. */
  graph: GraphStandIn;
  requests: RequestLogEntry[];
  /** Stops answering, stores what is pending and compacts the data folder. */
  close(): Promise<void>;
  /** Stops answering and lets go of the data folder as a crash would: nothing pending is stored, nothing compacted (tests). */
  abandon(): Promise<void>;
}

/**
 * Body limits, by what the request is, applied to its declared Content-Length before anything is
 * read, and to what arrives when no length is declared:
 * - files and attachments: SharePoint Online refuses requests over 262,144,000 bytes ("The request
 *   message is too big. The server does not allow messages larger than 262144000 bytes.",
 *   recorded in pnp/PnP-PowerShell issue #936);
 * - every other SharePoint request is an OData message: 2,097,152 bytes (the size at which SharePoint
 *   Online refused a $batch in pnp/pnpjs issue #3207, 2025; earlier reports show ODataLib's default
 *   of 1,048,576 bytes, "The maximum number of bytes allowed to be read from the stream has been
 *   exceeded", pnp/pnpcore issue #777);
 * - the dev endpoints take small JSON; the page and its scripts take no body.
 */
export const MAX_UPLOAD_BYTES = 262_144_000;
export const MAX_ODATA_BYTES = 2_097_152;
const MAX_DEV_BYTES = 64 * 1024;
/** Graph refuses requests over 4 MB (learn.microsoft.com/graph/outlook-large-attachments: attach larger files with an upload session). */
export const MAX_GRAPH_BYTES = 4 * 1024 * 1024;
/**
 * The request log (/_dev/requests) keeps the newest 10,000 requests, and no more than 16 M
 * characters of paths and $batch part lines (each cut to 1,000): whatever users send, it stays small.
 */
const LOG_ENTRIES = 10_000;
const LOG_CHARS = 16 * 1024 * 1024;
const LOG_TEXT = 1000;
const clip = (text: string): string => (text.length > LOG_TEXT ? `${text.slice(0, LOG_TEXT)}…` : text);
/** All bodies being read at one time share this much memory; beyond it a request waits its turn (503). */
const BODY_BUDGET_BYTES = 600 * 1024 * 1024;
const ROOT = join(__dirname, '..');
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent UI writes its styles at run time, as on SharePoint pages.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'self'"
].join('; ');

class BodyError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly headers: Record<string, string> = {}
  ) {
    super(message);
  }
}

/** The largest body a request to this path may have (see the limits above). */
function bodyLimit(pathname: string): number {
  const lower = pathname.toLowerCase();
  if (lower.startsWith('/_dev/')) {
    return MAX_DEV_BYTES;
  }
  if (lower === SITE_URL || lower.startsWith(`${SITE_URL}/`)) {
    return /\/(attachmentfiles|files)\/add\(/.test(lower) ? MAX_UPLOAD_BYTES : MAX_ODATA_BYTES;
  }
  if (lower.startsWith('/v1.0/')) {
    return MAX_GRAPH_BYTES;
  }
  return 0;
}

const tooLarge = (limit: number): BodyError =>
  new BodyError(413, `The request message is too big. The server does not allow messages larger than ${limit} bytes.`);

/** Memory taken by bodies being read now. */
let bodyBytesInFlight = 0;

/**
 * Reads a request body of at most `limit` bytes. A declared length over the limit is refused
 * before anything is read; an undeclared one is counted as it arrives. The memory is reserved
 * from a budget shared by all requests, so concurrent uploads cannot add up beyond it.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'] !== undefined ? Number(req.headers['content-length']) : undefined;
  if (declared !== undefined && !(declared <= limit)) {
    return Promise.reject(tooLarge(limit));
  }
  if (declared === 0 || (declared === undefined && req.headers['transfer-encoding'] === undefined)) {
    return Promise.resolve(Buffer.alloc(0));
  }
  return new Promise((resolve, reject) => {
    let reserved = 0;
    const reserve = (bytes: number): boolean => {
      if (bodyBytesInFlight + bytes > BODY_BUDGET_BYTES) {
        return false;
      }
      bodyBytesInFlight += bytes;
      reserved += bytes;
      return true;
    };
    const release = (): void => {
      bodyBytesInFlight -= reserved;
      reserved = 0;
    };
    const fail = (err: BodyError): void => {
      release();
      req.removeAllListeners('data');
      reject(err);
    };
    // A declared length is reserved and filled in place; otherwise chunks are kept as they come.
    const whole = declared !== undefined && reserve(declared) ? Buffer.allocUnsafe(declared) : undefined;
    if (declared !== undefined && !whole) {
      reject(new BodyError(503, 'The local SharePoint is reading too much at once; try again in a moment.', { 'Retry-After': '1' }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size + chunk.length > (declared ?? limit)) {
        fail(tooLarge(limit));
        return;
      }
      if (whole) {
        chunk.copy(whole, size);
      } else if (!reserve(chunk.length)) {
        fail(new BodyError(503, 'The local SharePoint is reading too much at once; try again in a moment.', { 'Retry-After': '1' }));
        return;
      } else {
        chunks.push(chunk);
      }
      size += chunk.length;
    });
    req.on('end', () => {
      release();
      resolve(whole ? whole.subarray(0, size) : Buffer.concat(chunks, size));
    });
    req.on('error', () => fail(new BodyError(400, 'The request body was not received.')));
    req.on('close', () => {
      if (!req.complete) {
        fail(new BodyError(400, 'The request body was not received.'));
      }
      release();
    });
  });
}

function send(res: http.ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  if (!res.headersSent) {
    res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  }
  res.end(body);
}

function devUserKey(cookie: string | undefined): string | undefined {
  return readCookie(cookie, USER_COOKIE);
}

function userCookie(key: string): string {
  return `${USER_COOKIE}=${encodeURIComponent(key)}; Path=/; SameSite=Lax; HttpOnly`;
}

const STATIC_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8'
};

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const store = new Store(options.dataDir, { io: options.io, compactAtBytes: options.compactAtBytes });
  store.timeZone = siteTimeZone(options.siteTimeZone);
  store.language = options.siteLanguage ?? 1053;
  // The lists come from the feature XML the package ships, read as SharePoint reads it.
  const feature = provisionFromFeature();
  if (!options.quiet) {
    feature.ignored.forEach((line) => console.warn(`Provisioning: ${line}`));
  }
  store.open(feature.lists);
  const fresh = options.reset || store.isEmpty;
  if (fresh) {
    if (!store.isEmpty) {
      throw new Error('reset needs an empty data folder: the caller removes it first');
    }
    seedPeople(store, options.site === 'new');
  }
  const emulator = new SharePointEmulator(store);
  const faults = new Faults();
  const graph = new GraphStandIn();
  graph.mailSendApproved = options.mailSendApproved ?? true;
  const requests: RequestLogEntry[] = [];
  /** Characters the log holds now: it is kept to LOG_CHARS (and LOG_ENTRIES), oldest first out. */
  let loggedChars = 0;
  const logChars = options.requestLogChars ?? LOG_CHARS;
  const sizeOf = (e: RequestLogEntry): number => e.path.length + (e.parts ?? []).reduce((n, p) => n + p.length, 0);
  const logRequest = (entry: RequestLogEntry): void => {
    requests.push(entry);
    loggedChars += sizeOf(entry);
    let drop = 0;
    while (drop < requests.length - 1 && (loggedChars > logChars || requests.length - drop > LOG_ENTRIES)) {
      loggedChars -= sizeOf(requests[drop++]);
    }
    requests.splice(0, drop);
  };
  let seq = 0;
  const hostBuildDir = options.hostBuildDir ?? join(ROOT, 'dev', '.build');
  const devUsers = SAMPLE_PEOPLE.filter((p) => p.devUser);
  const guard: GuardOptions = { allowedHosts: options.allowedHosts };

  const jsonOut = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void =>
    send(res, status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers }, JSON.stringify(body));

  const handleDev = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> => {
    const route = url.pathname.slice('/_dev/'.length);
    const current = devUserKey(req.headers.cookie);
    if (route === 'users' && req.method === 'GET') {
      jsonOut(res, 200, {
        current,
        users: devUsers.map((p) => {
          const u = [...store.users.values()].find((x) => x.email === p.email)!;
          return { key: p.key, id: u.id, displayName: p.displayName, email: p.email, jobTitle: p.jobTitle, group: p.group };
        })
      });
    } else if (route === 'signin' && req.method === 'GET') {
      const key = url.searchParams.get('user') ?? '';
      // Back to a page of this server only: `/\evil.example/` or `/%09/…` are other hosts to a browser.
      const to = localRedirect(url.searchParams.get('to') ?? '/', url.origin);
      if (!devUsers.some((p) => p.key === key) || to === undefined) {
        jsonOut(res, 400, { error: 'Unknown dev user or return address.' });
        return;
      }
      send(res, 302, { 'Set-Cookie': userCookie(key), Location: to, 'Cache-Control': 'no-store' }, '');
    } else if (route === 'faults') {
      if (req.method === 'GET') {
        jsonOut(res, 200, faults.describe());
      } else if (req.method === 'POST') {
        // JSON only: a form or a text/plain POST from a page is not a way to set faults.
        if (!/^application\/json(\s*;|$)/i.test(req.headers['content-type'] ?? '')) {
          jsonOut(res, 415, { error: 'Send the rules as application/json.' });
          return;
        }
        const text = (await readBody(req, bodyLimit(url.pathname))).toString('utf8');
        let body: FaultRule[] | { rules: FaultRule[] };
        try {
          body = JSON.parse(text || '[]') as FaultRule[] | { rules: FaultRule[] };
          faults.set(Array.isArray(body) ? body : body.rules);
        } catch (err) {
          jsonOut(res, 400, { error: err instanceof FaultRuleError ? err.message : 'The rules are not valid JSON.' });
          return;
        }
        jsonOut(res, 200, faults.describe());
      } else if (req.method === 'DELETE') {
        faults.clear();
        jsonOut(res, 200, []);
      } else {
        jsonOut(res, 405, { error: 'GET, POST or DELETE.' });
      }
    } else if (route === 'outbox') {
      // The stand-in's outbox, as a mail catcher shows it: every mail the dev users sent.
      if (req.method === 'GET') {
        jsonOut(res, 200, graph.outbox);
      } else if (req.method === 'DELETE') {
        graph.outbox.length = 0;
        jsonOut(res, 200, []);
      } else {
        jsonOut(res, 405, { error: 'GET or DELETE.' });
      }
    } else if (route === 'graph-consent') {
      // The API access page's approval of Mail.Send, for trying the refused case (403).
      if (req.method === 'GET') {
        jsonOut(res, 200, { mailSendApproved: graph.mailSendApproved });
      } else if (req.method === 'PUT') {
        if (!/^application\/json(\s*;|$)/i.test(req.headers['content-type'] ?? '')) {
          jsonOut(res, 415, { error: 'Send {"mailSendApproved": true|false} as application/json.' });
          return;
        }
        let body: { mailSendApproved?: unknown };
        try {
          body = JSON.parse((await readBody(req, bodyLimit(url.pathname))).toString('utf8')) as { mailSendApproved?: unknown };
        } catch {
          body = {};
        }
        if (typeof body?.mailSendApproved !== 'boolean') {
          jsonOut(res, 400, { error: 'Send {"mailSendApproved": true|false}.' });
          return;
        }
        graph.mailSendApproved = body.mailSendApproved;
        jsonOut(res, 200, { mailSendApproved: graph.mailSendApproved });
      } else {
        jsonOut(res, 405, { error: 'GET or PUT.' });
      }
    } else if (route === 'requests') {
      // Each dev user sees only their own requests: the log holds queries with other people's
      // names and report ids, which SharePoint would never show them.
      if (!current) {
        jsonOut(res, 401, { error: 'Sign in as a dev user to see your requests.' });
      } else if (req.method === 'DELETE') {
        const others = requests.filter((r) => r.user !== current);
        requests.length = 0;
        requests.push(...others);
        loggedChars = others.reduce((n, e) => n + sizeOf(e), 0);
        jsonOut(res, 200, []);
      } else if (req.method === 'GET') {
        const since = Number(url.searchParams.get('since') ?? 0);
        jsonOut(res, 200, requests.filter((r) => r.user === current && r.seq > since));
      } else {
        jsonOut(res, 405, { error: 'GET or DELETE.' });
      }
    } else {
      jsonOut(res, 404, { error: 'Unknown dev endpoint.' });
    }
  };

  const handleSharePoint = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> => {
    const isApi = /\/_api(\/|$)/i.test(url.pathname);
    const method = req.method === 'POST' && typeof req.headers['x-http-method'] === 'string' ? req.headers['x-http-method'].toUpperCase() : req.method ?? 'GET';
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
    const applied = isApi ? faults.take(method, url.pathname, url.search) : [];
    for (const rule of applied) {
      if (rule.kind === 'latency') {
        await new Promise((resolve) => setTimeout(resolve, rule.ms ?? 1000));
      }
    }
    if (applied.some((r) => r.kind === 'drop')) {
      req.socket.destroy();
      return;
    }
    const throttle = applied.find((r) => r.kind === 'throttle');
    if (throttle) {
      const err = errorResponse(Errors.throttled(throttle.retryAfter ?? 1), store.language);
      send(res, err.status, err.headers, err.body);
      return;
    }
    if (applied.some((r) => r.kind === 'unavailable')) {
      const err = errorResponse(Errors.unavailable(), store.language);
      send(res, err.status, err.headers, err.body);
      return;
    }
    // Who is asking is known from the cookie alone: nobody's body is read before that.
    if (!emulator.userFromRequest({ method: req.method ?? 'GET', url, headers, body: Buffer.alloc(0) })) {
      const err = errorResponse(Errors.unauthenticated());
      send(res, err.status, { ...err.headers, Connection: 'close' }, err.body);
      return;
    }
    const body = await readBody(req, bodyLimit(url.pathname));
    // Never read what another request's change has not yet stored (store.ts).
    await store.settled();
    const emulatorRequest: EmulatorRequest = { method: req.method ?? 'GET', url, headers, body };
    const response = await emulator.handle(emulatorRequest);
    if (isApi) {
      const entry: RequestLogEntry = { seq: ++seq, method, path: clip(url.pathname + url.search), status: response.status, user: devUserKey(req.headers.cookie) };
      if (/\/_api\/\$batch$/i.test(url.pathname)) {
        // At most one part more than a batch may have (batch.ts): a refused batch shows it is too long.
        entry.parts = (body.toString('utf8').match(/^(GET|POST|PUT|PATCH|MERGE|DELETE) \S+/gm) ?? []).slice(0, MAX_PARTS_PER_BATCH + 1).map(clip);
      }
      logRequest(entry);
    }
    if (applied.some((r) => r.kind === 'dropAfterCommit')) {
      // The change is stored; only the answer is lost, as when a connection breaks on the way back.
      req.socket.destroy();
      return;
    }
    send(res, response.status, { 'Cache-Control': 'no-store', ...response.headers }, response.body);
  };

  /** Microsoft Graph's sendMail, as the stand-in answers it (emulator/graph.ts), with the dev server's faults. */
  const handleGraph = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> => {
    const method = req.method ?? 'GET';
    const applied = faults.take(method, url.pathname, url.search, true);
    for (const rule of applied) {
      if (rule.kind === 'latency') {
        await new Promise((resolve) => setTimeout(resolve, rule.ms ?? 1000));
      }
    }
    if (applied.some((r) => r.kind === 'drop')) {
      req.socket.destroy();
      return;
    }
    const throttle = applied.find((r) => r.kind === 'throttle');
    const refused = throttle
      ? graphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': String(throttle.retryAfter ?? 1) })
      : applied.some((r) => r.kind === 'unavailable')
        ? graphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.', { 'Retry-After': '1' })
        : undefined;
    const user = emulator.userFromRequest({ method, url, headers: { cookie: req.headers.cookie }, body: Buffer.alloc(0) });
    const response = refused ?? graph.handle(method, url.pathname, req.headers['content-type'], user ? await readBody(req, bodyLimit(url.pathname)) : Buffer.alloc(0), user);
    logRequest({ seq: ++seq, method, path: clip(url.pathname + url.search), status: response.status, user: devUserKey(req.headers.cookie) });
    if (applied.some((r) => r.kind === 'dropAfterCommit')) {
      // The mail was accepted; only the answer is lost.
      req.socket.destroy();
      return;
    }
    send(res, response.status, { 'Cache-Control': 'no-store', ...response.headers }, response.body);
  };

  /** The page; `crossSite`: opened from another site's link, which may not choose who is signed in. */
  const serveHost = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, crossSite: boolean): void => {
    const requested = crossSite ? null : url.searchParams.get('user');
    const cookieUser = devUserKey(req.headers.cookie);
    const headers: Record<string, string> = {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff'
    };
    const user = requested && devUsers.some((p) => p.key === requested) ? requested : cookieUser && devUsers.some((p) => p.key === cookieUser) ? cookieUser : devUsers[0].key;
    if (user !== cookieUser) {
      headers['Set-Cookie'] = userCookie(user);
    }
    const built = existsSync(join(hostBuildDir, 'main.js'));
    send(res, 200, headers, hostPage(built));
  };

  const serveStatic = (res: http.ServerResponse, url: URL): void => {
    const rel = normalize(decodeURIComponent(url.pathname.slice('/dev-host/'.length))).replace(/^(\.\.[/\\])+/, '');
    const file = join(hostBuildDir, rel);
    if (!file.startsWith(hostBuildDir) || !existsSync(file)) {
      send(res, 404, { 'Content-Type': 'text/plain' }, 'Not found');
      return;
    }
    send(res, 200, { 'Content-Type': STATIC_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }, readFileSync(file));
  };

  const server = http.createServer(
    {
      requestTimeout: options.requestTimeoutMs ?? 60_000,
      // How often Node looks for requests over those times (its default, 30 s, would let a
      // half-sent request hold its socket for half a minute longer).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(Math.min(options.headersTimeoutMs ?? 10_000, options.requestTimeoutMs ?? 60_000) / 4)))
    },
    (req, res) => {
      // Only for this server by name, and only from its own page (guard.ts).
      res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
      if (!validHost(req.headers.host, guard)) {
        send(res, 403, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }, 'Invalid Host header');
        return;
      }
      const verdict = requestOrigin(req.method ?? 'GET', req.headers);
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      } catch {
        send(res, 400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }, 'Bad request');
        return;
      }
      const isPage = url.pathname === '/' || url.pathname === '/index.html';
      if (verdict === 'refused' || (verdict === 'crossSiteNavigation' && !isPage)) {
        send(res, 403, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }, 'Cross-origin request blocked');
        return;
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      const limit = bodyLimit(url.pathname);
      if (declared > limit || (limit === 0 && req.headers['transfer-encoding'] !== undefined)) {
        // Refused by its declared size, before a byte of it is read and before sign-in is checked.
        const err = tooLarge(limit);
        send(res, err.status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }, err.message);
        return;
      }
      const work = async (): Promise<void> => {
        if (url.pathname.startsWith('/_dev/')) {
          await handleDev(req, res, url);
        } else if (url.pathname.toLowerCase() === SITE_URL || url.pathname.toLowerCase().startsWith(`${SITE_URL}/`)) {
          await handleSharePoint(req, res, url);
        } else if (url.pathname.startsWith('/v1.0/')) {
          await handleGraph(req, res, url);
        } else if (url.pathname.startsWith('/dev-host/')) {
          serveStatic(res, url);
        } else if (isPage) {
          serveHost(req, res, url, verdict === 'crossSiteNavigation');
        } else if (url.pathname === '/favicon.ico') {
          send(res, 204, {}, '');
        } else {
          send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found');
        }
      };
      work().catch((err: Error) => {
        if (res.headersSent) {
          res.destroy();
        } else if (err instanceof BodyError) {
          send(res, err.status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close', ...err.headers }, err.message);
        } else if (err instanceof SPError) {
          const out = errorResponse(err);
          send(res, out.status, out.headers, out.body);
        } else {
          send(res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, err.message);
        }
      });
    }
  );
  server.headersTimeout = options.headersTimeoutMs ?? 10_000;
  // No keep-alive timeout of the server's own: an idle connection is the client's to close (Node's
  // fetch closes its idle connections after 4 s, browsers later). With a 5 s server timeout, a test
  // process whose event loop was blocked for seconds (generating 9,000 reports under load) reused a
  // connection the server was closing at that moment: ECONNRESET on the next request.
  server.keepAliveTimeout = 0;
  // A connection that sends nothing for a minute (a request or between requests) is closed.
  server.timeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (fresh && options.site !== 'new') {
    // The sample site: what a site looks like after deployment and a passed installation check,
    // made by the product's own check (run as the site owner over HTTP), then the sample content.
    try {
      await repairAsSiteOwner(`http://localhost:${port}`);
    } catch (err) {
      server.closeAllConnections();
      server.close();
      throw err;
    }
    addAreaOwnersToGroup(store);
    seedSampleContent(store, options.now);
    requests.length = 0;
  }
  if (fresh) {
    store.snapshot();
  }
  return {
    url: `http://localhost:${port}`,
    port,
    store,
    emulator,
    faults,
    graph,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
    abandon: () =>
      new Promise<void>((resolve) => {
        store.abandon();
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

function hostPage(built: boolean): string {
  const body = built
    ? '<div id="root"></div><script src="/dev-host/fabric-config.js"></script><script type="module" src="/dev-host/main.js"></script>'
    : '<main style="font-family:sans-serif;padding:2rem"><h1>Säkerhet</h1><p>The dev host is not built yet. Run <code>npm start</code>.</p></main>';
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Säkerhet – lokal utvecklingsmiljö</title>
<link rel="stylesheet" href="/dev-host/host.css">
</head>
<body>
${body}
</body>
</html>`;
}
