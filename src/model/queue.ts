/**
 * The work queue ("Att hantera"): which reports a filter names, in which order, and how the filter
 * is written in the address. Pure, so the view, the export and the tests all read it the same way.
 *
 * What SharePoint can narrow (area, status, severity, event type, authority flag, period, "new since")
 * goes into every ID window's $filter (services/ViewService); text search, sort, the total and the
 * pages are worked out here over the rows that came back. A row is checked against the whole filter
 * here too, so the answer is exact whatever the query could express.
 */
import type { IReportFacts } from '../analytics/indicators';
import { isSerious } from '../analytics/indicators';
import { addDays, addMonths, CalendarDay, parseDay, startOfDay, TimeZone } from './calendar';
import { authorityDeadlines, AuthorityKey, daysLeft } from './caseRules';
import { matchesSearch } from './search';
import type { EventTypeKey, IncidentStatusKey, SeverityKey } from './types';

export type QueueStatus = 'open' | 'all' | IncidentStatusKey;
/** `atLeastSerious`: Allvarlig or Mycket allvarlig (the lägesbild's "serious events"). */
export type QueueSeverity = 'all' | 'atLeastSerious' | SeverityKey;
export type QueueAuthority = 'all' | 'any' | AuthorityKey;
export type QueueSort = 'deadline' | 'severity' | 'occurred' | 'modified';

export const QUEUE_STATUSES: QueueStatus[] = ['open', 'new', 'investigating', 'actionsOngoing', 'closed', 'all'];
export const QUEUE_SEVERITIES: QueueSeverity[] = ['all', 'atLeastSerious', 'critical', 'serious', 'moderate', 'low'];
export const QUEUE_AUTHORITIES: QueueAuthority[] = ['all', 'any', 'lexMaria', 'workEnvironmentAuthority', 'policeReport'];
export const QUEUE_SORTS: QueueSort[] = ['deadline', 'severity', 'occurred', 'modified'];
const EVENT_TYPES: EventTypeKey[] = ['risk', 'nearMiss', 'accident', 'deviation', 'deficiency', 'incident', 'improvement'];
const SEVERITY_RANK: Record<SeverityKey, number> = { low: 0, moderate: 1, serious: 2, critical: 3 };

/** Rows on one page of the queue. */
export const QUEUE_PAGE_SIZE = 50;

export interface IQueueFilter {
  /** An area's key; undefined: every area the user handles. */
  area?: string;
  status: QueueStatus;
  severity: QueueSeverity;
  eventType?: EventTypeKey;
  authority: QueueAuthority;
  /** Occurred on or after this day of the site's calendar. */
  from?: CalendarDay;
  /** Occurred on or before this day of the site's calendar. */
  to?: CalendarDay;
  /** Only reports stored since the user's previous visit to the queue. */
  newSince: boolean;
  /** Words that must all occur in the title, place, category or number. */
  text: string;
  sort: QueueSort;
  /** 1-based. */
  page: number;
}

export const DEFAULT_QUEUE_FILTER: IQueueFilter = { status: 'open', severity: 'all', authority: 'all', newSince: false, text: '', sort: 'deadline', page: 1 };

/** A report as the queue lists it. */
export interface IQueueRow extends IReportFacts {
  reportId: string;
  location: string;
  modified: Date;
  anonymous: boolean;
}

const KEY = /^[a-z0-9-]{1,40}$/;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The filter a query string ("status=all&sort=severity") names; what it cannot read takes the default. */
export function parseQueueQuery(query: string): IQueueFilter {
  const params = new URLSearchParams(query);
  // URLSearchParams answers null for a missing name.
  const p = { get: (name: string): string | undefined => params.get(name) ?? undefined };
  const day = (v: string | undefined): CalendarDay | undefined => (v && parseDay(v) ? v : undefined);
  const area = p.get('area');
  const page = Number(p.get('page'));
  return {
    area: area && KEY.test(area) ? area : undefined,
    status: oneOf(p.get('status'), QUEUE_STATUSES) ?? DEFAULT_QUEUE_FILTER.status,
    severity: oneOf(p.get('severity'), QUEUE_SEVERITIES) ?? DEFAULT_QUEUE_FILTER.severity,
    eventType: oneOf(p.get('type'), EVENT_TYPES),
    authority: oneOf(p.get('authority'), QUEUE_AUTHORITIES) ?? DEFAULT_QUEUE_FILTER.authority,
    from: day(p.get('from')),
    to: day(p.get('to')),
    newSince: p.get('new') === '1',
    text: (p.get('q') ?? '').slice(0, 100),
    sort: oneOf(p.get('sort'), QUEUE_SORTS) ?? DEFAULT_QUEUE_FILTER.sort,
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1
  };
}

