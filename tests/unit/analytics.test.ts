/**
 * Indicators, goal status, the lägesbild's numbers and the säkerhetsberättelse, against small data
 * sets counted by hand.
 */
import JSZip from 'jszip';
import { Packer } from 'docx';
import { buildAnnualReport } from '../../src/analytics/annualReport';
import { computedStatus, computeIndicator, evaluateGoal, IReportFacts, measureIndicator } from '../../src/analytics/indicators';
import { computeSituation, trend } from '../../src/analytics/situation';
import { annualReportDocument } from '../../src/components/AnnualReport/docx';
import { trendText } from '../../src/components/common/trend';
import en from '../../src/loc/en-us';
import sv from '../../src/loc/sv-se';
import { summaryText } from '../../src/components/AnnualReport/text';
import { allowedNextStatuses, authorityDeadlines, openActions } from '../../src/model/caseRules';
import type { IArea, IGoal } from '../../src/model/types';

const NOW = new Date('2026-11-22T12:00:00Z');
/** The sample site's time zone. */
const ZONE = 'Europe/Stockholm';
let nextId = 1;

function report(overrides: Partial<IReportFacts>): IReportFacts {
  const occurredAt = overrides.occurredAt ?? new Date('2026-03-10T09:00:00Z');
  return {
    id: nextId++,
    areaId: 1,
    title: 'R',
    eventType: 'nearMiss',
    severity: 'low',
    status: 'new',
    category: '',
    occurredAt,
    created: new Date(occurredAt.getTime() + 3600000),
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: false,
    ...overrides
  };
}

const area = (id: number, title: string): IArea =>
  ({ id, key: title.toLowerCase(), title, scope: '', purpose: `Syftet med ${title}.`, responsibility: '', ownerRole: '', laws: [], reportCategories: [], reportFlags: [], sortOrder: id } as IArea);

const goal = (overrides: Partial<IGoal>): IGoal => ({
  id: nextId++,
  etag: '"1"',
  areaId: 1,
  title: 'Mål',
  period: 2026,
  indicator: 'Ind',
  unit: 'antal',
  direction: 'atMost',
  target: 3,
  indicatorSource: 'manual',
  statusComment: '',
  followUp: '',
  ...overrides
});

// A hand-counted area: seven reports in 2026 (Stockholm time), two in 2025.
const created = (d: string): Date => new Date(d);
const ROWS: IReportFacts[] = [
  report({ eventType: 'nearMiss', category: 'Hot och våld', severity: 'serious', occurredAt: created('2026-01-05T10:00:00Z'), status: 'closed', closedAt: created('2026-01-20T10:00:00Z') }), // closed after 15 d
  report({ eventType: 'nearMiss', category: 'Hot och våld', severity: 'low', occurredAt: created('2026-02-05T10:00:00Z'), status: 'closed', closedAt: created('2026-04-06T10:00:00Z') }), // after ~60 d
  report({ eventType: 'incident', category: 'Hot och våld', severity: 'critical', occurredAt: created('2026-06-01T10:00:00Z'), status: 'investigating' }), // open > 30 d
  report({ eventType: 'risk', category: 'Fall', severity: 'moderate', occurredAt: created('2026-11-20T10:00:00Z'), status: 'new' }), // open, 2 d old: undecided
  report({ eventType: 'accident', category: 'Fall', severity: 'serious', occurredAt: created('2026-09-01T10:00:00Z'), status: 'closed', closedAt: created('2026-09-11T10:00:00Z') }), // after 10 d
  report({ eventType: 'nearMiss', category: 'Hot och våld', severity: 'serious', occurredAt: created('2026-12-31T22:30:00Z'), status: 'new' }), // 23:30 on 31 Dec 2026 in Stockholm
  report({ eventType: 'nearMiss', category: 'Hot och våld', severity: 'serious', occurredAt: created('2025-12-31T23:30:00Z'), status: 'closed', closedAt: created('2026-01-05T10:00:00Z') }), // 00:30 on 1 Jan 2026 in Stockholm
  report({ eventType: 'nearMiss', category: 'Hot och våld', severity: 'serious', occurredAt: created('2025-05-01T10:00:00Z'), status: 'closed', closedAt: created('2025-05-03T10:00:00Z') }),
  report({ eventType: 'deficiency', severity: 'low', occurredAt: created('2025-08-01T10:00:00Z'), status: 'closed', closedAt: created('2025-08-03T10:00:00Z') })
];

