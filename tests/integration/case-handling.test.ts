/**
 * Case handling against the emulator: status moves, investigator and analysis, the rule that a
 * report with open actions cannot be closed, and conflicting edits caught by ETag – never
 * silently overwritten.
 */
import type { DevServer } from '../../dev/server';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';
import { pinClock } from '../helpers/clock';

const NOW = new Date('2026-06-15T10:00:00Z');
// The product's clock (this file's Date) and the sample content start at the same moment.
pinClock(NOW);
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());

function incidentId(title: string): number {
  return [...server.store.list('incidents').items.values()].find((i) => i.fields.Title === title)!.id;
}

describe('case handling', () => {
  it('moves a report on, names an investigator and stores the analysis', async () => {
    const erik = sessionFor(server, 'erik').services;
    const id = incidentId('Patient föll vid toalettbesök');
    const report = await erik.incidents.getReport(id);
    expect(report.status).toBe('new');
    // The directory has two Sjöbergs; Karin is already a site user, and ensureUser finds her.
    const found = await erik.users.searchPeople('sjöberg');
    expect(found.map((p) => p.displayName)).toEqual(['Jonas Sjöberg', 'Karin Sjöberg']);
    const karin = await erik.users.ensurePerson(found[1]);
    expect(karin.displayName).toBe('Karin Sjöberg');
    const saved = await erik.incidents.updateCase(report, { status: 'investigating', investigatorId: karin.id, analysis: 'Larmknappen var utom räckhåll.' });
    expect(saved).toMatchObject({ status: 'investigating', analysis: 'Larmknappen var utom räckhåll.' });
    expect(saved.investigator?.displayName).toBe('Karin Sjöberg');
    expect(saved.etag).not.toBe(report.etag);
    const stored = server.store.list('incidents').items.get(id)!;
    expect(stored.fields).toMatchObject({ Status: 'Under utredning', InvestigatorId: karin.id, Analysis: 'Larmknappen var utom räckhåll.' });
  });

  it('catches a conflicting edit by a second owner instead of overwriting it', async () => {
    const erik = sessionFor(server, 'erik').services;
    const maria = sessionFor(server, 'maria').services;
    const id = incidentId('Fördröjd triagering under hög belastning');
    const erikCopy = await erik.incidents.getReport(id);
    const mariaCopy = await maria.incidents.getReport(id);
    await erik.incidents.updateCase(erikCopy, { analysis: 'Eriks analys.' });
    await expect(maria.incidents.updateCase(mariaCopy, { analysis: 'Marias analys.' })).rejects.toMatchObject({ kind: 'conflict', status: 412 });
    expect(server.store.list('incidents').items.get(id)!.fields.Analysis).toBe('Eriks analys.');
    // With the fresh version, Maria's change goes through.
    const fresh = await maria.incidents.getReport(id);
    expect((await maria.incidents.updateCase(fresh, { analysis: 'Marias analys.' })).analysis).toBe('Marias analys.');
  });

  it('refuses to close a report with open actions, and closes it once they are done', async () => {
    const erik = sessionFor(server, 'erik').services;
    const id = incidentId('Fel patient fick provsvar uppläst');
    const actions = await erik.actions.getActions(id);
    expect(actions.map((a) => a.status).sort()).toEqual(['done', 'ongoing']);
    const report = await erik.incidents.getReport(id);
    await expect(erik.incidents.updateCase(report, { status: 'closed' })).rejects.toMatchObject({ kind: 'rule', code: 'openActions' });
    expect(server.store.list('incidents').items.get(id)!.fields.Status).toBe('Åtgärd pågår');
    const open = actions.find((a) => a.status !== 'done')!;
    const done = await erik.actions.setActionStatus(open, 'done');
    expect(done.status).toBe('done');
    expect(done.completedAt).toBeInstanceOf(Date);
    const closed = await erik.incidents.updateCase(await erik.incidents.getReport(id), { status: 'closed' });
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBeInstanceOf(Date);
    // Reopening clears the closing date.
    const reopened = await erik.incidents.updateCase(closed, { status: 'investigating' });
    expect(reopened.closedAt).toBeUndefined();
  });

  it('adds actions with an owner and a due date, and catches a stale action update', async () => {
    const erik = sessionFor(server, 'erik').services;
    const maria = sessionFor(server, 'maria').services;
    const id = incidentId('Patient föll vid toalettbesök');
    const mats = await erik.users.ensurePerson((await erik.users.searchPeople('mats lindqvist'))[0]);
    const added = await erik.actions.addAction(id, { title: 'Flytta larmknappar i alla salar', ownerId: mats.id, dueDate: '2026-08-01' });
    expect(added).toMatchObject({ title: 'Flytta larmknappar i alla salar', status: 'planned', incidentId: id });
    // A date-only column: midnight of 1 August in the site's zone (Stockholm, UTC+2 in summer).
    expect(added.dueDate.toISOString()).toBe('2026-07-31T22:00:00.000Z');
    expect(added.owner?.displayName).toBe('Mats Lindqvist');
    const stale = (await maria.actions.getActions(id)).find((a) => a.id === added.id)!;
    await erik.actions.setActionStatus(added, 'ongoing');
    await expect(maria.actions.setActionStatus(stale, 'done')).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('edits an action and says who saved it; a stale edit or removal is a conflict; only a planned action is removed', async () => {
    const erik = sessionFor(server, 'erik').services;
    const maria = sessionFor(server, 'maria').services;
    const id = incidentId('Patient föll vid toalettbesök');
    const mats = await erik.users.ensurePerson((await erik.users.searchPeople('mats lindqvist'))[0]);
    const added = await erik.actions.addAction(id, { title: 'Ny rutin för tillsyn nattetid', ownerId: mats.id, dueDate: '2026-09-01' });
    const stale = (await maria.actions.getActions(id)).find((a) => a.id === added.id)!;
    const edited = await erik.actions.updateAction(added, { title: 'Ny rutin för tillsyn kvällar och nätter', ownerId: mats.id, dueDate: '2026-09-15' });
    expect(edited).toMatchObject({ title: 'Ny rutin för tillsyn kvällar och nätter', editor: { displayName: 'Erik Holm' } });
    // A date-only column: midnight of 15 September in Stockholm (UTC+2).
    expect(edited.dueDate.toISOString()).toBe('2026-09-14T22:00:00.000Z');
    expect(edited.modified).toBeInstanceOf(Date);
    // Maria's copy is older: neither her edit nor her removal goes through (SharePoint: 412 on If-Match).
    await expect(maria.actions.updateAction(stale, { title: 'Marias rubrik', ownerId: mats.id, dueDate: '2026-09-01' })).rejects.toMatchObject({ kind: 'conflict', status: 412 });
    await expect(maria.actions.removeAction(stale)).rejects.toMatchObject({ kind: 'conflict', status: 412 });
    expect(server.store.list('actions').items.get(added.id)!.fields.Title).toBe('Ny rutin för tillsyn kvällar och nätter');
    // Started: stays, as a record of the work.
    const started = await erik.actions.setActionStatus(edited, 'ongoing');
    await expect(erik.actions.removeAction(started)).rejects.toMatchObject({ kind: 'rule', code: 'actionStarted' });
    expect(server.store.list('actions').items.has(added.id)).toBe(true);
    // A planned one with its current ETag goes.
    const planned = await erik.actions.addAction(id, { title: 'Felskriven åtgärd', ownerId: mats.id, dueDate: '2026-09-01' });
    await erik.actions.removeAction(planned);
    expect(server.store.list('actions').items.has(planned.id)).toBe(false);
  });

  it('refuses to delete for someone without Delete Items (user-permissions-and-permission-levels), as SharePoint does', async () => {
    // Area owners' level on Händelser edits but does not delete (Säkerhetsområdesansvarig).
    const id = incidentId('Patient föll vid toalettbesök');
    const res = await rest(server, 'erik', `web/getList('%2Fsites%2Fsakerhet%2FLists%2FHandelser')/items(${id})`, { method: 'POST', digest: true, headers: { 'X-HTTP-Method': 'DELETE', 'IF-Match': '*' } });
    expect(res.status).toBe(403);
    expect(server.store.list('incidents').items.has(id)).toBe(true);
  });

  it('names who saved a report last, but never for an anonymous one (its reporter may have been the last to save, and no Editor is asked for then)', async () => {
    const erik = sessionFor(server, 'erik').services;
    const maria = sessionFor(server, 'maria').services;
    const id = incidentId('Hot från anhörig i väntrummet');
    // Not erik's area, but the security chief's: maria reads it; the reporter (johan) saved it last.
    const before = await maria.incidents.getReport(id);
    expect(before.anonymous).toBe(true);
    expect(before.reporter).toBeUndefined();
    expect(before.editor).toBeUndefined();
    const saved = await maria.incidents.updateCase(before, { status: 'investigating' });
    expect(saved.editor).toBeUndefined();
    expect((await erik.incidents.getReport(id).catch(() => undefined))?.reporter).toBeUndefined();
    // A named report: whoever saved it last is named.
    const named = await erik.incidents.getReport(incidentId('Fördröjd triagering under hög belastning'));
    expect(named.anonymous).toBe(false);
    expect((await erik.incidents.updateCase(named, { analysis: 'Erik sparade sist.' })).editor?.displayName).toBe('Erik Holm');
  });
  it('keeps actions away from staff', async () => {
    const anna = sessionFor(server, 'anna').services;
    await expect(anna.actions.getActions(incidentId('Fel patient fick provsvar uppläst'))).rejects.toMatchObject({ status: 403 });
  });
});

describe('goals', () => {
  it('catches a conflicting edit of a goal by two owners', async () => {
    const erik = sessionFor(server, 'erik').services;
    const maria = sessionFor(server, 'maria').services;
    const areaId = [...server.store.list('areas').items.values()].find((a) => a.fields.AreaKey === 'patientsakerhet')!.id;
    const [erikGoal] = await erik.goals.getGoals(areaId, NOW.getFullYear());
    const [mariaGoal] = await maria.goals.getGoals(areaId, NOW.getFullYear());
    const saved = await erik.goals.updateGoal(erikGoal, { statusOverride: 'notMet', statusComment: 'Mätningen täcker bara hälften av avdelningarna.' });
    expect(saved).toMatchObject({ statusOverride: 'notMet', statusComment: 'Mätningen täcker bara hälften av avdelningarna.' });
    await expect(maria.goals.updateGoal(mariaGoal, { followUp: 'Ny text' })).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('refuses a judged status without a reason, as the list validation says', async () => {
    const erik = sessionFor(server, 'erik').services;
    const areaId = [...server.store.list('areas').items.values()].find((a) => a.fields.AreaKey === 'brandsakerhet')!.id;
    const [goal] = await erik.goals.getGoals(areaId, NOW.getFullYear());
    await expect(erik.goals.updateGoal(goal, { statusOverride: 'met', statusComment: '' })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('stores computed outcomes in one round trip, leaving a goal someone saved meanwhile untouched', async () => {
    const erik = sessionFor(server, 'erik').services;
    const maria = sessionFor(server, 'maria').services;
    const areaId = [...server.store.list('areas').items.values()].find((a) => a.fields.AreaKey === 'smittskydd')!.id;
    const goals = await erik.goals.getGoals(areaId, NOW.getFullYear());
    expect(goals.length).toBeGreaterThanOrEqual(2);
    // Maria saves the second goal after Erik read it.
    await maria.goals.updateGoal((await maria.goals.getGoals(areaId, NOW.getFullYear()))[1], { followUp: 'Uppföljt i ledningsgruppen.' });
    const since = server.requests.length;
    const at = new Date('2026-06-15T10:05:00Z');
    const stored = await erik.goals.storeOutcomes(goals.slice(0, 2).map((goal, i) => ({ goal, indicator: { value: 40 + i, basis: 5 + i, validUntil: new Date('2026-07-01T22:00:00Z') } })), at);
    expect(stored).toBe(1);
    expect(server.requests.slice(since).filter((r) => !r.path.endsWith('/contextinfo'))).toHaveLength(1);
    const [first, second] = goals.map((g) => server.store.list('goals').items.get(g.id)!.fields);
    expect(first).toMatchObject({ Outcome: 40, OutcomeComputedAt: '2026-06-15T10:05:00Z', OutcomeBasis: 5, OutcomeValidUntil: '2026-07-01T22:00:00Z' });
    expect(second).toMatchObject({ Outcome: goals[1].outcome ?? null, FollowUp: 'Uppföljt i ledningsgruppen.' });
  });

  it('stores no outcome, and says so, when SharePoint refuses the $batch three times (it never waits for ever)', async () => {
    const erik = sessionFor(server, 'erik').services;
    const areaId = [...server.store.list('areas').items.values()].find((a) => a.fields.AreaKey === 'brandsakerhet')!.id;
    const goals = await erik.goals.getGoals(areaId, NOW.getFullYear());
    const before = goals.map((g) => server.store.list('goals').items.get(g.id)!.fields.Outcome);
    server.faults.set([{ kind: 'unavailable', count: 3, method: 'POST', path: 'batch' }]);
    try {
      // Before settlingBatch this promise never settled: PnPjs left the writes pending.
      const stored = await Promise.race([
        erik.goals.storeOutcomes(goals.map((goal) => ({ goal, indicator: { value: 77, basis: 7 } })), new Date('2026-06-15T10:06:00Z')),
        new Promise<'hangs'>((resolve) => setTimeout(() => resolve('hangs'), 20000).unref())
      ]);
      expect(stored).toBe(0);
      expect(server.faults.describe()[0].hits).toBe(3);
    } finally {
      server.faults.clear();
    }
    expect(goals.map((g) => server.store.list('goals').items.get(g.id)!.fields.Outcome)).toEqual(before);
  });
});
