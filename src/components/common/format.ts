/** Dates and numbers as people in the region read them: Swedish time, the user's language. */
import type { Locale } from '../../loc';

export const TIME_ZONE = 'Europe/Stockholm';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    cache.set(key, f);
  }
  return f;
}

export function formatDate(date: Date, locale: Locale): string {
  return formatter(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

export function formatDateTime(date: Date, locale: Locale): string {
  return formatter(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** ISO date (yyyy-mm-dd) for machine-readable <time> elements. */
export function isoDate(date: Date): string {
  return formatter('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** The value with its unit: "91 %", "1,6 per 1 000 vårddagar", "11 dagar". */
export function withUnit(value: number, unit: string, locale: Locale): string {
  const n = formatNumber(value, locale);
  if (!unit) {
    return n;
  }
  return unit === '%' ? `${n} %` : `${n} ${unit}`;
}

/** For narrow table cells: no line break inside "1 000" or before "%", so a number stays whole. */
export function keepNumbersWhole(text: string): string {
  return text.replace(/(\d) (?=\d{3}(\D|$))/g, '$1\u00a0').replace(/ %/g, '\u00a0%');
}

/** The first sentence of a text, for summaries. */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text.trim());
  return m ? m[1] : text.trim();
}

/** Whole days from `from` to `to` in Swedish calendar days. */
export function daysBetween(from: Date, to: Date): number {
  const day = (d: Date): number => Date.parse(`${isoDate(d)}T00:00:00Z`) / 86400000;
  return Math.round(day(to) - day(from));
}

/** Today's date and the time now in Stockholm, as the form's date and time inputs want them. */
export function stockholmNow(now: Date = new Date()): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/**
 * The instant of a Stockholm wall-clock date and time ("2026-06-14", "08:30"), whatever time
 * zone the browser is in; undefined when they are not a valid date and time.
 */
export function stockholmInstant(date: string, time: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) {
    return undefined;
  }
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(t[1]), Number(t[2])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) {
    return undefined;
  }
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) {
    return undefined;
  }
  // Stockholm is UTC+1 or UTC+2: find the offset whose wall clock matches.
  // Summer time first, so the autumn hour that happens twice means its first occurrence.
  for (const offset of [2, 1]) {
    const instant = new Date(asUtc - offset * 3600000);
    const wall = stockholmNow(instant);
    if (wall.date === date && wall.time === time) {
      return instant;
    }
  }
  // A time that does not exist (the spring-forward hour): take the later offset.
  return new Date(asUtc - 3600000);
}
