/**
 * The site's time zone (issue 9, point 9): the emulator's site has a regional-settings time zone,
 * serves `_api/web/RegionalSettings/TimeZone` as SharePoint does and stores date-only values as
 * midnight in it; the product reads the zone once per session within a view's round trip, and
 * writes date-only values – "today" too – on the site's calendar. Two sites: Stockholm (the
 * default) and Auckland, whose day differs from UTC's for half of every day.
 */
import type { DevServer } from '../../dev/server';
import { ActionService } from '../../src/services/ActionService';
import { wallClockIn } from '../../src/model/calendar';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';
import { expectEvery } from '../helpers/every';
import { pinClock } from '../helpers/clock';

const NOW = new Date('2026-06-15T10:00:00Z');
// The product's clock (this file's Date) and the sample content start at the same moment.
pinClock(NOW);
const ACTIONS = "web/getList('/sites/sakerhet/Lists/Atgarder')/items";
// The first view of a session loads the product's modules fresh (sessionFor): slow on a busy machine.
jest.setTimeout(30000);

let stockholm: DevServer;
let auckland: DevServer;

beforeAll(async () => {
  [stockholm, auckland] = await Promise.all([startEmulator({ now: NOW }), startEmulator({ now: NOW, siteTimeZone: 'Pacific/Auckland' })]);
});
afterAll(() => Promise.all([stockholm.close(), auckland.close()]));

describe('the emulator\'s regional settings', () => {
  it('answers RegionalSettings/TimeZone with SharePoint\'s zone ID, description and biases', async () => {
    // Shape: SP.TimeZone { Description, Id, Information: SP.TimeZoneInformation { Bias, DaylightBias,
    // StandardBias } } (PnP Core SDK TimeZone.cs; sp-dev-docs issue 6083). ID 4 is "(UTC+01:00)
    // Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna" (SPRegionalSettings.TimeZones); UTC = local + bias.
    const plain = await rest(stockholm, 'anna', 'web/RegionalSettings/TimeZone', { headers: { Accept: 'application/json;odata=nometadata' } });
    expect(plain.status).toBe(200);
    expect(plain.json).toEqual({ Description: '(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien', Id: 4, Information: { Bias: -60, DaylightBias: -60, StandardBias: 0 } });
    const minimal = await rest(stockholm, 'anna', 'web/regionalsettings/timezone');
    expect(minimal.json).toMatchObject({ 'odata.type': 'SP.TimeZone', Id: 4 });
    // ID 17: "(UTC+12:00) Auckland, Wellington".
    const nz = await rest(auckland, 'anna', 'web/RegionalSettings/TimeZone', { headers: { Accept: 'application/json;odata=nometadata' } });
    expect(nz.json).toEqual({ Description: '(UTC+12:00) Auckland, Wellington', Id: 17, Information: { Bias: -720, DaylightBias: -60, StandardBias: 0 } });
  });

  it('answers only signed-in users, as the rest of the API', async () => {
    expect((await rest(stockholm, undefined, 'web/RegionalSettings/TimeZone')).status).toBe(401);
  });

  it('stores a date-only value as midnight of its day in the site\'s zone', async () => {
    // 13:30 UTC on 1 July is 15:30 on 1 July in Stockholm (UTC+2) and 01:30 on 2 July in Auckland (UTC+12).
    const write = async (server: DevServer): Promise<string> => {
      const incident = [...server.store.list('incidents').items.values()][0];
      const owner = [...server.store.users.values()].find((u) => u.key === 'erik')!;
      const body = JSON.stringify({ Title: 'Datumtest', IncidentId: incident.id, ActionOwnerId: owner.id, DueDate: '2026-07-01T13:30:00Z', ActionStatus: 'Planerad' });
      const res = await rest(server, 'erik', ACTIONS, { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json' }, body });
      expect(res.status).toBe(201);
      return res.json.DueDate;
    };
    expect(await write(stockholm)).toBe('2026-06-30T22:00:00Z');
    expect(await write(auckland)).toBe('2026-07-01T12:00:00Z');
  });
});

describe('the product', () => {
  it('reads the site\'s zone within the view\'s one round trip, once per session', async () => {
    const { services } = sessionFor(auckland, 'anna');
    const since = auckland.requests[auckland.requests.length - 1]?.seq ?? 0;
    const documents = await services.views.loadDocuments();
    expect(documents.timeZone).toBe('Pacific/Auckland');
    const first = auckland.requests.filter((r) => r.seq > since && !r.path.endsWith('/contextinfo'));
    expect(first.map((r) => r.path)).toEqual(['/sites/sakerhet/_api/$batch']);
    expect(first[0].parts!.filter((p) => /regionalsettings\/timezone/i.test(p))).toHaveLength(1);
    // Date-only values read back as midnight in Auckland.
    expectEvery(documents.documents, (d) => wallClockIn(d.validFrom, 'Pacific/Auckland').time === '00:00');

    const next = auckland.requests[auckland.requests.length - 1].seq;
    const mine = await services.views.loadMyReports();
    expect(mine.timeZone).toBe('Pacific/Auckland');
    const again = auckland.requests.filter((r) => r.seq > next);
    expect(again.flatMap((r) => r.parts ?? [r.path]).some((p) => /regionalsettings/i.test(p))).toBe(false);
  });

  it('writes a due date and "done today" on the site\'s calendar, whatever the clock says in UTC', async () => {
    const { sp, services } = sessionFor(auckland, 'erik');
    const incident = [...auckland.store.list('incidents').items.values()][1];
    // 13:30 UTC on 1 July: still 1 July in UTC and in Stockholm, already 2 July in Auckland.
    const actions = new ActionService(sp, '/sites/sakerhet', () => services.site.timeZone(), () => new Date('2026-07-01T13:30:00Z'));
    const added = await actions.addAction(incident.id, { title: 'Ny rutin för nattpersonal', ownerId: (await services.users.getCurrentUser()).id, dueDate: '2026-08-31' });
    // Midnight of 31 August in Auckland (UTC+12 in winter).
    expect(added.dueDate.toISOString()).toBe('2026-08-30T12:00:00.000Z');
    const done = await actions.setActionStatus(added, 'done');
    // Done "today": 2 July in Auckland, stored as its midnight.
    expect(done.completedAt!.toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });
});
