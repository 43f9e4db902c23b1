import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useContentLang, useStrings, useTimeZone } from '../../hooks/useHost';
import { isDueForReview } from '../../analytics/risks';
import { riskLevel, riskValue, type IRiskScore } from '../../model/risk';
import type { RiskLevelKey } from '../../model/schema';
import type { IRisk, RiskStatusKey } from '../../model/types';
import { formatDate, isoDate } from '../common/format';
import { label } from '../common/labels';
import { RouteLink } from '../common/RouteLink';
import { StatusBadge, StatusTone } from '../common/StatusBadge';
import { cardListStyles, tableStyle, visuallyHiddenStyle } from '../common/styles';

const useStyles = makeStyles((theme) => ({
  // On a phone the table becomes cards: the level and next review are never out of sight (issue 14).
  ...cardListStyles(theme),
  table: [tableStyle(theme), { selectors: { caption: visuallyHiddenStyle } }]
}));

/** A level's badge tone: colour is never the only carrier, the level is written out. */
export function levelTone(level: RiskLevelKey): StatusTone {
  return level === 'low' ? 'good' : level === 'medium' ? 'neutral' : level === 'high' ? 'warning' : 'bad';
}

export function riskStatusTone(status: RiskStatusKey): StatusTone {
  return status === 'closed' || status === 'accepted' ? 'good' : status === 'identified' ? 'warning' : 'neutral';
}

/** "Mycket hög (9)" as a badge, or "Inte bedömd". */
export function LevelBadge({ score }: { score: IRiskScore | undefined }): JSX.Element {
  const { strings } = useStrings();
  if (!score) {
    return <StatusBadge tone="neutral">{strings.riskNotAssessed}</StatusBadge>;
  }
  const level = riskLevel(score);
  return <StatusBadge tone={levelTone(level)}>{format(strings.riskLevelValue, label(strings, 'riskLevel', level), riskValue(score))}</StatusBadge>;
}

export interface IRiskTableProps {
  /** In the order to show (analytics/risks.ts byLevel: highest level first). */
  risks: IRisk[];
  caption: string;
  now: Date;
}

/**
 * An area's risks: the risk opens its page; the level and value of its fastställd assessment
 * before measures; its status; its next review, flagged when it is due (today or earlier on the
 * site's calendar, analytics/risks.ts isDueForReview).
 */
export function RiskTable({ risks, caption, now }: IRiskTableProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const zone = useTimeZone();
  const lang = useContentLang();
  const review = (r: IRisk): JSX.Element => (
    <>
        {r.nextReview ? <time dateTime={isoDate(r.nextReview, zone)}>{formatDate(r.nextReview, locale, zone)}</time> : strings.notScheduled}
        {isDueForReview(r, now, zone) && (
          <>
            {' '}
            <StatusBadge tone="warning">{strings.riskDue}</StatusBadge>
          </>
        )}
    </>
  );
  const status = (r: IRisk): JSX.Element => <StatusBadge tone={riskStatusTone(r.status)}>{label(strings, 'riskStatus', r.status)}</StatusBadge>;
  return (
    <>
    <div className={classes.scroller} role="region" aria-label={caption} tabIndex={0}>
      <table className={classes.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.riskTitle}</th>
            <th scope="col">{strings.riskLevel}</th>
            <th scope="col">{strings.status}</th>
            <th scope="col">{strings.nextReview}</th>
          </tr>
        </thead>
        <tbody>
          {risks.map((r) => (
            <tr key={r.id}>
              <td lang={lang}>
                <RouteLink to={{ name: 'risk', id: r.id }}>{r.title}</RouteLink>
              </td>
              <td>
                <LevelBadge score={r.scores?.before} />
              </td>
              <td>{status(r)}</td>
              <td>{review(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <ul className={classes.cards} aria-label={caption}>
      {risks.map((r) => (
        <li key={r.id} className={classes.card}>
          <p className={classes.cardTitle} lang={lang}>
            <RouteLink to={{ name: 'risk', id: r.id }}>{r.title}</RouteLink>
          </p>
          <p className={classes.cardFacts}>
            <LevelBadge score={r.scores?.before} />
            {status(r)}
          </p>
          <p className={classes.cardFacts}>
            <span>
              {strings.nextReview}: {review(r)}
            </span>
          </p>
        </li>
      ))}
    </ul>
    </>
  );
}
