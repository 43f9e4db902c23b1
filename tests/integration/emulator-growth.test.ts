/**
 * Bounded growth: the journal records changes, not whole items, and is compacted by size; data
 * folders load in bounded chunks, so a start never fails on data the emulator accepted. The case
 * from the attack: a report with 64,000-character notes, then 520 small edits, used to journal the
 * whole item 520 times (600 MB) and the next start failed ("Cannot create a string longer than …").
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { DevServer } from '../../dev/server';
import { rest, startEmulator } from '../helpers/emulator';

const NOW = new Date('2026-06-15T10:00:00Z');
const ITEMS = "web/getList('/sites/sakerhet/Lists/Handelser')/items";
/** SharePoint's limit for a multi-line text column (dev/emulator/fields.ts). */
const NOTE_MAX = 63999;

/** Text of `length` characters that JSON makes six times longer (control characters are written \u00XX). */
function heavyText(length: number, seed: string): string {
  return (seed + '\u0001'.repeat(length)).slice(0, length);
}

async function addHeavyReport(server: DevServer): Promise<{ id: number; reportId: string }> {
  const reportId = randomUUID();
  const res = await rest(server, 'anna', ITEMS, {
    method: 'POST',
    digest: true,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      Title: 'Långa anteckningar',
      ReportId: reportId,
      AreaId: 1,
      EventType: 'Risk',
      OccurredAt: '2026-06-01T10:00:00Z',
      Location: 'Avdelning 0',
      Description: heavyText(NOTE_MAX, 'Vad hände: '),
      ImmediateAction: heavyText(NOTE_MAX, 'Åtgärd: '),
      Severity: 'Låg'
    })
  });
  expect(res.status).toBe(201);
  return { id: res.json.Id, reportId };
}

/** anna's request digest, fetched once per server (valid for 30 minutes). */
const digests = new WeakMap<DevServer, string>();

async function merge(server: DevServer, id: number, version: number, fields: Record<string, unknown>): Promise<void> {
  if (!digests.has(server)) {
    digests.set(server, (await rest(server, 'anna', 'contextinfo', { method: 'POST' })).json.FormDigestValue);
  }
  const res = await rest(server, 'anna', `${ITEMS}(${id})`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': `"${version}"`, 'X-RequestDigest': digests.get(server)! },
    body: JSON.stringify(fields)
  });
  expect(res.status).toBe(204);
}

