/**
 * The lägesbild at 150,000 reports: every query filters first on an indexed column (an ID window)
 * and pages, so SharePoint's list view threshold is never hit, and the counts are exact. The
 * emulator enforces the threshold as SharePoint does.
 */
import type { DevServer } from '../../dev/server';
import { generateIncidents } from '../../dev/emulator/generate';
import { computeSituation, EVENT_TYPE_KEYS, SEVERITY_KEYS, STATUS_KEYS } from '../../src/analytics/situation';
import { DEFAULT_QUEUE_FILTER, IQueueFilter, monthFilter, queuePage, situationFilter } from '../../src/model/queue';
import { sessionFor, startEmulator } from '../helpers/emulator';
import { expectEvery } from '../helpers/every';
import { pinClock } from '../helpers/clock';

const NOW = new Date('2026-11-22T12:00:00Z');
// The product's clock (this file's Date) and the sample content start at the same moment.
pinClock(NOW);
const YEAR = 2026;
const ZONE = 'Europe/Stockholm';
/** 1 January 00:00 in Stockholm (UTC+1 in winter), by hand: the auditor does not use the product's calendar. */
const NEW_YEAR: Record<number, number> = { 2025: Date.parse('2024-12-31T23:00:00Z'), 2026: Date.parse('2025-12-31T23:00:00Z'), 2027: Date.parse('2026-12-31T23:00:00Z') };
const yearStart = (y: number): Date => new Date(NEW_YEAR[y]);
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
  // 150,000 reports, 10,000 of them by one person (Anna Lind, staff) – issue 9 point 6.
  generateIncidents(server.store, { count: 140000, now: NOW, seed: 42 });
  generateIncidents(server.store, { count: 10000, now: NOW, seed: 7, reporter: 'anna' });
}, 300000);
afterAll(() => server.close());

