/**
 * The lägesbild at 150,000 reports: every query filters first on an indexed column (an ID window)
 * and pages, so SharePoint's list view threshold is never hit, and the counts are exact. The
 * emulator enforces the threshold as SharePoint does.
 */
import type { DevServer } from '../../dev/server';
import { generateIncidents } from '../../dev/emulator/generate';
import { computeSituation } from '../../src/analytics/situation';
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
  generateIncidents(server.store, { count: 150000, now: NOW, seed: 42 });
}, 120000);
afterAll(() => server.close());

describe('lägesbild over 150,000 reports', () => {
  it('reads every report of the two years in ID windows, without a single throttled query', async () => {
    const { services } = sessionFor(server, 'maria');
    const since = server.requests.length;
    const view = await services.views.loadSituation(YEAR);
    const requests = server.requests.slice(since);
    expectEvery(requests, (r) => r.status === 200);
    // Digest, the first round trip (areas, user, goals, highest ID and the first window), then the
    // other windows of 5,000 IDs in $batches of at most 20 parts.
    const maxId = [...server.store.list('incidents').items.keys()].reduce((a, b) => Math.max(a, b), 0);
    const batches = requests.filter((r) => r.path.endsWith('/$batch'));
    expect(batches).toHaveLength(3);
    expect(batches.slice(1).map((r) => r.parts?.length)).toEqual([20, Math.ceil((maxId - 5000) / 5000) - 20]);

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
  }, 120000);

  it('would have been refused by the threshold without the windows', async () => {
    const { sp } = sessionFor(server, 'maria');
    const { INCIDENTS_LIST, listServerRelativeUrl } = await import('../../src/model/schema');
    const list = sp.web.getList(listServerRelativeUrl(INCIDENTS_LIST));
    await expect(list.items.select('Id').filter(`OccurredAt ge datetime'${yearStart(YEAR).toISOString()}'`).top(5000)()).rejects.toMatchObject({ status: 500 });
  }, 60000);

  it('counts the start page\'s open reports exactly too', async () => {
    const { services } = sessionFor(server, 'erik');
    const view = await services.views.loadStart();
    const open = [...server.store.list('incidents').items.values()].filter((i) => i.fields.Status !== 'Avslutad').length;
    expect([...view.openCounts.values()].reduce((a, b) => a + b, 0)).toBe(open);
  }, 60000);
});
