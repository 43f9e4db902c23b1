/**
 * The site's calendar (src/model/calendar.ts) and the deadlines counted on it
 * (src/model/caseRules.ts), against values computed by hand: every clock change in
 * Europe/Stockholm 2025–2030, every month end, New Year, and the failing examples of issue 10 –
 * in this process and in child processes running in other time zones.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';
import { tzScan } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  dayIn,
  daysBetween,
  inYear,
  monthIndexer,
  parseDay,
  resolveWallClock,
  sameMomentYearBefore,
  startOfDay,
  wallClockIn,
  yearIn,
  yearsInAnyZone,
  yearsSpanInAnyZone,
  yearStart
} from '../../src/model/calendar';
import { authorityDeadlines, daysLeft } from '../../src/model/caseRules';
import { probe } from './zone-probe';

const SITE = 'Europe/Stockholm';

/** Stockholm's clock changes, by hand: the last Sunday of March and of October, at 01:00 UTC. */
const SPRING = ['2025-03-30', '2026-03-29', '2027-03-28', '2028-03-26', '2029-03-25', '2030-03-31'];
const AUTUMN = ['2025-10-26', '2026-10-25', '2027-10-31', '2028-10-29', '2029-10-28', '2030-10-27'];

/** For an event at 23:30 on the evening before each change: the day before, +7 days, +2 months, by hand. */
const SPRING_EVE = [
  ['2025-03-29', '2025-04-05', '2025-05-29'],
  ['2026-03-28', '2026-04-04', '2026-05-28'],
  ['2027-03-27', '2027-04-03', '2027-05-27'],
  ['2028-03-25', '2028-04-01', '2028-05-25'],
  ['2029-03-24', '2029-03-31', '2029-05-24'],
  ['2030-03-30', '2030-04-06', '2030-05-30']
];
const AUTUMN_EVE = [
  ['2025-10-25', '2025-11-01', '2025-12-25'],
  ['2026-10-24', '2026-10-31', '2026-12-24'],
  ['2027-10-30', '2027-11-06', '2027-12-30'],
  ['2028-10-28', '2028-11-04', '2028-12-28'],
  ['2029-10-27', '2029-11-03', '2029-12-27'],
  ['2030-10-26', '2030-11-02', '2030-12-26']
];

