/**
 * Scope by area, per role, against the emulator: an area owner handles the reports of the areas
 * they own (or are deputy of) and is offered no other area's report – in the work queue, on the
 * start page, the area page, a report's page, the lägesbild and the export; the security chief
 * handles every area; staff and visitors handle none. Counted straight from the store.
 */
import type { DevServer } from '../../dev/server';
import { DEFAULT_QUEUE_FILTER } from '../../src/model/queue';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';

const NOW = new Date('2026-06-15T10:00:00Z');
const AREAS = "web/getList('%2Fsites%2Fsakerhet%2FLists%2FSakerhetsomraden')";
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());

type Who = 'anna' | 'erik' | 'maria' | 'nils' | 'karin';
const session = (who: Who): ReturnType<typeof sessionFor> => sessionFor(server, who as 'anna');

function stored(): { id: number; fields: Record<string, unknown> }[] {
  return [...server.store.list('incidents').items.values()];
}
function areaId(key: string): number {
  return [...server.store.list('areas').items.values()].find((a) => a.fields.AreaKey === key)!.id;
}
const open = (i: { fields: Record<string, unknown> }): boolean => i.fields.Status !== 'Avslutad';
/** The REST requests (and $batch parts) since a point in the log, as readable URLs. */
function askedSince(since: number): string[] {
  return server.requests
    .slice(since)
    .flatMap((r) => r.parts ?? [r.path])
    .map((p) => decodeURIComponent(p.replace(/\+/g, ' ')));
}
const THREAT = 'Hot från anhörig i väntrummet';

