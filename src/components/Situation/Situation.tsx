import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { cardListStyles, tableStyle } from '../common/styles';
import { format } from '../../loc';
import { useAsync } from '../../hooks/useAsync';
import { TimeZoneContext } from '../../hooks/contexts';
import { useAnnounceUser, useContentLang, useRouter, useStrings } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import { computeSituation, EVENT_TYPE_KEYS, IDeadlineRow, ISituation, SEVERITY_KEYS, STATUS_KEYS } from '../../analytics/situation';
import { yearIn } from '../../model/calendar';
import { IQueueFilter, monthFilter, situationFilter } from '../../model/queue';
import type { Route } from '../../app/routes';
import type { IArea, IGoal } from '../../model/types';
import type { ICurrentUser, IServices } from '../../services/interfaces';
import { Button } from '../common/Button';
import { ErrorState } from '../common/ErrorState';
import { formatDate, formatDay, isoDate, monthName, withUnit } from '../common/format';
import { formatNodes } from '../common/formatNodes';
import { ListText } from '../common/ListText';
import { LiveRegion } from '../common/LiveRegion';
import { Heading } from '../common/Heading';
import { label } from '../common/labels';
import { LoadingState } from '../common/LoadingState';
import { Notice } from '../common/Notice';
import { RouteButton } from '../common/RouteButton';
import { RouteLink } from '../common/RouteLink';
import { Select } from '../common/Select';
import { StatusBadge } from '../common/StatusBadge';
import { trendText } from '../common/trend';
import { ViewTitle } from '../common/ViewTitle';
import { GoalTable } from '../Goals/GoalTable';
import { Chart } from './Charts';
import { RiskPicture } from '../Risks/RiskPicture';

const useStyles = makeStyles((theme) => ({
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  intro: { margin: '0 0 16px', maxWidth: '70ch' },
  controls: { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'end', margin: '0 0 16px' },
  figures: { listStyle: 'none', margin: '0 0 24px', padding: 0, display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 11rem), 1fr))' },
  figure: { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12, display: 'grid', gap: 2 },
  figureLabel: { fontSize: theme.fonts.small.fontSize, color: theme.semanticColors.bodySubtext },
  figureValue: { fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, lineHeight: '1.2' },
  figureNote: { fontSize: theme.fonts.small.fontSize },
  charts: { display: 'grid', gap: 24, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))', margin: '0 0 28px' },
  section: { margin: '0 0 28px' },
  sectionTitle: { margin: '0 0 8px', fontSize: theme.fonts.xLarge.fontSize, fontWeight: 600 },
  help: { margin: '0 0 8px', maxWidth: '75ch', color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize },
  // Its tables become cards where the section is narrow (issue 14).
  ...cardListStyles(theme),
  table: tableStyle(theme, '6px 12px 6px 0')
}));

/**
 * Computed outcomes are stored in the goals, so that staff (who cannot read everyone's reports)
 * and SharePoint's own list views see them too, with when and from how many reports they were
 * computed. Only changed ones are written (value, basis or valid-until; or never computed), each
 * with its ETag; a goal someone else just saved is left for the next time.
 */
async function storeComputedOutcomes(services: IServices, user: ICurrentUser, situation: ISituation, at: Date): Promise<boolean> {
  if (!user.canEditGoals) {
    return false;
  }
  const changed = situation.goals.filter(({ goal: g, indicator: i }) => i && (!g.outcomeComputedAt || i.value !== g.outcome || i.basis !== g.outcomeBasis || i.validUntil?.getTime() !== g.outcomeValidUntil?.getTime()));
  if (changed.length === 0) {
    return false;
  }
  const stored = await services.goals.storeOutcomes(
    changed.map((r) => ({ goal: r.goal, indicator: r.indicator! })),
    at
  );
  return stored === changed.length;
}