describe('computed indicators', () => {
  it('counts the reports a definition names, by the year in Stockholm', () => {
    // 2026 in Stockholm: rows 0–6 (row 5 late on 31 December, row 6 early on 1 January).
    expect(computeIndicator({ kind: 'count', eventTypes: [], category: '' }, ROWS, 2026, NOW, ZONE)).toBe(7);
    // Near misses and incidents about threats, at least serious: rows 0, 2, 5 and 6.
    expect(computeIndicator({ kind: 'count', eventTypes: ['nearMiss', 'incident'], category: 'Hot och våld', minSeverity: 'serious' }, ROWS, 2026, NOW, ZONE)).toBe(4);
    expect(computeIndicator({ kind: 'count', eventTypes: ['nearMiss'], category: 'Hot och våld' }, ROWS, 2025, NOW, ZONE)).toBe(1);
  });

  it('gives the share closed within a number of days, among the reports already decided', () => {
    // 2026: closed after 15 d, 60 d, 10 d and 4.4 d (rows 0, 1, 4, 6); open for over 30 days: row 2;
    // not yet decided: rows 3 and 5. Within 30 days: 3 of 5 decided = 60 %.
    expect(computeIndicator({ kind: 'closedWithin', eventTypes: [], category: '', days: 30 }, ROWS, 2026, NOW, ZONE)).toBe(60);
    expect(computeIndicator({ kind: 'closedWithin', eventTypes: ['risk'], category: '', days: 30 }, ROWS, 2026, NOW, ZONE)).toBeUndefined();
  });

  it('gives the median days to closing', () => {
    // Days from report (an hour after the event) to closing: 4.4, 10.0, 15.0, 60.0 → median (10 + 15) / 2 = 12.5.
    expect(computeIndicator({ kind: 'medianDaysToClose', eventTypes: [], category: '' }, ROWS, 2026, NOW, ZONE)).toBe(12.5);
  });
});

describe('goal status', () => {
  it('follows from target, outcome and baseline', () => {
    const atLeast = { direction: 'atLeast' as const, target: 90, baseline: 70 };
    expect(computedStatus(atLeast, undefined)).toBe('ongoing');
    expect(computedStatus(atLeast, 90)).toBe('met');
    expect(computedStatus(atLeast, 80)).toBe('partlyMet');
    expect(computedStatus(atLeast, 79.9)).toBe('notMet');
    const atMost = { direction: 'atMost' as const, target: 18, baseline: 24 };
    expect(computedStatus(atMost, 18)).toBe('met');
    expect(computedStatus(atMost, 21)).toBe('partlyMet');
    expect(computedStatus(atMost, 25)).toBe('notMet');
    expect(computedStatus({ direction: 'atLeast', target: 100 }, 91)).toBe('partlyMet');
    expect(computedStatus({ direction: 'atLeast', target: 100 }, 89)).toBe('notMet');
  });

  it('lets an owner judge otherwise, and says so', () => {
    const g = goal({ outcome: 2, statusOverride: 'notMet', statusComment: 'Siffran är för låg för att lita på.' });
    expect(evaluateGoal(g, [], NOW, ZONE)).toMatchObject({ outcome: 2, computedStatus: 'met', status: 'notMet', judged: true });
    const computed = goal({ indicatorSource: 'computed', outcome: 99, measure: { kind: 'count', eventTypes: ['nearMiss'], category: 'Hot och våld', minSeverity: 'serious' } });
    // The computed value (3 serious near misses: rows 0, 5, 6) wins over a stale stored outcome.
    expect(evaluateGoal(computed, ROWS, NOW, ZONE)).toMatchObject({ outcome: 3, status: 'met', judged: false });
  });
});

