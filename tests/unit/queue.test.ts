/**
 * The work queue's rules: the filter in the address, the period on the site's calendar, search,
 * sort, deadlines, pages, what SharePoint is asked, and whose reports a person handles.
 */
import { parseRoute, routePath } from '../../src/app/routes';
import { DEFAULT_QUEUE_FILTER, IQueueFilter, IQueueRow, matchesQueue, parseQueueQuery, pendingDeadline, queuePage, queueQuery, sortQueue } from '../../src/model/queue';
import { handledAreas, ownsArea, scopeCondition } from '../../src/model/scope';
import { queueODataFilter } from '../../src/services/queueFilter';

const ZONE = 'Europe/Stockholm';
/** Fixed, never the machine's clock. */
const NOW = new Date('2026-03-10T10:00:00Z');

function row(id: number, over: Partial<IQueueRow> = {}): IQueueRow {
  return {
    id,
    reportId: `0000000${id}-aaaa-4000-8000-000000000000`,
    areaId: 1,
    title: `Rapport ${id}`,
    eventType: 'nearMiss',
    severity: 'low',
    status: 'new',
    category: '',
    occurredAt: new Date('2026-03-01T08:00:00Z'),
    created: new Date('2026-03-01T09:00:00Z'),
    modified: new Date('2026-03-01T09:00:00Z'),
    location: 'Avd 12',
    anonymous: false,
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: false,
    ...over
  };
}

const f = (over: Partial<IQueueFilter> = {}): IQueueFilter => ({ ...DEFAULT_QUEUE_FILTER, ...over });

describe('the filter in the address', () => {
  it('writes only what differs from the default, and reads it back the same', () => {
    expect(queueQuery({})).toBe('');
    const filter = f({ area: 'patientsakerhet', status: 'all', severity: 'atLeastSerious', eventType: 'accident', authority: 'lexMaria', from: '2026-01-01', to: '2026-12-31', newSince: true, text: 'fall i trappa', sort: 'severity', page: 3 });
    const query = queueQuery(filter);
    expect(query).toBe('area=patientsakerhet&status=all&severity=atLeastSerious&type=accident&authority=lexMaria&from=2026-01-01&to=2026-12-31&new=1&q=fall+i+trappa&sort=severity&page=3');
    expect(parseQueueQuery(query)).toEqual(filter);
  });

  it('is a place of the app: #/att-hantera with its filter, shareable and parsed back', () => {
    const route = parseRoute('#/att-hantera?status=closed&page=2');
    expect(route).toEqual({ name: 'queue', filter: f({ status: 'closed', page: 2 }) });
    expect(routePath(route!)).toBe('att-hantera?status=closed&page=2');
    expect(parseRoute('#/att-hantera')).toEqual({ name: 'queue', filter: DEFAULT_QUEUE_FILTER });
    expect(routePath({ name: 'queue' })).toBe('att-hantera');
  });

  it('takes the default for what it cannot read, and never passes odd text on as a key', () => {
    expect(parseQueueQuery('status=deleted&severity=%27&type=bomb&from=2026-02-30&area=Patient%20s%C3%A4kerhet&page=-1&sort=x')).toEqual(DEFAULT_QUEUE_FILTER);
    expect(parseQueueQuery(`q=${'a'.repeat(500)}`).text).toHaveLength(100);
  });
});

describe('the period, on the site\'s calendar (Stockholm, UTC+1 in winter, UTC+2 in summer)', () => {
  const filter = f({ from: '2026-03-01', to: '2026-03-31', status: 'all' });
  it.each([
    // Hand-computed: 1 March 00:00 in Stockholm is 28 Feb 23:00 UTC; 1 April 00:00 (summer time since 29 March) is 31 March 22:00 UTC.
    ['2026-02-28T22:59:59Z', false],
    ['2026-02-28T23:00:00Z', true],
    ['2026-03-31T21:59:59Z', true],
    ['2026-03-31T22:00:00Z', false]
  ])('an event at %s is in March: %s', (at, inside) => {
    expect(matchesQueue(row(1, { occurredAt: new Date(at) }), filter, ZONE)).toBe(inside);
  });
});