describe('the zone data', () => {
  it('has exactly the clock changes 2025–2030 that Swedish law (EU summer time) sets', () => {
    const changes = tzScan(SITE, { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2031-01-01T00:00:00Z') });
    expect(changes.map((c) => [c.date.toISOString(), c.change])).toEqual(
      [...SPRING.map((d) => [`${d}T01:00:00.000Z`, 60]), ...AUTUMN.map((d) => [`${d}T01:00:00.000Z`, -60])].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    );
  });
});

describe.each(SPRING.map((day, i) => [day, ...SPRING_EVE[i]]))('spring forward on %s', (day, eve, plus7, plus2m) => {
  it('says 02:30 never happened, and where the clocks stood on either side', () => {
    expect(resolveWallClock(day, '02:30', SITE)).toEqual({ kind: 'skipped', instant: new Date(`${day}T01:30:00Z`) });
    expect(resolveWallClock(day, '02:00', SITE).kind).toBe('skipped');
    expect(resolveWallClock(day, '01:59', SITE)).toEqual({ kind: 'exact', instant: new Date(`${day}T00:59:00Z`) });
    expect(resolveWallClock(day, '03:00', SITE)).toEqual({ kind: 'exact', instant: new Date(`${day}T01:00:00Z`) });
  });

  it('starts the day and the next at their midnights (UTC+1, then UTC+2)', () => {
    expect(startOfDay(day, SITE).toISOString()).toBe(`${eve}T23:00:00.000Z`);
    expect(startOfDay(addDays(day, 1), SITE).toISOString()).toBe(`${day}T22:00:00.000Z`);
    expect(dayIn(new Date(`${day}T21:59:59Z`), SITE)).toBe(day);
    expect(dayIn(new Date(`${day}T22:00:00Z`), SITE)).toBe(addDays(day, 1));
  });

  it('counts deadlines for an event at 23:30 the evening before in calendar days, not 24-hour blocks', () => {
    const event = new Date(`${eve}T22:30:00Z`); // 23:30 UTC+1
    const [lexMaria, aml, police] = authorityDeadlines({ occurredAt: event, lexMaria: true, workEnvironmentReport: true, policeReport: true }, SITE);
    expect([lexMaria.due, aml.due, police.due]).toEqual([plus2m, day, plus7]);
    // At noon on the eve, the AML deadline (the change day, 23 hours long) is one day away.
    expect(daysLeft(aml.due, new Date(`${eve}T11:00:00Z`), SITE)).toBe(1);
    expect(daysLeft(aml.due, new Date(`${day}T21:59:00Z`), SITE)).toBe(0);
    expect(daysLeft(aml.due, new Date(`${day}T22:00:00Z`), SITE)).toBe(-1);
  });
});

describe.each(AUTUMN.map((day, i) => [day, ...AUTUMN_EVE[i]]))('fall back on %s', (day, eve, plus7, plus2m) => {
  it('says 02:30 happened twice, and gives both', () => {
    expect(resolveWallClock(day, '02:30', SITE)).toEqual({ kind: 'repeated', earlier: new Date(`${day}T00:30:00Z`), later: new Date(`${day}T01:30:00Z`) });
    expect(resolveWallClock(day, '01:59', SITE)).toEqual({ kind: 'exact', instant: new Date(`${eve}T23:59:00Z`) });
    expect(resolveWallClock(day, '03:00', SITE)).toEqual({ kind: 'exact', instant: new Date(`${day}T02:00:00Z`) });
  });

  it('starts the day and the next at their midnights (UTC+2, then UTC+1)', () => {
    expect(startOfDay(day, SITE).toISOString()).toBe(`${eve}T22:00:00.000Z`);
    expect(startOfDay(addDays(day, 1), SITE).toISOString()).toBe(`${day}T23:00:00.000Z`);
    expect(dayIn(new Date(`${day}T22:59:59Z`), SITE)).toBe(day);
  });

  it('counts deadlines for an event at 23:30 the evening before in calendar days', () => {
    const event = new Date(`${eve}T21:30:00Z`); // 23:30 UTC+2
    const [lexMaria, aml, police] = authorityDeadlines({ occurredAt: event, lexMaria: true, workEnvironmentReport: true, policeReport: true }, SITE);
    expect([lexMaria.due, aml.due, police.due]).toEqual([plus2m, day, plus7]);
    // The change day has 25 hours; at 23:30 on it the deadline is still today.
    expect(daysLeft(aml.due, new Date(`${day}T22:30:00Z`), SITE)).toBe(0);
  });
});

describe('month ends', () => {
  // Each month's last day of 2026; the day after; two months after (lex Maria), by hand.
  const table: [string, string, string][] = [
    ['2026-01-31', '2026-02-01', '2026-03-31'],
    ['2026-02-28', '2026-03-01', '2026-04-28'],
    ['2026-03-31', '2026-04-01', '2026-05-31'],
    ['2026-04-30', '2026-05-01', '2026-06-30'],
    ['2026-05-31', '2026-06-01', '2026-07-31'],
    ['2026-06-30', '2026-07-01', '2026-08-30'],
    ['2026-07-31', '2026-08-01', '2026-09-30'],
    ['2026-08-31', '2026-09-01', '2026-10-31'],
    ['2026-09-30', '2026-10-01', '2026-11-30'],
    ['2026-10-31', '2026-11-01', '2026-12-31'],
    ['2026-11-30', '2026-12-01', '2027-01-30'],
    ['2026-12-31', '2027-01-01', '2027-02-28']
  ];

  it.each(table)('%s: the next day is %s, two months later is %s', (last, next, twoMonths) => {
    expect(addDays(last, 1)).toBe(next);
    expect(addMonths(last, 2)).toBe(twoMonths);
    // An event at 23:30 on the month's last day, Stockholm time, has the same deadlines.
    const event = resolveWallClock(last, '23:30', SITE);
    expect(event.kind).toBe('exact');
    const instant = (event as { instant: Date }).instant;
    expect(authorityDeadlines({ occurredAt: instant, lexMaria: true, workEnvironmentReport: true, policeReport: false }, SITE).map((d) => d.due)).toEqual([twoMonths, next]);
  });

  it('takes two months after 31 December in a leap year to 29 February', () => {
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('New Year', () => {
  it('is at midnight in the site\'s zone, whatever the process\'s', () => {
    expect(yearStart(2027, SITE).toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(yearStart(2027, 'America/New_York').toISOString()).toBe('2027-01-01T05:00:00.000Z');
    expect(inYear(new Date('2026-12-31T22:59:59Z'), 2026, SITE)).toBe(true);
    expect(inYear(new Date('2026-12-31T23:00:00Z'), 2026, SITE)).toBe(false);
    expect(inYear(new Date('2026-12-31T23:00:00Z'), 2027, SITE)).toBe(true);
    expect(yearIn(new Date('2026-12-31T23:30:00Z'), SITE)).toBe(2027);
    expect(yearIn(new Date('2026-12-31T23:30:00Z'), 'America/Los_Angeles')).toBe(2026);
    expect(dayIn(new Date('2026-12-31T23:30:00Z'), SITE)).toBe('2027-01-01');
    expect(wallClockIn(new Date('2026-12-31T23:30:00Z'), SITE)).toEqual({ date: '2027-01-01', time: '00:30' });
  });

  it('counts the months of the site\'s year', () => {
    const month = monthIndexer(2027, SITE);
    expect(month(new Date('2026-12-31T22:59:59Z'))).toBeUndefined();
    expect(month(new Date('2026-12-31T23:00:00Z'))).toBe(0);
    expect(month(new Date('2027-03-31T21:59:59Z'))).toBe(2);
    expect(month(new Date('2027-03-31T22:00:00Z'))).toBe(3);
    expect(month(new Date('2027-12-31T22:59:59Z'))).toBe(11);
    expect(month(new Date('2027-12-31T23:00:00Z'))).toBeUndefined();
  });

  it('compares with the same moment a year before (29 February becomes 28 February)', () => {
    expect(sameMomentYearBefore(new Date('2028-02-29T11:00:00Z'), SITE).toISOString()).toBe('2027-02-28T11:00:00.000Z');
    // 1 July 12:00 summer time → 1 July 12:00 summer time a year before.
    expect(sameMomentYearBefore(new Date('2026-07-01T10:00:00Z'), SITE).toISOString()).toBe('2025-07-01T10:00:00.000Z');
  });

  it('asks, before the site\'s zone is known, for what covers the year in every zone', () => {
    expect(yearsInAnyZone(new Date('2026-06-01T00:00:00Z'))).toEqual({ first: 2026, last: 2026 });
    // 20:00 UTC on 31 December is already 2027 in Kiritimati (UTC+14).
    expect(yearsInAnyZone(new Date('2026-12-31T20:00:00Z'))).toEqual({ first: 2026, last: 2027 });
    expect(yearsInAnyZone(new Date('2027-01-01T06:00:00Z'))).toEqual({ first: 2026, last: 2027 });
    const span = yearsSpanInAnyZone(2026, 2026);
    expect(span.start.toISOString()).toBe('2025-12-31T10:00:00.000Z');
    expect(span.end.toISOString()).toBe('2027-01-01T12:00:00.000Z');
    for (const zone of ['Pacific/Kiritimati', 'Etc/GMT+12', SITE, 'America/Los_Angeles', 'Asia/Kolkata']) {
      expect(yearStart(2026, zone).getTime()).toBeGreaterThanOrEqual(span.start.getTime());
      expect(yearStart(2027, zone).getTime()).toBeLessThanOrEqual(span.end.getTime());
    }
  });
});

describe('calendar days', () => {
  it('refuses what is not a day or a time', () => {
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('2026-13-01')).toBeUndefined();
    expect(parseDay('igår')).toBeUndefined();
    expect(resolveWallClock('2026-01-01', '24:00', SITE)).toEqual({ kind: 'invalid' });
    expect(resolveWallClock('2026-02-29', '10:00', SITE)).toEqual({ kind: 'invalid' });
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('turns a wall-clock time into the right instant in winter and summer', () => {
    expect(resolveWallClock('2026-01-15', '08:00', SITE)).toEqual({ kind: 'exact', instant: new Date('2026-01-15T07:00:00Z') });
    expect(resolveWallClock('2026-07-15', '08:00', SITE)).toEqual({ kind: 'exact', instant: new Date('2026-07-15T06:00:00Z') });
  });

  it('starts a day whose midnight never happened at the moment after the jump (Havana: 00:00 → 01:00)', () => {
    // Cuba's summer time starts at midnight on the second Sunday of March: 8 March 2026.
    expect(resolveWallClock('2026-03-08', '00:30', 'America/Havana').kind).toBe('skipped');
    expect(startOfDay('2026-03-08', 'America/Havana').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
});

describe('the failing examples of issue 10 (Stockholm wall clock)', () => {
  const due = (occurredAt: string, flag: 'lexMaria' | 'workEnvironmentReport' | 'policeReport'): string =>
    authorityDeadlines({ occurredAt: new Date(occurredAt), lexMaria: flag === 'lexMaria', workEnvironmentReport: flag === 'workEnvironmentReport', policeReport: flag === 'policeReport' }, SITE)[0].due;

  it('AML 3:3a event 2026-03-28 23:30 is due 29 March (was shown 30 March)', () => {
    expect(due('2026-03-28T22:30:00Z', 'workEnvironmentReport')).toBe('2026-03-29');
  });

  it('police report event 2026-03-25 23:30 is due 1 April (was shown 2 April)', () => {
    expect(due('2026-03-25T22:30:00Z', 'policeReport')).toBe('2026-04-01');
  });

  it('lex Maria event 2026-03-01 00:30 is due 1 May (was shown 29 April)', () => {
    expect(due('2026-02-28T23:30:00Z', 'lexMaria')).toBe('2026-05-01');
  });

  it('lex Maria event 2026-09-30 10:00: "last day today" on 30 November at 19:47, "1 day left" the day before at 12:00', () => {
    const d = due('2026-09-30T08:00:00Z', 'lexMaria');
    expect(d).toBe('2026-11-30');
    expect(daysLeft(d, new Date('2026-11-30T18:47:00Z'), SITE)).toBe(0);
    expect(daysLeft(d, new Date('2026-11-29T11:00:00Z'), SITE)).toBe(1);
    expect(daysLeft(d, new Date('2026-11-30T23:00:00Z'), SITE)).toBe(-1);
  });
});

describe('in other process zones (child processes with TZ set)', () => {
  // What every process must compute for the site in Stockholm, by hand.
  const EXPECTED = {
    amlDue: ['2026-03-29'],
    policeDue: ['2026-04-01'],
    lexMariaDue: ['2026-05-01'],
    lastDayToday: 0,
    dayBefore: 1,
    springGap: 'skipped 2026-03-29T01:30:00.000Z',
    autumnTwice: 'repeated 2026-10-25T00:30:00.000Z 2026-10-25T01:30:00.000Z',
    midnightAfterSpring: '2026-03-29T22:00:00.000Z',
    newYearDay: '2027-01-01',
    newYearYear: 2027,
    formNow: { date: '2027-01-01', time: '00:30' },
    shown: '1 jan. 2027',
    newYearCounts: [1, 0, true]
  };

  it('computes the same in this process', () => {
    expect(probe()).toEqual(EXPECTED);
  });

  // The zone each runs in, its January and July offsets (Date#getTimezoneOffset, minutes west) and
  // the year 2026-12-31T23:30Z falls in there: proof that TZ took effect.
  const zones: [string, number[], number][] = [
    ['UTC', [0, 0], 2026],
    ['America/Los_Angeles', [480, 420], 2026],
    ['Pacific/Pago_Pago', [660, 660], 2026],
    ['Asia/Tokyo', [-540, -540], 2027],
    ['Pacific/Kiritimati', [-840, -840], 2027],
    ['Europe/Stockholm', [-60, -120], 2027]
  ];

  it.each(zones)('computes the same with TZ=%s', (zone, offsets, localNewYear) => {
    const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const out = execFileSync(tsx, [join(__dirname, 'zone-probe.ts')], { env: { ...process.env, TZ: zone }, encoding: 'utf8', timeout: 60000 });
    const child = JSON.parse(out) as { processZone: string; offsets: number[]; localNewYear: number; result: unknown };
    expect(child.processZone).toBe(zone);
    expect(child.offsets).toEqual(offsets);
    expect(child.localNewYear).toBe(localNewYear);
    expect(child.result).toEqual(EXPECTED);
  }, 60000);
});
