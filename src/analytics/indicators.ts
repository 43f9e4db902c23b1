/**
 * Goals and indicators: an indicator is either entered by its owner or computed from the area's
 * reports by the definition stored with the goal; the goal's status follows from target and
 * outcome unless the owner has judged it otherwise (with a comment).
 *
 * Pure functions over plain rows, so the app, the lägesbild and the säkerhetsberättelse compute
 * the same numbers, and tests can check them against hand-counted data.
 */
import { dayIn, daysBetween, inYear, TimeZone } from '../model/calendar';
import type { EventTypeKey, GoalStatusKey, IGoal, IMeasure, IncidentStatusKey, SeverityKey } from '../model/types';

/** What the analytics need of a report. */
export interface IReportFacts {
  id: number;
  areaId: number;
  title: string;
  eventType: EventTypeKey;
  severity: SeverityKey;
  status: IncidentStatusKey;
  category: string;
  occurredAt: Date;
  created: Date;
  closedAt?: Date;
  lexMaria: boolean;
  workEnvironmentReport: boolean;
  policeReport: boolean;
  authorityReportedAt?: Date;
}

/** A day as a unit of elapsed time (for the median time to close, a duration, not a calendar count). */
const DAY_MS = 86400000;
const SEVERITY_ORDER: SeverityKey[] = ['low', 'moderate', 'serious', 'critical'];

export function severityAtLeast(severity: SeverityKey, min: SeverityKey): boolean {
  return SEVERITY_ORDER.indexOf(severity) >= SEVERITY_ORDER.indexOf(min);
}

export function isSerious(r: Pick<IReportFacts, 'severity'>): boolean {
  return severityAtLeast(r.severity, 'serious');
}

export function matchesMeasure(r: IReportFacts, m: IMeasure): boolean {
  if (m.eventTypes.length > 0 && !m.eventTypes.includes(r.eventType)) {
    return false;
  }
  if (m.category && r.category !== m.category) {
    return false;
  }
  if (m.minSeverity && !severityAtLeast(r.severity, m.minSeverity)) {
    return false;
  }
  return true;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Of reports that are or may be closed: whether each was closed within `days` calendar days of the
 * day it was reported (site's calendar), and how many are decided (closed, or open for longer).
 * Shared by the indicators and the lägesbild, so both count alike.
 */
export function closedWithinDays(rows: IReportFacts[], days: number, now: Date, zone: TimeZone): { decided: number; within: number } {
  const today = dayIn(now, zone);
  let decided = 0;
  let within = 0;
  for (const r of rows) {
    const reported = dayIn(r.created, zone);
    if (r.closedAt) {
      decided++;
      if (daysBetween(reported, dayIn(r.closedAt, zone)) <= days) {
        within++;
      }
    } else if (daysBetween(reported, today) > days) {
      decided++;
    }
  }
  return { decided, within };
}

/**
 * A computed indicator for one area and year (of the site's calendar).
 * - count: the matching reports that occurred in the year;
 * - closedWithin: the share (%) of matching reports closed within `days` calendar days of being
 *   reported, among those already decided (closed, or open for longer than `days`);
 * - medianDaysToClose: the median time from report to closing in days (elapsed time), for closed ones.
 * Undefined when there is nothing to measure yet.
 * @param zone the site's time zone (IANA)
 */
export function computeIndicator(measure: IMeasure, areaRows: IReportFacts[], year: number, now: Date, zone: TimeZone): number | undefined {
  const rows = areaRows.filter((r) => inYear(r.occurredAt, year, zone) && matchesMeasure(r, measure));
  switch (measure.kind) {
    case 'count':
      return rows.length;
    case 'closedWithin': {
      const { decided, within } = closedWithinDays(rows, measure.days ?? 30, now, zone);
      return decided === 0 ? undefined : round1((100 * within) / decided);
    }
    case 'medianDaysToClose': {
      const closed = rows.filter((r) => r.closedAt).map((r) => (r.closedAt!.getTime() - r.created.getTime()) / DAY_MS);
      const m = median(closed);
      return m === undefined ? undefined : round1(m);
    }
  }
}

/** The goal's outcome: entered, or computed from its area's reports. */
export function goalOutcome(goal: IGoal, areaRows: IReportFacts[], now: Date, zone: TimeZone): number | undefined {
  if (goal.indicatorSource === 'computed' && goal.measure) {
    return computeIndicator(goal.measure, areaRows, goal.period, now, zone);
  }
  return goal.outcome;
}

/**
 * The status that follows from target and outcome:
 * met when the target is reached; partly met when the outcome has moved at least half the way
 * from the baseline towards the target (or, without a baseline, is within 10 % of it); not met
 * otherwise; ongoing while there is no outcome. An owner's judgement wins.
 */
export function computedStatus(goal: Pick<IGoal, 'direction' | 'target' | 'baseline'>, outcome: number | undefined): GoalStatusKey {
  if (outcome === undefined) {
    return 'ongoing';
  }
  const atLeast = goal.direction === 'atLeast';
  if (atLeast ? outcome >= goal.target : outcome <= goal.target) {
    return 'met';
  }
  if (goal.baseline !== undefined && goal.baseline !== goal.target) {
    const progress = (outcome - goal.baseline) / (goal.target - goal.baseline);
    return progress >= 0.5 ? 'partlyMet' : 'notMet';
  }
  const gap = Math.abs(outcome - goal.target) / Math.max(Math.abs(goal.target), 1e-9);
  return gap <= 0.1 ? 'partlyMet' : 'notMet';
}

export interface IGoalResult {
  goal: IGoal;
  outcome?: number;
  status: GoalStatusKey;
  /** True when the status is the owner's judgement rather than the computed one. */
  judged: boolean;
  computedStatus: GoalStatusKey;
}

export function evaluateGoal(goal: IGoal, areaRows: IReportFacts[], now: Date, zone: TimeZone): IGoalResult {
  const outcome = goalOutcome(goal, areaRows, now, zone);
  const computed = computedStatus(goal, outcome);
  return {
    goal,
    outcome,
    computedStatus: computed,
    status: goal.statusOverride ?? computed,
    judged: goal.statusOverride !== undefined && goal.statusOverride !== computed
  };
}
