/**
 * The product's own services (PnPjs, built as SPFx builds it) against the emulator over HTTP.
 */
import type { DevServer } from '../../dev/server';
import { generateIncidents } from '../../dev/emulator/generate';
import type { INewIncident } from '../../src/model/types';
import { sessionFor, startEmulator } from '../helpers/emulator';
import { expectEvery } from '../helpers/every';
import { pinClock } from '../helpers/clock';

const NOW = new Date('2026-06-15T10:00:00Z');
// The product's clock (this file's Date) and the sample content start at the same moment.
pinClock(NOW);
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());
afterEach(() => server.faults.clear());

function newReport(overrides: Partial<INewIncident> = {}): INewIncident {
  return {
    reportId: `${Math.random().toString(16).slice(2, 10)}-1111-4111-8111-${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`,
    areaId: 11,
    title: 'Läckande kran i läkemedelsrummet',
    eventType: 'deficiency',
    category: 'Vårdskada',
    occurredAt: new Date('2026-06-14T08:30:00Z'),
    location: 'Avdelning 5',
    description: 'Vatten droppar ner på hyllan med infusionsvätskor.',
    immediateAction: 'Flyttade vätskorna.',
    severity: 'moderate',
    anonymous: false,
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: false,
    ...overrides
  };
}

function batches(since: number): { method: string; path: string; parts?: string[] }[] {
  return server.requests.filter((r) => r.seq > since);
}

const lastSeq = (): number => server.requests[server.requests.length - 1]?.seq ?? 0;

describe('views in one round trip', () => {
  it('loads the start view in one $batch: areas, the user and open report counts', async () => {
    const { services } = sessionFor(server, 'anna');
    const since = lastSeq();
    const view = await services.views.loadStart();
    const requests = batches(since).filter((r) => !r.path.endsWith('/contextinfo'));
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sites/sakerhet/_api/$batch']);
    // Areas, user (four parts: who, and permissions on the web, Händelser and Mål), the site's time
    // zone, the highest report ID and the first window.
    expect(requests[0].parts!.length).toBe(8);
    expect(view.areas).toHaveLength(14);
    expect(view.user).toMatchObject({ displayName: 'Anna Lind', canManageReports: false, canReport: true, canEditGoals: false, canCheckInstallation: false });
    // Anna sees the open reports she filed herself and nobody else's.
    const mine = [...server.store.list('incidents').items.values()].filter((i) => i.fields.AuthorId === view.user.id && i.fields.Status !== 'Avslutad');
    expect([...view.openCounts.values()].reduce((a, b) => a + b, 0)).toBe(mine.length);
  });

  it('loads an area page warm in one $batch, with the owner seeing all of the area\'s reports', async () => {
    const { services } = sessionFor(server, 'erik');
    await services.views.loadStart();
    const since = lastSeq();
    const view = await services.views.loadArea('patientsakerhet');
    expect(batches(since).map((r) => r.path)).toEqual(['/sites/sakerhet/_api/$batch']);
    expect(view.area.title).toBe('Patientsäkerhet');
    expect(view.user.canManageReports).toBe(true);
    expect(view.goals.length).toBeGreaterThanOrEqual(2);
    expectEvery(view.goals, (g) => g.period === NOW.getFullYear() && g.areaId === view.area.id);
    expect(view.documents.map((d) => d.title)).toEqual(expect.arrayContaining(['Rutin för lex Maria-anmälan', 'Säkerhetspolicy']));
    const reporters = new Set(view.reports.map((r) => r.reporter?.displayName));
    expect(reporters.has('Anna Lind') && reporters.has('Johan Ek')).toBe(true);
  });

  it('hides the reporter of an anonymous report from everyone but the reporter', async () => {
    const maria = sessionFor(server, 'maria').services;
    const johan = sessionFor(server, 'johan').services;
    const area = (await maria.views.loadArea('arbetsmiljo')).reports;
    const threat = area.find((r) => r.title === 'Hot från anhörig i väntrummet')!;
    expect(threat.anonymous).toBe(true);
    expect(threat.reporter).toBeUndefined();
    const own = (await johan.views.loadMyReports()).reports.find((r) => r.title === 'Hot från anhörig i väntrummet')!;
    expect(own.reporter?.displayName).toBe('Johan Ek');
  });

  it('loads a deep-linked area page cold in two round trips', async () => {
    const { services } = sessionFor(server, 'johan');
    const since = lastSeq();
    const view = await services.views.loadArea('kriminalitet');
    const requests = batches(since).filter((r) => !r.path.endsWith('/contextinfo'));
    expect(requests.length).toBe(2);
    expectEvery(view.reports, (r) => r.reporter?.displayName === 'Johan Ek');
    expect(view.reports.length).toBeGreaterThan(0);
  });

  it('throws a not-found error for an unknown area', async () => {
    const { services } = sessionFor(server, 'anna');
    await expect(services.views.loadArea('finns-inte')).rejects.toMatchObject({ kind: 'notFound' });
  });
});