describe('lägesbild numbers', () => {
  it('counts by type, severity, status and month, and compares with the same part of last year', () => {
    const s = computeSituation(2026, ROWS, [], NOW, ZONE);
    // Last year up to 22 November: rows 7 and 8.
    expect(s.total).toEqual({ current: 7, previous: 2 });
    expect(s.partial).toBe(true);
    expect(s.serious).toEqual({ current: 5, previous: 1 });
    expect(s.byType.nearMiss).toEqual({ current: 4, previous: 1 });
    expect(s.bySeverity.critical.current).toBe(1);
    expect(s.byStatus).toEqual({ new: 2, investigating: 1, actionsOngoing: 0, closed: 4 });
    expect(s.open).toBe(3);
    expect(s.byMonth[0].current).toBe(2);
    expect(s.byMonth[11].current).toBe(1);
    expect(s.byMonth.reduce((n, m) => n + m.current, 0)).toBe(7);
    expect(trend(s.total)).toBe(250);
    expect(trend({ current: 3, previous: 0 })).toBeUndefined();
  });

  it('lists open reports that must be notified to an authority, with their deadlines', () => {
    const flagged = [
      report({ title: 'Lex Maria', lexMaria: true, occurredAt: new Date('2026-10-31T10:00:00Z'), status: 'investigating' }),
      report({ title: 'AML', workEnvironmentReport: true, occurredAt: new Date('2026-11-20T10:00:00Z'), status: 'new', authorityReportedAt: new Date('2026-11-20T15:00:00Z') }),
      report({ title: 'Stängd', policeReport: true, occurredAt: new Date('2026-11-01T10:00:00Z'), status: 'closed' })
    ];
    const s = computeSituation(2026, flagged, [], NOW, ZONE);
    expect(s.deadlines.map((d) => [d.report.title, d.authority, d.reported])).toEqual([
      ['Lex Maria', 'lexMaria', false],
      ['AML', 'workEnvironmentAuthority', true]
    ]);
    // Two months after 31 October is the last day of December (month end: 31 Dec exists).
    expect(s.deadlines[0].due).toBe('2026-12-31');
    // Calendar days from Sunday 22 November to 31 December: 8 in November + 31 in December.
    expect(s.deadlines[0].daysLeft).toBe(39);
    // Police report: the seventh day after Friday 20 November is Friday 27 November.
    expect(authorityDeadlines({ occurredAt: new Date('2026-11-20T10:00:00Z'), lexMaria: false, workEnvironmentReport: false, policeReport: true }, ZONE)[0].due).toBe('2026-11-27');
  });
});

describe('boundaries of the figures a user acts on (issue 16)', () => {
  // Reported two days after the event, so that counting from the event's date gives other figures.
  // Days are Stockholm calendar days; 10:00 UTC is 11:00 or 12:00 there, the same date.
  const reportedLate = (closedAt: string): IReportFacts =>
    report({ occurredAt: new Date('2026-03-01T10:00:00Z'), created: new Date('2026-03-03T10:00:00Z'), status: 'closed', closedAt: new Date(closedAt) });
  // 3 March → 2 April: 28 + 2 = 30 days (within 30); → 3 April: 31 days (not within).
  const boundary = [reportedLate('2026-04-02T10:00:00Z'), reportedLate('2026-04-03T10:00:00Z')];

  it('counts "closed within 30 days" from the day of the report, 30 days included', () => {
    // Counted from the event (1 March) the first would take 32 days; with < it would not count.
    expect(computeIndicator({ kind: 'closedWithin', eventTypes: [], category: '', days: 30 }, boundary, 2026, NOW, ZONE)).toBe(50);
  });

  it('gives the lägesbild the same "closed within 30 days" figure', () => {
    expect(computeSituation(2026, boundary, [], NOW, ZONE).closedWithin30).toBe(50);
    // The hand-counted area: 3 of 5 decided (see computed indicators).
    expect(computeSituation(2026, ROWS, [], NOW, ZONE).closedWithin30).toBe(60);
  });

  it('compares with last year up to the same moment, that moment included', () => {
    // NOW is 13:00 on 22 November 2026 in Stockholm (CET); the same moment a year before is
    // 2025-11-22T12:00:00Z (also CET). An event at that moment counts; one a second later does not.
    const rows = [report({ occurredAt: new Date('2025-11-22T12:00:00Z') }), report({ occurredAt: new Date('2025-11-22T12:00:01Z') })];
    expect(computeSituation(2026, rows, [], NOW, ZONE).total).toEqual({ current: 0, previous: 1 });
  });

  it('is not "judged" when the owner\'s judgement equals the computed status', () => {
    // Outcome 2 against at most 3: computed "met"; the owner's "met" agrees with it.
    const g = goal({ outcome: 2, statusOverride: 'met' });
    expect(evaluateGoal(g, [], NOW, ZONE)).toMatchObject({ computedStatus: 'met', status: 'met', judged: false });
  });
});