describe('lägesbild over 150,000 reports', () => {
  it('reads every report of the two years in ID windows, without a single throttled query', async () => {
    const { services } = sessionFor(server, 'maria');
    const since = server.requests.length;
    const view = await services.views.loadSituation(YEAR);
    const requests = server.requests.slice(since);
    expectEvery(requests, (r) => r.status === 200);
    // Digest, the first round trip (areas, user, goals, highest ID: a new session does not know who
    // the user is, so no report is asked for before it knows which areas they handle), then the
    // windows of 5,000 IDs in $batches of at most 20 parts.
    const maxId = [...server.store.list('incidents').items.keys()].reduce((a, b) => Math.max(a, b), 0);
    const batches = requests.filter((r) => r.path.endsWith('/$batch'));
    expect(batches).toHaveLength(3);
    expect(batches.slice(1).map((r) => r.parts?.length)).toEqual([20, Math.ceil(maxId / 5000) - 20]);

    const from = yearStart(YEAR - 1).getTime();
    const to = yearStart(YEAR + 1).getTime();
    const stored = [...server.store.list('incidents').items.values()].filter((i) => {
      const t = Date.parse(String(i.fields.OccurredAt));
      return t >= from && t < to;
    });
    expect(server.store.list('incidents').items.size).toBeGreaterThan(150000);
    expect(view.facts.length).toBe(stored.length);

    // Counted straight from the store, the way an auditor would.
    const inYear = (i: (typeof stored)[number], y: number): boolean => {
      const t = Date.parse(String(i.fields.OccurredAt));
      return t >= yearStart(y).getTime() && t < yearStart(y + 1).getTime();
    };
    const thisYear = stored.filter((i) => inYear(i, YEAR));
    expect(view.timeZone).toBe(ZONE);
    const s = computeSituation(YEAR, view.facts, view.goals, NOW, ZONE);
    expect(s.total.current).toBe(thisYear.length);
    expect(s.serious.current).toBe(thisYear.filter((i) => i.fields.Severity === 'Allvarlig' || i.fields.Severity === 'Mycket allvarlig').length);
    expect(s.byStatus.closed).toBe(thisYear.filter((i) => i.fields.Status === 'Avslutad').length);
    expect(s.byType.nearMiss.current).toBe(thisYear.filter((i) => i.fields.EventType === 'Tillbud').length);
    const areaId = Number(thisYear[0].fields.AreaId);
    const area = view.areas.find((a) => a.id === areaId)!;
    expect(computeSituation(YEAR, view.facts, view.goals, NOW, ZONE, area).total.current).toBe(thisYear.filter((i) => i.fields.AreaId === areaId).length);
  }, 300000);

  it('would have been refused by the threshold without the windows', async () => {
    const { sp } = sessionFor(server, 'maria');
    const { INCIDENTS_LIST, listServerRelativeUrl } = await import('../../src/model/schema');
    const list = sp.web.getList(listServerRelativeUrl(INCIDENTS_LIST));
    await expect(list.items.select('Id').filter(`OccurredAt ge datetime'${yearStart(YEAR).toISOString()}'`).top(5000)()).rejects.toMatchObject({ status: 500 });
  }, 180000);

  it('serves one person with more than 10,000 reports: her Mina rapporter and her area page, without a throttled query', async () => {
    const { services } = sessionFor(server, 'anna');
    const me = await services.users.getCurrentUser();
    const hers = [...server.store.list('incidents').items.values()].filter((i) => i.fields.AuthorId === me.id);
    expect(hers.length).toBeGreaterThanOrEqual(10000);
    const since = server.requests.length;
    const mine = await services.incidents.getMyReports();
    expect(mine.length).toBe(hers.length);
    const area = (await services.areas.getAreas()).find((a) => a.key === 'patientsakerhet')!;
    const page = await services.views.loadArea('patientsakerhet');
    expect(page.reports.length).toBe(hers.filter((i) => i.fields.AreaId === area.id).length);
    expect(page.reports.length).toBeGreaterThan(0);
    // SharePoint's list view threshold answers 500 SPQueryThrottledException (threshold.ts): none here.
    expectEvery(server.requests.slice(since), (r) => r.status === 200);
  }, 300000);

  it('counts the start page\'s open reports exactly too: all for the security chief, the own areas\' and own reports for an owner', async () => {
    const all = [...server.store.list('incidents').items.values()].filter((i) => i.fields.Status !== 'Avslutad');
    const maria = await sessionFor(server, 'maria').services.views.loadStart();
    expect([...maria.openCounts.values()].reduce((a, b) => a + b, 0)).toBe(all.length);
    const erik = await sessionFor(server, 'erik').services.views.loadStart();
    const patientsakerhet = erik.areas.find((a) => a.key === 'patientsakerhet')!.id;
    const mine = all.filter((i) => i.fields.AreaId === patientsakerhet || i.fields.AuthorId === erik.user.id);
    expect([...erik.openCounts.values()].reduce((a, b) => a + b, 0)).toBe(mine.length);
    expect(erik.openCounts.get(patientsakerhet)).toBe(all.filter((i) => i.fields.AreaId === patientsakerhet).length);
  }, 180000);
});

