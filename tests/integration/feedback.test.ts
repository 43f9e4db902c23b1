/**
 * Feedback to the reporter (issue 13) against the emulator: the owner's closing message and the
 * moment the status changed reach the reporter, the analysis never does; the reporter adds
 * information to her own report after sending it, and to no one else's; the owner sees what came
 * later and when; an anonymous report's addition names no one.
 */
import type { DevServer } from '../../dev/server';
import { sessionFor, startEmulator } from '../helpers/emulator';
import { pinClock } from '../helpers/clock';
import { ADDITION_MAX } from '../../src/services/IncidentService';

/** 10:00 in Stockholm (UTC+1 in November). */
const NOW = new Date('2026-11-20T09:00:00Z');
pinClock(NOW);
const ZONE = 'Europe/Stockholm';
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());

function stored(title: string): { id: number; fields: Record<string, unknown> } {
  return [...server.store.list('incidents').items.values()].find((i) => i.fields.Title === title)!;
}

/** The writes (not reads) the server received since `from` (its request log's length then). */
function writesSince(from: number): string[] {
  return server.requests
    .slice(from)
    .flatMap((r) => (r.parts ? r.parts : [`${r.method} ${r.path}`]))
    .filter((p) => !/^GET /.test(p) && !p.endsWith('/contextinfo'));
}

describe('what the reporter is told', () => {
  it('the closing message and when the status changed, never the analysis', async () => {
    const erik = sessionFor(server, 'erik').services;
    const anna = sessionFor(server, 'anna').services;
    const id = stored('Patient föll vid toalettbesök').id;
    const before = await erik.incidents.getReport(id);
    // A new sample report has never changed status: she is shown the day she sent it.
    expect(before.statusChangedAt).toBeUndefined();
    const investigating = await erik.incidents.updateCase(before, { status: 'investigating', analysis: 'Intern: larmknappen var utom räckhåll under natten.' });
    const changedAt = investigating.statusChangedAt!;
    // Set by the app when it saves, i.e. now on the test's clock.
    expect(Math.abs(changedAt.getTime() - Date.now())).toBeLessThan(60 * 1000);
    expect(stored('Patient föll vid toalettbesök').fields.StatusChangedAt).toBe(changedAt.toISOString());

    // A save that does not change the status leaves the moment alone.
    const again = await erik.incidents.updateCase(investigating, { reporterMessage: 'Utkast till besked.' });
    expect(again.statusChangedAt).toEqual(changedAt);

    const closed = await erik.incidents.updateCase(again, { status: 'closed', reporterMessage: '  Tack! Larmknappen sitter nu vid toaletten.  ' });
    expect(closed.reporterMessage).toBe('Tack! Larmknappen sitter nu vid toaletten.');
    expect(closed.statusChangedAt!.getTime()).toBeGreaterThanOrEqual(changedAt.getTime());
    expect(closed.closedAt).toBeDefined();

    const mine = (await anna.views.loadMyReports()).reports.find((r) => r.id === id)!;
    expect(mine).toMatchObject({ status: 'closed', reporterMessage: 'Tack! Larmknappen sitter nu vid toaletten.', analysis: '' });
    expect(mine.statusChangedAt).toEqual(closed.statusChangedAt);
    const page = await anna.views.loadCase(id);
    expect(page.handles).toBe(false);
    expect(page.report).toMatchObject({ reporterMessage: 'Tack! Larmknappen sitter nu vid toaletten.', analysis: '', investigator: undefined });
    // Not only hidden: her views never ask SharePoint for it.
    const herQueries = server.requests.filter((r) => r.user === 'anna').flatMap((r) => r.parts ?? [r.path]);
    const reads = herQueries.map((q) => decodeURIComponent(q)).filter((q) => /Handelser/.test(q) && /\$select=/.test(q));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((q) => /Analysis|Investigator/.test(q))).toEqual([]);
  });

  it('an empty message clears it', async () => {
    const erik = sessionFor(server, 'erik').services;
    const id = stored('Fördröjd triagering under hög belastning').id;
    const withMessage = await erik.incidents.updateCase(await erik.incidents.getReport(id), { reporterMessage: 'Vi återkommer.' });
    const cleared = await erik.incidents.updateCase(withMessage, { reporterMessage: '   ' });
    expect(cleared.reporterMessage).toBe('');
    expect(stored('Fördröjd triagering under hög belastning').fields.ReporterMessage ?? null).toBeNull();
  });
});

