/**
 * The säkerhetsberättelse for a year, in the structure of the region's board papers: an overall
 * summary, then per area the overall goals, goal fulfilment, risk analyses, incidents, follow-up
 * and improvements. Numbers are computed from the lists; texts are the owners' own (goal follow-up,
 * judgements, analyses, actions). Reporters are never named.
 *
 * The printable view and the Word document both render this one model.
 */
import type { EventTypeKey, GoalStatusKey, IAction, IArea, IGoal, IncidentStatusKey, IRisk, IRiskAssessment, SeverityKey } from '../model/types';
import type { RiskLevelKey } from '../model/schema';
import { riskLevel, riskValue } from '../model/risk';
import { RiskChange, riskYear } from './risks';
import { inYear, TimeZone } from '../model/calendar';
import { IGoalResult, IReportFacts, isSerious } from './indicators';
import { computeSituation, EVENT_TYPE_KEYS, GOAL_STATUS_KEYS, ICountPair } from './situation';

export interface IAnnualEvent {
  title: string;
  occurredAt: Date;
  eventType: EventTypeKey;
  severity: SeverityKey;
  status: IncidentStatusKey;
}

export interface IAnnualText {
  title: string;
  text: string;
}

export interface IAnnualAreaSection {
  area: IArea;
  goals: IGoalResult[];
  fulfilment: Record<GoalStatusKey, number>;
  riskCount: number;
  /** Analyses the owners wrote on the year's risks and serious events (at most LISTED_MAX). */
  analyses: IAnnualText[];
  /** Analyses there was no room for. */
  analysesNotListed: number;
  /** The risks of the area's register assessed (fastställda) in the year, highest first, against the assessment before. */
  register: IAnnualRisk[];
  /** Risk measures completed in the year: the action and its risk. */
  riskMeasures: IAnnualText[];
  total: ICountPair;
  seriousCount: number;
  closedCount: number;
  byType: Record<EventTypeKey, number>;
  /** The year's serious events, the most severe first when there are more than LISTED_MAX; in date order. */
  seriousEvents: IAnnualEvent[];
  seriousNotListed: number;
  /** Goal follow-up and the owners' judgements of goals. */
  followUps: IAnnualText[];
  /** Actions completed in the year, the latest LISTED_MAX. */
  completedActions: IAnnualText[];
  actionsNotListed: number;
  improvementCount: number;
}

export interface IAnnualRisk {
  title: string;
  level: RiskLevelKey;
  value: number;
  residualLevel?: RiskLevelKey;
  change: RiskChange;
  previousLevel?: RiskLevelKey;
}

export interface IAnnualReport {
  year: number;
  generatedAt: Date;
  summary: {
    total: ICountPair;
    serious: number;
    goals: number;
    fulfilment: Record<GoalStatusKey, number>;
  };
  areas: IAnnualAreaSection[];
}

export interface IAnnualReportInput {
  year: number;
  areas: IArea[];
  goals: IGoal[];
  facts: IReportFacts[];
  analyses: Map<number, string>;
  completedActions: IAction[];
  /** The risk register and its fastställda assessments (none where the user may not read them). */
  risks?: IRisk[];
  assessments?: IRiskAssessment[];
}

/**
 * A board paper lists examples, not everything: at most this many serious events and analyses
 * per area, the most severe first. The counts always cover all of them.
 */
export const LISTED_MAX = 25;

const SEVERITY_RANK: Record<SeverityKey, number> = { critical: 0, serious: 1, moderate: 2, low: 3 };

/** The most severe (then the latest) `max` of the facts, in date order. */
function mostSevere(facts: IReportFacts[], max: number): IReportFacts[] {
  const chosen = facts.length <= max ? facts : [...facts].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.occurredAt.getTime() - a.occurredAt.getTime()).slice(0, max);
  return [...chosen].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** @param zone the site's time zone (IANA): the year is the site's calendar year */
