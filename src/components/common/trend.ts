import { format, IStrings, Locale } from '../../loc';
import { formatNumber } from './format';
import { comparesAsCounts, ICountPair, trend } from '../../analytics/situation';

/**
 * "12 % fler", "3 % färre", "lika många" – a year compared with the year before; on small numbers
 * the counts: "7 mot 2" (analytics/situation.ts comparesAsCounts).
 */
export function trendText(strings: IStrings, pair: ICountPair, locale: Locale): string {
  const t = trend(pair);
  if (t === undefined) {
    return strings.trendNone;
  }
  if (t === 0) {
    return strings.trendSame;
  }
  if (comparesAsCounts(pair)) {
    return format(strings.trendCounts, formatNumber(pair.current, locale), formatNumber(pair.previous, locale));
  }
  return format(t > 0 ? strings.trendUp : strings.trendDown, formatNumber(Math.abs(t), locale));
}
