import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { cardListStyles, narrowerThan, tableStyle } from '../common/styles';
import { format } from '../../loc';
import { useContentLang, useStrings, useTimeZone } from '../../hooks/useHost';
import type { IStrings, Locale } from '../../loc';
import type { TimeZone } from '../../model/calendar';
import { computedStatus, IIndicatorValue } from '../../analytics/indicators';
import type { GoalStatusKey, IGoal } from '../../model/types';
import { formatDateTime, keepNumbersWhole, withUnit } from '../common/format';
import { formatNodes } from '../common/formatNodes';
import { label } from '../common/labels';
import { ListText } from '../common/ListText';
import { StatusBadge, StatusTone } from '../common/StatusBadge';

const useStyles = makeStyles((theme) => ({
  // On a phone or a tablet the table becomes cards: Utfall and Status are never out of sight
  // (issue 14). Its six or seven columns, with values kept on one line, need a desk's width.
  ...cardListStyles(theme, narrowerThan('56rem')),
  table: [tableStyle(theme), { selectors: { 'td.num': { whiteSpace: 'nowrap' } } }],
  cardFact: { margin: 0 },
  // "minst 100 %" and "Ej mätt än" are read as one: never broken across lines.
  nowrap: { whiteSpace: 'nowrap' },
  // Follow-ups and judgements are the owners' own text: their line breaks are kept.
  note: { margin: '4px 0 0', fontSize: theme.fonts.small.fontSize, color: theme.semanticColors.bodySubtext, whiteSpace: 'pre-line' }
}));

export function goalTone(status: GoalStatusKey): StatusTone {
  return status === 'met' ? 'good' : status === 'notMet' ? 'bad' : status === 'partlyMet' ? 'warning' : 'neutral';
}

/** A number with its unit; the unit is list text ("per 1 000 vårddagar"), marked with its language. */
function Quantity({ value, unit, locale }: { value: number; unit: string; locale: Locale }): JSX.Element {
  const number = keepNumbersWhole(withUnit(value, '', locale));
  if (!unit) {
    return <>{number}</>;
  }
  return unit === '%' ? (
    <>{`${number}\u00a0%`}</>
  ) : (
    <>
      {number} <ListText>{keepNumbersWhole(unit)}</ListText>
    </>
  );
}

export interface IGoalRow {
  goal: IGoal;
  /** The outcome to show; by default the stored one. */
  outcome?: number;
  /** A computed goal's indicator as just computed from all of the area's reports; by default the stored one. */
  computed?: { indicator: IIndicatorValue; at: Date };
}

/**
 * What a computed outcome rests on: when it was computed, from how many reports, and whether a
 * deadline has passed since (validUntil) – then the outcome is as of that moment, not now.
 */
function computedNote(strings: IStrings, g: IGoal, computed: IGoalRow['computed'], now: Date, locale: Locale, zone: TimeZone): string {
  const at = computed?.at ?? g.outcomeComputedAt;
  if (!at) {
    return strings.computedFromReports;
  }
  const basis = computed ? computed.indicator.basis : g.outcomeBasis;
  const validUntil = computed ? computed.indicator.validUntil : g.outcomeValidUntil;
  const when = formatDateTime(at, locale, zone);
  const text = basis === undefined ? format(strings.computedOn, when) : basis === 1 ? format(strings.computedOnOfOne, when) : format(strings.computedOnOf, when, basis);
  return validUntil && now.getTime() >= validUntil.getTime() ? `${text}. ${strings.computedBeforeDeadline}` : text;
}

export interface IGoalTableProps {
  rows: IGoalRow[];
  /** Names the table for screen readers (a region that scrolls on narrow screens). */
  label?: string;
  /** Or the id of a visible heading that names it (keeps list text in its language). */
  labelledBy?: string;
  /** Show the area's name in the first column (lägesbild over all areas). */
  areaName?: (goal: IGoal) => string;
}

