/**
 * The rules of case handling that the säkerhetsberättelse reports on: how a report moves from Ny
 * to Avslutad, when it may be closed, and the deadlines the law sets for notifying an authority.
 */
import type { ActionStatusKey, IncidentStatusKey } from './types';

/** The order a report moves in; a report can also go back a step, or be reopened. */
export const STATUS_ORDER: IncidentStatusKey[] = ['new', 'investigating', 'actionsOngoing', 'closed'];

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
  /** When the notification must be made at the latest. */
  due: Date;
}

const DAY = 86400000;

/** The date a number of calendar months after another (clamped to the month's last day). */
function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * Deadlines for notifying an authority:
 * - lex Maria (HSLF-FS 2017:41): to IVO as soon as possible and at the latest two months after the event;
 * - AML 3:3a: to Arbetsmiljöverket without delay – taken here as within one day of the event;
 * - police report: no legal deadline; the region's routine says as soon as possible – taken here
 *   as within seven days, so that the lägesbild can show what is waiting.
 */
export function authorityDeadlines(report: { occurredAt: Date; lexMaria: boolean; workEnvironmentReport: boolean; policeReport: boolean }): IAuthorityDeadline[] {
  const out: IAuthorityDeadline[] = [];
  if (report.lexMaria) {
    out.push({ authority: 'lexMaria', due: addMonths(report.occurredAt, 2) });
  }
  if (report.workEnvironmentReport) {
    out.push({ authority: 'workEnvironmentAuthority', due: new Date(report.occurredAt.getTime() + DAY) });
  }
  if (report.policeReport) {
    out.push({ authority: 'policeReport', due: new Date(report.occurredAt.getTime() + 7 * DAY) });
  }
  return out;
}
