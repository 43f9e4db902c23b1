import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { cardListStyles, tableStyle } from '../common/styles';
import { useContentLang, useStrings, useTimeZone } from '../../hooks/useHost';
import type { IArea, IIncident, IncidentStatusKey } from '../../model/types';
import { formatDate, isoDate } from '../common/format';
import { label } from '../common/labels';
import { RouteLink } from '../common/RouteLink';
import { StatusBadge, StatusTone } from '../common/StatusBadge';

const useStyles = makeStyles((theme) => ({
  // On a phone the table becomes cards, so the status is never out of sight (issue 14).
  ...cardListStyles(theme),
  table: [
    tableStyle(theme),
    { selectors: { th: { whiteSpace: 'nowrap' }, caption: { textAlign: 'left', position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' } } }
  ]
}));

export function statusTone(status: IncidentStatusKey): StatusTone {
  return status === 'closed' ? 'good' : status === 'new' ? 'warning' : 'neutral';
}

export interface IReportTableProps {
  reports: IIncident[];
  areas: IArea[];
  caption: string;
  /** Show the reporter column (for people who handle reports). */
  showReporter?: boolean;
  /** Show the area column (hidden on an area's own page). */
  showArea?: boolean;
  /**
   * The reporter's own view (Mina rapporter): a column for since when each report has its status,
   * and reports whose status changed after `changedAfter` (her previous visit) are marked.
   */
  feedback?: { changedAfter?: Date };
}

/** Whether the report's status changed after the moment (undefined: the first visit, nothing is marked). */
export function changedAfter(report: Pick<IIncident, 'statusChangedAt'>, moment: Date | undefined): boolean {
  return !!moment && !!report.statusChangedAt && report.statusChangedAt.getTime() > moment.getTime();
}

/**
 * Reports as a table, or as a list of cards where the section is narrow; the title opens the report.
 * List text is rendered as text, never HTML.
 */
export function ReportTable({ reports, areas, caption, showReporter, showArea = true, feedback }: IReportTableProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const zone = useTimeZone();
  const lang = useContentLang();
  const areaTitle = (r: IIncident): string => areas.find((a) => a.id === r.areaId)?.title ?? '';
  const status = (r: IIncident): JSX.Element => (
    <>
        <StatusBadge tone={statusTone(r.status)}>{label(strings, 'incidentStatus', r.status)}</StatusBadge>
        {feedback && changedAfter(r, feedback.changedAfter) && (
          <>
            {' '}
            <StatusBadge tone="warning">{strings.myReportsChanged}</StatusBadge>
          </>
        )}
    </>
  );
  const since = (r: IIncident): JSX.Element => <time dateTime={isoDate(r.statusChangedAt ?? r.created, zone)}>{formatDate(r.statusChangedAt ?? r.created, locale, zone)}</time>;
  const occurred = (r: IIncident): JSX.Element => <time dateTime={isoDate(r.occurredAt, zone)}>{formatDate(r.occurredAt, locale, zone)}</time>;
  return (
    <>
    <div className={classes.scroller} role="region" aria-label={caption} tabIndex={0}>
      <table className={classes.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.reportTitle}</th>
            {showArea && <th scope="col">{strings.area}</th>}
            <th scope="col">{strings.eventType}</th>
            <th scope="col">{strings.occurredAt}</th>
            {showReporter && <th scope="col">{strings.reporter}</th>}
            <th scope="col">{strings.status}</th>
            {feedback && <th scope="col">{strings.statusSince}</th>}
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id}>
              <td lang={lang}>
                <RouteLink to={{ name: 'reportDetail', id: r.id }}>{r.title}</RouteLink>
              </td>
              {showArea && <td lang={lang}>{areaTitle(r)}</td>}
              <td>{label(strings, 'eventType', r.eventType)}</td>
              <td>{occurred(r)}</td>
              {showReporter && <td>{r.reporter?.displayName ?? strings.anonymousReporter}</td>}
              <td>{status(r)}</td>
              {feedback && <td>{since(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <ul className={classes.cards} aria-label={caption}>
      {reports.map((r) => (
        <li key={r.id} className={classes.card}>
          <p className={classes.cardTitle} lang={lang}>
            <RouteLink to={{ name: 'reportDetail', id: r.id }}>{r.title}</RouteLink>
          </p>
          <p className={classes.cardFacts}>
            <span>{status(r)}</span>
            {feedback && (
              <span>
                {strings.statusSince}: {since(r)}
              </span>
            )}
          </p>
          <p className={classes.cardFacts}>
            {showArea && <span lang={lang}>{areaTitle(r)}</span>}
            <span>{label(strings, 'eventType', r.eventType)}</span>
            <span>
              {strings.occurredAt}: {occurred(r)}
            </span>
            {showReporter && (
              <span>
                {strings.reporter}: {r.reporter?.displayName ?? strings.anonymousReporter}
              </span>
            )}
          </p>
        </li>
      ))}
    </ul>
    </>
  );
}