/**
 * Goals with indicator, baseline, target, outcome and status. The status follows from target and
 * outcome unless the owner judged it, which is shown with the owner's reason.
 */
export function GoalTable({ rows, label: name, labelledBy, areaName }: IGoalTableProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const zone = useTimeZone();
  const lang = useContentLang();
  // The moment the table is shown: a stored outcome past its valid-until says so.
  const now = React.useMemo(() => new Date(), []);
  const content = rows.map(({ goal: g, outcome: given, computed }) => {
    const outcome = given ?? g.outcome;
    const status = g.statusOverride ?? computedStatus(g, outcome);
    return {
      g,
      area: areaName && areaName(g),
      title: (
        <>
          <ListText>{g.title}</ListText>
          {g.followUp && (
            <p className={classes.note} lang={lang}>
              {g.followUp}
            </p>
          )}
        </>
      ),
      indicator: (
        <>
          <ListText>{g.indicator}</ListText>
          {g.indicatorSource === 'computed' && (
            <p className={classes.note}>{computedNote(strings, g, computed, now, locale, zone)}</p>
          )}
        </>
      ),
      baseline: g.baseline === undefined ? '–' : <Quantity value={g.baseline} unit={g.unit} locale={locale} />,
      target: formatNodes(g.direction === 'atMost' ? strings.targetAtMost : strings.targetAtLeast, [<Quantity key="t" value={g.target} unit={g.unit} locale={locale} />]),
      outcome: outcome === undefined ? strings.notMeasured : <Quantity value={outcome} unit={g.unit} locale={locale} />,
      status: (
        <>
          <StatusBadge tone={goalTone(status)}>{label(strings, 'goalStatus', status)}</StatusBadge>
          {g.statusOverride && (
            <p className={classes.note}>
              {strings.judgedStatus}: <ListText>{g.statusComment}</ListText>
            </p>
          )}
        </>
      )
    };
  });
  return (
    <>
      <div className={classes.scroller} role="region" aria-label={labelledBy ? undefined : name} aria-labelledby={labelledBy} tabIndex={0}>
        <table className={classes.table}>
          <thead>
            <tr>
              {areaName && <th scope="col">{strings.area}</th>}
              <th scope="col">{strings.goal}</th>
              <th scope="col">{strings.indicator}</th>
              <th scope="col" className="num">
                {strings.baseline}
              </th>
              <th scope="col" className="num">
                {strings.target}
              </th>
              <th scope="col" className="num">
                {strings.outcome}
              </th>
              <th scope="col">{strings.status}</th>
            </tr>
          </thead>
          <tbody>
            {content.map((c) => (
              <tr key={c.g.id}>
                {areaName && <td lang={lang}>{c.area}</td>}
                <td>{c.title}</td>
                <td>{c.indicator}</td>
                <td className="num">{c.baseline}</td>
                <td className="num">{c.target}</td>
                <td className="num">{c.outcome}</td>
                <td>{c.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* The same goals as cards where the section is narrow: the goal, then outcome against target and status. */}
      <ul className={classes.cards} aria-label={labelledBy ? undefined : name} aria-labelledby={labelledBy}>
        {content.map((c) => (
          <li key={c.g.id} className={classes.card}>
            {c.area !== undefined && (
              <p className={classes.cardFacts} lang={lang}>
                {c.area}
              </p>
            )}
            <div className={classes.cardTitle}>{c.title}</div>
            <p className={classes.cardFacts}>
              <span>
                {strings.outcome}: <span className={classes.nowrap}>{c.outcome}</span>
              </span>
              <span>
                {strings.target}: <span className={classes.nowrap}>{c.target}</span>
              </span>
              <span>
                {strings.baseline}: <span className={classes.nowrap}>{c.baseline}</span>
              </span>
            </p>
            <div className={classes.cardFact}>{c.status}</div>
            <div className={classes.cardFacts}>
              <div>
                {strings.indicator}: {c.indicator}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
