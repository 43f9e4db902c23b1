/**
 * Every view's load ends – in its data, or in an error the view can show and try again – when
 * SharePoint refuses the view's $batch three times in a row (PnPjs's BrowserFetchWithRetry tries
 * three times and then gives up) or cannot be reached, and the next load works as soon as SharePoint
 * answers again, in the same session (nothing that failed stays in the session cache).
 */
import type { DevServer } from '../../dev/server';
import type { FaultRule } from '../../dev/emulator/faults';
import type { ISharePointServices } from '../../src/services';
import { DevUser, sessionFor, startEmulator } from '../helpers/emulator';

jest.setTimeout(90000);

const NOW = new Date('2026-06-15T10:00:00Z');
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());
afterEach(() => server.faults.clear());

/** Settles with the outcome of `p`, or with 'hangs' when it has not settled after `ms` (a hang detector, not a timing). */
async function outcome<T>(p: Promise<T>, ms = 20000): Promise<{ ok: T } | { error: { kind?: string } } | 'hangs'> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hangs'>((resolve) => {
    timer = setTimeout(() => resolve('hangs'), ms);
  });
  try {
    return await Promise.race([p.then((ok) => ({ ok }), (error) => ({ error })), hang]);
  } finally {
    clearTimeout(timer);
  }
}

type View = [name: string, user: DevUser, load: (s: ISharePointServices) => Promise<unknown>];

/** A report of Erik's area (patientsäkerhet) in the sample content, open, for the case page. */
const CASE_ID = 30;

const VIEWS: View[] = [
  ['start page', 'anna', (s) => s.views.loadStart()],
  ['area page (staff)', 'anna', (s) => s.views.loadArea('patientsakerhet')],
  ['area page (area owner)', 'erik', (s) => s.views.loadArea('patientsakerhet')],
  ['Mina rapporter', 'anna', (s) => s.views.loadMyReports()],
  ['governing documents', 'anna', (s) => s.views.loadDocuments()],
  ['report form', 'anna', (s) => s.views.loadReportForm()],
  ['case page', 'erik', (s) => s.views.loadCase(CASE_ID)],
  ['lägesbild', 'maria', (s) => s.views.loadSituation(2026)],
  ['säkerhetsberättelse', 'maria', (s) => s.views.loadAnnualReport(2025)]
];

const BATCH = { method: 'POST', path: 'batch' };
const FAULTS: [string, FaultRule[], string][] = [
  ['three 503s', [{ kind: 'unavailable', count: 3, ...BATCH }], 'throttled'],
  ['three 429s with Retry-After', [{ kind: 'throttle', count: 3, retryAfter: 1, ...BATCH }], 'throttled'],
  // Connections that fail before any answer (the network is down): fetch rejects, PnPjs tries three times.
  ['an outage', [{ kind: 'drop', count: 3, ...BATCH }], 'offline']
];

describe.each(FAULTS)('%s on the $batch', (_name, rules, kind) => {
  it.each(VIEWS)('%s: fails with an error and loads again once SharePoint answers', async (_view, user, load) => {
    const { services } = sessionFor(server, user);
    server.faults.set(rules);
    const failed = await outcome(load(services));
    expect(failed).toEqual({ error: expect.objectContaining({ kind }) });
    expect(server.faults.describe()[0].hits).toBe(3);
    // SharePoint answers again (the rule is used up): the same session loads, cold caches and all.
    const again = await outcome(load(services));
    expect(again).toEqual({ ok: expect.anything() });
  });
});

it('a session whose first view failed loads its other views (nothing half-loaded stays cached)', async () => {
  const { services } = sessionFor(server, 'erik');
  server.faults.set([{ kind: 'unavailable', count: 3, ...BATCH }]);
  expect(await outcome(services.views.loadStart())).toEqual({ error: expect.objectContaining({ kind: 'throttled' }) });
  // The area page reuses the areas, the user, the time zone and the highest report ID when the
  // session knows them; here it must not believe it does.
  const area = await outcome(services.views.loadArea('patientsakerhet'));
  expect(area).toEqual({ ok: expect.objectContaining({ area: expect.objectContaining({ key: 'patientsakerhet' }) }) });
  expect(await outcome(services.views.loadMyReports())).toEqual({ ok: expect.anything() });
});
