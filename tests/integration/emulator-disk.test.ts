/**
 * No acknowledgement before the write is durable: on a small file system that fills up, every
 * report is either stored when it is answered 201 or answered with an error and leaves no trace (a
 * retry is not a "duplicate"); a torn journal tail never swallows a later entry; after a crash and
 * a restart on the full disk exactly the acknowledged reports are there. Short writes, failing
 * writes and fsyncs are also injected at the file system layer, and every rename is followed by an
 * fsync of its folder.
 *
 * The small file system is a real tmpfs when this machine lets the test mount one (root); where it
 * does not, the same test runs with an injected ENOSPC at the file system layer instead, and says so.
 */
import { execFileSync } from 'child_process';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import type { FileIO } from '../../dev/emulator/disk';
import { nodeIO } from '../../dev/emulator/disk';
import type { DevServer, DevServerOptions } from '../../dev/server';
import { rest, startEmulator } from '../helpers/emulator';

const NOW = new Date('2026-06-15T10:00:00Z');
const ITEMS = "web/getList('/sites/sakerhet/Lists/Handelser')/items";

function report(title: string, reportId: string = randomUUID()): { title: string; reportId: string; body: string } {
  return {
    title,
    reportId,
    body: JSON.stringify({
      Title: title,
      ReportId: reportId,
      AreaId: 1,
      EventType: 'Risk',
      OccurredAt: '2026-06-01T10:00:00Z',
      Location: 'Avdelning 3',
      Description: `Rapport på en nästan full disk: ${title}. `.repeat(8),
      Severity: 'Låg'
    })
  };
}

async function submit(server: DevServer, r: { body: string }): Promise<number> {
  return (await rest(server, 'anna', ITEMS, { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json' }, body: r.body })).status;
}

/** How many stored reports have each ReportId, as anna sees them over REST. */
async function storedCounts(server: DevServer): Promise<Map<string, number>> {
  const res = await rest(server, 'anna', `${ITEMS}?$select=ReportId&$top=5000`);
  expect(res.status).toBe(200);
  const counts = new Map<string, number>();
  for (const item of res.json.value as { ReportId: string }[]) {
    counts.set(item.ReportId, (counts.get(item.ReportId) ?? 0) + 1);
  }
  return counts;
}

/** An injected file system: `fail` decides, per call, to write only part of a buffer or to throw. */
function injectedIO(fail: {
  write?: (path: string, length: number) => number | Error | undefined;
  fsync?: (path: string) => Error | undefined;
}): FileIO & { calls: string[] } {
  const paths = new Map<number, string>();
  const calls: string[] = [];
  return {
    ...nodeIO,
    calls,
    openSync: (path, flags) => {
      const fd = nodeIO.openSync(path, flags);
      paths.set(fd, path);
      calls.push(`open ${path}`);
      return fd;
    },
    closeSync: (fd) => {
      paths.delete(fd);
      nodeIO.closeSync(fd);
    },
    writeSync: (fd, buffer, offset, length, position) => {
      const decided = fail.write?.(paths.get(fd) ?? '', length);
      if (decided instanceof Error) {
        throw decided;
      }
      calls.push(`write ${paths.get(fd)}`);
      return nodeIO.writeSync(fd, buffer, offset, decided === undefined ? length : Math.min(length, decided), position);
    },
    fsyncSync: (fd) => {
      const err = fail.fsync?.(paths.get(fd) ?? '');
      if (err) {
        throw err;
      }
      calls.push(`fsync ${paths.get(fd)}`);
      nodeIO.fsyncSync(fd);
    },
    renameSync: (from, to) => {
      calls.push(`rename ${to}`);
      nodeIO.renameSync(from, to);
    }
  };
}

/** Every server a test started, abandoned (as a crash) when it ends. */
const servers: DevServer[] = [];
async function start(options: DevServerOptions): Promise<DevServer> {
  const server = await startEmulator(options);
  servers.push(server);
  return server;
}
async function abandonAll(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.abandon()));
}

const enospc = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
const eio = (): Error => Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });

/** Mounts a tmpfs of `bytes` at `dir`; false when this machine does not allow it. */
function mountTmpfs(dir: string, bytes: number): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Fills the file system of `dir` with a file, leaving `free` bytes: writes until ENOSPC, then gives back. */
function fill(dir: string, free: number): string {
  const filler = join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  let size = 0;
  try {
    for (;;) {
      size += fs.writeSync(fd, block, 0, block.length, size);
    }
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOSPC') {
      throw err;
    }
  }
  fs.ftruncateSync(fd, Math.max(0, size - free));
  fs.closeSync(fd);
  return filler;
}

