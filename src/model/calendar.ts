/**
 * The site's calendar: days, months and years as they fall in the SharePoint site's time zone (an
 * IANA zone, see sharePointTimeZones.ts), whatever zone the browser or the server runs in.
 *
 * SharePoint stores a date-only value as midnight of that day in the site's time zone, and the
 * region's deadlines are counted in calendar days there. So every "today", "this year", deadline,
 * period and date-only value goes through this module – never through 24-hour arithmetic or the
 * browser's own zone (`getFullYear`, `setDate` on a plain Date).
 *
 * Instants are Dates. Calendar days are ISO strings, `CalendarDay` ('yyyy-mm-dd'), without a time
 * or a zone. A zone's offset at an instant comes from @date-fns/tz's `tzOffset`, which reads the
 * browser's own Intl time zone data (the tz database the browser ships), so no zone data is bundled;
 * the wall clock is the instant plus that offset. Its TZDate class is not used: it subclasses Date,
 * so where Date is replaced (Playwright's clock, some test runners and polyfills) its getters fall
 * back to the browser's zone, and its setters go through the browser's zone anyway – in a browser
 * at UTC+14 it gave the browser's day (tests/e2e/dates.test.ts). Arithmetic on calendar days needs no
 * zone at all: it counts days of the Gregorian calendar (Date.UTC day numbers, no clock changes).
 */
import { tzOffset } from '@date-fns/tz';

/** A day of the calendar, 'yyyy-mm-dd', with no time and no zone. */
export type CalendarDay = string;

