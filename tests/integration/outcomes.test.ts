/**
 * Computed goal outcomes are fresh for everyone (issue 13): staff cannot compute them (item-level
 * security answers them only their own reports), so the area's owner stores them after each write
 * that changes what they count – a status change, a closing, a report of their own – with when,
 * from how many reports and until when they hold. The product's services over the emulator, with
 * the clock of this file set by the test; days are Stockholm's (the sample site's zone).
 */
import { randomUUID } from 'crypto';
import type { DevServer } from '../../dev/server';
import { applyWrite } from '../../dev/emulator/validation';
import { choiceValue, INDICATOR_SOURCES, MEASURES, GOAL_DIRECTIONS } from '../../src/model/schema';
import type { INewIncident } from '../../src/model/types';
import { pinClock } from '../helpers/clock';
import { sessionFor, startEmulator } from '../helpers/emulator';

// Saturday 21 February 2026, 10:00 in Stockholm (CET): the reports below are reported that day.
const REPORTED = new Date('2026-02-21T09:00:00Z');
pinClock(REPORTED);
// Only the reports of this test are of this category: the sample site's reports count in no goal here.
const CATEGORY = 'Provmätning utfall';
let server: DevServer;
let patientsakerhet: number;
let within45: number;
let counted: number;

function userId(key: string): number {
  return [...server.store.users.values()].find((u) => u.key === key)!.id;
}

/** A goal as the security chief adds it in Mål, through the emulator's own write checks. */
async function addGoal(values: Record<string, unknown>): Promise<number> {
  const list = server.store.list('goals');
  const fields = applyWrite(server.store, list, undefined, {
    AreaId: patientsakerhet,
    Period: 2026,
    Unit: values.Measure === choiceValue(MEASURES, 'count') ? 'st' : '%',
    IndicatorSource: choiceValue(INDICATOR_SOURCES, 'computed'),
    MeasureCategory: CATEGORY,
    ...values
  });
  const id = server.store.allocateId('goals');
  const now = new Date().toISOString();
  await server.store.putItem('goals', { id, version: 1, guid: randomUUID(), fields: { ...fields, Created: now, Modified: now, AuthorId: userId('maria'), EditorId: userId('maria') }, attachments: [] });
  return id;
}

const goalFields = (id: number): Record<string, unknown> => server.store.list('goals').items.get(id)!.fields;
const goalRequests = (user: string, since: number): number => server.requests.slice(since).filter((r) => r.user === user && /Lists\/Mal|'Mal'|\$batch/i.test(r.path)).length;

beforeAll(async () => {
  server = await startEmulator({ now: REPORTED });
  patientsakerhet = (await sessionFor(server, 'anna').services.areas.getAreas()).find((a) => a.key === 'patientsakerhet')!.id;
  within45 = await addGoal({ Title: 'Rapporter avslutas inom 45 dagar', Indicator: 'Andel avslutade inom 45 dagar', Direction: choiceValue(GOAL_DIRECTIONS, 'atLeast'), Target: 80, Measure: choiceValue(MEASURES, 'closedWithin'), MeasureDays: 45 });
  counted = await addGoal({ Title: 'Provmätningar räknas', Indicator: 'Antal rapporter', Direction: choiceValue(GOAL_DIRECTIONS, 'atMost'), Target: 10, Measure: choiceValue(MEASURES, 'count') });
});
afterAll(() => server.close());
afterEach(() => server.faults.clear());

function newReport(title: string): INewIncident {
  return {
    reportId: randomUUID(),
    areaId: patientsakerhet,
    title,
    eventType: 'deviation',
    category: CATEGORY,
    occurredAt: new Date('2026-02-21T07:30:00Z'),
    location: 'Medicinavdelning 3',
    description: 'Provrapport för de beräknade målen.',
    immediateAction: '',
    severity: 'moderate',
    anonymous: false,
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: false
  };
}