describe('bounded growth', () => {
  let dir: string;
  /** Every server a test started, abandoned (as a crash) when it ends. */
  const servers: DevServer[] = [];
  const start = async (options: Parameters<typeof startEmulator>[0]): Promise<DevServer> => {
    const server = await startEmulator(options);
    servers.push(server);
    return server;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(join(tmpdir(), 'sakerhet-growth-'));
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.abandon()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('journals 520 small edits of a report with 64,000-character notes as the changes, and starts again', async () => {
    const server = await start({ dataDir: dir, now: NOW });
    const journal = (): number => fs.statSync(join(dir, 'journal.jsonl')).size;
    const { id } = await addHeavyReport(server);
    const afterAdd = journal();
    // The new report is journalled whole once: its notes, written as JSON, are most of it.
    expect(afterAdd).toBeGreaterThan(2 * NOTE_MAX);
    for (let n = 1; n <= 520; n++) {
      await merge(server, id, n, { Location: `Avdelning ${n}` });
    }
    const perEdit = (journal() - afterAdd) / 520;
    // One edit of one short field: its line names the item, the field and what SharePoint sets on
    // every edit (version, Modified, Editor), never the notes again.
    expect(perEdit).toBeLessThan(400);
    await server.abandon();
    const restarted = await start({ dataDir: dir, now: NOW });
    const item = await rest(restarted, 'anna', `${ITEMS}(${id})?$select=Location,Description,ImmediateAction`);
    expect(item.headers.get('etag')).toBe('"521"');
    expect(item.json.Location).toBe('Avdelning 520');
    expect(item.json.Description).toBe(heavyText(NOTE_MAX, 'Vad hände: '));
    expect(item.json.ImmediateAction).toBe(heavyText(NOTE_MAX, 'Åtgärd: '));
  }, 120000);

  it('compacts the journal by size: edits that rewrite the long notes keep the folder the size of the data', async () => {
    const compactAtBytes = 1024 * 1024;
    const server = await start({ dataDir: dir, now: NOW, compactAtBytes });
    const { id } = await addHeavyReport(server);
    const snapshot = (): number => fs.statSync(join(dir, 'snapshot.jsonl')).size;
    let largest = 0;
    for (let n = 1; n <= 40; n++) {
      await merge(server, id, n, { Description: heavyText(NOTE_MAX, `Version ${n}: `) });
      largest = Math.max(largest, fs.statSync(join(dir, 'journal.jsonl')).size);
    }
    // Each edit journals about 380 KB (the new notes); 40 of them would be 15 MB. The journal is
    // compacted whenever it outgrows both the threshold and the snapshot, so it stays below that
    // plus one edit.
    expect(largest).toBeLessThan(Math.max(compactAtBytes, snapshot()) + 400 * 1024);
    await server.abandon();
    const restarted = await start({ dataDir: dir, now: NOW });
    const item = await rest(restarted, 'anna', `${ITEMS}(${id})?$select=Description`);
    expect(item.headers.get('etag')).toBe('"41"');
    expect(item.json.Description).toBe(heavyText(NOTE_MAX, 'Version 40: '));
  }, 120000);

  it('starts from a folder the previous version wrote: a 600 MB journal of whole items (over the longest string)', async () => {
    // The folder as the previous version left it after the attack: its snapshot (state.json, one
    // document with the lists' settings and the site's security), and a journal with the whole
    // report for each of 520 edits.
    const seeded = await startEmulator({ now: NOW });
    const { settings, security } = seeded.store.snapshotExtras() as { settings: Record<string, unknown>; security: unknown };
    const lists = [...seeded.store.lists.values()].map((l) => ({ key: l.schema.key, id: l.id, nextId: l.nextId, created: l.created, items: [...l.items.values()], settings: settings[l.schema.key] }));
    fs.writeFileSync(join(dir, 'state.json'), JSON.stringify({ format: 1, seq: 0, lists, users: [...seeded.store.users.values()], security, recycleBin: [] }));
    const incidents = seeded.store.list('incidents');
    const id = incidents.nextId;
    const author = [...seeded.store.users.values()].find((u) => u.key === 'anna')!.id;
    await seeded.close();
    const notes = '\u0001'.repeat(NOTE_MAX);
    const fields = {
      Title: 'Långa anteckningar',
      ReportId: randomUUID(),
      AreaId: 1,
      EventType: 'Risk',
      OccurredAt: '2026-06-01T10:00:00Z',
      Location: 'Avdelning 0',
      Description: notes,
      ImmediateAction: notes,
      Analysis: notes,
      Severity: 'Låg',
      Status: 'Ny',
      Created: '2026-06-15T10:00:00Z',
      Modified: '2026-06-15T10:00:00Z',
      AuthorId: author,
      EditorId: author
    };
    const fd = fs.openSync(join(dir, 'journal.jsonl'), 'w');
    let bytes = 0;
    for (let n = 0; n <= 520; n++) {
      const item = { id, version: n + 1, guid: '5d6a3c1e-0000-4000-8000-000000000001', fields: { ...fields, Location: `Avdelning ${n}` }, attachments: [] };
      bytes += fs.writeSync(fd, `${JSON.stringify({ seq: n + 1, op: 'put', list: 'incidents', item, nextId: id + 1 })}\n`);
    }
    fs.closeSync(fd);
    // More characters than one JavaScript string can hold (2^29 - 24): the previous version's loader failed here.
    expect(bytes).toBeGreaterThan(2 ** 29);
    const server = await start({ dataDir: dir, now: NOW });
    const item = await rest(server, 'anna', `${ITEMS}(${id})?$select=Location,Analysis`);
    expect(item.status).toBe(200);
    expect(item.headers.get('etag')).toBe('"521"');
    expect(item.json.Location).toBe('Avdelning 520');
    expect(item.json.Analysis).toBe(notes);
    // Converted on that start: one snapshot of the data, an empty journal, no state.json.
    expect(fs.existsSync(join(dir, 'state.json'))).toBe(false);
    expect(fs.statSync(join(dir, 'journal.jsonl')).size).toBe(0);
    expect(fs.statSync(join(dir, 'snapshot.jsonl')).size).toBeLessThan(5 * 1024 * 1024);
  }, 300000);
});
