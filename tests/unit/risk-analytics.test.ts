import { byLevel, heatMap, isDueForReview, isLate, riskYear, scoreFor } from '../../src/analytics/risks';
import { startOfDay } from '../../src/model/calendar';
import type { IAction, IRisk, IRiskAssessment } from '../../src/model/types';

/** Stockholm, the sample site's zone: days are its calendar days, never 24-hour steps. */
const ZONE = 'Europe/Stockholm';
const day = (d: string): Date => startOfDay(d, ZONE);

function risk(id: number, extra: Partial<IRisk> = {}): IRisk {
  return { id, etag: '"1"', areaId: 1, title: `Risk ${id}`, threat: '', harm: '', location: '', controls: '', status: 'assessed', ...extra };
}

function assessment(riskId: number, at: string, likelihood: 1 | 2 | 3 | 4, consequence: 1 | 2 | 3 | 4, status: 'draft' | 'approved' = 'approved'): IRiskAssessment {
  return { id: riskId * 100 + Number(at.slice(0, 4)), etag: '"1"', riskId, title: at, assessedAt: day(at), status, scores: { before: { likelihood, consequence } }, motivation: '' };
}

describe('risks due for review (site calendar)', () => {
  // Next review 20 Nov 2026 (stored as midnight Stockholm, 19 Nov 23:00 UTC).
  const r = risk(1, { nextReview: day('2026-11-20'), scores: { before: { likelihood: 2, consequence: 2 } } });
  it.each([
    ['2026-11-19T22:59:59Z', false], // 19 Nov 23:59:59 in Stockholm: the day before
    ['2026-11-19T23:00:00Z', true], // 20 Nov 00:00 in Stockholm: the day itself
    ['2026-11-20T22:59:59Z', true], // still 20 Nov
    ['2027-03-01T10:00:00Z', true] // long overdue
  ])('at %s: %s', (now, due) => {
    expect(isDueForReview(r, new Date(now), ZONE)).toBe(due);
  });
  it('never for a closed risk; always for an assessed one without a date; not for one never assessed', () => {
    expect(isDueForReview({ ...r, status: 'closed' }, new Date('2027-03-01T10:00:00Z'), ZONE)).toBe(false);
    expect(isDueForReview({ ...r, nextReview: undefined }, new Date('2026-01-01T10:00:00Z'), ZONE)).toBe(true);
    expect(isDueForReview(risk(2), new Date('2026-01-01T10:00:00Z'), ZONE)).toBe(false);
  });
});

describe('late risk measures', () => {
  const a: IAction = { id: 1, etag: '"1"', incidentId: 0, riskId: 1, title: 'x', dueDate: day('2026-11-20'), status: 'ongoing' };
  it.each([
    ['2026-11-20T22:59:59Z', false], // the last day itself is not late
    ['2026-11-20T23:00:00Z', true], // 21 Nov in Stockholm
  ])('at %s: %s', (now, late) => {
    expect(isLate(a, new Date(now), ZONE)).toBe(late);
  });
  it('is never late when done', () => {
    expect(isLate({ ...a, status: 'done' }, new Date('2027-01-01T12:00:00Z'), ZONE)).toBe(false);
  });
});

describe('heat map counts', () => {
  const risks = [
    risk(1, { scores: { before: { likelihood: 3, consequence: 4 }, after: { likelihood: 1, consequence: 4 } } }),
    risk(2, { scores: { before: { likelihood: 3, consequence: 4 } } }),
    risk(3, { status: 'closed', scores: { before: { likelihood: 4, consequence: 4 } } }),
    risk(4)
  ];
  it('before measures: two risks in Stor × Katastrofal, the closed and the unassessed ones left out', () => {
    const m = heatMap(risks, 'before');
    expect(m[2][3]).toBe(2);
    expect(m.flat().reduce((x, y) => x + y, 0)).toBe(2);
  });
  it('after measures: the residual score, or the score before where no residual was assessed', () => {
    const m = heatMap(risks, 'after');
    expect([m[0][3], m[2][3]]).toEqual([1, 1]);
    expect(scoreFor(risks[3], 'after')).toBeUndefined();
  });
  it('orders by level, then value, unassessed last', () => {
    expect(byLevel([risk(4), risks[1], risk(5, { scores: { before: { likelihood: 2, consequence: 3 } } }), risk(6, { scores: { before: { likelihood: 4, consequence: 4 } } })]).map((r) => r.id)).toEqual([6, 2, 5, 4]);
  });
});

describe("a year's risk analyses (säkerhetsberättelse)", () => {
  const risks = [risk(1), risk(2), risk(3), risk(4), risk(5)];
  const history = [
    assessment(1, '2025-03-01', 2, 2), // Måttlig (4)
    assessment(1, '2026-03-01', 3, 3), // Mycket hög (9): higher
    assessment(2, '2025-05-01', 3, 3), // Mycket hög
    assessment(2, '2026-06-01', 2, 2), // Måttlig: lower
    assessment(3, '2026-02-01', 1, 2), // Låg: new this year
    assessment(3, '2026-09-01', 4, 4, 'draft'), // a draft never counts
    assessment(4, '2025-12-31', 4, 4), // last year only: not in 2026
    assessment(5, '2026-01-01', 1, 1) // midnight in Stockholm is 31 Dec 2025 23:00 UTC: still 2026 on the site's calendar
  ];
  it('lists the risks assessed in the year, highest first, with their change against last year', () => {
    const year = riskYear(risks, history, 2026, ZONE);
    expect(year.map((y) => [y.risk.id, y.change, y.previousLevel])).toEqual([
      [1, 'higher', 'medium'],
      [2, 'lower', 'veryHigh'],
      [3, 'new', undefined],
      [5, 'new', undefined]
    ]);
  });
  it('counts an assessment by its day in the site zone (1 January 2026 in Stockholm is not 2025)', () => {
    // 2025: risk 4 (4 × 4 = 16) and 2 (3 × 3 = 9) Mycket hög, 16 first; risk 1 Måttlig (4); all new.
    expect(riskYear(risks, history, 2025, ZONE).map((y) => [y.risk.id, y.change])).toEqual([[4, 'new'], [2, 'new'], [1, 'new']]);
  });
});