describe('computed outcomes stored after each write that changes them', () => {
  let first: number;
  let second: number;

  it('asks nothing when staff report (they cannot read the area’s reports); the stored outcome stays as it was', async () => {
    const anna = sessionFor(server, 'anna').services;
    const since = server.requests.length;
    const a = await anna.incidents.submit(newReport('Första provrapporten'));
    const b = await anna.incidents.submit(newReport('Andra provrapporten'));
    [first, second] = [a.id, b.id];
    const afterSubmit = server.requests.length;
    expect(await anna.outcomes.reportChanged(a)).toEqual({ outcome: 'notHandled', stored: 0 });
    expect(goalRequests('anna', afterSubmit)).toBe(0);
    expect(since).toBeLessThan(afterSubmit);
    expect(goalFields(counted)).toMatchObject({ Outcome: null, OutcomeComputedAt: null, OutcomeBasis: null });
  });

  it('stores them when the area owner reports: every report of the area counts, with when and from how many', async () => {
    const erik = sessionFor(server, 'erik').services;
    const own = await erik.incidents.submit(newReport('Tredje provrapporten, från Erik'));
    expect(await erik.outcomes.reportChanged(own)).toEqual({ outcome: 'stored', stored: 3 });
    // The area's three computed goals of 2026 are stored: these two and the sample site's own
    // "Rapporter utreds och avslutas i tid" (src/model/sample/goals.ts), which counts other reports.
    // Three reports of the category, by hand: Anna's two and Erik's.
    expect(goalFields(counted)).toMatchObject({ Outcome: 3, OutcomeBasis: 3, OutcomeValidUntil: null });
    // None closed, none open for more than 45 days: nothing to measure yet, from 0 reports. All three
    // were reported on 21 February (Stockholm); day 46 after it is 8 April, which begins at
    // 00:00 CEST = 2026-04-07T22:00:00Z (summer time began on 29 March).
    expect(goalFields(within45)).toMatchObject({ Outcome: null, OutcomeBasis: 0, OutcomeValidUntil: '2026-04-07T22:00:00Z' });
    expect(Date.parse(String(goalFields(within45).OutcomeComputedAt))).toBeGreaterThanOrEqual(REPORTED.getTime());
    await erik.incidents.updateCase(await erik.incidents.getReport(own.id), { status: 'investigating' });
  });

  it('stores them when the owner closes a report on day 45: within 45 days, 100 % of 1', async () => {
    // 23:58 CEST on 7 April, day 45 after 21 February (7 days of February + 31 of March + 7).
    pinClock(new Date('2026-04-07T21:58:00Z'));
    const erik = sessionFor(server, 'erik').services;
    const closed = await erik.incidents.updateCase(await erik.incidents.getReport(first), { status: 'closed' });
    expect(await erik.outcomes.reportChanged(closed)).toEqual({ outcome: 'stored', stored: 3 });
    const fields = goalFields(within45);
    expect(fields).toMatchObject({ Outcome: 100, OutcomeBasis: 1, OutcomeValidUntil: '2026-04-07T22:00:00Z' });
    // Computed at the moment of the write, by the clock of this test (minutes, not hours, later).
    const at = Date.parse(String(fields.OutcomeComputedAt));
    expect(at).toBeGreaterThanOrEqual(Date.parse('2026-04-07T21:58:00Z'));
    expect(at).toBeLessThan(Date.parse('2026-04-07T22:00:00Z'));
    // What staff read: the stored outcome with its basis and its valid-until.
    const [goal] = (await sessionFor(server, 'anna').services.goals.getGoals(patientsakerhet, 2026)).filter((g) => g.id === within45);
    expect(goal).toMatchObject({ outcome: 100, outcomeBasis: 1, outcomeValidUntil: new Date('2026-04-07T22:00:00Z') });
  });

  it('stores them when a report is closed on day 46: not within, and the open ones are now decided', async () => {
    // 00:00:30 CEST on 8 April: day 46. The report still open (Erik's, investigating) is decided too.
    pinClock(new Date('2026-04-07T22:00:30Z'));
    const erik = sessionFor(server, 'erik').services;
    const closed = await erik.incidents.updateCase(await erik.incidents.getReport(second), { status: 'closed' });
    expect(await erik.outcomes.reportChanged(closed)).toEqual({ outcome: 'stored', stored: 3 });
    // 1 within (closed on day 45) of 3 decided (closed on day 46; open past day 45): 33.3 %.
    expect(goalFields(within45)).toMatchObject({ Outcome: 33.3, OutcomeBasis: 3, OutcomeValidUntil: null });
    expect(goalFields(counted)).toMatchObject({ Outcome: 3, OutcomeBasis: 3 });
  });

  it('stores them when a report is reopened: a closing that no longer counts', async () => {
    const erik = sessionFor(server, 'erik').services;
    const reopened = await erik.incidents.updateCase(await erik.incidents.getReport(first), { status: 'investigating' });
    expect(await erik.outcomes.reportChanged(reopened)).toEqual({ outcome: 'stored', stored: 3 });
    // 0 within of 3 decided (day 46 is past for all three).
    expect(goalFields(within45)).toMatchObject({ Outcome: 0, OutcomeBasis: 3, OutcomeValidUntil: null });
  });

  it("asks nothing for another area's owner (who does not read all its reports)", async () => {
    const erik = sessionFor(server, 'erik').services;
    const arbetsmiljo = (await erik.areas.getAreas()).find((a) => a.key === 'arbetsmiljo')!;
    await erik.users.getCurrentUser();
    const since = server.requests.length;
    expect(await erik.outcomes.reportChanged({ areaId: arbetsmiljo.id, occurredAt: REPORTED })).toEqual({ outcome: 'notHandled', stored: 0 });
    expect(server.requests.length).toBe(since);
  });
});

