/**
 * The dev server answers only its own page, and load cannot knock it over: the Host header is
 * checked (DNS rebinding), other origins cannot drive /_dev/, fault rules take no regular
 * expressions, the request log shows a user only their own requests, a sign-in never redirects
 * off the origin; bodies are refused by their size before they are read and before sign-in,
 * half-sent requests time out, a $batch has SharePoint's limits and lets others in between its
 * parts, and request digests expire. (Chromium from another origin: tests/e2e/dev-server.test.ts.)
 */
import type { DevServer } from '../../dev/server';
import { MAX_ODATA_BYTES, MAX_UPLOAD_BYTES } from '../../dev/server';
import { generateIncidents } from '../../dev/emulator/generate';
import { head, rawRequest } from '../helpers/raw-http';
import { rest, startEmulator } from '../helpers/emulator';

const NOW = new Date('2026-06-15T10:00:00Z');
const ITEMS = "web/getList('/sites/sakerhet/Lists/Handelser')/items";
const AREAS = "web/getList('/sites/sakerhet/Lists/Sakerhetsomraden')/items";

let server: DevServer;
beforeAll(async () => {
  server = await startEmulator({ now: NOW, allowedHosts: ['sakerhet.test'], headersTimeoutMs: 400, requestTimeoutMs: 800 });
});
afterAll(() => server.close());
afterEach(() => server.faults.clear());

