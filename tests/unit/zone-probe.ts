/**
 * Run by tests/unit/calendar.test.ts in a child process per time zone (TZ=…), because a process's
 * zone is fixed when it starts: computes the product's dates for the site in Stockholm and prints
 * them with proof of the zone the process ran in.
 */
import { daysLeft, authorityDeadlines } from '../../src/model/caseRules';
import { dayIn, resolveWallClock, startOfDay, wallClockIn, yearIn } from '../../src/model/calendar';
import { formatDate } from '../../src/components/common/format';
import { computeSituation } from '../../src/analytics/situation';
import type { IReportFacts } from '../../src/analytics/indicators';

const SITE = 'Europe/Stockholm';

/** What the product computes; the same in every process zone, or it reads the browser's zone. */
export function probe(): Record<string, unknown> {
  const due = (occurredAt: string, flags: Partial<Record<'lexMaria' | 'workEnvironmentReport' | 'policeReport', boolean>>): string[] =>
    authorityDeadlines({ occurredAt: new Date(occurredAt), lexMaria: false, workEnvironmentReport: false, policeReport: false, ...flags }, SITE).map((d) => d.due);
  const clock = (date: string, time: string): string => {
    const r = resolveWallClock(date, time, SITE);
    return r.kind === 'exact' || r.kind === 'skipped' ? `${r.kind} ${r.instant.toISOString()}` : r.kind === 'repeated' ? `repeated ${r.earlier.toISOString()} ${r.later.toISOString()}` : r.kind;
  };
  const fact = (occurredAt: string): IReportFacts => ({
    id: 1,
    areaId: 1,
    title: 'R',
    eventType: 'nearMiss',
    severity: 'low',
    status: 'new',
    category: '',
    occurredAt: new Date(occurredAt),
    created: new Date(occurredAt),
    lexMaria: true,
    workEnvironmentReport: false,
    policeReport: false
  });
  const newYear = computeSituation(2027, [fact('2026-12-31T22:59:00Z'), fact('2026-12-31T23:01:00Z')], [], new Date('2027-01-01T00:30:00Z'), SITE);
  return {
    amlDue: due('2026-03-28T22:30:00Z', { workEnvironmentReport: true }),
    policeDue: due('2026-03-25T22:30:00Z', { policeReport: true }),
    lexMariaDue: due('2026-02-28T23:30:00Z', { lexMaria: true }),
    lastDayToday: daysLeft('2026-11-30', new Date('2026-11-30T18:47:00Z'), SITE),
    dayBefore: daysLeft('2026-11-30', new Date('2026-11-29T11:00:00Z'), SITE),
    springGap: clock('2026-03-29', '02:30'),
    autumnTwice: clock('2026-10-25', '02:30'),
    midnightAfterSpring: startOfDay('2026-03-30', SITE).toISOString(),
    newYearDay: dayIn(new Date('2026-12-31T23:30:00Z'), SITE),
    newYearYear: yearIn(new Date('2026-12-31T23:30:00Z'), SITE),
    formNow: wallClockIn(new Date('2026-12-31T23:30:00Z'), SITE),
    shown: formatDate(new Date('2026-12-31T23:30:00Z'), 'sv-SE', SITE),
    // 31 December 23:59 and 1 January 00:01 in Stockholm: one report in 2026, one in 2027.
    newYearCounts: [newYear.total.current, newYear.total.previous, newYear.partial]
  };
}

if (require.main === module) {
  const january = new Date(2026, 0, 1).getTimezoneOffset();
  const july = new Date(2026, 6, 1).getTimezoneOffset();
  process.stdout.write(
    JSON.stringify({
      // Proof of the zone this process runs in.
      processZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      offsets: [january, july],
      localNewYear: new Date('2026-12-31T23:30:00Z').getFullYear(),
      result: probe()
    })
  );
}
