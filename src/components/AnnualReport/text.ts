/** The säkerhetsberättelse's sentences, shared by the printable view and the Word document. */
import type { IAnnualAreaSection, IAnnualReport, IAnnualRisk } from '../../analytics/annualReport';
import type { RiskLevelKey } from '../../model/schema';
import { computedStatus } from '../../analytics/indicators';
import { comparesAsCounts, EVENT_TYPE_KEYS, trend } from '../../analytics/situation';
import { format, IStrings, Locale } from '../../loc';
import type { IGoal } from '../../model/types';
import { withUnit } from '../common/format';
import { label } from '../common/labels';
import { trendText } from '../common/trend';

export function summaryText(strings: IStrings, r: IAnnualReport, locale: Locale): string {
  const f = r.summary.fulfilment;
  // "inget att jämföra med jämfört med 2026" read wrongly: without a year before, say so plainly.
  // On small numbers the count of the year before, not a percentage: "mot 2 under 2025".
  const comparison =
    trend(r.summary.total) === undefined
      ? format(strings.summaryTrendNone, r.year - 1)
      : comparesAsCounts(r.summary.total)
        ? format(strings.summaryTrendCounts, r.summary.total.previous, r.year - 1)
        : format(strings.summaryTrend, trendText(strings, r.summary.total, locale), r.year - 1);
  return format(strings.summaryText, r.year, r.summary.total.current, comparison, r.summary.serious, r.summary.goals, f.met, f.partlyMet, f.notMet, f.ongoing);
}

export function incidentsText(strings: IStrings, s: IAnnualAreaSection): string {
  return format(strings.incidentsSummary, s.total.current, s.total.previous, s.seriousCount, s.closedCount);
}

export function typeBreakdown(strings: IStrings, s: IAnnualAreaSection): [string, number][] {
  return EVENT_TYPE_KEYS.filter((k) => s.byType[k] > 0).map((k) => [label(strings, 'eventType', k), s.byType[k]]);
}

export function targetText(strings: IStrings, g: IGoal, locale: Locale): string {
  return format(g.direction === 'atMost' ? strings.targetAtMost : strings.targetAtLeast, withUnit(g.target, g.unit, locale));
}

export function outcomeText(strings: IStrings, g: IGoal, outcome: number | undefined, locale: Locale): string {
  return outcome === undefined ? strings.notMeasured : withUnit(outcome, g.unit, locale);
}

export function statusText(strings: IStrings, g: IGoal, outcome: number | undefined): string {
  return label(strings, 'goalStatus', g.statusOverride ?? computedStatus(g, outcome));
}

/** A risk's level as the register shows it: "Hög (8)". */
export function riskLevelText(strings: IStrings, level: RiskLevelKey, value?: number): string {
  const name = (strings as unknown as Record<string, string>)[`riskLevel_${level}`];
  return value === undefined ? name : `${name} (${value})`;
}

/** How a risk's level changed against the assessment before the year. */
export function riskChangeText(strings: IStrings, r: IAnnualRisk): string {
  const text = (strings as unknown as Record<string, string>)[`riskChange_${r.change}`];
  return r.previousLevel ? format(text, riskLevelText(strings, r.previousLevel)) : text;
}

/** The register's summary line: how many of the area's risks were assessed, how many high or very high. */
export function riskRegisterText(strings: IStrings, register: readonly IAnnualRisk[]): string {
  if (register.length === 0) {
    return strings.riskRegisterNone;
  }
  return format(strings.riskRegisterSummary, register.length, register.filter((r) => r.level === 'high' || r.level === 'veryHigh').length);
}
