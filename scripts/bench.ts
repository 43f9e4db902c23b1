/**
 * `npm run bench`: figures, printed, never asserted.
 *
 *  1. The ship bundle: the shared entry every web part loads, and each chunk loaded on demand,
 *     raw and gzip (React and the SPFx runtime are not in it: SPFx provides them).
 *  2. SharePoint requests per view, cold (a new page) and warm (navigating inside the app),
 *     counted at the emulator, with the requests inside each $batch.
 *  3. The emulator's throughput for item reads and writes over HTTP.
 *  4. The views that count every report (start page, lägesbild, säkerhetsberättelse) with
 *     150,000 reports in Händelser: time until shown in Chromium, and requests.
 *
 *   npm run bench              all four
 *   npm run bench -- --no-build   use the existing dist/ (after `npm run package`)
 */
import { execSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { chromium } from 'playwright-core';
import { buildHost } from '../dev/build-host';
import { DevServer, startDevServer } from '../dev/server';
import { generateIncidents } from '../dev/emulator/generate';

const ROOT = join(__dirname, '..');
const args = process.argv.slice(2);

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function bundleSizes(): void {
  if (!args.includes('--no-build') || !existsSync(join(ROOT, 'dist'))) {
    console.log('Building the ship bundle (gulp clean, gulp bundle --ship)…');
    // A clean dist/ holds only this build's chunks (webpack leaves unchanged files alone).
    execSync('npx gulp clean && npx gulp bundle --ship', { cwd: ROOT, stdio: 'ignore' });
  }
  const dist = join(ROOT, 'dist');
  const files = readdirSync(dist).filter((f) => f.endsWith('.js'));
  const rows = files
    .map((f) => {
      const data = readFileSync(join(dist, f));
      return { file: f, raw: statSync(join(dist, f)).size, gzip: gzipSync(data, { level: 9 }).length, mtime: statSync(join(dist, f)).mtimeMs };
    })
    .sort((a, b) => b.mtime - a.mtime);
  const newest = rows[0]?.mtime ?? 0;
  // dist/ can hold bundles of earlier builds; only this build's files count.
  const current = rows.filter((r) => newest - r.mtime < 60000);
  console.log('\n1. Ship bundle (gzip -9; React and the SPFx runtime excluded, SPFx provides them)');
  console.log('   kind     raw        gzip      file');
  for (const r of current.sort((a, b) => b.gzip - a.gzip)) {
    const kind = r.file.startsWith('sakerhet-web-parts_') ? 'initial' : 'lazy   ';
    console.log(`   ${kind}  ${kb(r.raw).padStart(9)}  ${kb(r.gzip).padStart(8)}  ${r.file}`);
  }
  const initial = current.filter((r) => r.file.startsWith('sakerhet-web-parts_')).reduce((a, r) => a + r.gzip, 0);
  console.log(`   Initial JavaScript of the app shell: ${kb(initial)} gzip (aim 70 KB, limit 100 KB); all five web parts share it.`);
}

interface IViewBench {
  name: string;
  user: string;
  path: string;
  ready: string;
}

const VIEWS: IViewBench[] = [
  { name: 'Start (staff)', user: 'anna', path: '/#/', ready: 'områden visas' },
  { name: 'Start (area owner)', user: 'erik', path: '/#/', ready: 'områden visas' },
  { name: 'Area page (staff)', user: 'anna', path: '/#/omrade/patientsakerhet', ready: 'Dina rapporter i området' },
  { name: 'Area page (area owner)', user: 'erik', path: '/#/omrade/patientsakerhet', ready: 'Senaste rapporterna i området' },
  { name: 'Governing documents', user: 'anna', path: '/#/dokument', ready: 'dokument visas' },
  { name: 'My reports', user: 'anna', path: '/#/mina-rapporter', ready: 'Rapporter du har skickat' },
  { name: 'Report form', user: 'anna', path: '/#/rapportera/arbetsmiljo', ready: 'Vad vill du rapportera?' },
  { name: 'Report + case handling', user: 'maria', path: '/#/rapport/3', ready: 'Lägg till åtgärd' },
  { name: 'Lägesbild (region)', user: 'maria', path: '/#/lagesbild', ready: 'Per säkerhetsområde' },
  { name: 'Säkerhetsberättelse', user: 'maria', path: `/#/sakerhetsberattelse/${new Date().getFullYear()}`, ready: 'Sammanfattning' }
];

function launchChromium(): ReturnType<typeof chromium.launch> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

function roundTrips(requests: DevServer['requests'], since: number): string {
  const reqs = requests.filter((r) => r.seq > since);
  const round = reqs.filter((r) => !/\/contextinfo$/.test(r.path));
  const inner = round.reduce((n, r) => n + (r.parts?.length ?? 1), 0);
  const digest = reqs.length - round.length;
  return `${String(round.length).padStart(2)} round trip(s), ${String(inner).padStart(2)} list queries${digest ? ` (+${digest} form digest)` : ''}`;
}

async function requestsPerView(): Promise<void> {
  await buildHost();
  const server = await startDevServer({ quiet: true });
  const browser = await launchChromium();
  const describe = (since: number): string => roundTrips(server.requests, since);
  console.log('\n2. SharePoint requests per view (counted at the emulator)');
  console.log('   view                      cold (new page)                          warm (navigating inside the app)');
  for (const view of VIEWS) {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'sakerhet-user', value: view.user, url: server.url }]);
    const page = await context.newPage();
    let since = server.requests[server.requests.length - 1]?.seq ?? 0;
    await page.goto(`${server.url}${view.path}`);
    await page.getByRole('main').getByText(view.ready).first().waitFor();
    await page.waitForTimeout(200);
    const cold = describe(since);
    // Warm: go to another view and back, as a user clicking around.
    const other = view.path === '/#/mina-rapporter' ? { hash: '#/dokument', ready: 'dokument visas' } : { hash: '#/mina-rapporter', ready: 'Rapporter du har skickat' };
    await page.evaluate((hash) => (window.location.hash = hash), other.hash);
    await page.getByRole('main').getByText(other.ready).first().waitFor();
    await page.waitForTimeout(300);
    since = server.requests[server.requests.length - 1]?.seq ?? 0;
    await page.evaluate((hash) => (window.location.hash = hash), view.path.slice(1));
    await page.getByRole('main').getByText(view.ready).first().waitFor();
    await page.waitForTimeout(200);
    console.log(`   ${view.name.padEnd(25)} ${cold.padEnd(40)} ${describe(since)}`);
    await context.close();
  }
  await browser.close();
  await server.close();
}

