/**
 * Goals and indicators: an indicator is either entered by its owner or computed from the area's
 * reports by the definition stored with the goal; the goal's status follows from target and
 * outcome unless the owner has judged it otherwise (with a comment).
 *
 * Pure functions over plain rows, so the app, the lägesbild and the säkerhetsberättelse compute
 * the same numbers, and tests can check them against hand-counted data.
 */
import { addDays, CalendarDay, dayIn, daysBetween, inYear, startOfDay, TimeZone } from '../model/calendar';
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
 * Reported on day D, a report closed on D + days is within, on D + days + 1 it is not; one still
 * open is undecided up to and including D + days and decided (not within) from D + days + 1.
 * `nextDecided` is the first such day still to come for an open report: until it begins nothing
 * changes unless a report does. Shared by the indicators and the lägesbild, so both count alike.
 */
export function closedWithinDays(rows: IReportFacts[], days: number, now: Date, zone: TimeZone): { decided: number; within: number; nextDecided?: CalendarDay } {
  const today = dayIn(now, zone);
  let decided = 0;
  let within = 0;
  let nextDecided: CalendarDay | undefined;
  for (const r of rows) {
    const reported = dayIn(r.created, zone);
    if (r.closedAt) {
      decided++;
      if (daysBetween(reported, dayIn(r.closedAt, zone)) <= days) {
        within++;
      }
    } else if (daysBetween(reported, today) > days) {
      decided++;
    } else {
      const day = addDays(reported, days + 1);
      // ISO days sort as text.
      nextDecided = nextDecided === undefined || day < nextDecided ? day : nextDecided;
    }
  }
  return { decided, within, nextDecided };
}

/** A computed indicator's value and what it rests on. */
export interface IIndicatorValue {
  /** The outcome; undefined when there is nothing to measure yet. */
  value?: number;
  /**
   * How many reports the value is of: for count the reports counted, for closedWithin the decided
   * ones (the share's denominator), for medianDaysToClose the closed ones.
   */
  basis: number;
  /**
   * The instant from which the value is no longer true even if no report changes: the start (in
   * the site's zone) of the day an open report passes its deadline (closedWithin only). Undefined
   * when only a change to the reports can change it.
   */
  validUntil?: Date;
}

/**
 * A computed indicator for one area and year (of the site's calendar).
 * - count: the matching reports that occurred in the year;
 * - closedWithin: the share (%) of matching reports closed within `days` calendar days of being
 *   reported, among those already decided (closed, or open for longer than `days`);
 * - medianDaysToClose: the median time from report to closing in days (elapsed time), for closed ones.
 * @param now the moment it is computed for (time-dependent for closedWithin: see validUntil)
 * @param zone the site's time zone (IANA)
 */
export function measureIndicator(measure: IMeasure, areaRows: IReportFacts[], year: number, now: Date, zone: TimeZone): IIndicatorValue {
  const rows = areaRows.filter((r) => inYear(r.occurredAt, year, zone) && matchesMeasure(r, measure));
  switch (measure.kind) {
    case 'count':
      return { value: rows.length, basis: rows.length };
    case 'closedWithin': {
      const { decided, within, nextDecided } = closedWithinDays(rows, measure.days ?? 30, now, zone);
      return {
        value: decided === 0 ? undefined : round1((100 * within) / decided),
        basis: decided,
        validUntil: nextDecided === undefined ? undefined : startOfDay(nextDecided, zone)
      };
    }
    case 'medianDaysToClose': {
      const closed = rows.filter((r) => r.closedAt).map((r) => (r.closedAt!.getTime() - r.created.getTime()) / DAY_MS);
      const m = median(closed);
      return { value: m === undefined ? undefined : round1(m), basis: closed.length };
    }
  }
}

/** The value of measureIndicator. Undefined when there is nothing to measure yet. */
export function computeIndicator(measure: IMeasure, areaRows: IReportFacts[], year: number, now: Date, zone: TimeZone): number | undefined {
  return measureIndicator(measure, areaRows, year, now, zone).value;
}

/** Whether the goal's outcome is computed from its area's reports (by a stored definition). */
export function isComputed(goal: Pick<IGoal, 'indicatorSource' | 'measure'>): boolean {
  return goal.indicatorSource === 'computed' && !!goal.measure;
}

/** A computed goal's indicator from its area's reports (all of them: never a reader's own only); undefined for an entered one. */
export function goalIndicator(goal: IGoal, areaRows: IReportFacts[], now: Date, zone: TimeZone): IIndicatorValue | undefined {
  return isComputed(goal) ? measureIndicator(goal.measure!, areaRows, goal.period, now, zone) : undefined;
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
  /** For a computed goal: how many reports the outcome is of, and until when it holds (IIndicatorValue). */
  indicator?: IIndicatorValue;
  status: GoalStatusKey;
  /** True when the status is the owner's judgement rather than the computed one. */
  judged: boolean;
  computedStatus: GoalStatusKey;
}

export function evaluateGoal(goal: IGoal, areaRows: IReportFacts[], now: Date, zone: TimeZone): IGoalResult {
  const indicator = goalIndicator(goal, areaRows, now, zone);
  const outcome = indicator ? indicator.value : goal.outcome;
  const computed = computedStatus(goal, outcome);
  return {
    goal,
    outcome,
    indicator,
    computedStatus: computed,
    status: goal.statusOverride ?? computed,
    judged: goal.statusOverride !== undefined && goal.statusOverride !== computed
  };
}
