/** The säkerhetsberättelse's sentences, shared by the printable view and the Word document. */
import type { IAnnualAreaSection, IAnnualReport } from '../../analytics/annualReport';
import { computedStatus } from '../../analytics/indicators';
import { EVENT_TYPE_KEYS, trend } from '../../analytics/situation';
import { format, IStrings, Locale } from '../../loc';
import type { IGoal } from '../../model/types';
import { withUnit } from '../common/format';
import { label } from '../common/labels';
import { trendText } from '../common/trend';

export function summaryText(strings: IStrings, r: IAnnualReport, locale: Locale): string {
  const f = r.summary.fulfilment;
  // "inget att jämföra med jämfört med 2026" read wrongly: without a year before, say so plainly.
  const comparison =
    trend(r.summary.total) === undefined ? format(strings.summaryTrendNone, r.year - 1) : format(strings.summaryTrend, trendText(strings, r.summary.total, locale), r.year - 1);
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
