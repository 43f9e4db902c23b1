/**
 * Dates and numbers as people read them: on the site's calendar (its time zone, from SharePoint's
 * regional settings), in the conventions of the user's language variant (sv-SE, sv-FI, en-GB,
 * en-US …). The one place where the product formats a date.
 */
import type { Locale } from '../../loc';
import { CalendarDay, dayIn, parseDay, TimeZone } from '../../model/calendar';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, zone: TimeZone, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, ...options });
    cache.set(key, f);
  }
  return f;
}

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };

/** The day an instant falls on in the site's zone, e.g. "1 juli 2026", "1 Jul 2026", "Jul 1, 2026". */
export function formatDate(date: Date, locale: Locale, zone: TimeZone): string {
  return formatter(locale, zone, DATE).format(date);
}

/** Date and time of an instant in the site's zone. */
export function formatDateTime(date: Date, locale: Locale, zone: TimeZone): string {
  return formatter(locale, zone, { ...DATE, hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A calendar day ('yyyy-mm-dd', e.g. a deadline) as the language variant writes a date. */
export function formatDay(day: CalendarDay, locale: Locale): string {
  const d = parseDay(day);
  if (!d) {
    return day;
  }
  // The day at noon UTC, written in UTC: the same day whatever the zone.
  return formatter(locale, 'UTC', DATE).format(new Date(Date.UTC(d.year, d.month - 1, d.day, 12)));
}

/** ISO date (yyyy-mm-dd) of an instant in the site's zone, for machine-readable <time> elements. */
export function isoDate(date: Date, zone: TimeZone): CalendarDay {
  return dayIn(date, zone);
}

/** The name of a month (0–11) in the language variant, e.g. "januari", "January". */
export function monthName(month: number, locale: Locale): string {
  return formatter(locale, 'UTC', { month: 'long' }).format(new Date(Date.UTC(2000, month, 15)));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** The value with its unit: "91 %" (Swedish) or "91%" (English), "1,6 per 1 000 vårddagar", "11 dagar". */
export function withUnit(value: number, unit: string, locale: Locale): string {
  if (unit === '%') {
    // Per cent as the language variant writes it (Intl wants the fraction).
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
  }
  const n = formatNumber(value, locale);
  return unit ? `${n} ${unit}` : n;
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