export function buildAnnualReport(input: IAnnualReportInput, now: Date, zone: TimeZone): IAnnualReport {
  const { year } = input;
  const factById = new Map(input.facts.map((f) => [f.id, f]));
  const sections = input.areas.map<IAnnualAreaSection>((area) => {
    const situation = computeSituation(year, input.facts, input.goals, now, zone, area);
    const yearFacts = input.facts.filter((f) => f.areaId === area.id && inYear(f.occurredAt, year, zone));
    const analysed = yearFacts.filter((f) => (f.eventType === 'risk' || isSerious(f)) && input.analyses.has(f.id));
    const serious = yearFacts.filter(isSerious);
    const completed = input.completedActions
      .filter((a) => factById.get(a.incidentId)?.areaId === area.id)
      .sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0));
    const areaRisks = (input.risks ?? []).filter((r) => r.areaId === area.id);
    const register = riskYear(areaRisks, input.assessments ?? [], year, zone);
    const riskMeasures = input.completedActions
      .filter((a) => a.riskId !== undefined && areaRisks.some((r) => r.id === a.riskId))
      .sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0));
    const byType = Object.fromEntries(EVENT_TYPE_KEYS.map((k) => [k, situation.byType[k].current])) as Record<EventTypeKey, number>;
    return {
      area,
      goals: situation.goals,
      fulfilment: situation.goalStatus,
      riskCount: byType.risk,
      analyses: mostSevere(analysed, LISTED_MAX).map((f) => ({ title: f.title, text: input.analyses.get(f.id)! })),
      analysesNotListed: Math.max(0, analysed.length - LISTED_MAX),
      register: register.map((y) => ({
        title: y.risk.title,
        level: riskLevel(y.assessment.scores!.before),
        value: riskValue(y.assessment.scores!.before),
        residualLevel: y.assessment.scores!.after ? riskLevel(y.assessment.scores!.after) : undefined,
        change: y.change,
        previousLevel: y.previousLevel
      })),
      riskMeasures: riskMeasures.slice(0, LISTED_MAX).map((a) => ({ title: a.title, text: areaRisks.find((r) => r.id === a.riskId)?.title ?? '' })),
      total: situation.total,
      seriousCount: situation.serious.current,
      closedCount: yearFacts.filter((f) => f.status === 'closed').length,
      byType,
      seriousEvents: mostSevere(serious, LISTED_MAX).map((f) => ({ title: f.title, occurredAt: f.occurredAt, eventType: f.eventType, severity: f.severity, status: f.status })),
      seriousNotListed: Math.max(0, serious.length - LISTED_MAX),
      followUps: situation.goals.flatMap((r) => [
        ...(r.goal.followUp ? [{ title: r.goal.title, text: r.goal.followUp }] : []),
        ...(r.goal.statusOverride && r.goal.statusComment ? [{ title: r.goal.title, text: r.goal.statusComment }] : [])
      ]),
      // An action is placed in its report's area; the report must be of the two years read.
      completedActions: completed.slice(0, LISTED_MAX).map((a) => ({ title: a.title, text: factById.get(a.incidentId)?.title ?? '' })),
      actionsNotListed: Math.max(0, completed.length - LISTED_MAX),
      improvementCount: byType.improvement
    };
  });
  const fulfilment = Object.fromEntries(GOAL_STATUS_KEYS.map((k) => [k, sections.reduce((n, s) => n + s.fulfilment[k], 0)])) as Record<GoalStatusKey, number>;
  return {
    year,
    generatedAt: now,
    summary: {
      total: { current: sections.reduce((n, s) => n + s.total.current, 0), previous: sections.reduce((n, s) => n + s.total.previous, 0) },
      serious: sections.reduce((n, s) => n + s.seriousCount, 0),
      goals: sections.reduce((n, s) => n + s.goals.length, 0),
      fulfilment
    },
    areas: sections
  };
}