async function throughput(): Promise<void> {
  const server = await startDevServer({ quiet: true });
  const base = `${server.url}/sites/sakerhet/_api/web/getList('/sites/sakerhet/Lists/Handelser')/items`;
  const headers = { Accept: 'application/json', Cookie: 'sakerhet-user=erik' };
  const digest = (await (await fetch(`${server.url}/sites/sakerhet/_api/contextinfo`, { method: 'POST', headers })).json()).FormDigestValue as string;
  const run = async (label: string, count: number, concurrency: number, one: (i: number) => Promise<Response>): Promise<void> => {
    let next = 0;
    let failed = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const i = next++;
          const res = await one(i);
          await res.arrayBuffer();
          if (!res.ok) {
            failed++;
          }
        }
      })
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`   ${label.padEnd(44)} ${String(Math.round(count / seconds)).padStart(6)} /s   (${count} requests, ${concurrency} at a time, ${failed} failed)`);
  };
  console.log('\n3. Emulator throughput over HTTP on loopback (in-memory store)');
  await run('read: 100 items, $select + $expand', 1000, 10, () => fetch(`${base}?$select=Id,Title,Status,Author/Title&$expand=Author&$top=100`, { headers }));
  await run('read: one item by id', 3000, 10, (i) => fetch(`${base}(${(i % 40) + 1})`, { headers }));
  await run('write: items.add (validated, unique ReportId)', 2000, 10, (i) =>
    fetch(base, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', 'X-RequestDigest': digest },
      body: JSON.stringify({ Title: `Bench ${i}`, ReportId: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, AreaId: 1, EventType: 'Risk', OccurredAt: '2026-01-01T10:00:00Z', Location: 'Bench', Description: 'Bench', Severity: 'Låg' })
    })
  );
  await server.close();
  const { mkdtempSync, rmSync } = await import('fs');
  const { tmpdir } = await import('os');
  const dir = mkdtempSync(join(tmpdir(), 'sakerhet-bench-'));
  const durable = await startDevServer({ quiet: true, dataDir: dir });
  const durableDigest = (await (await fetch(`${durable.url}/sites/sakerhet/_api/contextinfo`, { method: 'POST', headers })).json()).FormDigestValue as string;
  const durableBase = `${durable.url}/sites/sakerhet/_api/web/getList('/sites/sakerhet/Lists/Handelser')/items`;
  console.log('   With the journal on disk (fsync before every answer, grouped):');
  await run('write: items.add, durable', 2000, 10, (i) =>
    fetch(durableBase, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', 'X-RequestDigest': durableDigest },
      body: JSON.stringify({ Title: `Bench ${i}`, ReportId: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, AreaId: 1, EventType: 'Risk', OccurredAt: '2026-01-01T10:00:00Z', Location: 'Bench', Description: 'Bench', Severity: 'Låg' })
    })
  );
  await durable.close();
  rmSync(dir, { recursive: true, force: true });
  await dataFolderAtVolume();
}

