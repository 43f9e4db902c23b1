import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { buildAnnualReport, IAnnualReport } from '../../analytics/annualReport';
import { format } from '../../loc';
import { useAsync } from '../../hooks/useAsync';
import { TimeZoneContext } from '../../hooks/contexts';
import { useAnnounceUser, useContentLang, useStrings } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import { Button } from '../common/Button';
import { downloadBlob } from '../common/download';
import { ErrorState } from '../common/ErrorState';
import { formatDate, formatDateTime, isoDate } from '../common/format';
import { Heading } from '../common/Heading';
import { label } from '../common/labels';
import { ListText } from '../common/ListText';
import { LiveRegion } from '../common/LiveRegion';
import { LoadingState } from '../common/LoadingState';
import { Notice } from '../common/Notice';
import { ViewTitle } from '../common/ViewTitle';
import { GoalTable } from '../Goals/GoalTable';
import { incidentsText, riskChangeText, riskLevelText, riskRegisterText, summaryText, typeBreakdown } from './text';
import { cardListStyles, tableStyle } from '../common/styles';

const useStyles = makeStyles((theme) => ({
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  // The intro explains the screen; the board's paper starts with the report itself.
  intro: { margin: '0 0 12px', maxWidth: '75ch', selectors: { '@media print': { display: 'none' } } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: 12, margin: '0 0 20px', selectors: { '@media print': { display: 'none' } } },
  meta: { color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize },
  area: { margin: '28px 0 0', paddingTop: 16, borderTop: `2px solid ${theme.semanticColors.bodyDivider}`, selectors: { '@media print': { breakBefore: 'page' } } },
  h1: { margin: '0 0 8px', fontSize: theme.fonts.xLarge.fontSize, fontWeight: 600 },
  h2: { margin: '16px 0 6px', fontSize: theme.fonts.large.fontSize, fontWeight: 600 },
  h3: { margin: '12px 0 4px', fontSize: theme.fonts.mediumPlus.fontSize, fontWeight: 600 },
  list: { margin: '4px 0', paddingLeft: 20 },
  // The owners' own texts keep their line breaks, on screen and in print.
  text: { margin: '4px 0', maxWidth: '75ch', whiteSpace: 'pre-line' },
  ownText: { whiteSpace: 'pre-line' },
  // The risk tables become cards where the section is narrow (issue 14); print and .docx keep the table.
  ...cardListStyles(theme),
  table: tableStyle(theme, '6px 12px 6px 0')
}));

export interface IAnnualReportProps {
  year: number;
}

/** Nothing to tell: no reports, goals, risk assessments or completed actions in the year. */
export function isEmptyYear(report: IAnnualReport): boolean {
  return report.summary.total.current === 0 && report.summary.goals === 0 && report.areas.every((a) => a.register.length === 0 && a.completedActions.length === 0);
}

