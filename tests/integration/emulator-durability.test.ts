/**
 * Data is kept: across restarts, across a crash (SIGKILL) right after a write was acknowledged,
 * and across a torn journal line; `--reset` starts over. Faults come on demand.
 */
import { ChildProcess, spawn } from 'child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { DevServer } from '../../dev/server';
import { rest, startEmulator } from '../helpers/emulator';

const ROOT = join(__dirname, '..', '..');
const ITEMS = "web/getList('/sites/sakerhet/Lists/Handelser')/items";

function report(title: string): string {
  return JSON.stringify({
    Title: title,
    ReportId: `${Date.now().toString(16).padStart(8, '0').slice(-8)}-0000-4000-8000-${Math.floor(Math.random() * 1e12).toString(16).padStart(12, '0')}`,
    AreaId: 1,
    EventType: 'Risk',
    OccurredAt: '2026-01-01T10:00:00Z',
    Location: 'Lab',
    Description: 'Durability test',
    Severity: 'Låg'
  });
}

async function addReport(server: { url: string }, title: string): Promise<number> {
  const res = await rest(server as DevServer, 'anna', ITEMS, { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json' }, body: report(title) });
  expect(res.status).toBe(201);
  return res.json.Id;
}

async function titles(server: { url: string }): Promise<string[]> {
  const res = await rest(server as DevServer, 'anna', `${ITEMS}?$select=Title&$top=5000`);
  return res.json.value.map((i: { Title: string }) => i.Title);
}

/** `npm start` as a child process, so that it can really be killed. */
function startProcess(dataDir: string, extra: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  // `node --import tsx` runs the server in this one process (the tsx CLI would add a wrapper).
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'dev', 'start.ts'), '--no-build', '--port', '0', '--data', dataDir, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`npm start did not come up: ${out}`)), 30000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/localhost:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill(signal);
  });
}

describe('persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sakerhet-data-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps added data across a clean restart, and --reset starts over', async () => {
    const first = await startProcess(dir);
    await addReport(first, 'Kvar efter omstart');
    await stop(first.child, 'SIGTERM');
    const second = await startProcess(dir);
    expect(await titles(second)).toContain('Kvar efter omstart');
    await stop(second.child, 'SIGTERM');
    const reset = await startProcess(dir, ['--reset']);
    expect(await titles(reset)).not.toContain('Kvar efter omstart');
    expect((await titles(reset)).length).toBeGreaterThan(10);
    await stop(reset.child, 'SIGTERM');
  }, 90000);

  it('loses nothing acknowledged when the process is killed, and ignores a torn last write', async () => {
    const first = await startProcess(dir);
    for (let i = 0; i < 5; i++) {
      await addReport(first, `Före krasch ${i}`);
    }
    await stop(first.child, 'SIGKILL');
    // A crash in the middle of the next append leaves half a line behind.
    appendFileSync(join(dir, 'journal.jsonl'), '{"seq":999999,"op":"put","list":"incidents","item":{"id":');
    const second = await startProcess(dir);
    const after = await titles(second);
    for (let i = 0; i < 5; i++) {
      expect(after).toContain(`Före krasch ${i}`);
    }
    // And the store keeps working after the recovery.
    await addReport(second, 'Efter krasch');
    expect(await titles(second)).toContain('Efter krasch');
    await stop(second.child, 'SIGKILL');
    const third = await startProcess(dir);
    expect(await titles(third)).toContain('Efter krasch');
    await stop(third.child, 'SIGTERM');
  }, 90000);
});

describe('faults on demand', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startEmulator();
  });
  afterAll(() => server.close());
  afterEach(() => server.faults.clear());

  const setFaults = async (rules: object[]): Promise<void> => {
    const res = await fetch(`${server.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rules) });
    expect(res.status).toBe(200);
  };

  it('answers 429 with Retry-After, then normally once the count is used up', async () => {
    await setFaults([{ kind: 'throttle', count: 1, retryAfter: 3 }]);
    const throttled = await rest(server, 'anna', `${ITEMS}?$top=1`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect((await rest(server, 'anna', `${ITEMS}?$top=1`)).status).toBe(200);
  });

  it('answers 503, adds latency, and matches method and path', async () => {
    await setFaults([{ kind: 'unavailable', method: 'GET', path: 'Sakerhetsomraden' }, { kind: 'latency', ms: 300, path: 'Mal' }]);
    expect((await rest(server, 'anna', "web/getList('/sites/sakerhet/Lists/Sakerhetsomraden')/items")).status).toBe(503);
    expect((await rest(server, 'anna', `${ITEMS}?$top=1`)).status).toBe(200);
    const started = Date.now();
    expect((await rest(server, 'anna', "web/getList('/sites/sakerhet/Lists/Mal')/items?$top=1")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const described = await (await fetch(`${server.url}/_dev/faults`)).json();
    expect(described.map((r: { hits: number }) => r.hits)).toEqual([1, 1]);
  });

  it('drops the connection before a write, or after it was stored', async () => {
    await setFaults([{ kind: 'drop', count: 1, method: 'POST', path: 'Handelser' }]);
    await expect(rest(server, 'anna', ITEMS, { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json' }, body: report('Tappad före') })).rejects.toThrow();
    expect(await titles(server)).not.toContain('Tappad före');
    await setFaults([{ kind: 'dropAfterCommit', count: 1, method: 'POST', path: 'Handelser' }]);
    await expect(rest(server, 'anna', ITEMS, { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json' }, body: report('Tappad efter') })).rejects.toThrow();
    expect(await titles(server)).toContain('Tappad efter');
  });
});