describe('a small file system that fills up', () => {
  let dir: string;
  let mounted = false;
  /** Where tmpfs cannot be mounted: the disk is "full" once `full` is set (an injected ENOSPC). */
  const simulated = { full: false };
  let options: DevServerOptions;

  beforeAll(() => {
    dir = fs.mkdtempSync(join(tmpdir(), 'sakerhet-full-'));
    mounted = mountTmpfs(dir, 1024 * 1024);
    options = mounted
      ? { dataDir: dir, now: NOW }
      : { dataDir: dir, now: NOW, io: injectedIO({ write: (path, length) => (simulated.full && path.endsWith('journal.jsonl') ? (length > 600 ? 600 : enospc()) : undefined) }) };
    // Which of the two this run is (the assertions are the same).
    console.info(mounted ? 'The small file system: a 1 MB tmpfs.' : 'The small file system: injected ENOSPC at the file system layer (mount was refused).');
  });

  afterAll(async () => {
    await abandonAll();
    if (mounted) {
      execFileSync('umount', ['-l', dir]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores every acknowledged report and nothing else, through a full disk and a crash (a 1 MB tmpfs, or an injected ENOSPC where mount is refused)', async () => {
    const first = await start(options);
    const before = await storedCounts(first);
    // Room for a few reports: the journal runs into the end of the disk part-way through a line.
    const filler = mounted ? fill(dir, 8 * 1024) : undefined;
    const reports = Array.from({ length: 13 }, (_, i) => report(`Full disk ${i}`));
    const statuses: number[] = [];
    for (const r of reports) {
      if (!mounted && statuses.length === 6) {
        simulated.full = true;
      }
      statuses.push(await submit(first, r));
    }
    const acknowledged = reports.filter((_, i) => statuses[i] === 201);
    const refused = reports.filter((_, i) => statuses[i] !== 201);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    // Refused honestly: 507 Insufficient Storage, never a 201 that is not on disk.
    expect(new Set(statuses.filter((s) => s !== 201))).toEqual(new Set([507]));

    // No trace of a refused report: not listed, and its retry is refused the same way, not as a duplicate.
    const live = await storedCounts(first);
    expect(acknowledged.map((r) => live.get(r.reportId))).toEqual(acknowledged.map(() => 1));
    expect(refused.map((r) => live.get(r.reportId) ?? 0)).toEqual(refused.map(() => 0));
    expect(await submit(first, refused[0])).toBe(507);

    // A crash, and a start on the same full disk: exactly the acknowledged reports.
    await first.abandon();
    const second = await start(options);
    const afterCrash = await storedCounts(second);
    expect(acknowledged.map((r) => afterCrash.get(r.reportId))).toEqual(acknowledged.map(() => 1));
    expect(refused.map((r) => afterCrash.get(r.reportId) ?? 0)).toEqual(refused.map(() => 0));
    expect([...afterCrash.keys()].filter((id) => !before.has(id) && !reports.some((r) => r.reportId === id))).toEqual([]);

    // Space again: the refused reports go in with their own ReportIds, and a later one after them;
    // the torn tail of the failed appends swallows none of them.
    if (filler) {
      fs.rmSync(filler);
    }
    simulated.full = false;
    for (const r of refused) {
      expect(await submit(second, r)).toBe(201);
    }
    const later = report('After the disk had room again');
    expect(await submit(second, later)).toBe(201);
    await second.abandon();
    const third = await start(options);
    const end = await storedCounts(third);
    expect([...reports, later].map((r) => end.get(r.reportId))).toEqual([...reports, later].map(() => 1));
    expect(end.size).toBe(before.size + reports.length + 1);
  }, 60000);
});

describe('failures injected at the file system layer', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(join(tmpdir(), 'sakerhet-io-'));
  });
  afterEach(async () => {
    await abandonAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('detects short writes: a disk that takes a few bytes per write still gets every byte', async () => {
    const io = injectedIO({ write: () => 7 });
    const first = await start({ dataDir: dir, now: NOW, io });
    const reports = [report('Kort skrivning 1'), report('Kort skrivning 2')];
    for (const r of reports) {
      expect(await submit(first, r)).toBe(201);
    }
    await first.abandon();
    const second = await start({ dataDir: dir, now: NOW });
    const counts = await storedCounts(second);
    expect(reports.map((r) => counts.get(r.reportId))).toEqual([1, 1]);
  });

  it('undoes a change whose journal write or fsync fails, and cuts the torn bytes off before the next append', async () => {
    /** The next journal append: half of it reaches the disk and then the disk is full, or its fsync fails. */
    let next: 'ok' | 'tear' | 'full' | 'eio' = 'ok';
    const journal = join(dir, 'journal.jsonl');
    const io = injectedIO({
      write: (path, length) => {
        if (path === journal && next === 'tear') {
          next = 'full';
          return Math.floor(length / 2);
        }
        if (path === journal && next === 'full') {
          next = 'ok';
          return enospc();
        }
        return undefined;
      },
      fsync: (path) => {
        if (path === journal && next === 'eio') {
          next = 'ok';
          return eio();
        }
        return undefined;
      }
    });
    const server = await start({ dataDir: dir, now: NOW, io });
    const first = report('Före felet');
    expect(await submit(server, first)).toBe(201);
    const committed = fs.statSync(journal).size;
    const torn = report('Halv rad');
    next = 'tear';
    expect(await submit(server, torn)).toBe(507);
    // The half line is gone from the file, not left for the next append to land behind.
    expect(fs.statSync(journal).size).toBe(committed);
    const unsynced = report('Ej fsyncad');
    next = 'eio';
    const res = await rest(server, 'anna', ITEMS, { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json' }, body: unsynced.body });
    expect(res.status).toBe(500);
    expect(res.json['odata.error'].message.value).toMatch(/not saved/);
    // Neither is in memory; the same reports go in when the disk works again, and a later one.
    let counts = await storedCounts(server);
    expect([first, torn, unsynced].map((r) => counts.get(r.reportId) ?? 0)).toEqual([1, 0, 0]);
    const later = report('Efter felet');
    for (const r of [torn, unsynced, later]) {
      expect(await submit(server, r)).toBe(201);
    }
    // An edit whose write fails is undone too: the item keeps its version and values.
    const stored = await rest(server, 'anna', `${ITEMS}?$filter=ReportId eq '${later.reportId}'&$select=Id,Location`);
    const id = stored.json.value[0].Id as number;
    next = 'tear';
    const merge = await rest(server, 'anna', `${ITEMS}(${id})`, {
      method: 'POST',
      digest: true,
      headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '"1"' },
      body: JSON.stringify({ Location: 'Ändrad' })
    });
    expect(merge.status).toBe(507);
    const unchanged = await rest(server, 'anna', `${ITEMS}(${id})?$select=Location`);
    expect(unchanged.headers.get('etag')).toBe('"1"');
    expect(unchanged.json.Location).toBe('Avdelning 3');
    await server.abandon();
    const restarted = await start({ dataDir: dir, now: NOW });
    counts = await storedCounts(restarted);
    expect([first, torn, unsynced, later].map((r) => counts.get(r.reportId))).toEqual([1, 1, 1, 1]);
    expect((await rest(restarted, 'anna', `${ITEMS}(${id})?$select=Location`)).json.Location).toBe('Avdelning 3');
  });

  it("keeps list settings and the recycle bin through a crash, and undoes a settings change or a recycling the disk refuses", async () => {
    let full = false;
    const io = injectedIO({ write: (path) => (full && path.endsWith('journal.jsonl') ? enospc() : undefined) });
    const server = await start({ dataDir: dir, now: NOW, io });
    const list = (url: string): string => `web/getList('/sites/sakerhet/Lists/${url}')`;
    const merge = (url: string, body: object): ReturnType<typeof rest> =>
      rest(server, 'maria', list(url), { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, body: JSON.stringify(body) });
    const readSecurity = async (s: DevServer, url: string): Promise<number> => (await rest(s, 'maria', `${list(url)}?$select=ReadSecurity`)).json.ReadSecurity;
    const first = report('Till papperskorgen');
    expect(await submit(server, first)).toBe(201);
    const second = report('Kvar i listan');
    expect(await submit(server, second)).toBe(201);
    const idOf = async (s: DevServer, r: { reportId: string }): Promise<number | undefined> => (await rest(s, 'maria', `${ITEMS}?$filter=ReportId eq '${r.reportId}'&$select=Id`)).json.value[0]?.Id;
    const firstId = (await idOf(server, first))!;
    const secondId = (await idOf(server, second))!;
    // The recycled report has an attachment: the recycle bin keeps it, to be restored with the item.
    const photo = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await rest(server, 'anna', `${ITEMS}(${firstId})/AttachmentFiles/add(FileName='foto.png')`, { method: 'POST', digest: true, body: photo })).status).toBe(200);
    expect((await merge('Mal', { ReadSecurity: 2 })).status).toBe(204);
    expect((await rest(server, 'maria', `${ITEMS}(${firstId})/recycle()`, { method: 'POST', digest: true })).status).toBe(200);
    // The disk is full: neither change stays.
    full = true;
    expect((await merge('Atgarder', { ReadSecurity: 2 })).status).toBe(507);
    expect(await readSecurity(server, 'Atgarder')).toBe(1);
    expect((await rest(server, 'maria', `${ITEMS}(${secondId})/recycle()`, { method: 'POST', digest: true })).status).toBe(507);
    expect(await idOf(server, second)).toBe(secondId);
    expect(server.store.recycleBin.map((r) => r.item.id)).toEqual([firstId]);
    full = false;
    await server.abandon();
    const restarted = await start({ dataDir: dir, now: NOW });
    expect(await readSecurity(restarted, 'Mal')).toBe(2);
    expect(await readSecurity(restarted, 'Atgarder')).toBe(1);
    expect(await idOf(restarted, first)).toBeUndefined();
    expect(await idOf(restarted, second)).toBe(secondId);
    expect(restarted.store.recycleBin.map((r) => r.item.fields.ReportId)).toEqual([first.reportId]);
    // The start swept the blobs nothing refers to, but not the recycled item's attachment.
    const [kept] = restarted.store.recycleBin[0].item.attachments;
    expect(kept.name).toBe('foto.png');
    expect(restarted.store.getBlob(kept.blob)).toEqual(photo);
    // And through a compaction (a clean stop writes everything into the snapshot).
    await restarted.close();
    const again = await start({ dataDir: dir, now: NOW });
    expect(await readSecurity(again, 'Mal')).toBe(2);
    expect(again.store.recycleBin.map((r) => r.item.fields.ReportId)).toEqual([first.reportId]);
    expect(again.store.getBlob(kept.blob)).toEqual(photo);
  });

  it('fsyncs the folder after every rename (snapshots and blobs)', async () => {
    const io = injectedIO({});
    const server = await start({ dataDir: dir, now: NOW, io });
    await server.close();
    const renames = io.calls.map((c, i) => [c, i] as const).filter(([c]) => c.startsWith('rename '));
    expect(renames.length).toBeGreaterThan(1);
    for (const [call, at] of renames) {
      const folder = dirname(call.slice('rename '.length));
      const after = io.calls.slice(at + 1);
      const openedFolder = after.indexOf(`open ${folder}`);
      expect({ call, folderSynced: openedFolder >= 0 && after[openedFolder + 1] === `fsync ${folder}` }).toEqual({ call, folderSynced: true });
    }
  });

  it('recovers the entries the first version appended behind a torn line', async () => {
    const first = await start({ dataDir: dir, now: NOW });
    const kept = report('Före den trasiga raden');
    expect(await submit(first, kept)).toBe(201);
    await first.abandon();
    // What the first version left on a full disk: a torn line with the next (acknowledged) entry
    // appended to it, and that entry's line whole.
    const journal = join(dir, 'journal.jsonl');
    const [line] = fs.readFileSync(journal, 'utf8').split('\n');
    const entry = JSON.parse(line);
    const next = report('Bakom den trasiga raden');
    const nextItem = { ...entry.item, id: entry.item.id + 1, guid: randomUUID(), fields: { ...entry.item.fields, Title: next.title, ReportId: next.reportId } };
    const nextLine = JSON.stringify({ seq: entry.seq + 2, op: 'put', list: 'incidents', item: nextItem, nextId: nextItem.id + 1 });
    fs.appendFileSync(journal, `${line.slice(0, 40)}${nextLine}\n`);
    const second = await start({ dataDir: dir, now: NOW });
    const counts = await storedCounts(second);
    expect([kept, next].map((r) => counts.get(r.reportId))).toEqual([1, 1]);
  });
});