/** The data folder at volume: how long a snapshot of 150,000 reports takes to write and to load. */
async function dataFolderAtVolume(): Promise<void> {
  const { mkdtempSync, rmSync, statSync } = await import('fs');
  const { tmpdir } = await import('os');
  const dir = mkdtempSync(join(tmpdir(), 'sakerhet-bench-folder-'));
  const count = 150000;
  const server = await startDevServer({ quiet: true, dataDir: dir });
  generateIncidents(server.store, { count, now: new Date(), seed: 42 });
  let t0 = Date.now();
  server.store.snapshot();
  const written = (Date.now() - t0) / 1000;
  const bytes = statSync(join(dir, 'snapshot.jsonl')).size;
  await server.abandon();
  t0 = Date.now();
  const again = await startDevServer({ quiet: true, dataDir: dir });
  const loaded = (Date.now() - t0) / 1000;
  console.log(`   Data folder with ${again.store.list('incidents').items.size.toLocaleString('sv-SE')} reports: snapshot ${(bytes / 1048576).toFixed(0)} MB written in ${written.toFixed(1)} s, loaded at start in ${loaded.toFixed(1)} s`);
  await again.abandon();
  rmSync(dir, { recursive: true, force: true });
}

async function atVolume(): Promise<void> {
  const count = 150000;
  const server = await startDevServer({ quiet: true });
  const started = Date.now();
  generateIncidents(server.store, { count, now: new Date(), seed: 42 });
  const total = server.store.list('incidents').items.size;
  console.log(`\n4. With ${total.toLocaleString('sv-SE')} reports in Händelser (${count.toLocaleString('sv-SE')} generated in ${((Date.now() - started) / 1000).toFixed(1)} s; in-memory emulator on loopback)`);
  console.log('   view                      shown after   requests');
  const browser = await launchChromium();
  for (const view of [
    { name: 'Start (area owner)', user: 'erik', path: '/#/', ready: 'områden visas' },
    { name: 'Lägesbild (region)', user: 'maria', path: '/#/lagesbild', ready: 'Per säkerhetsområde' },
    { name: 'Lägesbild (one area)', user: 'erik', path: `/#/lagesbild/${new Date().getFullYear()}/patientsakerhet`, ready: 'Öppna händelser med myndighetsfrister' },
    { name: 'Säkerhetsberättelse', user: 'maria', path: `/#/sakerhetsberattelse/${new Date().getFullYear()}`, ready: 'Sammanfattning' }
  ]) {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'sakerhet-user', value: view.user, url: server.url }]);
    const page = await context.newPage();
    const since = server.requests[server.requests.length - 1]?.seq ?? 0;
    const t0 = Date.now();
    await page.goto(`${server.url}${view.path}`);
    await page.getByRole('main').getByText(view.ready).first().waitFor({ timeout: 120000 });
    const seconds = (Date.now() - t0) / 1000;
    const throttled = server.requests.filter((r) => r.seq > since && r.status !== 200).length;
    console.log(`   ${view.name.padEnd(25)} ${`${seconds.toFixed(1)} s`.padStart(10)}   ${roundTrips(server.requests, since)}${throttled ? `, ${throttled} refused` : ''}`);
    await context.close();
  }
  await browser.close();
  await server.close();
}

async function main(): Promise<void> {
  bundleSizes();
  await requestsPerView();
  await throughput();
  await atVolume();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
