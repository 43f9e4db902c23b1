import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { scrollerStyle, tableStyle } from '../common/styles';
import { useContentLang, useStrings, useTimeZone } from '../../hooks/useHost';
import type { IArea, IIncident, IncidentStatusKey } from '../../model/types';
import { formatDate, isoDate } from '../common/format';
import { label } from '../common/labels';
import { RouteLink } from '../common/RouteLink';
import { StatusBadge, StatusTone } from '../common/StatusBadge';

const useStyles = makeStyles((theme) => ({
  scroller: scrollerStyle,
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

/** Reports as a table; the title opens the report. List text is rendered as text, never HTML. */
export function ReportTable({ reports, areas, caption, showReporter, showArea = true, feedback }: IReportTableProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const zone = useTimeZone();
  const lang = useContentLang();
  return (
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
              {showArea && <td lang={lang}>{areas.find((a) => a.id === r.areaId)?.title ?? ''}</td>}
              <td>{label(strings, 'eventType', r.eventType)}</td>
              <td>
                <time dateTime={isoDate(r.occurredAt, zone)}>{formatDate(r.occurredAt, locale, zone)}</time>
              </td>
              {showReporter && <td>{r.reporter?.displayName ?? strings.anonymousReporter}</td>}
              <td>
                <StatusBadge tone={statusTone(r.status)}>{label(strings, 'incidentStatus', r.status)}</StatusBadge>
                {feedback && changedAfter(r, feedback.changedAfter) && (
                  <>
                    {' '}
                    <StatusBadge tone="warning">{strings.myReportsChanged}</StatusBadge>
                  </>
                )}
              </td>
              {feedback && (
                <td>
                  <time dateTime={isoDate(r.statusChangedAt ?? r.created, zone)}>{formatDate(r.statusChangedAt ?? r.created, locale, zone)}</time>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
