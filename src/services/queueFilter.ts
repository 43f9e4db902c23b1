/**
 * The work queue's filter as the $filter SharePoint applies inside each ID window (after the ID
 * range, so the list view threshold holds at any size). Text search, sort and paging stay in the
 * browser (model/queue.ts): SharePoint's REST API cannot filter multiple lines of text, cannot sort
 * by a computed deadline, and cannot count without reading.
 */
import { EVENT_TYPES, INCIDENT_STATUSES, SEVERITIES, choiceValue } from '../model/schema';
import type { IQueueFilter } from '../model/queue';
import { periodInstants } from '../model/queue';
import { TimeZone } from '../model/calendar';
import { odataString } from './lists';

const dt = (d: Date): string => `datetime'${d.toISOString()}'`;
const choice = (field: string, list: Parameters<typeof choiceValue>[0], key: string): string => `${field} eq ${odataString(choiceValue(list, key))}`;

/**
 * @param scope the scope condition (model/scope.ts), undefined for every area
 * @param areaId the filter's area, if it names one the user handles
 * @param zone the site's time zone: the period's days are counted there
 * @param since the user's previous visit, for "new since my last visit"
 */
export function queueODataFilter(filter: IQueueFilter, scope: string | undefined, areaId: number | undefined, zone: TimeZone, since?: Date): string | undefined {
  const parts: string[] = [];
  if (areaId !== undefined) {
    parts.push(`AreaId eq ${Number(areaId)}`);
  } else if (scope) {
    parts.push(scope);
  }
  if (filter.status === 'open') {
    parts.push(`Status ne ${odataString(choiceValue(INCIDENT_STATUSES, 'closed'))}`);
  } else if (filter.status !== 'all') {
    parts.push(choice('Status', INCIDENT_STATUSES, filter.status));
  }
  if (filter.severity === 'atLeastSerious') {
    parts.push(`(${choice('Severity', SEVERITIES, 'serious')} or ${choice('Severity', SEVERITIES, 'critical')})`);
  } else if (filter.severity !== 'all') {
    parts.push(choice('Severity', SEVERITIES, filter.severity));
  }
  if (filter.eventType) {
    parts.push(choice('EventType', EVENT_TYPES, filter.eventType));
  }
  const flags: Record<string, string> = { lexMaria: 'LexMaria', workEnvironmentAuthority: 'WorkEnvironmentReport', policeReport: 'PoliceReport' };
  if (filter.authority === 'any') {
    parts.push(`(${Object.values(flags).map((f) => `${f} eq 1`).join(' or ')})`);
  } else if (filter.authority !== 'all') {
    parts.push(`${flags[filter.authority]} eq 1`);
  }
  if (filter.from || filter.to) {
    const { start, end } = periodInstants(filter, zone);
    if (start) {
      parts.push(`OccurredAt ge ${dt(start)}`);
    }
    if (end) {
      parts.push(`OccurredAt lt ${dt(end)}`);
    }
  }
  if (filter.newSince && since) {
    parts.push(`Created gt ${dt(since)}`);
  }
  return parts.length ? parts.join(' and ') : undefined;
}