describe('filters and search', () => {
  it('open means every status but Avslutad; at least serious means Allvarlig or Mycket allvarlig', () => {
    expect(matchesQueue(row(1, { status: 'actionsOngoing' }), f(), ZONE)).toBe(true);
    expect(matchesQueue(row(1, { status: 'closed' }), f(), ZONE)).toBe(false);
    expect(matchesQueue(row(1, { status: 'closed' }), f({ status: 'all' }), ZONE)).toBe(true);
    expect(matchesQueue(row(1, { severity: 'critical' }), f({ severity: 'atLeastSerious' }), ZONE)).toBe(true);
    expect(matchesQueue(row(1, { severity: 'moderate' }), f({ severity: 'atLeastSerious' }), ZONE)).toBe(false);
    // One severity means that one: the lägesbild's bar for Allvarlig counts Allvarlig alone.
    expect(matchesQueue(row(1, { severity: 'critical' }), f({ severity: 'serious' }), ZONE)).toBe(false);
  });

  it('authority flags: any, or one', () => {
    expect(matchesQueue(row(1, { policeReport: true }), f({ authority: 'any' }), ZONE)).toBe(true);
    expect(matchesQueue(row(1), f({ authority: 'any' }), ZONE)).toBe(false);
    expect(matchesQueue(row(1, { policeReport: true }), f({ authority: 'lexMaria' }), ZONE)).toBe(false);
  });

  it('new since the previous visit: stored after it', () => {
    const since = new Date('2026-03-01T09:00:00Z');
    expect(matchesQueue(row(1, { created: since }), f({ newSince: true }), ZONE, undefined, since)).toBe(false);
    expect(matchesQueue(row(1, { created: new Date(since.getTime() + 1000) }), f({ newSince: true }), ZONE, undefined, since)).toBe(true);
  });

  it('searches title, place and category without case or accents, or finds a report by its number', () => {
    const r = row(42, { title: 'Halkolycka vid entrén', location: 'Hus 5', category: 'Fall' });
    expect(matchesQueue(r, f({ text: 'ENTREN hus' }), ZONE)).toBe(true);
    expect(matchesQueue(r, f({ text: 'entrén trappa' }), ZONE)).toBe(false);
    expect(matchesQueue(r, f({ text: '42' }), ZONE)).toBe(true);
    expect(matchesQueue(r, f({ text: '#42' }), ZONE)).toBe(true);
    expect(matchesQueue(r, f({ text: '43' }), ZONE)).toBe(false);
    expect(matchesQueue(r, f({ text: r.reportId.slice(0, 8).toUpperCase() }), ZONE)).toBe(true);
  });
});

describe('deadlines and sort', () => {
  it('waits for the earliest deadline of an open, unreported report, counted in calendar days', () => {
    // Occurred 1 March in Stockholm: AML 3:3a by 2 March, police by 8 March, lex Maria by 1 May.
    const r = row(1, { lexMaria: true, policeReport: true, occurredAt: new Date('2026-03-01T08:00:00Z') });
    expect(pendingDeadline(r, NOW, ZONE)).toEqual({ authority: 'policeReport', due: '2026-03-08', daysLeft: -2 });
    expect(pendingDeadline({ ...r, policeReport: false }, NOW, ZONE)).toEqual({ authority: 'lexMaria', due: '2026-05-01', daysLeft: 52 });
    expect(pendingDeadline({ ...r, authorityReportedAt: NOW }, NOW, ZONE)).toBeUndefined();
    expect(pendingDeadline({ ...r, status: 'closed' }, NOW, ZONE)).toBeUndefined();
  });

  it('sorts by deadline, severity, occurred and last changed', () => {
    const rows = [
      row(1, { severity: 'low', occurredAt: new Date('2026-03-05T10:00:00Z'), modified: new Date('2026-03-09T10:00:00Z') }),
      row(2, { severity: 'critical', occurredAt: new Date('2026-03-03T10:00:00Z'), modified: new Date('2026-03-04T10:00:00Z') }),
      row(3, { severity: 'moderate', lexMaria: true, occurredAt: new Date('2026-03-01T10:00:00Z'), modified: new Date('2026-03-02T10:00:00Z') }),
      row(4, { severity: 'critical', workEnvironmentReport: true, occurredAt: new Date('2026-03-08T10:00:00Z'), modified: new Date('2026-03-08T10:00:00Z') })
    ];
    const ids = (sort: IQueueFilter['sort']): number[] => sortQueue(rows, sort, NOW, ZONE).map((r) => r.id);
    // 4 is due 9 March, 3 on 1 May; then by severity.
    expect(ids('deadline')).toEqual([4, 3, 2, 1]);
    // The most serious first; among equals the oldest event.
    expect(ids('severity')).toEqual([2, 4, 3, 1]);
    expect(ids('occurred')).toEqual([4, 1, 2, 3]);
    expect(ids('modified')).toEqual([1, 4, 2, 3]);
  });
});

