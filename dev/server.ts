/**
 * The local server behind `npm start` and the tests: the SharePoint emulator for /sites/sakerhet,
 * the dev host page that runs the product's React app against it, and /_dev/ endpoints for
 * signing in as a dev user, injecting faults and reading the request log. One origin, loopback only.
 */
import { existsSync, readFileSync } from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import { extname, join, normalize } from 'path';
import { SITE_URL } from '../src/model/schema';
import { SAMPLE_PEOPLE } from '../src/model/sample/people';
import { readCookie } from './emulator/cookies';
import type { FileIO } from './emulator/disk';
import { Errors } from './emulator/errors';
import { FaultRule, Faults } from './emulator/faults';
import { EmulatorRequest, SharePointEmulator, USER_COOKIE, errorResponse } from './emulator/rest';
import { provisionFromFeature } from './emulator/provisioning';
import { siteTimeZone } from './emulator/regional';
import { seedSampleContent } from './emulator/seed';
import { Store } from './emulator/store';

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
  /** The site's regional-settings time zone: an IANA name or SharePoint zone ID (default Europe/Stockholm, see emulator/regional.ts). */
  siteTimeZone?: string;
  quiet?: boolean;
  /** The data folder's file system (tests inject failures); `fs` by default. */
  io?: FileIO;
  /** Compact the journal once it is larger than this and than the snapshot (bytes). */
  compactAtBytes?: number;
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
  requests: RequestLogEntry[];
  /** Stops answering, stores what is pending and compacts the data folder. */
  close(): Promise<void>;
  /** Stops answering and lets go of the data folder as a crash would: nothing pending is stored, nothing compacted (tests). */
  abandon(): Promise<void>;
}

const MAX_BODY = 300 * 1024 * 1024;
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

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('Request body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  if (!res.headersSent) {
    res.writeHead(status, headers);
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
  // The lists come from the feature XML the package ships, read as SharePoint reads it.
  const feature = provisionFromFeature();
  if (!options.quiet) {
    feature.ignored.forEach((line) => console.warn(`Provisioning: ${line}`));
  }
  store.open(feature.lists);
  if (options.reset || store.isEmpty) {
    if (!store.isEmpty) {
      throw new Error('reset needs an empty data folder: the caller removes it first');
    }
    seedSampleContent(store, options.now);
    store.snapshot();
  }
  const emulator = new SharePointEmulator(store);
  const faults = new Faults();
  const requests: RequestLogEntry[] = [];
  let seq = 0;
  const hostBuildDir = options.hostBuildDir ?? join(ROOT, 'dev', '.build');
  const devUsers = SAMPLE_PEOPLE.filter((p) => p.devUser);

  const handleDev = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> => {
    const route = url.pathname.slice('/_dev/'.length);
    const jsonOut = (status: number, body: unknown): void => send(res, status, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(body));
    if (route === 'users' && req.method === 'GET') {
      const current = devUserKey(req.headers.cookie);
      jsonOut(200, {
        current,
        users: devUsers.map((p) => {
          const u = [...store.users.values()].find((x) => x.email === p.email)!;
          return { key: p.key, id: u.id, displayName: p.displayName, email: p.email, jobTitle: p.jobTitle, group: p.group };
        })
      });
    } else if (route === 'signin' && req.method === 'GET') {
      const key = url.searchParams.get('user') ?? '';
      const to = url.searchParams.get('to') ?? '/';
      if (!devUsers.some((p) => p.key === key) || !to.startsWith('/') || to.startsWith('//')) {
        jsonOut(400, { error: 'Unknown dev user or return address.' });
        return;
      }
      send(res, 302, { 'Set-Cookie': userCookie(key), Location: to }, '');
    } else if (route === 'faults') {
      if (req.method === 'GET') {
        jsonOut(200, faults.describe());
      } else if (req.method === 'POST') {
        const body = JSON.parse((await readBody(req)).toString('utf8') || '[]') as FaultRule[] | { rules: FaultRule[] };
        faults.set(Array.isArray(body) ? body : body.rules);
        jsonOut(200, faults.describe());
      } else if (req.method === 'DELETE') {
        faults.clear();
        jsonOut(200, []);
      }
    } else if (route === 'requests') {
      if (req.method === 'DELETE') {
        requests.length = 0;
        jsonOut(200, []);
      } else {
        const since = Number(url.searchParams.get('since') ?? 0);
        jsonOut(200, requests.filter((r) => r.seq > since));
      }
    } else {
      jsonOut(404, { error: 'Unknown dev endpoint.' });
    }
  };

  const handleSharePoint = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> => {
    const isApi = /\/_api(\/|$)/i.test(url.pathname);
    const method = req.method === 'POST' && typeof req.headers['x-http-method'] === 'string' ? req.headers['x-http-method'].toUpperCase() : req.method ?? 'GET';
    const applied = isApi ? faults.take(method, url.pathname + url.search) : [];
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
      const err = errorResponse(Errors.throttled(throttle.retryAfter ?? 1));
      send(res, err.status, err.headers, err.body);
      return;
    }
    if (applied.some((r) => r.kind === 'unavailable')) {
      const err = errorResponse(Errors.unavailable());
      send(res, err.status, err.headers, err.body);
      return;
    }
    const body = await readBody(req);
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
    // Never read what another request's change has not yet stored (store.ts).
    await store.settled();
    const emulatorRequest: EmulatorRequest = { method: req.method ?? 'GET', url, headers, body };
    const response = await emulator.handle(emulatorRequest);
    if (isApi) {
      const entry: RequestLogEntry = { seq: ++seq, method, path: url.pathname + url.search, status: response.status, user: devUserKey(req.headers.cookie) };
      if (/\/_api\/\$batch$/i.test(url.pathname)) {
        entry.parts = (body.toString('utf8').match(/^(GET|POST|PUT|PATCH|MERGE|DELETE) \S+/gm) ?? []).map((l) => l);
      }
      requests.push(entry);
      if (requests.length > 10000) {
        requests.splice(0, requests.length - 10000);
      }
    }
    if (applied.some((r) => r.kind === 'dropAfterCommit')) {
      // The change is stored; only the answer is lost, as when a connection breaks on the way back.
      req.socket.destroy();
      return;
    }
    send(res, response.status, { 'Cache-Control': 'no-store', ...response.headers }, response.body);
  };

  const serveHost = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    const requested = url.searchParams.get('user');
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

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const work = async (): Promise<void> => {
      if (url.pathname.startsWith('/_dev/')) {
        await handleDev(req, res, url);
      } else if (url.pathname.toLowerCase() === SITE_URL || url.pathname.toLowerCase().startsWith(`${SITE_URL}/`)) {
        await handleSharePoint(req, res, url);
      } else if (url.pathname.startsWith('/dev-host/')) {
        serveStatic(res, url);
      } else if (url.pathname === '/' || url.pathname === '/index.html') {
        serveHost(req, res, url);
      } else if (url.pathname === '/favicon.ico') {
        send(res, 204, {}, '');
      } else {
        send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found');
      }
    };
    work().catch((err: Error & { status?: number }) => {
      if (!res.headersSent) {
        send(res, err.status ?? 500, { 'Content-Type': 'text/plain; charset=utf-8' }, err.message);
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    store,
    emulator,
    faults,
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