/** An IANA time zone name, e.g. 'Europe/Stockholm'. */
export type TimeZone = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;
/** Instants (not calendar days) either side of a wall-clock time, to find the offsets around it. */
const SEARCH_MS = 48 * 3600 * 1000;
/** One calendar day as a difference of Date.UTC day numbers (UTC has no clock changes). */
const UTC_DAY_MS = 86400000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dayString(year: number, month: number, day: number): CalendarDay {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The parts of a day; undefined unless it is a real day ('2026-02-30' is not). */
export function parseDay(text: string): { year: number; month: number; day: number } | undefined {
  const m = DAY_PATTERN.exec(text);
  if (!m) {
    return undefined;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day ? { year, month, day } : undefined;
}

/** The day's number: milliseconds of its start in UTC (a calendar count, not a moment anywhere). */
function dayNumber(day: CalendarDay): number {
  const d = parseDay(day);
  if (!d) {
    throw new RangeError(`Not a calendar day: ${day}`);
  }
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromDayNumber(t: number): CalendarDay {
  const d = new Date(t);
  return dayString(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The wall clock of an instant in a zone, as a Date whose UTC fields are that wall clock. */
function wall(instant: Date, zone: TimeZone): Date {
  return new Date(instant.getTime() + Math.round(tzOffset(zone, instant) * 60) * 1000);
}

/** The calendar day an instant falls on in a zone. */
export function dayIn(instant: Date, zone: TimeZone): CalendarDay {
  return fromDayNumber(wall(instant, zone).getTime());
}

/** The wall-clock date and time (24-hour 'HH:mm') of an instant in a zone. */
export function wallClockIn(instant: Date, zone: TimeZone): { date: CalendarDay; time: string } {
  const w = wall(instant, zone);
  return { date: fromDayNumber(w.getTime()), time: `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}` };
}

/** The year an instant falls in, in a zone. */
export function yearIn(instant: Date, zone: TimeZone): number {
  return wall(instant, zone).getUTCFullYear();
}

/** The day `days` calendar days after (or before, when negative) another. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromDayNumber(dayNumber(day) + days * UTC_DAY_MS);
}

/** The day `months` calendar months after another; the 31st becomes the last day of a shorter month. */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const d = parseDay(fromDayNumber(dayNumber(day)))!;
  const month = d.month - 1 + months;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(d.year, month + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(d.year, month, Math.min(d.day, last)));
}

/** Calendar days from one day to another: 0 on the same day, negative when `to` is earlier. */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((dayNumber(to) - dayNumber(from)) / UTC_DAY_MS);
}

/** A wall-clock date and time in a zone, as the instant it names – or why it names none or two. */
export type WallClock =
  | { kind: 'exact'; instant: Date }
  /** The clocks jumped over this time (spring forward); `instant` is the same reading after the jump. */
  | { kind: 'skipped'; instant: Date }
  /** The clocks showed this time twice (fall back): first in the earlier offset, then in the later. */
  | { kind: 'repeated'; earlier: Date; later: Date }
  | { kind: 'invalid' };

/**
 * The instant a wall-clock date ('yyyy-mm-dd') and time ('HH:mm') name in a zone. Clock changes are
 * found from the zone's offsets a day either side, so a time that never happened or happened twice
 * is reported as such (a caller decides; nothing is moved silently).
 */
export function resolveWallClock(date: string, time: string, zone: TimeZone): WallClock {
  const d = parseDay(date);
  const t = TIME_PATTERN.exec(time);
  if (!d || !t || Number(t[1]) > 23 || Number(t[2]) > 59) {
    return { kind: 'invalid' };
  }
  // The reading as if it were UTC; the instant is that minus the zone's offset at the instant.
  const asUtc = Date.UTC(d.year, d.month - 1, d.day, Number(t[1]), Number(t[2]));
  const before = tzOffset(zone, new Date(asUtc - SEARCH_MS));
  const after = tzOffset(zone, new Date(asUtc + SEARCH_MS));
  const matches = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60000)
    .filter((instant) => tzOffset(zone, new Date(instant)) * 60000 === asUtc - instant)
    .sort((a, b) => a - b);
  if (matches.length === 1) {
    return { kind: 'exact', instant: new Date(matches[0]) };
  }
  if (matches.length > 1) {
    return { kind: 'repeated', earlier: new Date(matches[0]), later: new Date(matches[matches.length - 1]) };
  }
  return { kind: 'skipped', instant: new Date(asUtc - before * 60000) };
}

/**
 * The first instant of a day in a zone: midnight, as SharePoint stores a date-only value (or, where
 * the clocks jump over midnight, the moment after the jump).
 */
export function startOfDay(day: CalendarDay, zone: TimeZone): Date {
  const r = resolveWallClock(day, '00:00', zone);
  switch (r.kind) {
    case 'exact':
    case 'skipped':
      return r.instant;
    case 'repeated':
      return r.earlier;
    case 'invalid':
      throw new RangeError(`Not a calendar day: ${day}`);
  }
}

const yearStarts = new Map<string, number>();

/** 1 January 00:00 of a year in a zone, as an instant (remembered: the lägesbild asks per report). */
export function yearStart(year: number, zone: TimeZone): Date {
  const key = `${zone}|${year}`;
  let t = yearStarts.get(key);
  if (t === undefined) {
    t = startOfDay(dayString(year, 1, 1), zone).getTime();
    yearStarts.set(key, t);
  }
  return new Date(t);
}

/** Whether an instant falls in a year of the zone's calendar. */
export function inYear(instant: Date, year: number, zone: TimeZone): boolean {
  const t = instant.getTime();
  return t >= yearStart(year, zone).getTime() && t < yearStart(year + 1, zone).getTime();
}

/**
 * For counting many instants by month: the month (0–11) of `year` an instant falls in, in a zone, or
 * undefined outside the year. Built once per year and zone; each lookup is a few comparisons.
 */
export function monthIndexer(year: number, zone: TimeZone): (instant: Date) => number | undefined {
  const starts = Array.from({ length: 13 }, (_, m) => startOfDay(dayString(m === 12 ? year + 1 : year, m === 12 ? 1 : m + 1, 1), zone).getTime());
  return (instant: Date) => {
    const t = instant.getTime();
    if (t < starts[0] || t >= starts[12]) {
      return undefined;
    }
    let m = 0;
    while (t >= starts[m + 1]) {
      m++;
    }
    return m;
  };
}

/** Offsets of the zones furthest ahead of and behind UTC (Pacific/Kiritimati +14 h, Etc/GMT+12 −12 h). */
const MAX_AHEAD_MS = 14 * 3600 * 1000;
const MAX_BEHIND_MS = 12 * 3600 * 1000;

/**
 * The years an instant falls in on some zone's calendar (usually one; two near New Year): for a
 * query sent in the same round trip that learns the site's zone.
 */
export function yearsInAnyZone(instant: Date): { first: number; last: number } {
  return { first: new Date(instant.getTime() - MAX_BEHIND_MS).getUTCFullYear(), last: new Date(instant.getTime() + MAX_AHEAD_MS).getUTCFullYear() };
}

/**
 * Instants that hold the years `first`–`last` in every zone: for a query sent before the site's zone
 * is known. The answer is then narrowed with `inYear` in the site's zone.
 */
export function yearsSpanInAnyZone(first: number, last: number): { start: Date; end: Date } {
  // A year starts at 00:00 local = UTC minus the offset: earliest in UTC+14, latest in UTC−12.
  return { start: new Date(Date.UTC(first, 0, 1) - MAX_AHEAD_MS), end: new Date(Date.UTC(last + 1, 0, 1) + MAX_BEHIND_MS) };
}

/** The same wall-clock moment a year earlier in a zone (29 February becomes 28 February). */
export function sameMomentYearBefore(instant: Date, zone: TimeZone): Date {
  const now = wallClockIn(instant, zone);
  const r = resolveWallClock(addMonths(now.date, -12), now.time, zone);
  switch (r.kind) {
    case 'exact':
    case 'skipped':
      return r.instant;
    case 'repeated':
      return r.earlier;
    case 'invalid':
      throw new RangeError(`No such moment: ${now.date} ${now.time}`);
  }
}

/** Whether a zone name is one the browser's time zone data knows. */
export function isKnownZone(zone: string): boolean {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone !== undefined;
  } catch {
    return false;
  }
}