describe('when the outcomes cannot be computed or stored', () => {
  it('the status change stands; nothing is stored and the outcome says it failed', async () => {
    const erik = sessionFor(server, 'erik').services;
    const report = await erik.incidents.getReport((await erik.incidents.submit(newReport('Fjärde provrapporten'))).id);
    const before = { ...goalFields(within45) };
    const saved = await erik.incidents.updateCase(report, { status: 'closed' });
    // SharePoint refuses the next $batch requests (the goals and the reports are read in them).
    server.faults.set([{ kind: 'unavailable', method: 'POST', path: 'batch' }]);
    const refresh = await Promise.race([erik.outcomes.reportChanged(saved), new Promise<'hangs'>((resolve) => setTimeout(() => resolve('hangs'), 20000).unref())]);
    expect(refresh).toEqual({ outcome: 'failed', stored: 0 });
    server.faults.clear();
    expect(server.store.list('incidents').items.get(report.id)!.fields.Status).toBe('Avslutad');
    expect(goalFields(within45)).toEqual(before);
  });

  it('a goal someone saved between the read and the write is read and computed once more, and their change stays', async () => {
    const erik = sessionFor(server, 'erik').services;
    const maria = sessionFor(server, 'maria').services;
    // Maria saves the goal after Erik's computation read it, before it writes (412 for Erik).
    const store = erik.goals.storeOutcomes.bind(erik.goals);
    let writes = 0;
    erik.goals.storeOutcomes = async (outcomes, at) => {
      if (writes++ === 0) {
        const [goal] = (await maria.goals.getGoals(patientsakerhet, 2026)).filter((g) => g.id === within45);
        await maria.goals.updateGoal(goal, { followUp: 'Läst av Maria.' });
      }
      return store(outcomes, at);
    };
    const report = await erik.incidents.getReport((await erik.incidents.submit(newReport('Femte provrapporten'))).id);
    const saved = await erik.incidents.updateCase(report, { status: 'investigating' });
    expect(await erik.outcomes.reportChanged(saved)).toEqual({ outcome: 'stored', stored: 3 });
    expect(writes).toBe(2);
    // By hand, on 8 April (CEST): the three reported on 21 February are decided and not within
    // (reopened, closed on day 46, open past day 45); the fourth was reported and closed on 8 April
    // (day 0, within); the fifth, reported on 8 April and open, is undecided until its day 46,
    // 24 May, which begins at 00:00 CEST = 2026-05-23T22:00:00Z. 1 within of 4 decided: 25 %.
    expect(goalFields(within45)).toMatchObject({ FollowUp: 'Läst av Maria.', Outcome: 25, OutcomeBasis: 4, OutcomeValidUntil: '2026-05-23T22:00:00Z' });
    expect(goalFields(counted)).toMatchObject({ Outcome: 5, OutcomeBasis: 5 });
  });

  it('a goal someone saved after it was read is left for the next computation, never overwritten', async () => {
    const erik = sessionFor(server, 'erik').services;
    const maria = sessionFor(server, 'maria').services;
    const [goal] = (await erik.goals.getGoals(patientsakerhet, 2026)).filter((g) => g.id === within45);
    await maria.goals.updateGoal(goal, { followUp: 'Uppföljt i ledningsgruppen.' });
    const stored = await erik.goals.storeOutcomes([{ goal, indicator: { value: 90, basis: 9 } }], new Date());
    expect(stored).toBe(0);
    expect(goalFields(within45)).toMatchObject({ Outcome: 25, OutcomeBasis: 4, FollowUp: 'Uppföljt i ledningsgruppen.' });
  });
});