/** The query string of a filter, defaults left out (so the plain queue is "att-hantera"). */
export function queueQuery(filter: Partial<IQueueFilter>): string {
  const f = { ...DEFAULT_QUEUE_FILTER, ...filter };
  const p = new URLSearchParams();
  const put = (name: string, value: string | undefined, fallback?: string): void => {
    if (value !== undefined && value !== '' && value !== fallback) {
      p.set(name, value);
    }
  };
  put('area', f.area);
  put('status', f.status, DEFAULT_QUEUE_FILTER.status);
  put('severity', f.severity, DEFAULT_QUEUE_FILTER.severity);
  put('type', f.eventType);
  put('authority', f.authority, DEFAULT_QUEUE_FILTER.authority);
  put('from', f.from);
  put('to', f.to);
  put('new', f.newSince ? '1' : undefined);
  put('q', f.text.trim());
  put('sort', f.sort, DEFAULT_QUEUE_FILTER.sort);
  put('page', String(f.page), '1');
  return p.toString();
}

/**
 * The instants a period of the site's calendar covers: [start, end). `from` and `to` are inclusive
 * days; either may be missing (open-ended).
 */
export function periodInstants(filter: Pick<IQueueFilter, 'from' | 'to'>, zone: TimeZone): { start?: Date; end?: Date } {
  return {
    start: filter.from ? startOfDay(filter.from, zone) : undefined,
    end: filter.to ? startOfDay(addDays(filter.to, 1), zone) : undefined
  };
}

export function matchesStatus(status: IncidentStatusKey, wanted: QueueStatus): boolean {
  return wanted === 'all' || (wanted === 'open' ? status !== 'closed' : status === wanted);
}

export function matchesSeverity(severity: SeverityKey, wanted: QueueSeverity): boolean {
  return wanted === 'all' || (wanted === 'atLeastSerious' ? isSerious({ severity }) : severity === wanted);
}

export function matchesAuthority(r: Pick<IReportFacts, 'lexMaria' | 'workEnvironmentReport' | 'policeReport'>, wanted: QueueAuthority): boolean {
  switch (wanted) {
    case 'all':
      return true;
    case 'any':
      return r.lexMaria || r.workEnvironmentReport || r.policeReport;
    case 'lexMaria':
      return r.lexMaria;
    case 'workEnvironmentAuthority':
      return r.workEnvironmentReport;
    case 'policeReport':
      return r.policeReport;
  }
}