/** This year and the three before, and the year in the address if it is another one. */
export function yearOptions(thisYear: number, chosen: number): { value: string; text: string }[] {
  const years = [0, 1, 2, 3].map((n) => thisYear - n);
  if (!years.includes(chosen)) {
    years.push(chosen);
    years.sort((a, b) => b - a);
  }
  return years.map((y) => ({ value: String(y), text: String(y) }));
}

export interface ISituationProps {
  year?: number;
  areaKey?: string;
}

/** Lägesbild: goal fulfilment, reports over time, serious events and their deadlines, trends. */
export default function Situation({ year: givenYear, areaKey }: ISituationProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const services = useServices();
  const router = useRouter();
  const contentLang = useContentLang();
  const now = React.useMemo(() => new Date(), []);
  // Without a year in the address, the site's current year: the view learns it with the site's zone.
  const view = useAsync(() => services.views.loadSituation(givenYear), [services, givenYear]);
  useAnnounceUser(view.status === 'done' ? view.data.user : undefined);
  const [stored, setStored] = React.useState(false);

  const data = view.status === 'done' ? view.data : undefined;
  const year = data?.year ?? givenYear ?? 0;
  // The year and area chooser stays while another year loads, so focus stays on it.
  const lastData = React.useRef(data);
  if (data) {
    lastData.current = data;
  }
  const controlsData = data ?? lastData.current;
  // The choice is applied when the user says so ("Visa"), not at the first arrow key in a list
  // (WCAG 3.2.2): a closed select changes its value with the arrow keys on Windows.
  const [chosenYear, setChosenYear] = React.useState(String(year));
  const [chosenArea, setChosenArea] = React.useState(areaKey ?? '');
  React.useEffect(() => {
    setChosenYear(String(year));
    setChosenArea(areaKey ?? '');
  }, [year, areaKey]);
  // Set when the user applied a choice: once the place has loaded, the live region says what is shown.
  const [applied, setApplied] = React.useState<string>();
  const place = `${year}/${areaKey ?? ''}`;
  const situation = React.useMemo(() => {
    if (!data) {
      return undefined;
    }
    const area = areaKey ? data.areas.find((a) => a.key === areaKey) : undefined;
    return computeSituation(data.year, data.facts, data.goals, now, data.timeZone, area);
  }, [data, areaKey, now]);

  const perArea = React.useMemo(
    () => (data ? data.areas.map((area) => ({ area, situation: computeSituation(data.year, data.facts, data.goals, now, data.timeZone, area) })) : []),
    [data, now]
  );

  // Once per load: store the region's computed outcomes (switching area reads the same data).
  React.useEffect(() => {
    if (!data || !data.user.canManageReports) {
      return;
    }
    const all = computeSituation(data.year, data.facts, data.goals, now, data.timeZone);
    storeComputedOutcomes(services, data.user, all, now).then(setStored, () => setStored(false));
  }, [data, services, now]);

  const show = (e: React.FormEvent): void => {
    e.preventDefault();
    const to = { year: Number(chosenYear), areaKey: chosenArea || undefined };
    setApplied(`${to.year}/${to.areaKey ?? ''}`);
    router.navigate({ name: 'situation', ...to }, { focus: false });
  };
  // The queue with the reports a figure counts: the year's, of the area shown (or all the user handles).
  const inQueue = (extra: Partial<IQueueFilter>, area: string | undefined = areaKey): Route => ({ name: 'queue', filter: situationFilter(year, area, extra) });
  const monthQueue = (month: number): Route => ({ name: 'queue', filter: monthFilter(year, month, areaKey) });
  // A deadline's cells, in the table and in its cards alike.
  const zone = data?.timeZone ?? '';
  const areaTitle = (areaId: number): string => data?.areas.find((a) => a.id === areaId)?.title ?? '';
  const occurred = (d: IDeadlineRow): JSX.Element => <time dateTime={isoDate(d.report.occurredAt, zone)}>{formatDate(d.report.occurredAt, locale, zone)}</time>;
  const due = (d: IDeadlineRow): JSX.Element => <time dateTime={d.due}>{formatDay(d.due, locale)}</time>;
  const deadlineState = (d: IDeadlineRow): JSX.Element =>
    d.reported ? (
      <StatusBadge tone="good">{strings.reportedToAuthority}</StatusBadge>
    ) : d.daysLeft < 0 ? (
      <StatusBadge tone="bad">{format(strings.daysOverdue, -d.daysLeft)}</StatusBadge>
    ) : d.daysLeft === 0 ? (
      <StatusBadge tone="warning">{strings.dueToday}</StatusBadge>
    ) : (
      <StatusBadge tone="warning">{format(strings.daysLeft, d.daysLeft)}</StatusBadge>
    );
  const areaName =
    (areas: IArea[]): ((g: IGoal) => string) =>
    (g: IGoal): string =>
      areas.find((a) => a.id === g.areaId)?.title ?? '';

  return (
    <>
      <ViewTitle className={classes.title}>{strings.situationHeading}</ViewTitle>
      {view.status === 'loading' && <LoadingState label={strings.loadingSituation} />}
      {view.status === 'error' && <ErrorState error={view.error} onRetry={view.reload} recovering={view.recovering} />}
      {view.status === 'done' && !view.data.user.canManageReports && <Notice kind="info">{strings.situationOnlyOwners}</Notice>}
      {controlsData && controlsData.user.canManageReports && (
        <form className={classes.controls} onSubmit={show}>
          <Select id="sakerhet-situation-year" label={strings.period} value={chosenYear} onChange={setChosenYear} options={yearOptions(yearIn(now, controlsData.timeZone), year || controlsData.year)} />
          <Select
            id="sakerhet-situation-area"
            label={strings.area}
            value={chosenArea}
            onChange={setChosenArea}
            options={[{ value: '', text: strings.wholeRegion }, ...controlsData.areas.map((a) => ({ value: a.key, text: a.title, lang: contentLang }))]}
          />
          <Button type="submit">{strings.showSituation}</Button>
          <RouteButton to={{ name: 'annualReport', year }} icon="Page">
            {format(strings.annualReportLink, year)}
          </RouteButton>
        </form>
      )}
      <LiveRegion kind="status">
        {view.status === 'done' && situation && applied === place && formatNodes(strings.situationShown, [String(year), situation.area ? <ListText key="a">{situation.area.title}</ListText> : strings.wholeRegion])}
      </LiveRegion>
      {view.status === 'done' && view.data.user.canManageReports && situation && (
        <TimeZoneContext.Provider value={view.data.timeZone}>
          <p className={classes.intro} id="sakerhet-situation-intro">
            {formatNodes(strings.situationIntro, [situation.area ? <ListText key="a">{situation.area.title}</ListText> : strings.wholeRegion])}
          </p>
          <ul className={classes.figures} aria-labelledby="sakerhet-situation-intro">
            {(
              [
                [strings.reportsCount, situation.total.current.toLocaleString(locale), trendText(strings, situation.total, locale), inQueue({})],
                [strings.seriousCount, situation.serious.current.toLocaleString(locale), trendText(strings, situation.serious, locale), inQueue({ severity: 'atLeastSerious' })],
                [strings.openCount, situation.open.toLocaleString(locale), '', inQueue({ status: 'open' })],
                [strings.closedWithin30, situation.closedWithin30 === undefined ? '–' : withUnit(situation.closedWithin30, '%', locale), '', undefined],
                [strings.goalsMet, format(strings.goalsMetValue, situation.goalStatus.met, situation.goals.length), '', undefined]
              ] as [string, string, string, Route | undefined][]
            ).map(([name, value, note, to]) => (
              <li key={name} className={classes.figure}>
                <span className={classes.figureLabel}>{name}</span>
                <span className={classes.figureValue}>{to ? <RouteLink to={to} aria-label={format(strings.situationInQueue, `${name}: ${value}`)}>{value}</RouteLink> : value}</span>
                {note && (
                  <span className={classes.figureNote}>
                    {format(situation.partial ? strings.comparedWithSamePeriod : strings.comparedWith, year - 1, note)}
                  </span>
                )}
              </li>
            ))}
          </ul>

          <div className={classes.charts}>
            <Chart
              id="sakerhet-chart-month"
              columns
              title={strings.chartByMonth}
              currentLabel={String(year)}
              previousLabel={String(year - 1)}
              rows={situation.byMonth.map((m) => ({ label: monthName(m.month, locale), current: m.current, previous: m.previous, to: monthQueue(m.month) }))}
            />
            <Chart
              id="sakerhet-chart-type"
              title={strings.chartByType}
              currentLabel={String(year)}
              previousLabel={String(year - 1)}
              rows={EVENT_TYPE_KEYS.map((k) => ({ label: label(strings, 'eventType', k), ...situation.byType[k], to: inQueue({ eventType: k }) }))}
            />
            <Chart
              id="sakerhet-chart-severity"
              title={strings.chartBySeverity}
              currentLabel={String(year)}
              previousLabel={String(year - 1)}
              rows={SEVERITY_KEYS.map((k) => ({ label: label(strings, 'severity', k), ...situation.bySeverity[k], to: inQueue({ severity: k }) }))}
            />
            <Chart
              id="sakerhet-chart-status"
              title={format(strings.chartByStatus, year)}
              currentLabel={String(year)}
              rows={STATUS_KEYS.map((k) => ({ label: label(strings, 'incidentStatus', k), current: situation.byStatus[k], to: inQueue({ status: k }) }))}
            />
          </div>

          <section className={classes.section}>
            <Heading depth={1} className={classes.sectionTitle}>
              {strings.deadlinesHeading}
            </Heading>
            <p className={classes.help}>{strings.deadlinesIntro}</p>
            {situation.deadlines.length === 0 ? (
              <p>{strings.noDeadlines}</p>
            ) : (
              <div className={classes.scroller} role="region" aria-label={strings.deadlinesHeading} tabIndex={0}>
                <table className={classes.table}>
                  <thead>
                    <tr>
                      <th scope="col">{strings.reportTitle}</th>
                      <th scope="col">{strings.area}</th>
                      <th scope="col">{strings.occurredAt}</th>
                      <th scope="col">{strings.authority}</th>
                      <th scope="col">{strings.deadline}</th>
                      <th scope="col">{strings.deadlineState}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {situation.deadlines.map((d) => (
                      <tr key={`${d.report.id}-${d.authority}`}>
                        <td lang={contentLang}>
                          <RouteLink to={{ name: 'reportDetail', id: d.report.id }}>{d.report.title}</RouteLink>
                        </td>
                        <td lang={contentLang}>{areaTitle(d.report.areaId)}</td>
                        <td>{occurred(d)}</td>
                        <td>{label(strings, 'authority', d.authority)}</td>
                        <td>{due(d)}</td>
                        <td>{deadlineState(d)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {situation.deadlines.length > 0 && (
              <ul className={classes.cards} aria-label={strings.deadlinesHeading}>
                {situation.deadlines.map((d) => (
                  <li key={`${d.report.id}-${d.authority}`} className={classes.card}>
                    <p className={classes.cardTitle} lang={contentLang}>
                      <RouteLink to={{ name: 'reportDetail', id: d.report.id }}>{d.report.title}</RouteLink>
                    </p>
                    <p className={classes.cardFacts}>
                      <span>{deadlineState(d)}</span>
                      <span>
                        {label(strings, 'authority', d.authority)}, {strings.deadline.toLocaleLowerCase(locale)} {due(d)}
                      </span>
                    </p>
                    <p className={classes.cardFacts}>
                      <span lang={contentLang}>{areaTitle(d.report.areaId)}</span>
                      <span>
                        {strings.occurredAt}: {occurred(d)}
                      </span>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <RiskPicture risks={view.data.risks} riskActions={view.data.riskActions} areas={view.data.areas} area={situation.area} now={now} timeZone={view.data.timeZone} />

          <section className={classes.section}>
            <Heading depth={1} className={classes.sectionTitle}>
              {format(strings.goalsFulfilmentHeading, year)}
            </Heading>
            {situation.goals.length === 0 ? (
              <p>{format(strings.noGoals, year)}</p>
            ) : (
              <GoalTable
                rows={situation.goals.map((r) => ({ goal: r.goal, outcome: r.outcome, computed: r.indicator && { indicator: r.indicator, at: now } }))}
                label={format(strings.goalsFulfilmentHeading, year)}
                areaName={situation.area ? undefined : areaName(view.data.areas)}
              />
            )}
            {stored && <p className={classes.help}>{strings.outcomesStored}</p>}
          </section>

          {!situation.area && (
            <section className={classes.section}>
              <Heading depth={1} className={classes.sectionTitle}>
                {strings.perAreaHeading}
              </Heading>
              <div className={classes.scroller} role="region" aria-label={strings.perAreaHeading} tabIndex={0}>
                <table className={classes.table}>
                  <thead>
                    <tr>
                      <th scope="col">{strings.area}</th>
                      <th scope="col" className="num">
                        {strings.reportsCount}
                      </th>
                      <th scope="col" className="num">
                        {strings.seriousCount}
                      </th>
                      <th scope="col" className="num">
                        {strings.openCount}
                      </th>
                      <th scope="col">{format(strings.trendColumn, year - 1)}</th>
                      <th scope="col" className="num">
                        {strings.goalsMet}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {perArea.map(({ area: a, situation: s }) => {
                      return (
                        <tr key={a.id}>
                          <th scope="row" lang={contentLang}>
                            <RouteLink to={{ name: 'situation', year, areaKey: a.key }}>{a.title}</RouteLink>
                          </th>
                          <td className="num">
                            <RouteLink to={inQueue({}, a.key)}>{s.total.current}</RouteLink>
                          </td>
                          <td className="num">
                            <RouteLink to={inQueue({ severity: 'atLeastSerious' }, a.key)}>{s.serious.current}</RouteLink>
                          </td>
                          <td className="num">
                            <RouteLink to={inQueue({ status: 'open' }, a.key)}>{s.open}</RouteLink>
                          </td>
                          <td>{trendText(strings, s.total, locale)}</td>
                          <td className="num">{format(strings.goalsMetValue, s.goalStatus.met, s.goals.length)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <ul className={classes.cards} aria-label={strings.perAreaHeading}>
                {perArea.map(({ area: a, situation: s }) => (
                  <li key={a.id} className={classes.card}>
                    <p className={classes.cardTitle} lang={contentLang}>
                      <RouteLink to={{ name: 'situation', year, areaKey: a.key }}>{a.title}</RouteLink>
                    </p>
                    <p className={classes.cardFacts}>
                      <span>
                        {strings.reportsCount}: <RouteLink to={inQueue({}, a.key)}>{s.total.current}</RouteLink>
                      </span>
                      <span>
                        {strings.seriousCount}: <RouteLink to={inQueue({ severity: 'atLeastSerious' }, a.key)}>{s.serious.current}</RouteLink>
                      </span>
                      <span>
                        {strings.openCount}: <RouteLink to={inQueue({ status: 'open' }, a.key)}>{s.open}</RouteLink>
                      </span>
                    </p>
                    <p className={classes.cardFacts}>
                      <span>
                        {format(strings.trendColumn, year - 1)}: {trendText(strings, s.total, locale)}
                      </span>
                      <span>
                        {strings.goalsMet}: {format(strings.goalsMetValue, s.goalStatus.met, s.goals.length)}
                      </span>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </TimeZoneContext.Provider>
      )}
    </>
  );
}