describe('the work queue, per role', () => {
  it('staff and visitors handle no area: no report is asked for', async () => {
    for (const who of ['anna', 'nils'] as const) {
      const since = server.requests.length;
      const view = await session(who).services.views.loadQueue(DEFAULT_QUEUE_FILTER);
      expect({ who, handled: view.handled.length, rows: view.rows.length }).toEqual({ who, handled: 0, rows: 0 });
      // One round trip (areas, user, zone, highest ID) and no window over Händelser.
      expect(askedSince(since).filter((p) => /Handelser.*\$filter=Id gt/.test(p))).toEqual([]);
    }
  });

  it('the owner of patientsäkerhet gets exactly its open reports; the owner of arbetsmiljö exactly theirs', async () => {
    for (const [who, key] of [['erik', 'patientsakerhet'], ['karin', 'arbetsmiljo']] as const) {
      const view = await session(who).services.views.loadQueue(DEFAULT_QUEUE_FILTER);
      expect(view.handled.map((a) => a.key)).toEqual([key]);
      const expected = stored().filter((i) => i.fields.AreaId === areaId(key) && open(i)).map((i) => i.id).sort((a, b) => a - b);
      expect(view.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('the security chief gets every open report', async () => {
    const view = await session('maria').services.views.loadQueue(DEFAULT_QUEUE_FILTER);
    expect(view.handled).toHaveLength(14);
    expect(view.rows.length).toBe(stored().filter(open).length);
  });

  it('an area in the address that the owner does not handle gives nothing, and asks for nothing', async () => {
    const view = await session('erik').services.views.loadQueue({ ...DEFAULT_QUEUE_FILTER, area: 'arbetsmiljo' });
    expect(view.rows).toEqual([]);
  });
});

describe('a report\'s page', () => {
  it('is not found for an owner of another area (the anonymous threat in arbetsmiljö), and its content never comes', async () => {
    const threat = stored().find((i) => i.fields.Title === THREAT)!;
    const since = server.requests.length;
    await expect(session('erik').services.views.loadCase(threat.id)).rejects.toMatchObject({ kind: 'notFound' });
    const asked = askedSince(since);
    // The report was asked for only together with erik's scope (his area, or his own reports) …
    const query = asked.find((p) => p.includes(`Id eq ${threat.id} and`))!;
    expect(query).toContain(`AreaId eq ${areaId('patientsakerhet')}`);
    // … and its actions were never asked for.
    expect(asked.some((p) => p.includes('Atgarder'))).toBe(false);
  });

  it('offers case handling to the owner of the area and to the security chief, without the anonymous reporter', async () => {
    const threat = stored().find((i) => i.fields.Title === THREAT)!;
    for (const who of ['karin', 'maria'] as const) {
      const view = await session(who).services.views.loadCase(threat.id);
      expect({ who, handles: view.handles, anonymous: view.report.anonymous, reporter: view.report.reporter }).toEqual({ who, handles: true, anonymous: true, reporter: undefined });
    }
  });

  it('shows an owner their own report in another area as a reporter: no case handling, no actions', async () => {
    const erik = session('erik').services;
    const own = await erik.incidents.submit({
      reportId: '5c0be000-0000-4000-8000-000000000001',
      areaId: areaId('brandsakerhet'),
      title: 'Nödutgång låst',
      eventType: 'deficiency',
      category: '',
      occurredAt: new Date('2026-06-14T08:00:00Z'),
      location: 'Hus 3',
      description: 'Dörren var låst med kedja.',
      immediateAction: '',
      severity: 'serious',
      anonymous: false,
      lexMaria: false,
      workEnvironmentReport: false,
      policeReport: false
    });
    const view = await erik.views.loadCase(own.id);
    expect({ handles: view.handles, actions: view.actions, reporter: view.report.reporter?.displayName }).toEqual({ handles: false, actions: [], reporter: 'Erik Holm' });
    // On the start page, brandsäkerhet counts his own open report only; patientsäkerhet all of its open ones.
    const start = await session('erik').services.views.loadStart();
    expect(start.openCounts.get(areaId('brandsakerhet'))).toBe(1);
    expect(start.openCounts.get(areaId('patientsakerhet'))).toBe(stored().filter((i) => i.fields.AreaId === areaId('patientsakerhet') && open(i)).length);
    expect(start.openCounts.has(areaId('arbetsmiljo'))).toBe(false);
    expect([...start.handledAreaIds]).toEqual([areaId('patientsakerhet')]);
  });
});

describe('the area page and the lägesbild', () => {
  it('an owner sees another area\'s page as staff do: their own reports there only', async () => {
    const view = await session('erik').services.views.loadArea('arbetsmiljo');
    expect(view.handlesArea).toBe(false);
    expect(view.reports.map((r) => r.title)).not.toContain(THREAT);
    expect(view.reports.every((r) => r.reporter?.displayName === 'Erik Holm')).toBe(true);
  });

  it('an owner\'s lägesbild covers the areas they handle; the security chief\'s the region', async () => {
    const erik = await session('erik').services.views.loadSituation(2026);
    expect(erik.areas.map((a) => a.key)).toEqual(['patientsakerhet']);
    expect(erik.facts.length).toBeGreaterThan(0);
    expect(erik.facts.every((f) => f.areaId === areaId('patientsakerhet'))).toBe(true);
    expect(erik.goals.every((g) => g.areaId === areaId('patientsakerhet'))).toBe(true);
    const maria = await session('maria').services.views.loadSituation(2026);
    expect(maria.areas).toHaveLength(14);
    expect(new Set(maria.facts.map((f) => f.areaId)).size).toBeGreaterThan(1);
  });
});

describe('who assigns owners', () => {
  it('the security chief makes erik deputy of arbetsmiljö, and his queue takes it in; erik cannot do it himself', async () => {
    const erikId = (await session('erik').services.users.getCurrentUser()).id;
    const body = { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' }, body: JSON.stringify({ DeputyId: erikId }) };
    // Area owners read Säkerhetsområden (README, deployment step 4): SharePoint refuses the change.
    expect((await rest(server, 'erik', `${AREAS}/items(${areaId('arbetsmiljo')})`, body)).status).toBe(403);
    expect((await rest(server, 'maria', `${AREAS}/items(${areaId('arbetsmiljo')})`, body)).status).toBe(204);
    const view = await session('erik').services.views.loadQueue(DEFAULT_QUEUE_FILTER);
    expect(view.handled.map((a) => a.key)).toEqual(['arbetsmiljo', 'patientsakerhet']);
    expect(view.rows.some((r) => r.title === THREAT)).toBe(true);
  });
});

describe('the export', () => {
  it('asks for reporters only of reports that are not anonymous', async () => {
    const karin = session('karin').services;
    const view = await karin.views.loadQueue(DEFAULT_QUEUE_FILTER);
    const since = server.requests.length;
    const details = await karin.views.loadQueueDetails(DEFAULT_QUEUE_FILTER);
    const threat = view.rows.find((r) => r.title === THREAT)!;
    expect(threat.anonymous).toBe(true);
    expect(details.get(threat.id)).toMatchObject({ description: expect.stringContaining('anhörig') });
    expect(details.get(threat.id)!.reporter).toBeUndefined();
    const named = view.rows.filter((r) => !r.anonymous);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((r) => typeof details.get(r.id)?.reporter === 'string')).toBe(true);
    const withAuthor = askedSince(since).filter((p) => /\$expand=[^&]*Author/.test(p));
    expect(withAuthor.length).toBeGreaterThan(0);
    expect(withAuthor.every((p) => p.includes('Anonymous eq 0'))).toBe(true);
  });
});