describe('pages', () => {
  const rows = Array.from({ length: 120 }, (_, i) => row(i + 1));
  it('gives a total and the page\'s rows, 50 a page', () => {
    const p = queuePage(rows, f({ sort: 'occurred', page: 3 }), NOW, ZONE);
    expect([p.total, p.pages, p.page, p.rows.length, p.all.length]).toEqual([120, 3, 3, 20, 120]);
    expect(p.rows[0].id).toBe(20);
  });
  it('shows the last page for a page past the end', () => {
    expect(queuePage(rows, f({ page: 9 }), NOW, ZONE).page).toBe(3);
    expect(queuePage([], f(), NOW, ZONE)).toMatchObject({ total: 0, pages: 1, page: 1, rows: [] });
  });
});

describe('what SharePoint is asked (inside each ID window)', () => {
  it('writes status, severity, type, flags, period and new-since as OData', () => {
    const since = new Date('2026-03-01T12:00:00Z');
    expect(queueODataFilter(f({ severity: 'atLeastSerious', eventType: 'accident', authority: 'any', from: '2026-03-01', to: '2026-03-31', newSince: true }), '(AreaId eq 3 or AreaId eq 5)', undefined, ZONE, since)).toBe(
      "(AreaId eq 3 or AreaId eq 5) and Status ne 'Avslutad' and (Severity eq 'Allvarlig' or Severity eq 'Mycket allvarlig') and EventType eq 'Olycka' and (LexMaria eq 1 or WorkEnvironmentReport eq 1 or PoliceReport eq 1) and OccurredAt ge datetime'2026-02-28T23:00:00.000Z' and OccurredAt lt datetime'2026-03-31T22:00:00.000Z' and Created gt datetime'2026-03-01T12:00:00.000Z'"
    );
    expect(queueODataFilter(f({ status: 'all' }), undefined, undefined, ZONE)).toBeUndefined();
    expect(queueODataFilter(f({ status: 'investigating', authority: 'policeReport' }), '(AreaId eq 3)', 3, ZONE)).toBe("AreaId eq 3 and Status eq 'Under utredning' and PoliceReport eq 1");
  });
});

describe('scope by area', () => {
  const areas = [
    { id: 1, owner: { id: 10, displayName: 'Karin' } },
    { id: 2, owner: { id: 11, displayName: 'Erik' }, deputy: { id: 12, displayName: 'Lars' } },
    { id: 3, owner: { id: 12, displayName: 'Lars' } },
    { id: 4 }
  ];
  const user = (id: number, over: Partial<{ canManageReports: boolean; handlesAllAreas: boolean }> = {}): { id: number; canManageReports: boolean; handlesAllAreas: boolean } => ({ id, canManageReports: true, handlesAllAreas: false, ...over });

  it('an owner handles the areas they own or are deputy of; the security chief all; staff none', () => {
    expect(ownsArea(areas[1], 12)).toBe(true);
    expect(handledAreas(user(11), areas).map((a) => a.id)).toEqual([2]);
    expect(handledAreas(user(12), areas).map((a) => a.id)).toEqual([2, 3]);
    expect(handledAreas(user(99), areas)).toEqual([]);
    expect(handledAreas(user(1, { handlesAllAreas: true }), areas).map((a) => a.id)).toEqual([1, 2, 3, 4]);
    // Named owner, but SharePoint does not let them handle reports: nothing.
    expect(handledAreas(user(10, { canManageReports: false }), areas)).toEqual([]);
  });

  it('asks SharePoint for the handled areas (and, where wanted, the user\'s own reports)', () => {
    expect(scopeCondition(user(12), areas)).toBe('(AreaId eq 2 or AreaId eq 3 or AuthorId eq 12)');
    expect(scopeCondition(user(12), areas, false)).toBe('(AreaId eq 2 or AreaId eq 3)');
    expect(scopeCondition(user(99), areas, false)).toBe('Id eq 0');
    expect(scopeCondition(user(1, { handlesAllAreas: true }), areas)).toBeUndefined();
    expect(scopeCondition(user(5, { canManageReports: false }), areas)).toBe('(AuthorId eq 5)');
  });
});
