/**
 * E-mail notifications against the emulator's Graph stand-in (dev/emulator/graph.ts): who gets
 * what, never anything for an anonymous report, a refused or failed mail never fails the report,
 * and a mail is never sent twice. The product's own services, signed in as the dev users, over HTTP.
 */
import { randomUUID } from 'crypto';
import type { DevServer } from '../../dev/server';
import type { INewIncident } from '../../src/model/types';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';
import { pinClock } from '../helpers/clock';

const NOW = new Date('2026-06-15T10:00:00Z');
pinClock(NOW);
let server: DevServer;
let patientsakerhet: number;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
  patientsakerhet = (await sessionFor(server, 'anna').services.areas.getAreas()).find((a) => a.key === 'patientsakerhet')!.id;
});
afterAll(() => server.close());
beforeEach(() => {
  server.graph.outbox.length = 0;
  server.graph.mailSendApproved = true;
  server.faults.clear();
});

let n = 0;
function newReport(overrides: Partial<INewIncident> = {}): INewIncident {
  n++;
  return {
    reportId: randomUUID(),
    areaId: patientsakerhet,
    title: `Läkemedel förväxlades ${n}`,
    eventType: 'deviation',
    category: 'Läkemedel',
    occurredAt: new Date('2026-06-14T08:30:00Z'),
    location: 'Medicinavdelning 3',
    description: 'Två förpackningar med liknande namn stod bredvid varandra.',
    immediateAction: 'Förpackningarna flyttades isär.',
    severity: 'serious',
    anonymous: false,
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: false,
    ...overrides
  };
}

const graphRequests = (user: string): { method: string; path: string; status: number }[] => server.requests.filter((r) => r.user === user && r.path.startsWith('/v1.0/'));

