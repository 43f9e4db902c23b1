/**
 * The rules of case handling that the säkerhetsberättelse reports on: how a report moves from Ny
 * to Avslutad, when it may be closed, and the deadlines the law sets for notifying an authority.
 */
import { addDays, addMonths, CalendarDay, dayIn, daysBetween, TimeZone } from './calendar';
import type { ActionStatusKey, IncidentStatusKey } from './types';

/**
 * The statuses an owner may set next, the current one first. A report moves Ny → Under utredning →
 * Åtgärd pågår → Avslutad one step at a time, may go back from Åtgärd pågår to Under utredning, may be
 * closed from any open status (when its actions are done, see openActions), and is reopened to Under
 * utredning.
 */
export function allowedNextStatuses(current: IncidentStatusKey): IncidentStatusKey[] {
  switch (current) {
    case 'new':
      return ['new', 'investigating', 'closed'];
    case 'investigating':
      return ['investigating', 'actionsOngoing', 'closed'];
    case 'actionsOngoing':
      return ['actionsOngoing', 'investigating', 'closed'];
    case 'closed':
      // Reopening a closed report goes back to investigation.
      return ['closed', 'investigating'];
  }
}

/** A report may be closed only when every action decided for it is done. */
export function openActions<T extends { status: ActionStatusKey }>(actions: T[]): T[] {
  return actions.filter((a) => a.status !== 'done');
}

export type AuthorityKey = 'lexMaria' | 'workEnvironmentAuthority' | 'policeReport';

export interface IAuthorityDeadline {
  authority: AuthorityKey;
  /** The last day the notification may be made: a calendar day in the site's time zone. */
  due: CalendarDay;
}

/**
 * Deadlines for notifying an authority, counted in calendar days on the site's calendar from the
 * day the event occurred there:
 * - lex Maria (HSLF-FS 2017:41): to IVO as soon as possible and at the latest two months after the
 *   event – the same date two months later (the 31st becomes the last day of a shorter month);
 * - AML 3:3a: to Arbetsmiljöverket without delay – taken here as by the day after the event;
 * - police report: no legal deadline; the region's routine says as soon as possible – taken here
 *   as within seven days, so that the lägesbild can show what is waiting.
 * @param zone the site's time zone (IANA)
 */
export function authorityDeadlines(report: { occurredAt: Date; lexMaria: boolean; workEnvironmentReport: boolean; policeReport: boolean }, zone: TimeZone): IAuthorityDeadline[] {
  const day = dayIn(report.occurredAt, zone);
  const out: IAuthorityDeadline[] = [];
  if (report.lexMaria) {
    out.push({ authority: 'lexMaria', due: addMonths(day, 2) });
  }
  if (report.workEnvironmentReport) {
    out.push({ authority: 'workEnvironmentAuthority', due: addDays(day, 1) });
  }
  if (report.policeReport) {
    out.push({ authority: 'policeReport', due: addDays(day, 7) });
  }
  return out;
}

/**
 * Calendar days left until a deadline, on the site's calendar: 0 on the last day itself (all of
 * it), 1 the day before, negative once it has passed.
 */
export function daysLeft(due: CalendarDay, now: Date, zone: TimeZone): number {
  return daysBetween(dayIn(now, zone), due);
}
