/**
 * The lägesbild's numbers, for the whole region or one area and a year compared with the year
 * before: reports by month, type, severity and status, serious events, handling times, open
 * serious events with their authority deadlines, and goal fulfilment. Pure, so the view, the
 * säkerhetsberättelse and the tests all count the same way.
 */
import { CalendarDay, inYear, monthIndexer, sameMomentYearBefore, TimeZone } from '../model/calendar';
import { authorityDeadlines, AuthorityKey, daysLeft } from '../model/caseRules';
import type { EventTypeKey, GoalStatusKey, IArea, IGoal, IncidentStatusKey, SeverityKey } from '../model/types';
import { closedWithinDays, evaluateGoal, IGoalResult, IReportFacts, isSerious } from './indicators';

export const EVENT_TYPE_KEYS: EventTypeKey[] = ['risk', 'nearMiss', 'accident', 'deviation', 'deficiency', 'incident', 'improvement'];
export const SEVERITY_KEYS: SeverityKey[] = ['low', 'moderate', 'serious', 'critical'];
export const STATUS_KEYS: IncidentStatusKey[] = ['new', 'investigating', 'actionsOngoing', 'closed'];
export const GOAL_STATUS_KEYS: GoalStatusKey[] = ['met', 'partlyMet', 'notMet', 'ongoing'];

export interface ICountPair {
  current: number;
  previous: number;
}

export interface IDeadlineRow {
  report: IReportFacts;
  authority: AuthorityKey;
  /** The last day, on the site's calendar. */
  due: CalendarDay;
  /** Calendar days left: 0 on the last day, negative when the deadline has passed. */
  daysLeft: number;
  reported: boolean;
}

export interface ISituation {
  year: number;
  /** True while the year runs: the comparison is with the same part of the year before. */
  partial: boolean;
  /** The area, or undefined for the whole region. */
  area?: IArea;
  total: ICountPair;
  serious: ICountPair;
  /** Reports open now, of those that occurred in the year. */
  open: number;
  /** Share (%) of the year's reports closed within 30 days, among those decided. */
  closedWithin30?: number;
  byMonth: { month: number; current: number; previous: number }[];
  byType: Record<EventTypeKey, ICountPair>;
  bySeverity: Record<SeverityKey, ICountPair>;
  byStatus: Record<IncidentStatusKey, number>;
  /** Open reports that are serious or flagged for an authority, with their deadlines. */
  deadlines: IDeadlineRow[];
  goals: IGoalResult[];
  goalStatus: Record<GoalStatusKey, number>;
}

function zero<K extends string>(keys: K[]): Record<K, ICountPair> {
  return Object.fromEntries(keys.map((k) => [k, { current: 0, previous: 0 }])) as Record<K, ICountPair>;
}

function byArea(facts: IReportFacts[]): Map<number, IReportFacts[]> {
  const groups = new Map<number, IReportFacts[]>();
  for (const f of facts) {
    const group = groups.get(f.areaId);
    if (group) {
      group.push(f);
    } else {
      groups.set(f.areaId, [f]);
    }
  }
  return groups;
}

/**
 * The lägesbild of a year of the site's calendar.
 * @param zone the site's time zone (IANA): years, months, days and deadlines are counted there
 */
export function computeSituation(year: number, allFacts: IReportFacts[], goals: IGoal[], now: Date, zone: TimeZone, area?: IArea): ISituation {
  const facts = area ? allFacts.filter((f) => f.areaId === area.id) : allFacts;
  const current = facts.filter((f) => inYear(f.occurredAt, year, zone));
  // While the year is running, compare with the same part of the year before.
  const running = inYear(now, year, zone);
  const lastYearNow = sameMomentYearBefore(now, zone);
  const previous = facts.filter((f) => inYear(f.occurredAt, year - 1, zone) && (!running || f.occurredAt <= lastYearNow));
  const monthOf = monthIndexer(year, zone);
  const monthLastYear = monthIndexer(year - 1, zone);
  const byType = zero(EVENT_TYPE_KEYS);
  const bySeverity = zero(SEVERITY_KEYS);
  const byStatus = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<IncidentStatusKey, number>;
  const byMonth = Array.from({ length: 12 }, (_, month) => ({ month, current: 0, previous: 0 }));
  for (const f of current) {
    byType[f.eventType].current++;
    bySeverity[f.severity].current++;
    byStatus[f.status]++;
    byMonth[monthOf(f.occurredAt)!].current++;
  }
  for (const f of previous) {
    byType[f.eventType].previous++;
    bySeverity[f.severity].previous++;
    byMonth[monthLastYear(f.occurredAt)!].previous++;
  }
  const { decided, within } = closedWithinDays(current, 30, now, zone);
  const deadlines: IDeadlineRow[] = [];
  for (const f of facts) {
    if (f.status === 'closed') {
      continue;
    }
    for (const d of authorityDeadlines(f, zone)) {
      deadlines.push({ report: f, authority: d.authority, due: d.due, daysLeft: daysLeft(d.due, now, zone), reported: !!f.authorityReportedAt });
    }
  }
  // ISO days sort as text.
  deadlines.sort((a, b) => Number(a.reported) - Number(b.reported) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const yearGoals = goals.filter((g) => g.period === year && (!area || g.areaId === area.id));
  const areaFacts = byArea(area ? facts : allFacts);
  const goalResults = yearGoals.map((g) => evaluateGoal(g, areaFacts.get(g.areaId) ?? [], now, zone));
  const goalStatus = Object.fromEntries(GOAL_STATUS_KEYS.map((k) => [k, 0])) as Record<GoalStatusKey, number>;
  goalResults.forEach((r) => goalStatus[r.status]++);
  return {
    year,
    partial: running,
    area,
    total: { current: current.length, previous: previous.length },
    serious: { current: current.filter(isSerious).length, previous: previous.filter(isSerious).length },
    open: current.filter((f) => f.status !== 'closed').length,
    closedWithin30: decided ? Math.round((1000 * within) / decided) / 10 : undefined,
    byMonth,
    byType,
    bySeverity,
    byStatus,
    deadlines,
    goals: goalResults,
    goalStatus
  };
}

/** Change from the previous period in per cent, or undefined when there is nothing to compare with. */
/**
 * Below this many the year before, a change reads as counts ("7 mot 2"), not per cent: "250 %
 * fler" on 2 reports says more than the numbers do (issue 14).
 */
export const SMALL_COUNT = 20;

/** Whether a change is better told as counts than as per cent (a year before with 1–19). */
export function comparesAsCounts(pair: ICountPair): boolean {
  return pair.previous > 0 && pair.previous < SMALL_COUNT;
}

export function trend(pair: ICountPair): number | undefined {
  if (pair.previous === 0) {
    return undefined;
  }
  return Math.round((1000 * (pair.current - pair.previous)) / pair.previous) / 10;
}
