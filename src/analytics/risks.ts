/**
 * What the app says about an area's risk register: due for review, measures late, the heat map's
 * counts, and the säkerhetsberättelse's year of assessments. Pure functions over the models.
 * Days are calendar days in the site's time zone (model/calendar.ts), never 24-hour arithmetic.
 */
import { dayIn, inYear, TimeZone } from '../model/calendar';
import { countByCell, levelRank, riskLevel, riskValue, type IRiskScore } from '../model/risk';
import type { RiskLevelKey } from '../model/schema';
import type { IAction, IRisk, IRiskAssessment } from '../model/types';

/**
 * Due for review: the risk is not closed and its next review (a date-only value: midnight of its
 * day in the site's zone) is today or earlier on the site's calendar. A risk without a review
 * date that has been assessed is due too – nobody has said when to look at it again.
 */
export function isDueForReview(risk: IRisk, now: Date, zone: TimeZone): boolean {
  if (risk.status === 'closed') {
    return false;
  }
  if (!risk.nextReview) {
    return risk.scores !== undefined;
  }
  return dayIn(risk.nextReview, zone) <= dayIn(now, zone);
}

/** Late: not done and its last day (Klart senast) is before today on the site's calendar. */
export function isLate(action: IAction, now: Date, zone: TimeZone): boolean {
  return action.status !== 'done' && dayIn(action.dueDate, zone) < dayIn(now, zone);
}

/** The score a heat map places a risk by: before measures, or after them (falling back to before when no residual risk was assessed). */
export function scoreFor(risk: IRisk, when: 'before' | 'after'): IRiskScore | undefined {
  if (!risk.scores) {
    return undefined;
  }
  return when === 'after' ? risk.scores.after ?? risk.scores.before : risk.scores.before;
}

/** Counts per cell (counts[sannolikhet-1][konsekvens-1]) of the assessed risks that are not closed. */
export function heatMap(risks: readonly IRisk[], when: 'before' | 'after'): number[][] {
  return countByCell(risks.filter((r) => r.status !== 'closed').map((r) => scoreFor(r, when)).filter((s): s is IRiskScore => s !== undefined));
}

/** Highest first: level, then value, then title (Swedish order), unassessed last. */
export function byLevel(risks: readonly IRisk[]): IRisk[] {
  const rank = (r: IRisk): number => (r.scores ? levelRank(riskLevel(r.scores.before)) * 100 + riskValue(r.scores.before) : 0);
  return [...risks].sort((a, b) => rank(b) - rank(a) || a.title.localeCompare(b.title, 'sv'));
}

export function levelOf(score: IRiskScore | undefined): RiskLevelKey | undefined {
  return score ? riskLevel(score) : undefined;
}

export type RiskChange = 'new' | 'higher' | 'lower' | 'same';

export interface IRiskYear {
  risk: IRisk;
  /** The year's last fastställd assessment. */
  assessment: IRiskAssessment;
  /** Compared with the last fastställd assessment before the year: none before is 'new'. */
  change: RiskChange;
  previousLevel?: RiskLevelKey;
}

/**
 * An area's risk analyses of a year for the säkerhetsberättelse: each risk assessed (fastställd)
 * during the year on the site's calendar, with its level against the last assessment before the
 * year. Drafts never count. Highest level first.
 */
export function riskYear(risks: readonly IRisk[], assessments: readonly IRiskAssessment[], year: number, zone: TimeZone): IRiskYear[] {
  const out: IRiskYear[] = [];
  for (const risk of risks) {
    const mine = assessments.filter((a) => a.riskId === risk.id && a.status === 'approved' && a.scores).sort((a, b) => a.assessedAt.getTime() - b.assessedAt.getTime());
    const inTheYear = mine.filter((a) => inYear(a.assessedAt, year, zone));
    if (inTheYear.length === 0) {
      continue;
    }
    const last = inTheYear[inTheYear.length - 1];
    const before = mine.filter((a) => a.assessedAt.getTime() < last.assessedAt.getTime() && !inYear(a.assessedAt, year, zone)).pop();
    const now = levelRank(riskLevel(last.scores!.before));
    const then = before ? levelRank(riskLevel(before.scores!.before)) : undefined;
    out.push({
      risk,
      assessment: last,
      change: then === undefined ? 'new' : now > then ? 'higher' : now < then ? 'lower' : 'same',
      previousLevel: before ? riskLevel(before.scores!.before) : undefined
    });
  }
  return out.sort((a, b) => levelRank(riskLevel(b.assessment.scores!.before)) - levelRank(riskLevel(a.assessment.scores!.before)) || riskValue(b.assessment.scores!.before) - riskValue(a.assessment.scores!.before));
}