describe('"closed within 45 days" at its boundaries, on the site\'s calendar (issue 13)', () => {
  const within45 = { kind: 'closedWithin' as const, eventTypes: [], category: '', days: 45 };
  // Reported at 00:30 CET on Saturday 21 February 2026 in Stockholm – still the 20th in UTC. Day 45
  // after it is 7 April (7 days of February + 31 of March + 7), in summer time (from 29 March):
  // 7 April 23:59 CEST is 21:59 UTC, and 8 April begins at 22:00 UTC.
  const created = new Date('2026-02-20T23:30:00Z');
  const facts = (closedAt?: string): IReportFacts =>
    report({ occurredAt: new Date('2026-02-20T23:00:00Z'), created, status: closedAt ? 'closed' : 'investigating', closedAt: closedAt ? new Date(closedAt) : undefined });

  it('counts a report closed on day 45 as within and one closed on day 46 as not', () => {
    const now = new Date('2026-06-01T10:00:00Z');
    expect(measureIndicator(within45, [facts('2026-04-07T21:59:00Z')], 2026, now, ZONE)).toEqual({ value: 100, basis: 1, validUntil: undefined });
    expect(measureIndicator(within45, [facts('2026-04-07T22:00:00Z')], 2026, now, ZONE)).toEqual({ value: 0, basis: 1, validUntil: undefined });
  });

  it('leaves an open report undecided through day 45 and says from when it is decided', () => {
    const closedOnDay10 = facts('2026-03-03T10:00:00Z');
    // Last minute of day 45: one decided (within) of one; the open one is decided from 8 April 00:00 CEST.
    expect(measureIndicator(within45, [closedOnDay10, facts()], 2026, new Date('2026-04-07T21:59:00Z'), ZONE)).toEqual({ value: 100, basis: 1, validUntil: new Date('2026-04-07T22:00:00Z') });
    // From that moment: two decided, one within – without any report changing.
    expect(measureIndicator(within45, [closedOnDay10, facts()], 2026, new Date('2026-04-07T22:00:00Z'), ZONE)).toEqual({ value: 50, basis: 2, validUntil: undefined });
  });

  it('with 33 of 36 reports open the share is not "100 %" once their day 46 has come', () => {
    const rows = [...[1, 2, 3].map(() => facts('2026-03-03T10:00:00Z')), ...Array.from({ length: 33 }, () => facts())];
    // Before day 46: 3 of 3 decided, all within; valid until 8 April.
    expect(measureIndicator(within45, rows, 2026, new Date('2026-03-10T10:00:00Z'), ZONE)).toEqual({ value: 100, basis: 3, validUntil: new Date('2026-04-07T22:00:00Z') });
    // On 1 December: 3 within of 36 decided = 8.3 %.
    expect(measureIndicator(within45, rows, 2026, new Date('2026-12-01T05:40:00Z'), ZONE)).toEqual({ value: 8.3, basis: 36, validUntil: undefined });
  });

  it('gives count and median their basis, with no valid-until (only a report changing changes them)', () => {
    const closed = [facts('2026-03-03T10:00:00Z'), facts('2026-03-23T10:00:00Z')];
    expect(measureIndicator({ kind: 'count', eventTypes: [], category: '' }, [...closed, facts()], 2026, NOW, ZONE)).toEqual({ value: 3, basis: 3 });
    // 2026-02-20T23:30Z to 2026-03-03T10:00Z is 10.4375 days, to 2026-03-23T10:00Z 30.4375 (elapsed time): median 20.4.
    expect(measureIndicator({ kind: 'medianDaysToClose', eventTypes: [], category: '' }, [...closed, facts()], 2026, NOW, ZONE)).toEqual({ value: 20.4, basis: 2 });
  });
});

describe('case rules', () => {
  it('moves a report forward, back a step, or reopens it', () => {
    // Every status, by hand: a step forward, a step back from Åtgärder pågår, close from any open one.
    expect(allowedNextStatuses('new')).toEqual(['new', 'investigating', 'closed']);
    expect(allowedNextStatuses('investigating')).toEqual(['investigating', 'actionsOngoing', 'closed']);
    expect(allowedNextStatuses('actionsOngoing')).toEqual(['actionsOngoing', 'investigating', 'closed']);
    expect(allowedNextStatuses('closed')).toEqual(['closed', 'investigating']);
    expect(openActions([{ status: 'done' }, { status: 'ongoing' }, { status: 'planned' }])).toHaveLength(2);
  });
});