describe('the work queue over 150,000 reports', () => {
  const batchesSince = (since: number): typeof server.requests => server.requests.slice(since).filter((r) => r.path.endsWith('/$batch'));
  const maxId = (): number => [...server.store.list('incidents').items.keys()].reduce((a, b) => Math.max(a, b), 0);
  const filter = (over: Partial<IQueueFilter>): IQueueFilter => ({ ...DEFAULT_QUEUE_FILTER, ...over });

  it('gives the security chief every open report, exactly, in three round trips; the next pages need none', async () => {
    const { services } = sessionFor(server, 'maria');
    let since = server.requests.length;
    const view = await services.views.loadQueue(DEFAULT_QUEUE_FILTER);
    expectEvery(server.requests.slice(since), (r) => r.status === 200);
    const windows = Math.ceil(maxId() / 5000);
    // A new session: areas, user (four parts: who, and permissions on the web, Händelser and Mål),
    // zone and highest ID; then every window, 20 to a $batch.
    expect(batchesSince(since).map((r) => r.parts?.length)).toEqual([7, 20, windows - 20]);
    const open = [...server.store.list('incidents').items.values()].filter((i) => i.fields.Status !== 'Avslutad');
    expect(view.rows.length).toBe(open.length);

    // Pages, sort and search work on what came: no request at all.
    since = server.requests.length;
    const first = queuePage(view.rows, filter({ sort: 'severity' }), NOW, ZONE);
    const second = queuePage(view.rows, filter({ sort: 'severity', page: 2 }), NOW, ZONE);
    expect(server.requests.length).toBe(since);
    expect(first.total).toBe(open.length);
    expect(first.pages).toBe(Math.ceil(open.length / 50));
    expect(first.rows[0].severity).toBe('critical');
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(100);

    // Coming back to the queue (the user known): the highest ID and the first window together, then the rest.
    since = server.requests.length;
    await services.views.loadQueue(DEFAULT_QUEUE_FILTER);
    expect(batchesSince(since).map((r) => r.parts?.length)).toEqual([2, 20, windows - 21]);
  }, 300000);

  it('filters the owner of patientsäkerhet\'s reports exactly: the year\'s serious ones, a search, a number', async () => {
    const { services } = sessionFor(server, 'erik');
    const all = [...server.store.list('incidents').items.values()];
    const areaId = (await services.areas.getAreas()).find((a) => a.key === 'patientsakerhet')!.id;
    const since = server.requests.length;
    const view = await services.views.loadQueue(filter({ status: 'all', severity: 'atLeastSerious', from: '2026-01-01', to: '2026-12-31' }));
    expectEvery(server.requests.slice(since), (r) => r.status === 200);
    const serious = all.filter((i) => {
      const t = Date.parse(String(i.fields.OccurredAt));
      return i.fields.AreaId === areaId && ['Allvarlig', 'Mycket allvarlig'].includes(String(i.fields.Severity)) && t >= yearStart(2026).getTime() && t < yearStart(2027).getTime();
    });
    expect(view.rows.length).toBe(serious.length);
    expect(serious.length).toBeGreaterThan(100);
    const base = filter({ status: 'all', severity: 'atLeastSerious', from: '2026-01-01', to: '2026-12-31' });
    const target = serious[Math.floor(serious.length / 2)];
    const digits = String(target.id).slice(0, 3);
    expect(queuePage(view.rows, { ...base, text: `rapport ${digits}` }, NOW, ZONE).total).toBe(serious.filter((i) => String(i.fields.Title).includes(digits)).length);
    expect(queuePage(view.rows, { ...base, text: `#${target.id}` }, NOW, ZONE).all.map((r) => r.id)).toEqual([target.id]);
  }, 300000);

  it('opens from the lägesbild\'s figures with exactly the reports they count', async () => {
    const { services } = sessionFor(server, 'erik');
    const situation = await services.views.loadSituation(YEAR);
    const area = situation.areas.find((a) => a.key === 'patientsakerhet')!;
    const s = computeSituation(YEAR, situation.facts, situation.goals, NOW, ZONE, area);
    const count = async (f: Partial<IQueueFilter>): Promise<number> => {
      const full = filter(f);
      return queuePage((await services.views.loadQueue(full)).rows, full, NOW, ZONE).total;
    };
    // Each of these asks SharePoint anew with the figure's own filter.
    expect(await count(situationFilter(YEAR, area.key))).toBe(s.total.current);
    expect(await count(situationFilter(YEAR, area.key, { status: 'open' }))).toBe(s.open);
    expect(await count(situationFilter(YEAR, area.key, { severity: 'atLeastSerious' }))).toBe(s.serious.current);
    expect(await count(monthFilter(YEAR, 10, area.key))).toBe(s.byMonth[10].current);
    expect(await count(situationFilter(YEAR, undefined, { status: 'open' }))).toBe(s.open);
    // The rest from the year's reports, narrowed in the browser exactly as the queue does.
    const year = filter(situationFilter(YEAR, area.key));
    const rows = (await services.views.loadQueue(year)).rows;
    const local = (f: Partial<IQueueFilter>): number => queuePage(rows, filter(f), NOW, ZONE, area.id).total;
    expect(s.total.current).toBeGreaterThan(1000);
    for (let m = 0; m < 12; m++) {
      expect({ m, n: local(monthFilter(YEAR, m, area.key)) }).toEqual({ m, n: s.byMonth[m].current });
    }
    for (const k of EVENT_TYPE_KEYS) {
      expect({ k, n: local(situationFilter(YEAR, area.key, { eventType: k })) }).toEqual({ k, n: s.byType[k].current });
    }
    for (const k of SEVERITY_KEYS) {
      expect({ k, n: local(situationFilter(YEAR, area.key, { severity: k })) }).toEqual({ k, n: s.bySeverity[k].current });
    }
    for (const k of STATUS_KEYS) {
      expect({ k, n: local(situationFilter(YEAR, area.key, { status: k })) }).toEqual({ k, n: s.byStatus[k] });
    }
  }, 300000);
});