/** "42", "#42" or the first characters of the ReportId as the report page shows them. */
function matchesNumber(text: string, row: IQueueRow): boolean {
  const t = text.trim().replace(/^#/, '');
  return (/^\d+$/.test(t) && Number(t) === row.id) || (t.length >= 4 && /^[0-9a-f-]+$/i.test(t) && row.reportId.toLowerCase().startsWith(t.toLowerCase()));
}

/**
 * Whether a row passes the filter (all of it but the page).
 * @param areaId the id of the filter's area, when it names one
 * @param since the user's previous visit, for `newSince`
 * @param zone the site's time zone: the period's days are counted there
 */
export function matchesQueue(row: IQueueRow, filter: IQueueFilter, zone: TimeZone, areaId?: number, since?: Date): boolean {
  if (areaId !== undefined && row.areaId !== areaId) {
    return false;
  }
  if (!matchesStatus(row.status, filter.status) || !matchesSeverity(row.severity, filter.severity) || !matchesAuthority(row, filter.authority)) {
    return false;
  }
  if (filter.eventType && row.eventType !== filter.eventType) {
    return false;
  }
  const { start, end } = periodInstants(filter, zone);
  if ((start && row.occurredAt < start) || (end && row.occurredAt >= end)) {
    return false;
  }
  if (filter.newSince && since && row.created <= since) {
    return false;
  }
  return !filter.text.trim() || matchesNumber(filter.text, row) || matchesSearch(filter.text, row.title, row.location, row.category);
}

export interface IQueueDeadline {
  authority: AuthorityKey;
  due: CalendarDay;
  /** Calendar days left on the site's calendar: 0 on the last day, negative when passed. */
  daysLeft: number;
}

/**
 * The authority deadline a report waits for: the earliest of its flags' deadlines, while the report
 * is open and no notification is recorded; undefined otherwise.
 */
export function pendingDeadline(row: IReportFacts, now: Date, zone: TimeZone): IQueueDeadline | undefined {
  if (row.status === 'closed' || row.authorityReportedAt) {
    return undefined;
  }
  const first = authorityDeadlines(row, zone).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
  return first && { ...first, daysLeft: daysLeft(first.due, now, zone) };
}

/**
 * The rows in the order a sort names, newest report first among equals:
 * - deadline: reports waiting for an authority notification first, the nearest last day first;
 *   then the rest by severity;
 * - severity: the most serious first, then the oldest event first (it has waited longest);
 * - occurred: the latest event first;
 * - modified: the last changed first.
 */
export function sortQueue(rows: IQueueRow[], sort: QueueSort, now: Date, zone: TimeZone): IQueueRow[] {
  const byNewest = (a: IQueueRow, b: IQueueRow): number => b.id - a.id;
  const bySeverity = (a: IQueueRow, b: IQueueRow): number => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.occurredAt.getTime() - b.occurredAt.getTime() || byNewest(a, b);
  switch (sort) {
    case 'deadline': {
      const due = new Map<number, string>();
      for (const r of rows) {
        const d = pendingDeadline(r, now, zone);
        if (d) {
          due.set(r.id, d.due);
        }
      }
      return [...rows].sort((a, b) => {
        const da = due.get(a.id);
        const db = due.get(b.id);
        if (da !== db) {
          return da === undefined ? 1 : db === undefined ? -1 : da < db ? -1 : 1;
        }
        return bySeverity(a, b);
      });
    }
    case 'severity':
      return [...rows].sort(bySeverity);
    case 'occurred':
      return [...rows].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || byNewest(a, b));
    case 'modified':
      return [...rows].sort((a, b) => b.modified.getTime() - a.modified.getTime() || byNewest(a, b));
  }
}

export interface IQueuePage {
  /** Every row that passes the filter, sorted (the export takes all of them). */
  all: IQueueRow[];
  /** The rows of the filter's page. */
  rows: IQueueRow[];
  total: number;
  pages: number;
  /** The page shown: the filter's, or the last one when the filter asks for one past the end. */
  page: number;
}

/** Filter, search, sort and page: what the queue shows. */
export function queuePage(rows: IQueueRow[], filter: IQueueFilter, now: Date, zone: TimeZone, areaId?: number, since?: Date, pageSize = QUEUE_PAGE_SIZE): IQueuePage {
  const all = sortQueue(
    rows.filter((r) => matchesQueue(r, filter, zone, areaId, since)),
    filter.sort,
    now,
    zone
  );
  const pages = Math.max(1, Math.ceil(all.length / pageSize));
  const page = Math.min(filter.page, pages);
  return { all, rows: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, pages, page };
}

/**
 * The queue's filter for a figure of the lägesbild: the reports of a year of the site's calendar
 * (all statuses), of one area or all the user handles, narrowed as the figure is ("18 öppna
 * rapporter" → status open). Used by the lägesbild's links and by the tests that check the counts match.
 */
export function situationFilter(year: number, area: string | undefined, extra: Partial<IQueueFilter> = {}): Partial<IQueueFilter> {
  return { area, status: 'all', from: `${year}-01-01`, to: `${year}-12-31`, ...extra };
}

/** The same for one month (0–11) of the year. */
export function monthFilter(year: number, month: number, area: string | undefined): Partial<IQueueFilter> {
  const first = `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return situationFilter(year, area, { from: first, to: addDays(addMonths(first, 1), -1) });
}