describe('säkerhetsberättelse', () => {
  const areas = [area(1, 'Arbetsmiljö'), area(2, 'Brandsäkerhet')];
  const goals = [
    goal({ areaId: 1, title: 'Färre hot', indicatorSource: 'computed', measure: { kind: 'count', eventTypes: ['nearMiss'], category: 'Hot och våld', minSeverity: 'serious' }, followUp: 'Utbildning genomförd.' }),
    goal({ areaId: 2, title: 'Brandutbildning', direction: 'atLeast', target: 90, outcome: 84, baseline: 70, unit: '%' })
  ];
  const facts = ROWS.map((r) => (r.eventType === 'risk' ? { ...r, areaId: 2 } : r));
  const input = { year: 2026, areas, goals, facts, analyses: new Map([[facts[2].id, 'Larmknappen saknades.']]), completedActions: [{ id: 1, etag: '', incidentId: facts[0].id, title: 'Larmknapp installerad', dueDate: NOW, status: 'done' as const }] };

  it('reports per area the goals, their fulfilment, risks, incidents and follow-up', () => {
    const r = buildAnnualReport(input, NOW, ZONE);
    expect(r.summary.total.current).toBe(7);
    expect(r.summary.goals).toBe(2);
    expect(r.summary.fulfilment).toEqual({ met: 1, partlyMet: 1, notMet: 0, ongoing: 0 });
    const [arbetsmiljo, brand] = r.areas;
    expect(arbetsmiljo.goals[0].outcome).toBe(3);
    expect(arbetsmiljo.total.current).toBe(6);
    // In time order: 1 Jan, 5 Jan, 1 Jun (critical), 1 Sep, 31 Dec.
    expect(arbetsmiljo.seriousEvents.map((e) => e.severity)).toEqual(['serious', 'serious', 'critical', 'serious', 'serious']);
    expect(arbetsmiljo.analyses).toEqual([{ title: 'R', text: 'Larmknappen saknades.' }]);
    expect(arbetsmiljo.completedActions.map((a) => a.title)).toEqual(['Larmknapp installerad']);
    expect(arbetsmiljo.followUps).toEqual([{ title: 'Färre hot', text: 'Utbildning genomförd.' }]);
    expect(brand.riskCount).toBe(1);
  });

  it('lists at most 25 serious events per area, the most severe first, and counts the rest', async () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      report({ areaId: 1, severity: i % 8 === 0 ? 'critical' : 'serious', title: `Händelse ${i}`, occurredAt: new Date(Date.UTC(2026, 0, 1 + i, 9)) })
    );
    const r = buildAnnualReport({ ...input, facts: many, analyses: new Map(many.map((f) => [f.id, `Analys ${f.title}`])) }, NOW, ZONE);
    const [arbetsmiljo] = r.areas;
    expect(arbetsmiljo.seriousCount).toBe(40);
    expect(arbetsmiljo.seriousEvents).toHaveLength(25);
    expect(arbetsmiljo.seriousNotListed).toBe(15);
    // All 5 critical ones are listed; the rest are the latest serious ones; shown in date order.
    expect(arbetsmiljo.seriousEvents.filter((e) => e.severity === 'critical')).toHaveLength(5);
    const times = arbetsmiljo.seriousEvents.map((e) => e.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(arbetsmiljo.seriousEvents.some((e) => e.title === 'Händelse 39')).toBe(true);
    expect(arbetsmiljo.seriousEvents.some((e) => e.title === 'Händelse 1')).toBe(false);
    expect(arbetsmiljo.analyses).toHaveLength(25);
    expect(arbetsmiljo.analysesNotListed).toBe(15);
    const xml = await (await JSZip.loadAsync(await Packer.toBuffer(annualReportDocument(r, sv, 'sv-SE', ZONE)))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Ytterligare 15 allvarliga händelser finns i listan Händelser.');
  });

  it('keeps the line breaks of the owners\' texts in the Word document', async () => {
    const withLines = { ...input, goals: [{ ...goals[0], followUp: 'Rad 1\nRad 2\n\nStycke 2' }, goals[1]], analyses: new Map([[facts[2].id, 'Orsak:\r\nLarmknappen saknades.']]) };
    const r = buildAnnualReport(withLines, NOW, ZONE);
    const xml = await (await JSZip.loadAsync(await Packer.toBuffer(annualReportDocument(r, sv, 'sv-SE', ZONE)))).file('word/document.xml')!.async('string');
    // Each line its own run; a line break (w:br) before every line after the first: one for the
    // line, two for the blank line between the paragraphs – not one run "Rad 1 Rad 2 Stycke 2".
    const paragraph = xml.split('<w:p>').find((p) => p.includes('Rad 1'))!;
    const runs = [...paragraph.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => (m[1].includes('<w:br/>') ? '⏎' : '') + m[1].replace(/<[^>]+>/g, ''));
    expect(runs).toEqual(['Färre hot: ', 'Rad 1', '⏎Rad 2', '⏎', '⏎Stycke 2']);
    const analysis = xml.split('<w:p>').find((p) => p.includes('Orsak:'))!;
    expect(analysis.match(/<w:br\/>/g)).toHaveLength(1);
  });

  it('tells a change on small numbers as counts, and as per cent from 20 the year before', () => {
    // comparesAsCounts: 1–19 the year before. (35 − 9) / 9 would read "288,9 % fler".
    expect(trendText(sv, { current: 35, previous: 9 }, 'sv-SE')).toBe('35 mot 9');
    expect(trendText(sv, { current: 5, previous: 19 }, 'sv-SE')).toBe('5 mot 19');
    expect(trendText(en, { current: 1, previous: 2 }, 'en-US')).toBe('1 against 2');
    // 20 the year before: (30 − 20) / 20 = 50 % more; (10 − 20) / 20 = 50 % fewer.
    expect(trendText(sv, { current: 30, previous: 20 }, 'sv-SE')).toMatch(/^50\s%\sfler$/);
    expect(trendText(sv, { current: 10, previous: 20 }, 'sv-SE')).toMatch(/^50\s%\sfärre$/);
    // No change, and nothing the year before, as before.
    expect(trendText(sv, { current: 3, previous: 3 }, 'sv-SE')).toBe('lika många');
    expect(trendText(sv, { current: 3, previous: 0 }, 'sv-SE')).toBe('inget att jämföra med');
  });

  it('says how the year compares with the year before in words that read right, with and without a year before', () => {
    // Hand-counted from ROWS: 7 reports in 2026 and 2 in 2025 – too few for a percentage ("250 % fler"):
    // the count of the year before. 5 serious in 2026. Goals: 2, of them 1 met, 1 partly met, none not met.
    const withPrevious = summaryText(sv, buildAnnualReport(input, NOW, ZONE), 'sv-SE');
    expect(withPrevious).toBe(
      'Under 2026 rapporterades 7 brister, händelser och incidenter inom regionens säkerhetsområden, mot 2 under 2025. 5 av dem var allvarliga. Av årets 2 mål är 1 uppfyllt, 1 delvis uppfyllt och 0 inte uppfyllda; 0 följs fortfarande upp.'
    );
    expect(summaryText(en, buildAnnualReport(input, NOW, ZONE), 'en-US')).toBe(
      "In 2026, 7 deficiencies, events and incidents were reported in the region's security areas, against 2 in 2025. 5 of them were serious. Of the year's 2 goals, 1 is met, 1 partly met and 0 not met; 0 are still being followed up."
    );
    // Without the 2025 reports there is nothing to compare with – said once, not "… jämfört med 2025".
    const only2026 = { ...input, facts: input.facts.filter((f) => f.occurredAt.getTime() >= Date.UTC(2025, 11, 31, 23)) };
    const alone = summaryText(sv, buildAnnualReport(only2026, NOW, ZONE), 'sv-SE');
    expect(alone).toMatch(/^Under 2026 rapporterades 7 brister, händelser och incidenter inom regionens säkerhetsområden, och inga under 2025 att jämföra med\. 5 av dem var allvarliga\. /);
    expect(alone).not.toContain('jämfört med');
    // One report, one serious: the singular words.
    const one = { ...input, facts: input.facts.filter((f) => f.occurredAt.getTime() >= Date.UTC(2025, 11, 31, 23) && f.severity === 'serious').slice(0, 1) };
    expect(summaryText(en, buildAnnualReport(one, NOW, ZONE), 'en-US')).toMatch(/^In 2026, 1 deficiency, event or incident was reported in the region's security areas, and none in 2025 to compare with\. 1 of them was serious\. /);
  });

  it('makes the Word document a board paper: title page, contents, an area per page, page numbers, its language and the screen\'s columns', async () => {
    const r = buildAnnualReport(input, NOW, ZONE);
    const zip = await JSZip.loadAsync(await Packer.toBuffer(annualReportDocument(r, sv, 'sv-SE', ZONE)));
    const read = (name: string): Promise<string> => zip.file(name)!.async('string');
    const xml = await read('word/document.xml');
    // Contents: the summary and each area, linked to a bookmark on its heading, with its page as a
    // PAGEREF field (LibreOffice computes it as it lays out; Word updates fields on opening).
    for (const name of ['summary', ...r.areas.map((a) => `area_${a.area.id}`)]) {
      expect(xml).toContain(`<w:hyperlink w:history="1" w:anchor="${name}">`);
      expect(xml).toContain(`<w:instrText xml:space="preserve">PAGEREF ${name}</w:instrText>`);
      expect(xml).toContain(`<w:bookmarkStart w:name="${name}" w:id=`);
    }
    expect(await read('word/settings.xml')).toContain('<w:updateFields/>');
    // The title page and the contents end in page breaks; each area starts a page.
    expect(xml.match(/<w:br w:type="page"\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(areas.length);
    // No header or page number on the title page; then the title on top and "Sida X av Y" below.
    expect(xml).toContain('<w:titlePg/>');
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map(read));
    expect(headers.some((h) => h.includes('Säkerhetsberättelse 2026'))).toBe(true);
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map(read));
    const pageOf = footers.find((f) => f.includes('PAGE'))!;
    expect(pageOf.replace(/<[^>]+>/g, '')).toMatch(/^Sida\s*PAGE\s*av\s*NUMPAGES\s*$/);
    // Swedish by default; the product wrote it, and modified it last.
    expect(await read('word/styles.xml')).toMatch(/<w:lang w:val="sv-SE"\/>/);
    const core = await read('docProps/core.xml');
    expect(core).toContain('<dc:creator>Säkerhet</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Säkerhet</cp:lastModifiedBy>');
    // The goal table has the screen's columns, Utgångsvärde too, in fixed widths that add up to the page's text width.
    const goalTable = xml.split('<w:tbl>').find((t) => t.includes('Utgångsvärde'))!;
    expect(goalTable).toContain('<w:tblLayout w:type="fixed"/>');
    const widths = [...goalTable.split('</w:tblGrid>')[0].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(6);
    // A4 (11,906 twips) less two 1-inch margins (1,440 each) = 9,026; each column rounded down.
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(9026 - 6);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9026);
    // English: its own words around the page fields, the English language.
    const english = await JSZip.loadAsync(await Packer.toBuffer(annualReportDocument(r, en, 'en-US', ZONE)));
    const enFooters = await Promise.all(Object.keys(english.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => english.file(f)!.async('string')));
    expect(enFooters.find((f) => f.includes('PAGE'))!.replace(/<[^>]+>/g, '')).toMatch(/^Page\s*PAGE\s*of\s*NUMPAGES\s*$/);
    expect(await english.file('word/styles.xml')!.async('string')).toMatch(/<w:lang w:val="en-US"\/>/);
  });

  it('writes a Word document with a heading per area and the numbers from the lists', async () => {
    const r = buildAnnualReport(input, NOW, ZONE);
    const buffer = await Packer.toBuffer(annualReportDocument(r, sv, 'sv-SE', ZONE));
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Säkerhetsberättelse 2026');
    expect(xml.match(/w:pStyle w:val="Heading1"/g)).toHaveLength(1 + areas.length);
    expect(text).toContain('Arbetsmiljö');
    expect(text).toContain('Brandsäkerhet');
    expect(text).toContain('Under 2026 rapporterades 7 brister, händelser och incidenter');
    expect(text).toContain('6 rapporter under året (2 året innan), varav 5 allvarliga.');
    expect(text).toContain('Larmknappen saknades.');
    expect(text).toContain('minst 90 %');
  });
});