describe('the reporter adds information after sending', () => {
  it('appends it under its moment on the site\'s calendar; the owner sees it and when', async () => {
    const anna = sessionFor(server, 'anna').services;
    const erik = sessionFor(server, 'erik').services;
    const id = stored('Fel patient fick provsvar uppläst').id;
    const mine = (await anna.views.loadCase(id)).report;
    expect(mine.reporterAddition).toBe('');
    // 10:00 in Stockholm on the test's clock, give or take the seconds the test has run.
    const first = await anna.incidents.addInformation(mine, '  Samma sak hände på sal 5 veckan innan.  ', ZONE);
    expect(first.reporterAddition).toMatch(/^\[2026-11-20 10:0\d\]\nSamma sak hände på sal 5 veckan innan\.$/);
    const second = await anna.incidents.addInformation(first, 'Namnbanden saknades också.', ZONE);
    expect(second.reporterAddition).toMatch(/^\[2026-11-20 10:0\d\]\nSamma sak hände på sal 5 veckan innan\.\n\n\[2026-11-20 10:0\d\]\nNamnbanden saknades också\.$/);
    expect(stored('Fel patient fick provsvar uppläst').fields.ReporterAddition).toBe(second.reporterAddition);

    const owner = (await erik.views.loadCase(id)).report;
    expect(owner.reporterAddition).toBe(second.reporterAddition);
    expect(owner.reporterAddedAt).toEqual(second.reporterAddedAt);
    expect(owner.reporterAddedAt!.getTime()).toBeGreaterThan(owner.created.getTime());
  });

  it('goes on top of what an owner saved meanwhile, and changes none of the owner\'s fields', async () => {
    const anna = sessionFor(server, 'anna').services;
    const erik = sessionFor(server, 'erik').services;
    const id = stored('Risk för förväxling av likadana patientband').id;
    const hers = (await anna.views.loadCase(id)).report;
    const owners = await erik.incidents.getReport(id);
    await erik.incidents.updateCase(owners, { analysis: 'Erik sparade medan hon skrev.' });
    const added = await anna.incidents.addInformation(hers, 'Det gäller även dagtid.', ZONE);
    expect(added.reporterAddition).toMatch(/Det gäller även dagtid\.$/);
    expect(stored('Risk för förväxling av likadana patientband').fields).toMatchObject({ Analysis: 'Erik sparade medan hon skrev.' });
  });

  it('refuses empty or too long text before anything is sent, and keeps nothing half-written', async () => {
    const anna = sessionFor(server, 'anna').services;
    const id = stored('Kylskåp för läkemedel hade för hög temperatur').id;
    const report = (await anna.views.loadCase(id)).report;
    const from = server.requests.length;
    await expect(anna.incidents.addInformation(report, ' \n ', ZONE)).rejects.toMatchObject({ kind: 'invalid', code: 'empty' });
    await expect(anna.incidents.addInformation(report, 'x'.repeat(ADDITION_MAX), ZONE)).rejects.toMatchObject({ kind: 'invalid', code: 'tooLong' });
    expect(writesSince(from)).toEqual([]);
    expect(stored('Kylskåp för läkemedel hade för hög temperatur').fields.ReporterAddition ?? null).toBeNull();
  });

  it('is refused on someone else\'s report: item-level write security (MS-WSSCAML 2.3.2.11.3, WriteSecurity 2: only the author and list administrators)', async () => {
    const anna = sessionFor(server, 'anna').services;
    const johan = sessionFor(server, 'johan').services;
    const id = stored('Ryggbesvär efter förflyttning utan lyft').id;
    const report = (await anna.views.loadCase(id)).report;
    // Johan holds her report's ID and ETag (say, from a shared screen): SharePoint still refuses.
    await expect(johan.incidents.addInformation(report, 'Inte min rapport.', ZONE)).rejects.toMatchObject({ kind: expect.stringMatching(/^(forbidden|notFound)$/) });
    expect(stored('Ryggbesvär efter förflyttning utan lyft').fields.ReporterAddition ?? null).toBeNull();
  });

  it('fails with SharePoint\'s refusal when the service is down, and stores nothing', async () => {
    const anna = sessionFor(server, 'anna').services;
    const id = stored('Kylskåp för läkemedel hade för hög temperatur').id;
    const report = (await anna.views.loadCase(id)).report;
    // SharePoint answers 503 to the write and to each retry PnPjs makes of it.
    server.faults.set([{ kind: 'unavailable', count: 3, method: 'MERGE', path: 'Handelser' }]);
    try {
      await expect(anna.incidents.addInformation(report, 'Kommer det fram?', ZONE)).rejects.toMatchObject({ kind: 'throttled' });
    } finally {
      server.faults.set([]);
    }
    expect(stored('Kylskåp för läkemedel hade för hög temperatur').fields.ReporterAddition ?? null).toBeNull();
  });

  it('names no one on an anonymous report: the owner gets the addition, not who wrote it or saved last', async () => {
    const johan = sessionFor(server, 'johan').services;
    const maria = sessionFor(server, 'maria').services;
    const id = stored('Hot från anhörig i väntrummet').id;
    const report = (await johan.views.loadCase(id)).report;
    expect(report.anonymous).toBe(true);
    await johan.incidents.addInformation(report, 'Han kom tillbaka i dag.', ZONE);
    expect(stored('Hot från anhörig i väntrummet').fields.EditorId).toBe(stored('Hot från anhörig i väntrummet').fields.AuthorId);
    const seen = (await maria.views.loadCase(id)).report;
    expect(seen.reporterAddition).toMatch(/Han kom tillbaka i dag\.$/);
    expect(seen.reporter).toBeUndefined();
    expect(seen.editor).toBeUndefined();
    expect(JSON.stringify(seen)).not.toMatch(/Johan/i);
  });
});