describe('filing a report', () => {
  it('stores the report with the user as author and shows it under Mina rapporter', async () => {
    const { services } = sessionFor(server, 'anna');
    const stored = await services.incidents.submit(newReport({ title: 'Ny rapport från Anna' }));
    expect(stored).toMatchObject({ title: 'Ny rapport från Anna', status: 'new', eventType: 'deficiency', severity: 'moderate' });
    expect(stored.reporter?.displayName).toBe('Anna Lind');
    const mine = await services.incidents.getMyReports();
    expect(mine[0].title).toBe('Ny rapport från Anna');
  });

  it('is idempotent: the same ReportId twice gives one item', async () => {
    const { services } = sessionFor(server, 'anna');
    const report = newReport({ title: 'Skickad två gånger' });
    const first = await services.incidents.submit(report);
    const second = await services.incidents.submit(report);
    expect(second.id).toBe(first.id);
    const same = [...server.store.list('incidents').items.values()].filter((i) => i.fields.ReportId === report.reportId);
    expect(same).toHaveLength(1);
  });

  it('survives a dropped answer: the retry finds the stored report instead of storing it twice', async () => {
    const { services } = sessionFor(server, 'anna');
    await services.incidents.getMyReports();
    server.faults.set([{ kind: 'dropAfterCommit', count: 1, method: 'POST', path: 'Handelser' }]);
    const report = newReport({ title: 'Svaret tappades' });
    const stored = await services.incidents.submit(report);
    expect(stored.title).toBe('Svaret tappades');
    expect([...server.store.list('incidents').items.values()].filter((i) => i.fields.ReportId === report.reportId)).toHaveLength(1);
  });

  /**
   * The network stores one POST twice, as Chromium does when it resends a POST whose reused
   * keep-alive connection closed before any answer (RFC 9110 §9.2.2): the first copy is stored and
   * its answer lost, the resent copy is stored and answered.
   */
  function storeNextAddTwice(): () => void {
    const emulator = server.emulator;
    const original = emulator.handle.bind(emulator);
    let armed = true;
    emulator.handle = async (req, inBatch) => {
      if (armed && req.method === 'POST' && /Handelser'\)\/items$/.test(decodeURIComponent(req.url.pathname))) {
        armed = false;
        await original(req, inBatch);
      }
      return original(req, inBatch);
    };
    return () => {
      emulator.handle = original;
    };
  }

  it('keeps one item when the network stored the add twice: the lowest ID, the other to the recycle bin', async () => {
    const { services } = sessionFor(server, 'anna');
    const restore = storeNextAddTwice();
    const report = newReport({ title: 'Lagrad två gånger av nätet' });
    let stored;
    try {
      stored = await services.incidents.submit(report);
    } finally {
      restore();
    }
    const copies = [...server.store.list('incidents').items.values()].filter((i) => i.fields.ReportId === report.reportId);
    const recycled = server.store.recycleBin.filter((r) => r.item.fields.ReportId === report.reportId);
    expect(copies.map((i) => i.id)).toEqual([stored.id]);
    expect(recycled.map((r) => r.item.id)).toEqual([stored.id + 1]);
    expect((await services.incidents.getMyReports()).filter((r) => r.title === 'Lagrad två gånger av nätet')).toHaveLength(1);
  });

  it('shows one report when the extra copy cannot be recycled: an area owner has no Delete Items', async () => {
    const { services } = sessionFor(server, 'erik');
    const restore = storeNextAddTwice();
    const report = newReport({ title: 'Erik, lagrad två gånger' });
    let stored;
    try {
      stored = await services.incidents.submit(report);
    } finally {
      restore();
    }
    const copies = [...server.store.list('incidents').items.values()].filter((i) => i.fields.ReportId === report.reportId);
    // Both stay (Säkerhetsområdesansvarig has no Delete Items); the product shows the lowest ID once.
    expect(copies.map((i) => i.id)).toEqual([stored.id, stored.id + 1]);
    expect((await services.incidents.getMyReports()).filter((r) => r.title === 'Erik, lagrad två gånger').map((r) => r.id)).toEqual([stored.id]);
    expect((await services.views.loadSituation()).facts.filter((f) => f.title === 'Erik, lagrad två gånger')).toHaveLength(1);
    // The other tests of this file count items one by one.
    await server.store.deleteItem('incidents', stored.id + 1);
  });

  it('keeps a stored report retryable when its answer was lost and looking it up fails for now', async () => {
    const { services } = sessionFor(server, 'anna');
    await services.incidents.getMyReports();
    const report = newReport({ title: 'Svar och uppslag tappades' });
    // The first POST is stored but its answer lost; PnPjs's retry is refused as a duplicate; the
    // lookup by ReportId is unavailable. The form must be told to try again, not that it failed.
    server.faults.set([
      { kind: 'dropAfterCommit', count: 1, method: 'POST', path: 'Handelser' },
      { kind: 'unavailable', method: 'GET', path: 'ReportId' }
    ]);
    await expect(services.incidents.submit(report)).rejects.toMatchObject({ transient: true });
    server.faults.clear();
    // The form's next attempt, with the same ReportId, finds the one stored report.
    expect((await services.incidents.submit(report)).title).toBe('Svar och uppslag tappades');
    expect([...server.store.list('incidents').items.values()].filter((i) => i.fields.ReportId === report.reportId)).toHaveLength(1);
  }, 20000);

  it('waits out throttling with Retry-After, as PnPjs does in SharePoint, and says so', async () => {
    const { services, onRetry } = sessionFor(server, 'anna');
    await services.incidents.getMyReports();
    const retries: string[] = [];
    const unsubscribe = onRetry((attempt, status) => retries.push(`${attempt}:${status}`));
    server.faults.set([{ kind: 'throttle', count: 2, retryAfter: 1, method: 'POST', path: 'Handelser' }]);
    const started = Date.now();
    const stored = await services.incidents.submit(newReport({ title: 'Efter strypning' }));
    unsubscribe();
    expect(stored.title).toBe('Efter strypning');
    expect(retries).toEqual(['2:429', '3:429']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(server.faults.describe()[0].hits).toBe(2);
  }, 20000);

  it('gives up after PnPjs\'s retries with a transient error the form can retry', async () => {
    const { services } = sessionFor(server, 'anna');
    await services.incidents.getMyReports();
    server.faults.set([{ kind: 'unavailable', method: 'POST', path: 'Handelser' }, { kind: 'unavailable', method: 'GET', path: 'ReportId' }]);
    await expect(services.incidents.submit(newReport())).rejects.toMatchObject({ kind: 'throttled', transient: true });
  }, 20000);

  it('refuses what SharePoint refuses, with the kind of error the form explains', async () => {
    const { services } = sessionFor(server, 'anna');
    await expect(services.incidents.submit(newReport({ title: 'x'.repeat(200) }))).rejects.toMatchObject({ kind: 'invalid', status: 400 });
    await expect(services.incidents.submit(newReport({ areaId: 9999 }))).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('adds attachments to the stored report, and a retry of a stored attachment is harmless', async () => {
    const { services } = sessionFor(server, 'anna');
    const stored = await services.incidents.submit(newReport({ title: 'Med foto' }));
    const file = new File([Buffer.from('89504e47', 'hex')], 'foto.png', { type: 'image/png' });
    expect(await services.incidents.addAttachment(stored.id, file)).toEqual({ fileName: 'foto.png', storedName: 'foto.png', ok: true });
    expect(await services.incidents.addAttachment(stored.id, file)).toEqual({ fileName: 'foto.png', storedName: 'foto.png', ok: true });
    const item = server.store.list('incidents').items.get(stored.id)!;
    expect(item.attachments.map((a) => a.name)).toEqual(['foto.png']);
    const report = await services.incidents.getReport(stored.id);
    expect(report.hasAttachments).toBe(true);
  });

  it('keeps another user\'s report out of reach', async () => {
    const johan = sessionFor(server, 'johan').services;
    const annas = await sessionFor(server, 'anna').services.incidents.submit(newReport({ title: 'Annas hemliga' }));
    await expect(johan.incidents.getReport(annas.id)).rejects.toMatchObject({ kind: 'notFound' });
    expect((await johan.incidents.getMyReports()).some((r) => r.id === annas.id)).toBe(false);
  });
});

describe('large lists', () => {
  it('pages past 5,000 items with PnPjs and counts open reports exactly in ID windows', async () => {
    generateIncidents(server.store, { count: 11000, now: NOW, seed: 3 });
    const { sp, services } = sessionFor(server, 'maria');
    const { INCIDENTS_LIST, listServerRelativeUrl } = await import('../../src/model/schema');
    let total = 0;
    for await (const page of sp.web.getList(listServerRelativeUrl(INCIDENTS_LIST)).items.select('Id').top(5000)) {
      total += (page as unknown[]).length;
    }
    expect(total).toBe(server.store.list('incidents').items.size);
    const view = await services.views.loadStart();
    const open = [...server.store.list('incidents').items.values()].filter((i) => i.fields.Status !== 'Avslutad');
    expect([...view.openCounts.values()].reduce((a, b) => a + b, 0)).toBe(open.length);
    const byArea = new Map<number, number>();
    open.forEach((i) => byArea.set(i.fields.AreaId as number, (byArea.get(i.fields.AreaId as number) ?? 0) + 1));
    expect(view.openCounts).toEqual(byArea);
  }, 30000);
});
