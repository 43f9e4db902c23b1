/**
 * The dev server answers only its own page, tried from a real browser: a page on another origin,
 * visited by a developer who is signed in to the dev host, cannot set faults (not even with a
 * text/plain POST, a beacon or a form), cannot read or write through the REST API with the
 * developer's cookie, and cannot sign in as someone else; and a name that DNS rebinding points at
 * 127.0.0.1 gets nothing at all.
 */
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import type { Browser } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { contextFor, launch, startServer } from './browser';

jest.setTimeout(60000);

let server: DevServer;
let attacker: Server;
let attackerPort: number;

/** The attacker's page: everything a page can do to another origin without its help. */
function attackPage(target: string): string {
  const rules = JSON.stringify([{ kind: 'unavailable' }]);
  return `<!doctype html><html><head><title>Vacker sida</title></head><body>
<form id="form" method="POST" enctype="text/plain" action="${target}/_dev/faults" target="sink"><input name='[{"kind":"drop","x":"' value='"}]'></form>
<iframe name="sink"></iframe>
<script>
(async () => {
  const done = [];
  // Each attempt gives up after 3 s, so that the page always finishes (a server may never answer).
  const attempt = async (name, run) => { try { await Promise.race([run(), new Promise((_, no) => setTimeout(() => no(new Error('no answer')), 3000))]); done.push(name + ': sent'); } catch (e) { done.push(name + ': ' + e.message); } };
  await attempt('text/plain fetch', () => fetch('${target}/_dev/faults', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '${rules}' }));
  await attempt('json fetch', () => fetch('${target}/_dev/faults', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '${rules}' }));
  await attempt('beacon', async () => { if (!navigator.sendBeacon('${target}/_dev/faults', new Blob(['${rules}'], { type: 'text/plain' }))) throw new Error('not queued'); });
  await attempt('digest', () => fetch('${target}/sites/sakerhet/_api/contextinfo', { method: 'POST', mode: 'no-cors', credentials: 'include' }));
  await attempt('read', async () => { const r = await fetch('${target}/sites/sakerhet/_api/web/currentuser', { credentials: 'include', headers: { Accept: 'application/json' } }); done.push('read body: ' + (await r.text()).slice(0, 40)); });
  await attempt('requests', async () => { const r = await fetch('${target}/_dev/requests', { credentials: 'include' }); done.push('requests body: ' + (await r.text()).slice(0, 40)); });
  document.getElementById('form').submit();
  await new Promise((r) => setTimeout(r, 500));
  window.attackDone = done;
})();
</script></body></html>`;
}

beforeAll(async () => {
  server = await startServer();
  attacker = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(attackPage(server.url));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerPort = (attacker.address() as AddressInfo).port;
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => attacker?.close(resolve));
});

describe('a page on another origin', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  // Another site (127.0.0.1 is not localhost), and another port of localhost (same site, other origin).
  for (const origin of ['127.0.0.1', 'localhost']) {
    it(`cannot set faults, use the REST API or sign in as someone else (page on http://${origin}:port)`, async () => {
      const context = await contextFor(browser, server, 'anna');
      try {
        const page = await context.newPage();
        const logged = server.requests.length;
        await page.goto(`http://${origin}:${attackerPort}/`);
        const done = (await page.waitForFunction(() => (window as unknown as { attackDone?: string[] }).attackDone).then((h) => h.jsonValue())) as string[];
        // Whatever the page could send, nothing it sent took effect or came back readable.
        expect(server.faults.describe()).toEqual([]);
        expect(server.requests.length).toBe(logged);
        expect(done.filter((d) => /body: .+/.test(d))).toEqual([]);
        /** Follows a link from the attacker's page, as a click would (not typed by the user). */
        const follow = async (url: string): Promise<number | undefined> => {
          await page.goto(`http://${origin}:${attackerPort}/`);
          const [response] = await Promise.all([page.waitForNavigation(), page.evaluate((to) => (window.location.href = to), url)]);
          return response?.status();
        };
        // A link to sign in as erik is refused; anna stays signed in.
        expect(await follow(`${server.url}/_dev/signin?user=erik&to=/`)).toBe(403);
        expect((await context.cookies(server.url)).find((c) => c.name === 'sakerhet-user')?.value).toBe('anna');
        // The page itself may be opened by a link from elsewhere, as anna, whatever ?user= says.
        expect(await follow(`${server.url}/?user=erik`)).toBe(200);
        expect((await context.cookies(server.url)).find((c) => c.name === 'sakerhet-user')?.value).toBe('anna');
      } finally {
        await context.close();
      }
    });
  }
});

describe('DNS rebinding', () => {
  let browser: Browser;
  beforeAll(async () => {
    // As if the attacker's DNS had answered 127.0.0.1 for its own name.
    browser = await launch(['--host-resolver-rules=MAP rebound.example 127.0.0.1']);
  });
  afterAll(() => browser?.close());

  it('answers a rebound name with nothing but "Invalid Host header"', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of ['/', '/_dev/requests', '/_dev/users', '/sites/sakerhet/_api/web/currentuser']) {
      const res = await page.goto(`http://rebound.example:${server.port}${path}`);
      expect({ path, status: res?.status(), body: await res?.text() }).toEqual({ path, status: 403, body: 'Invalid Host header' });
    }
    // The same server by its own name answers.
    expect((await page.goto(`${server.url}/`))?.status()).toBe(200);
    await context.close();
  });
});