describe('only its own page', () => {
  it('refuses a Host header that does not name it, as after DNS rebinding (webpack-dev-server allowedHosts)', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `localhost.evil.example:${server.port}`]) {
      const api = await rawRequest(server.port, head('GET', `/sites/sakerhet/_api/${AREAS}`, { Host: host, Cookie: 'sakerhet-user=maria', Accept: 'application/json' }));
      expect({ host, status: api.status, body: api.body }).toEqual({ host, status: 403, body: 'Invalid Host header' });
      const page = await rawRequest(server.port, head('GET', '/', { Host: host }));
      expect(page.status).toBe(403);
    }
    const missing = await rawRequest(server.port, 'GET / HTTP/1.0\r\n\r\n');
    expect(missing.status).toBe(403);
    // Its own names: localhost (and *.localhost), IP addresses, and the hosts it was told about.
    for (const host of [`localhost:${server.port}`, `app.localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`, 'sakerhet.test']) {
      const ok = await rawRequest(server.port, head('GET', `/sites/sakerhet/_api/${AREAS}?$top=1`, { Host: host, Cookie: 'sakerhet-user=maria', Accept: 'application/json' }));
      expect({ host, status: ok.status }).toEqual({ host, status: 200 });
    }
  });

  it('refuses requests another origin makes, and a cross-site text/plain POST to /_dev/faults', async () => {
    const rules = JSON.stringify([{ kind: 'unavailable' }]);
    const attempts: Record<string, string>[] = [
      // A browser with Fetch Metadata: a page on another site, or another port of localhost.
      { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
      { 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'no-cors', Origin: 'http://localhost:1', 'Content-Type': 'text/plain' },
      // Without Fetch Metadata: the Origin header decides.
      { Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
      { Origin: 'null', 'Content-Type': 'application/json' }
    ];
    for (const headers of attempts) {
      const res = await fetch(`${server.url}/_dev/faults`, { method: 'POST', headers, body: rules });
      expect({ headers, status: res.status }).toEqual({ headers, status: 403 });
    }
    // A text/plain POST from its own page is still not a way to set faults: JSON only.
    const plain = await fetch(`${server.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Sec-Fetch-Site': 'same-origin' }, body: rules });
    expect(plain.status).toBe(415);
    expect(server.faults.describe()).toEqual([]);
    // Another origin cannot use the REST API with the user's cookie either.
    const api = await fetch(`${server.url}/sites/sakerhet/_api/contextinfo`, { method: 'POST', headers: { Cookie: 'sakerhet-user=anna', Origin: 'http://evil.example' } });
    expect(api.status).toBe(403);
    // Its own origin, under any of its loopback names, is fine.
    const own = await fetch(`${server.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${server.port}` }, body: rules });
    expect(own.status).toBe(200);
    expect(server.faults.describe().map((r) => r.kind)).toEqual(['unavailable']);
  });

  it('lets a link from another site open the page, but not choose who is signed in', async () => {
    // Fetch Metadata as Chromium sends it for a top-level navigation from a link on another site.
    const navigate = (path: string, site: string): ReturnType<typeof rawRequest> =>
      rawRequest(server.port, head('GET', path, { Host: `localhost:${server.port}`, Cookie: 'sakerhet-user=anna', 'Sec-Fetch-Site': site, 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' }));
    const page = await navigate('/?user=erik', 'cross-site');
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
    const own = await navigate('/?user=erik', 'none');
    expect(own.headers['set-cookie']).toMatch(/^sakerhet-user=erik;/);
    // Signing in, or anything else than the page itself, is not for links from elsewhere.
    for (const path of ['/_dev/signin?user=erik&to=/', '/_dev/requests', `/sites/sakerhet/_api/${AREAS}`]) {
      const res = await navigate(path, 'cross-site');
      expect({ path, status: res.status, cookie: res.headers['set-cookie'] }).toEqual({ path, status: 403, cookie: undefined });
    }
  });

  it('takes fault rule paths as plain text, never as regular expressions', async () => {
    const set = (rules: object[]): Promise<Response> =>
      fetch(`${server.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rules) });
    expect((await set([{ kind: 'unavailable', path: '.' }, { kind: 'unavailable', path: '(a+)+b' }])).status).toBe(200);
    // '.' as a pattern would match everything; as text it matches nothing here.
    expect((await rest(server, 'anna', `${AREAS}?$top=1`)).status).toBe(200);
    expect((await rest(server, 'anna', `${AREAS}?$top=1&x=${'a'.repeat(40)}!`)).status).toBe(200);
    expect((await set([{ kind: 'unavailable', path: 'SAKERHETSOMRADEN' }])).status).toBe(200);
    expect((await rest(server, 'anna', `${AREAS}?$top=1`)).status).toBe(503);
    expect((await set([{ kind: 'unavailable', method: 'POST', pathEnd: "Handelser')/items" }])).status).toBe(200);
    expect((await rest(server, 'anna', `${AREAS}?$top=1`)).status).toBe(200);
    // Rules that are not rules are refused, and the old ones kept.
    // Patterns written for the first version are refused out loud rather than never matching.
    for (const bad of [
      [{ kind: 'explode' }],
      [{ kind: 'latency', ms: 3_600_000 }],
      [{ kind: 'drop', path: { $regex: '.*' } }],
      [{ kind: 'drop', pattern: '.*' }],
      [{ kind: 'drop', path: "getList\\('[^']*Handelser'\\)/items$" }],
      [{ kind: 'drop', path: '.*' }],
      'not json'
    ]) {
      const res = await fetch(`${server.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof bad === 'string' ? bad : JSON.stringify(bad) });
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
    expect(server.faults.describe().map((r) => r.pathEnd)).toEqual(["Handelser')/items"]);
  });

  it("shows each dev user only their own requests in /_dev/requests, and nothing to the signed-out", async () => {
    await rest(server, 'anna', `${ITEMS}?$filter=ReportId eq 'anna-letar'`);
    await rest(server, 'erik', `${ITEMS}?$filter=ReportId eq 'erik-letar'`);
    const log = async (user?: string): Promise<{ status: number; paths: string[] }> => {
      const res = await fetch(`${server.url}/_dev/requests`, { headers: user ? { Cookie: `sakerhet-user=${user}` } : {} });
      const body = await res.json();
      return { status: res.status, paths: Array.isArray(body) ? body.map((r: { path: string; user: string }) => `${r.user} ${decodeURIComponent(r.path)}`) : [] };
    };
    const anna = await log('anna');
    expect(anna.paths.some((p) => p.includes('anna-letar'))).toBe(true);
    expect(anna.paths.filter((p) => !p.startsWith('anna '))).toEqual([]);
    const erik = await log('erik');
    expect(erik.paths.some((p) => p.includes('erik-letar'))).toBe(true);
    expect(erik.paths.filter((p) => !p.startsWith('erik '))).toEqual([]);
    expect(await log()).toEqual({ status: 401, paths: [] });
  });

  it('keeps the sign-in redirect on its own origin', async () => {
    const signin = (to: string): Promise<Response> => fetch(`${server.url}/_dev/signin?user=anna&to=${encodeURIComponent(to)}`, { redirect: 'manual' });
    for (const to of ['/\\evil.example/', '/\t/evil.example', '/\n/evil.example', '//evil.example', '/.//evil.example/x', '\\\\evil.example', 'http://evil.example/', ['javascript', 'alert(1)'].join(':'), 'evil.example']) {
      const res = await signin(to);
      expect({ to, status: res.status, location: res.headers.get('location') }).toEqual({ to, status: 400, location: null });
    }
    for (const [to, location] of [
      ['/', '/'],
      ['/?host=teams&lang=en-us#/mina-rapporter', '/?host=teams&lang=en-us#/mina-rapporter'],
      ['/#/rapport/3', '/#/rapport/3']
    ]) {
      const res = await signin(to);
      expect({ to, status: res.status, location: res.headers.get('location') }).toEqual({ to, status: 302, location });
      expect(new URL(res.headers.get('location')!, server.url).origin).toBe(server.url);
    }
  });
});

describe('load it cannot be knocked over by', () => {
  it('refuses a body by its declared size before reading it, and before sign-in is checked', async () => {
    // Four 290 MB bodies without a cookie: each is answered at once, without a byte of the body sent.
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => rawRequest(server.port, head('POST', `/sites/sakerhet/_api/${ITEMS}`, { Host: `localhost:${server.port}`, 'Content-Type': 'application/json', 'Content-Length': 290 * 1024 * 1024 })))
    );
    for (const a of answers) {
      expect(a.status).toBe(413);
      expect(a.body).toContain(`larger than ${MAX_ODATA_BYTES} bytes`);
    }
    // An upload may be larger (SharePoint's 262,144,000 bytes), but not larger than that.
    const upload = await rawRequest(server.port, head('POST', `/sites/sakerhet/_api/${ITEMS}(1)/AttachmentFiles/add(FileName='a.pdf')`, { Host: `localhost:${server.port}`, Cookie: 'sakerhet-user=anna', 'Content-Length': MAX_UPLOAD_BYTES + 1 }));
    expect(upload.status).toBe(413);
    // Within the limit but without a cookie: 401, still without waiting for the body.
    const anonymous = await rawRequest(server.port, head('POST', `/sites/sakerhet/_api/${ITEMS}`, { Host: `localhost:${server.port}`, 'Content-Type': 'application/json', 'Content-Length': 1000000 }));
    expect(anonymous.status).toBe(401);
    expect(anonymous.sentBytes).toBeLessThan(1000);
    // The page and its scripts take no body at all.
    const page = await rawRequest(server.port, head('POST', '/', { Host: `localhost:${server.port}`, 'Content-Length': 10 }));
    expect(page.status).toBe(413);
  });

  it('stops reading a body sent without a length once it is over the limit', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const pieces: Buffer[] = [];
    for (let sent = 0; sent <= MAX_ODATA_BYTES + chunk.length; sent += chunk.length) {
      pieces.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
    }
    const res = await rawRequest(
      server.port,
      head('POST', `/sites/sakerhet/_api/${ITEMS}`, { Host: `localhost:${server.port}`, Cookie: 'sakerhet-user=anna', 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }),
      pieces
    );
    expect(res.status).toBe(413);
  });

  it('closes half-sent requests: headers that never end, and bodies that never come', async () => {
    const headers = await rawRequest(server.port, `GET / HTTP/1.1\r\nHost: localhost:${server.port}\r\nX-Slow: `);
    expect(headers.closed).toBe(true);
    const body = await rawRequest(
      server.port,
      head('POST', `/sites/sakerhet/_api/${ITEMS}`, { Host: `localhost:${server.port}`, Cookie: 'sakerhet-user=anna', 'Content-Type': 'application/json', 'Content-Length': 100 }),
      [Buffer.from('{"Title":')]
    );
    expect(body.status === 408 || body.closed).toBe(true);
    // And the server goes on answering.
    expect((await rest(server, 'anna', `${AREAS}?$top=1`)).status).toBe(200);
  });

  it("limits a $batch to SharePoint's 100 parts and 1,000 operations per change set", async () => {
    const get = (n: number): string[] =>
      Array.from({ length: n }, () => ['--b', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `GET ${server.url}/sites/sakerhet/_api/${AREAS}?$top=1 HTTP/1.1`, 'Accept: application/json', ''].join('\r\n'));
    const batch = (parts: string[]): Promise<{ status: number; json: any; text: string }> =>
      rest(server, 'anna', '$batch', { method: 'POST', digest: true, headers: { 'Content-Type': 'multipart/mixed; boundary=b' }, body: [...parts, '--b--', ''].join('\r\n') });
    const ok = await batch(get(100));
    expect(ok.status).toBe(200);
    expect(ok.text.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(100);
    const over = await batch(get(101));
    expect(over.status).toBe(400);
    // ODataLib's message (ODataBatchReader_MaxBatchSizeExceeded), as SharePoint's OData reader sends it.
    expect(over.json['odata.error'].message.value).toBe("The current batch message contains too many parts. Only batch messages with a maximum number of '100' query operations and change sets are allowed.");
    const merge = (n: number): string =>
      [
        '--b',
        'Content-Type: multipart/mixed; boundary=c',
        '',
        ...Array.from({ length: n }, () => ['--c', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `DELETE ${server.url}/sites/sakerhet/_api/${ITEMS}(999999) HTTP/1.1`, ''].join('\r\n')),
        '--c--',
        ''
      ].join('\r\n');
    const changeset = await batch([merge(1001)]);
    expect(changeset.status).toBe(400);
    expect(changeset.json['odata.error'].message.value).toBe("The current change set contains too many operations. Only change sets with a maximum number of '1000' operations are allowed.");
  });

  it('keeps the request log small whatever requests hold: long part lines are cut, the oldest entries go first', async () => {
    const small = await startEmulator({ now: NOW, requestLogChars: 300_000 });
    try {
      // 100 parts of 5,000-character URLs (a batch may be 2 MB).
      const long = `${AREAS}?$top=1&$filter=Title%20ne%20'${'x'.repeat(5_000)}'`;
      const parts = Array.from({ length: 100 }, () => ['--b', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `GET ${small.url}/sites/sakerhet/_api/${long} HTTP/1.1`, 'Accept: application/json', ''].join('\r\n'));
      for (let n = 0; n < 5; n++) {
        const res = await rest(small, 'anna', '$batch', { method: 'POST', digest: true, headers: { 'Content-Type': 'multipart/mixed; boundary=b' }, body: [...parts, '--b--', ''].join('\r\n') });
        expect(res.status).toBe(200);
      }
      const batches = small.requests.filter((r) => r.parts);
      // Each part line is cut to 1,000 characters (and an ellipsis).
      expect(batches.flatMap((b) => b.parts!).filter((p) => p.length > 1001)).toEqual([]);
      // A batch entry is 100 × 1,001 characters: the newest two fit in 300,000, with the digests' small entries.
      const chars = small.requests.reduce((n, e) => n + e.path.length + (e.parts ?? []).reduce((m, p) => m + p.length, 0), 0);
      expect(chars).toBeLessThanOrEqual(300_000);
      expect(batches).toHaveLength(2);
      expect(small.requests[small.requests.length - 1]).toBe(batches[1]);
    } finally {
      await small.close();
    }
  }, 60000);

  it('answers other requests between the parts of a long $batch', async () => {
    generateIncidents(server.store, { count: 3000, now: NOW, seed: 3 });
    const order: string[] = [];
    const original = server.emulator.handle.bind(server.emulator);
    let other: Promise<unknown> | undefined;
    const spy = jest.spyOn(server.emulator, 'handle').mockImplementation(async (req, inBatch) => {
      const response = await original(req, inBatch);
      if (inBatch) {
        order.push('part');
        // While the batch runs, someone else asks for something small.
        other ??= rest(server, 'johan', `${AREAS}?$top=1`).then(() => order.push('other'));
      }
      return response;
    });
    try {
      const parts = Array.from({ length: 100 }, () =>
        ['--b', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `GET ${server.url}/sites/sakerhet/_api/${ITEMS}?$top=300&$orderby=ID HTTP/1.1`, 'Accept: application/json', ''].join('\r\n')
      );
      const res = await rest(server, 'erik', '$batch', { method: 'POST', digest: true, headers: { 'Content-Type': 'multipart/mixed; boundary=b' }, body: [...parts, '--b--', ''].join('\r\n') });
      expect(res.status).toBe(200);
      await other;
    } finally {
      spy.mockRestore();
    }
    // The small request was answered while the batch still had parts to run.
    expect(order.indexOf('other')).toBeGreaterThan(0);
    expect(order.indexOf('other')).toBeLessThan(order.lastIndexOf('part'));
  }, 60000);

  it('refuses a request digest once it has expired (FormDigestTimeoutSeconds), by its time alone', async () => {
    const digests = server.emulator.digests;
    const realNow = digests.now;
    const issuedAt = Date.parse('2026-06-15T10:00:00Z');
    try {
      digests.now = () => issuedAt;
      const ctx = await rest(server, 'anna', 'contextinfo', { method: 'POST' });
      expect(ctx.json.FormDigestTimeoutSeconds).toBe(1800);
      const digest = ctx.json.FormDigestValue as string;
      const post = (): Promise<{ status: number; json: any }> =>
        rest(server, 'anna', ITEMS, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-RequestDigest': digest },
          body: JSON.stringify({ Title: 'x'.repeat(200) })
        });
      digests.now = () => issuedAt + 1799 * 1000;
      // Accepted as a digest (and then refused for the over-long title: the digest came first).
      expect((await post()).status).toBe(400);
      digests.now = () => issuedAt + 1800 * 1000;
      const expired = await post();
      expect(expired.status).toBe(403);
      // SharePoint's code for an invalid digest, worded in the (Swedish) site's language (dev/emulator/errors.ts, invalidDigest).
      expect(expired.json['odata.error'].code).toBe('-2130575252, Microsoft.SharePoint.SPException');
      expect(expired.json['odata.error'].message.value).toMatch(/^Säkerhetsverifieringen/);
      // Another user cannot use it, and a forged one is refused.
      digests.now = () => issuedAt + 1000;
      const johan = await rest(server, 'johan', ITEMS, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-RequestDigest': digest }, body: '{}' });
      expect(johan.status).toBe(403);
      const forged = await rest(server, 'anna', ITEMS, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-RequestDigest': `0x${digest[2] === 'F' ? 'E' : 'F'}${digest.slice(3)}` }, body: '{}' });
      expect(forged.status).toBe(403);
    } finally {
      digests.now = realNow;
    }
  });
});