describe('when a report is stored', () => {
  it("sends the area's owner a link with area, event type and severity – from the reporter, nothing more", async () => {
    const anna = sessionFor(server, 'anna').services;
    const report = newReport();
    const stored = await anna.incidents.submit(report);
    expect(await anna.notifications.reportStored(stored)).toEqual({ outcome: 'sent', recipients: 1 });
    expect(server.graph.outbox).toHaveLength(1);
    const [mail] = server.graph.outbox;
    // Erik Holm owns patientsäkerhet in the sample site (src/model/sample/areas).
    expect(mail.to).toEqual([{ address: 'erik.holm@region.example', name: 'Erik Holm' }]);
    // sendMail sends as the signed-in user (learn.microsoft.com/graph/api/user-sendmail: POST /me/sendMail).
    expect(mail.from).toEqual({ name: 'Anna Lind', address: 'anna.lind@region.example' });
    expect(mail.subject).toBe('Ny rapport i Patientsäkerhet: Avvikelse, Allvarlig');
    expect(mail.contentType).toBe('Text');
    expect(mail.body).toContain(`${server.url}/#/rapport/${stored.id}`);
    expect(mail.body).toContain('Händelsetyp: Avvikelse');
    expect(mail.body).toContain('Allvarlighetsgrad: Allvarlig');
    for (const secret of [report.title, report.description, report.location, report.immediateAction, report.category]) {
      expect(mail.body).not.toContain(secret);
      expect(mail.subject).not.toContain(secret);
    }
  });

  it('sends nothing for an anonymous report – not even a request to Graph', async () => {
    const anna = sessionFor(server, 'anna').services;
    const before = graphRequests('anna').length;
    const stored = await anna.incidents.submit(newReport({ anonymous: true }));
    expect(await anna.notifications.reportStored(stored)).toEqual({ outcome: 'anonymous', recipients: 0 });
    expect(server.graph.outbox).toEqual([]);
    expect(graphRequests('anna')).toHaveLength(before);
  });

  it('sends once when the submit is repeated with the same ReportId', async () => {
    const anna = sessionFor(server, 'anna').services;
    const report = newReport();
    const first = await anna.incidents.submit(report);
    // The form's retry after a lost answer: the same ReportId finds the stored report.
    const second = await anna.incidents.submit(report);
    expect(second.id).toBe(first.id);
    const outcomes = await Promise.all([anna.notifications.reportStored(first), anna.notifications.reportStored(second)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['duplicate', 'sent']);
    expect(server.graph.outbox).toHaveLength(1);
  });

  it('stores the report when Mail.Send is not approved (403), and tries the mail once', async () => {
    server.graph.mailSendApproved = false;
    const anna = sessionFor(server, 'anna').services;
    const before = graphRequests('anna').length;
    const stored = await anna.incidents.submit(newReport());
    expect(await anna.notifications.reportStored(stored)).toEqual({ outcome: 'notApproved', recipients: 0, status: 403 });
    expect((await anna.incidents.getMyReports()).map((r) => r.id)).toContain(stored.id);
    expect(server.graph.outbox).toEqual([]);
    expect(graphRequests('anna').slice(before)).toEqual([expect.objectContaining({ method: 'POST', path: '/v1.0/me/sendMail', status: 403 })]);
  });

  it('stores the report when Graph keeps throttling (429): the client waits out Retry-After three times, then gives up', async () => {
    server.faults.set([{ kind: 'throttle', retryAfter: 1, path: '/v1.0/me/sendmail' }]);
    const anna = sessionFor(server, 'anna').services;
    const before = graphRequests('anna').length;
    const stored = await anna.incidents.submit(newReport());
    expect(await anna.notifications.reportStored(stored)).toEqual({ outcome: 'failed', recipients: 0, status: 429 });
    expect((await anna.incidents.getMyReports()).map((r) => r.id)).toContain(stored.id);
    expect(server.graph.outbox).toEqual([]);
    // One request and the Graph client's three retries (RetryHandler's default), no more.
    expect(graphRequests('anna').slice(before).map((r) => r.status)).toEqual([429, 429, 429, 429]);
    // Asked again, the page does not send it again.
    expect((await anna.notifications.reportStored(stored)).outcome).toBe('duplicate');
  });

  it('sends once when the mail went out but its answer was lost, and never again', async () => {
    server.faults.set([{ kind: 'dropAfterCommit', path: '/v1.0/me/sendmail', count: 1 }]);
    const anna = sessionFor(server, 'anna').services;
    const stored = await anna.incidents.submit(newReport());
    expect(await anna.notifications.reportStored(stored)).toEqual({ outcome: 'failed', recipients: 0 });
    expect((await anna.notifications.reportStored(stored)).outcome).toBe('duplicate');
    expect(server.graph.outbox).toHaveLength(1);
  });
});

describe("when a report is stored in an area with a deputy (Ställföreträdare)", () => {
  // Smittskydd on the sample site: owner Olof Strand, deputy Sara Wikström (src/model/sample/areaOwners.ts).
  const smittskydd = async (): Promise<number> => (await sessionFor(server, 'anna').services.areas.getAreas()).find((a) => a.key === 'smittskydd')!.id;
  /** Patientsäkerhet with another deputy for one test; the sample has none there. */
  function deputyOfPatientsakerhet(userId: number | null): void {
    const item = server.store.list('areas').items.get(patientsakerhet)!;
    server.store.loadItems('areas', [{ ...item, version: item.version + 1, fields: { ...item.fields, DeputyId: userId } }]);
  }
  afterEach(() => deputyOfPatientsakerhet(null));

  it("mails the area's owner and its deputy, in one mail", async () => {
    const anna = sessionFor(server, 'anna').services;
    const stored = await anna.incidents.submit(newReport({ areaId: await smittskydd() }));
    expect(await anna.notifications.reportStored(stored)).toEqual({ outcome: 'sent', recipients: 2 });
    expect(server.graph.outbox.map((m) => m.to)).toEqual([
      [
        { address: 'olof.strand@region.example', name: 'Olof Strand' },
        { address: 'sara.wikstrom@region.example', name: 'Sara Wikström' }
      ]
    ]);
    expect(server.graph.outbox[0].subject).toBe('Ny rapport i Smittskydd: Avvikelse, Allvarlig');
  });

  it('sends nothing for an anonymous report – no request to Graph, for the deputy either', async () => {
    const anna = sessionFor(server, 'anna').services;
    const before = graphRequests('anna').length;
    const stored = await anna.incidents.submit(newReport({ areaId: await smittskydd(), anonymous: true }));
    expect(await anna.notifications.reportStored(stored)).toEqual({ outcome: 'anonymous', recipients: 0 });
    expect(graphRequests('anna')).toHaveLength(before);
    expect(server.graph.outbox).toEqual([]);
  });

  it('never mails the sender: a deputy reporting in her own area mails only the owner', async () => {
    const johan = sessionFor(server, 'johan').services;
    deputyOfPatientsakerhet((await johan.users.getCurrentUser()).id);
    const stored = await johan.incidents.submit(newReport());
    expect(await johan.notifications.reportStored(stored)).toEqual({ outcome: 'sent', recipients: 1 });
    expect(server.graph.outbox.map((m) => m.to.map((t) => t.address))).toEqual([['erik.holm@region.example']]);
  });

  it('stores the report when the mail is refused (403), tries once and makes no second mail later', async () => {
    server.graph.mailSendApproved = false;
    const anna = sessionFor(server, 'anna').services;
    const before = graphRequests('anna').length;
    const stored = await anna.incidents.submit(newReport({ areaId: await smittskydd() }));
    expect(await anna.notifications.reportStored(stored)).toEqual({ outcome: 'notApproved', recipients: 0, status: 403 });
    expect((await anna.incidents.getMyReports()).map((r) => r.id)).toContain(stored.id);
    expect(graphRequests('anna').slice(before).map((r) => [r.path, r.status])).toEqual([['/v1.0/me/sendMail', 403]]);
    const { graph } = server;
    graph.mailSendApproved = true;
    expect((await anna.notifications.reportStored(stored)).outcome).toBe('duplicate');
    expect(server.graph.outbox).toEqual([]);
  });
});

describe('when an owner closes a report', () => {
  it('sends its reporter a link, from the owner, without the analysis', async () => {
    const anna = sessionFor(server, 'anna').services;
    const erik = sessionFor(server, 'erik').services;
    const stored = await anna.incidents.submit(newReport());
    const report = await erik.incidents.getReport(stored.id);
    const closed = await erik.incidents.updateCase(report, { status: 'closed', analysis: 'Förväxlingsrisken var känd sedan tidigare.' });
    expect(closed.reporter?.email).toBe('anna.lind@region.example');
    expect(await erik.notifications.reportClosed(closed)).toEqual({ outcome: 'sent', recipients: 1 });
    expect(server.graph.outbox).toHaveLength(1);
    const [mail] = server.graph.outbox;
    expect(mail.from).toEqual({ name: 'Erik Holm', address: 'erik.holm@region.example' });
    expect(mail.to).toEqual([{ address: 'anna.lind@region.example', name: 'Anna Lind' }]);
    expect(mail.subject).toBe(`Din rapport ${stored.id} är avslutad`);
    expect(mail.body).toContain(`${server.url}/#/rapport/${stored.id}`);
    expect(mail.body).not.toContain('Förväxlingsrisken');
    // The same closing again (a second call, a double click) sends nothing more.
    expect((await erik.notifications.reportClosed(closed)).outcome).toBe('duplicate');
    expect(server.graph.outbox).toHaveLength(1);
  });

  it('sends nothing when the report is anonymous: the owner is never put in the reporter’s mailbox', async () => {
    const anna = sessionFor(server, 'anna').services;
    const erik = sessionFor(server, 'erik').services;
    const before = graphRequests('erik').length;
    const stored = await anna.incidents.submit(newReport({ anonymous: true }));
    const report = await erik.incidents.getReport(stored.id);
    expect(report.reporter).toBeUndefined();
    const closed = await erik.incidents.updateCase(report, { status: 'closed' });
    expect(await erik.notifications.reportClosed(closed)).toEqual({ outcome: 'anonymous', recipients: 0 });
    expect(graphRequests('erik')).toHaveLength(before);
    expect(server.graph.outbox).toEqual([]);
  });

  it('closes the report when Mail.Send is not approved; the outcome says the reporter was not told', async () => {
    server.graph.mailSendApproved = false;
    const anna = sessionFor(server, 'anna').services;
    const erik = sessionFor(server, 'erik').services;
    const stored = await anna.incidents.submit(newReport());
    const closed = await erik.incidents.updateCase(await erik.incidents.getReport(stored.id), { status: 'closed' });
    expect(closed.status).toBe('closed');
    expect(await erik.notifications.reportClosed(closed)).toEqual({ outcome: 'notApproved', recipients: 0, status: 403 });
    expect(server.store.list('incidents').items.get(stored.id)!.fields.Status).toBe('Avslutad');
  });
});

describe('the Graph stand-in answers as Graph does', () => {
  const send = (user: string | undefined, body: unknown): ReturnType<typeof rest> =>
    rest(server, user as never, `${server.url}/v1.0/me/sendMail`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const message = { subject: 'Prov', body: { contentType: 'Text', content: 'Hej' }, toRecipients: [{ emailAddress: { address: 'erik.holm@region.example' } }] };

  it('202 Accepted with no body (learn.microsoft.com/graph/api/user-sendmail, "Response")', async () => {
    const res = await send('anna', { message });
    expect(res.status).toBe(202);
    expect(res.text).toBe('');
    expect(server.graph.outbox).toHaveLength(1);
  });

  it('403 ErrorAccessDenied without the approved Mail.Send (microsoftgraph/microsoft-graph-docs issue #10880)', async () => {
    server.graph.mailSendApproved = false;
    const res = await send('anna', { message });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({ code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' });
  });

  it('400 ErrorInvalidRecipients without a recipient (microsoftgraph/msgraph-sdk-dotnet issue #1891)', async () => {
    const res = await send('anna', { message: { ...message, toRecipients: [] } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('ErrorInvalidRecipients');
    expect(server.graph.outbox).toEqual([]);
  });

  it('401 without a signed-in user (learn.microsoft.com/graph/errors)', async () => {
    const res = await send(undefined, { message });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('InvalidAuthenticationToken');
  });
});