/** The säkerhetsberättelse for a year: on screen, printable, and as a Word document to download. */
export default function AnnualReport({ year }: IAnnualReportProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const services = useServices();
  const view = useAsync(() => services.views.loadAnnualReport(year), [services, year]);
  useAnnounceUser(view.status === 'done' ? view.data.user : undefined);
  const [preparing, setPreparing] = React.useState(false);
  const [docxError, setDocxError] = React.useState(false);
  const lang = useContentLang();
  const data = view.status === 'done' ? view.data : undefined;
  const now = React.useMemo(() => new Date(), []);
  const report: IAnnualReport | undefined = React.useMemo(() => (data ? buildAnnualReport(data, now, data.timeZone) : undefined), [data, now]);

  const download = async (): Promise<void> => {
    if (!report) {
      return;
    }
    setPreparing(true);
    setDocxError(false);
    try {
      const { annualReportBlob } = await import(/* webpackChunkName: 'sakerhet-docx' */ './docx');
      const blob = await annualReportBlob(report, strings, locale, data!.timeZone, lang);
      downloadBlob(blob, `Sakerhetsberattelse-${year}.docx`);
    } catch {
      setDocxError(true);
    } finally {
      setPreparing(false);
    }
  };

  return (
    <article>
      <ViewTitle className={classes.title}>{format(strings.annualReportHeading, year)}</ViewTitle>
      {view.status === 'loading' && <LoadingState label={strings.loadingAnnualReport} />}
      {view.status === 'error' && <ErrorState error={view.error} onRetry={view.reload} recovering={view.recovering} />}
      {view.status === 'done' && !view.data.user.canManageReports && <Notice kind="info">{strings.annualReportOnlyOwners}</Notice>}
      {/* A year with nothing in the lists says so, instead of fourteen sections of zeros. */}
      {report && view.status === 'done' && view.data.user.canManageReports && isEmptyYear(report) && <Notice kind="info">{format(strings.annualReportEmpty, year)}</Notice>}
      {report && view.status === 'done' && view.data.user.canManageReports && !isEmptyYear(report) && (
        <TimeZoneContext.Provider value={view.data.timeZone}>
          <p className={classes.intro}>{format(strings.annualReportIntro, year)}</p>
          <div className={classes.actions}>
            <Button primary icon="Page" onClick={() => download()} disabled={preparing}>
              {preparing ? strings.preparingDocx : strings.downloadDocx}
            </Button>
            <Button onClick={() => window.print()}>{strings.print}</Button>
          </div>
          <LiveRegion kind="alert">{docxError && <Notice kind="error">{strings.errorUnknown}</Notice>}</LiveRegion>
          <p className={classes.meta}>{format(strings.generatedAt, formatDateTime(report.generatedAt, locale, view.data.timeZone))}</p>
          <section>
            <Heading depth={1} className={classes.h1}>
              {strings.summaryHeading}
            </Heading>
            <p className={classes.text}>{summaryText(strings, report, locale)}</p>
          </section>
          {report.areas.map((s) => (
            <section key={s.area.id} className={classes.area} aria-labelledby={`sakerhet-ar-${s.area.id}`}>
              <Heading depth={1} className={classes.h1} id={`sakerhet-ar-${s.area.id}`}>
                <ListText>{s.area.title}</ListText>
              </Heading>
              <Heading depth={2} className={classes.h2}>
                {strings.overallGoals}
              </Heading>
              <p className={classes.text} lang={lang}>
                {s.area.purpose}
              </p>
              <Heading depth={2} className={classes.h2} id={`sakerhet-ar-${s.area.id}-goals`}>
                {strings.goalFulfilment}
              </Heading>
              {s.goals.length ? (
                <GoalTable rows={s.goals.map((r) => ({ goal: r.goal, outcome: r.outcome, computed: r.indicator && { indicator: r.indicator, at: now } }))} labelledBy={`sakerhet-ar-${s.area.id}-goals sakerhet-ar-${s.area.id}`} />
              ) : (
                <p className={classes.text}>{format(strings.noGoals, year)}</p>
              )}
              <Heading depth={2} className={classes.h2}>
                {strings.riskAnalyses}
              </Heading>
              <p className={classes.text}>{format(strings.riskSummary, s.riskCount)}</p>
              {s.analyses.length ? (
                <ul className={classes.list}>
                  {s.analyses.map((a, i) => (
                    <li key={i} className={classes.ownText} lang={lang}>
                      <strong>{a.title}:</strong> {a.text}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className={classes.text}>{strings.riskAnalysesNone}</p>
              )}
              {s.analysesNotListed > 0 && <p className={classes.text}>{format(strings.moreAnalyses, s.analysesNotListed)}</p>}
              <Heading depth={3} className={classes.h3} id={`sakerhet-ar-${s.area.id}-risks`}>
                {strings.riskRegisterHeading}
              </Heading>
              <p className={classes.text}>{riskRegisterText(strings, s.register)}</p>
              {s.register.length > 0 && (
                <div className={classes.scroller} role="region" aria-labelledby={`sakerhet-ar-${s.area.id}-risks sakerhet-ar-${s.area.id}`} tabIndex={0}>
                  <table className={classes.table}>
                    <thead>
                      <tr>
                        <th scope="col">{strings.riskTitle}</th>
                        <th scope="col">{strings.riskLevel}</th>
                        <th scope="col">{strings.riskAfterMeasures}</th>
                        <th scope="col">{strings.riskChangeColumn}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.register.map((r, i) => (
                        <tr key={i}>
                          <td lang={lang}>{r.title}</td>
                          <td>{riskLevelText(strings, r.level, r.value)}</td>
                          <td>{r.residualLevel ? riskLevelText(strings, r.residualLevel) : '–'}</td>
                          <td>{riskChangeText(strings, r)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {s.register.length > 0 && (
                <ul className={classes.cards} aria-labelledby={`sakerhet-ar-${s.area.id}-risks sakerhet-ar-${s.area.id}`}>
                  {s.register.map((r, i) => (
                    <li key={i} className={classes.card}>
                      <p className={classes.cardTitle} lang={lang}>
                        {r.title}
                      </p>
                      <p className={classes.cardFacts}>
                        <span>
                          {strings.riskLevel}: {riskLevelText(strings, r.level, r.value)}
                        </span>
                        <span>
                          {strings.riskAfterMeasures}: {r.residualLevel ? riskLevelText(strings, r.residualLevel) : '–'}
                        </span>
                        <span>
                          {strings.riskChangeColumn}: {riskChangeText(strings, r)}
                        </span>
                      </p>
                    </li>
                  ))}
                </ul>
              )}
              {s.riskMeasures.length > 0 && (
                <>
                  <Heading depth={3} className={classes.h3}>
                    {strings.riskMeasuresHeading}
                  </Heading>
                  <ul className={classes.list}>
                    {s.riskMeasures.map((a, i) => (
                      <li key={i} className={classes.ownText} lang={lang}>
                        {a.title} ({a.text})
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <Heading depth={2} className={classes.h2}>
                {strings.incidentsHeading}
              </Heading>
              <p className={classes.text}>{incidentsText(strings, s)}</p>
              {typeBreakdown(strings, s).length > 0 && (
                <ul className={classes.list}>
                  {typeBreakdown(strings, s).map(([t, n]) => (
                    <li key={t}>
                      {t}: {n}
                    </li>
                  ))}
                </ul>
              )}
              {s.seriousEvents.length > 0 && (
                <>
                  <Heading depth={3} className={classes.h3}>
                    {strings.seriousEvents}
                  </Heading>
                  <ul className={classes.list}>
                    {s.seriousEvents.map((e) => (
                      <li key={`${e.title}-${e.occurredAt.getTime()}`}>
                        <strong lang={lang}>{e.title}</strong> – <time dateTime={isoDate(e.occurredAt, view.data.timeZone)}>{formatDate(e.occurredAt, locale, view.data.timeZone)}</time>, {label(strings, 'eventType', e.eventType)},{' '}
                        {label(strings, 'severity', e.severity)}, {label(strings, 'incidentStatus', e.status)}
                      </li>
                    ))}
                  </ul>
                  {s.seriousNotListed > 0 && <p className={classes.text}>{format(strings.moreSeriousEvents, s.seriousNotListed)}</p>}
                </>
              )}
              <Heading depth={2} className={classes.h2}>
                {strings.followUpHeading}
              </Heading>
              {s.followUps.length > 0 && (
                <ul className={classes.list}>
                  {s.followUps.map((f, i) => (
                    <li key={i} className={classes.ownText} lang={lang}>
                      <strong>{f.title}:</strong> {f.text}
                    </li>
                  ))}
                </ul>
              )}
              {s.completedActions.length > 0 && (
                <>
                  <Heading depth={3} className={classes.h3}>
                    {strings.completedActions}
                  </Heading>
                  <ul className={classes.list}>
                    {s.completedActions.map((a, i) => (
                      <li key={i} lang={lang}>
                        {a.text ? `${a.title} (${a.text})` : a.title}
                      </li>
                    ))}
                  </ul>
                  {s.actionsNotListed > 0 && <p className={classes.text}>{format(strings.moreActions, s.actionsNotListed)}</p>}
                </>
              )}
              <p className={classes.text}>{format(strings.improvementSuggestions, s.improvementCount)}</p>
            </section>
          ))}
        </TimeZoneContext.Provider>
      )}
    </article>
  );
}
