import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useAsync } from '../../hooks/useAsync';
import { TimeZoneContext } from '../../hooks/contexts';
import { useAnnounceUser, useContentLang, useRouter, useStrings } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import { DEFAULT_QUEUE_FILTER, IQueueFilter, IQueueRow, pendingDeadline, QUEUE_AUTHORITIES, QUEUE_SEVERITIES, QUEUE_SORTS, QUEUE_STATUSES, queuePage, queueQuery } from '../../model/queue';
import type { IQueueView } from '../../services/interfaces';
import type { TimeZone } from '../../model/calendar';
import type { IStrings } from '../../loc';
import { EVENT_TYPE_KEYS } from '../../analytics/situation';
import { Button } from '../common/Button';
import { CheckboxField } from '../common/CheckboxField';
import { downloadBlob } from '../common/download';
import { ErrorState } from '../common/ErrorState';
import { formatDate, formatDateTime, formatDay, isoDate } from '../common/format';
import { formatNodes } from '../common/formatNodes';
import { Heading } from '../common/Heading';
import { label } from '../common/labels';
import { ListText } from '../common/ListText';
import { LiveRegion } from '../common/LiveRegion';
import { LoadingState } from '../common/LoadingState';
import { Notice } from '../common/Notice';
import { RouteLink } from '../common/RouteLink';
import { SearchField } from '../common/SearchField';
import { Select } from '../common/Select';
import { StatusBadge } from '../common/StatusBadge';
import { cardListStyles, narrowerThan, tableStyle, visuallyHiddenStyle } from '../common/styles';
import { TextInput } from '../common/TextInput';
import { ViewTitle } from '../common/ViewTitle';
import { statusTone } from '../MyReports/ReportTable';
import { previousVisit } from '../common/lastVisit';

const useStyles = makeStyles((theme) => ({
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  intro: { margin: '0 0 16px', maxWidth: '75ch' },
  form: { display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 13rem), 1fr))', alignItems: 'end', margin: '0 0 16px', padding: 0, border: 0, minWidth: 0 },
  wide: { gridColumn: '1 / -1' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', gridColumn: '1 / -1' },
  results: { margin: '8px 0', fontSize: theme.fonts.large.fontSize, fontWeight: 600, outline: 'none' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', margin: '0 0 12px' },
  help: { margin: 0, color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize, maxWidth: '75ch' },
  table: [tableStyle(theme), { selectors: { th: { whiteSpace: 'nowrap' }, caption: visuallyHiddenStyle } }],
  // At 320–400 px the table becomes a list: each report a card with its key facts.
  // Its eight columns need a desk's width; a tablet gets the cards too.
  ...cardListStyles(theme, narrowerThan('60rem')),
  pager: { display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center', margin: '16px 0' }
}));

export interface IQueueProps {
  filter?: Partial<IQueueFilter>;
}

/** What the loaded rows depend on: the filter without its text, sort and page (those stay in the browser). */
function serverKey(filter: IQueueFilter): string {
  return queueQuery({ ...filter, text: '', sort: DEFAULT_QUEUE_FILTER.sort, page: 1 });
}

function DeadlineCell({ row, now, zone }: { row: IQueueRow; now: Date; zone: TimeZone }): JSX.Element {
  const { strings, locale } = useStrings();
  const d = pendingDeadline(row, now, zone);
  if (!d) {
    return <>{row.authorityReportedAt ? strings.reportedToAuthority : '–'}</>;
  }
  const state = d.daysLeft < 0 ? format(strings.daysOverdue, -d.daysLeft) : d.daysLeft === 0 ? strings.dueToday : format(strings.daysLeft, d.daysLeft);
  return (
    <>
      {label(strings, 'authority', d.authority)}: <time dateTime={d.due}>{formatDay(d.due, locale)}</time>{' '}
      <StatusBadge tone={d.daysLeft < 0 ? 'bad' : 'warning'}>{state}</StatusBadge>
    </>
  );
}

function areaTitle(view: IQueueView, id: number): string {
  return view.areas.find((a) => a.id === id)?.title ?? '';
}

function options(strings: IStrings, group: Parameters<typeof label>[1], keys: readonly string[]): { value: string; text: string }[] {
  return keys.map((k) => ({ value: k, text: label(strings, group, k) }));
}

/**
 * "Att hantera": the reports of the areas the user handles (the security chief: all areas), with
 * filters, search, sort, a total, pages and an export to Excel. The filter lives in the address,
 * so a view can be shared and Back returns to it; it is applied when the user says so ("Visa").
 */
export default function Queue({ filter: given }: IQueueProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const services = useServices();
  const router = useRouter();
  const lang = useContentLang();
  const filter: IQueueFilter = React.useMemo(() => ({ ...DEFAULT_QUEUE_FILTER, ...given }), [given]);
  const key = serverKey(filter);
  const [since, setSince] = React.useState<Date | undefined>();
  const view = useAsync(async () => {
    // The previous visit is needed for the query only when the filter asks for new reports.
    const visit = filter.newSince ? previousVisit(await services.users.getCurrentUser()) : undefined;
    return services.views.loadQueue(filter, visit);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, key]);
  const now = React.useMemo(() => new Date(), []);
  const data = view.status === 'done' ? view.data : undefined;
  useAnnounceUser(data?.user);
  React.useEffect(() => {
    if (data) {
      setSince(previousVisit(data.user));
    }
  }, [data]);
  // The form stays while another filter loads, so focus stays where the user is.
  const last = React.useRef(data);
  if (data) {
    last.current = data;
  }
  const shown = data ?? last.current;

  const [draft, setDraft] = React.useState<IQueueFilter>(filter);
  React.useEffect(() => setDraft(filter), [filter]);
  const set = <K extends keyof IQueueFilter>(k: K, v: IQueueFilter[K]): void => setDraft((d) => ({ ...d, [k]: v }));
  const resultsRef = React.useRef<HTMLHeadingElement>(null);
  const [exporting, setExporting] = React.useState(false);
  const [exportMessage, setExportMessage] = React.useState<{ ok: boolean; text: string }>();

  const areaId = shown && filter.area ? shown.handled.find((a) => a.key === filter.area)?.id : undefined;
  const page = React.useMemo(() => (data ? queuePage(data.rows, filter, now, data.timeZone, areaId, filter.newSince ? since : undefined) : undefined), [data, filter, now, areaId, since]);

  const apply = (e: React.FormEvent): void => {
    e.preventDefault();
    router.navigate({ name: 'queue', filter: { ...draft, page: 1 } }, { focus: false });
  };
  const goToPage = (n: number): ((e: React.MouseEvent) => void) => (e: React.MouseEvent): void => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) {
      return;
    }
    e.preventDefault();
    router.navigate({ name: 'queue', filter: { ...filter, page: n } }, { focus: false });
    resultsRef.current?.focus();
  };
  const doExport = async (): Promise<void> => {
    if (exporting || !data || !page) {
      return;
    }
    setExporting(true);
    setExportMessage(undefined);
    try {
      const details = await services.views.loadQueueDetails(filter, filter.newSince ? since : undefined);
      const { queueWorkbook } = await import(/* webpackChunkName: 'sakerhet-xlsx' */ './xlsx');
      const at = new Date();
      const blob = await queueWorkbook({ rows: page.all, details, areas: data.areas, strings, zone: data.timeZone, now: at });
      downloadBlob(blob, `${strings.queueFileName}-${isoDate(at, data.timeZone)}.xlsx`);
      setExportMessage({ ok: true, text: format(strings.queueExported, page.total) });
    } catch {
      setExportMessage({ ok: false, text: strings.queueExportFailed });
    } finally {
      setExporting(false);
    }
  };

  const handledNames = shown && !shown.user.handlesAllAreas ? shown.handled : undefined;
  const areaNotHandled = !!shown && !!filter.area && areaId === undefined;

  return (
    <>
      <ViewTitle className={classes.title}>{strings.queueHeading}</ViewTitle>
      {view.status === 'loading' && !shown && <LoadingState label={strings.loadingQueue} />}
      {view.status === 'error' && <ErrorState error={view.error} onRetry={view.reload} />}
      {shown && !shown.user.canManageReports && <Notice kind="info">{strings.situationOnlyOwners}</Notice>}
      {shown && shown.user.canManageReports && shown.handled.length === 0 && <Notice kind="info">{strings.queueNoAreas}</Notice>}
      {shown && shown.handled.length > 0 && (
        <TimeZoneContext.Provider value={shown.timeZone}>
          <p className={classes.intro}>
            {handledNames
              ? formatNodes(strings.queueIntroAreas, [
                  <React.Fragment key="a">
                    {handledNames.map((a, i) => (
                      <React.Fragment key={a.id}>
                        {i > 0 && ', '}
                        <ListText>{a.title}</ListText>
                      </React.Fragment>
                    ))}
                  </React.Fragment>
                ])
              : strings.queueIntroAll}
          </p>
          <form className={classes.form} onSubmit={apply} aria-label={strings.queueFilters}>
            <Select
              id="sakerhet-queue-area"
              label={strings.area}
              value={draft.area ?? ''}
              onChange={(v) => set('area', v || undefined)}
              options={[{ value: '', text: strings.queueAllAreas }, ...shown.handled.map((a) => ({ value: a.key, text: a.title, lang }))]}
            />
            <Select
              id="sakerhet-queue-status"
              label={strings.status}
              value={draft.status}
              onChange={(v) => set('status', v as IQueueFilter['status'])}
              options={QUEUE_STATUSES.map((k) => ({ value: k, text: k === 'open' ? strings.queueStatusOpen : k === 'all' ? strings.queueStatusAll : label(strings, 'incidentStatus', k) }))}
            />
            <Select
              id="sakerhet-queue-severity"
              label={strings.severity}
              value={draft.severity}
              onChange={(v) => set('severity', v as IQueueFilter['severity'])}
              options={QUEUE_SEVERITIES.map((k) => ({ value: k, text: k === 'all' ? strings.queueAll : k === 'atLeastSerious' ? strings.queueSeveritySerious : label(strings, 'severity', k) }))}
            />
            <Select
              id="sakerhet-queue-type"
              label={strings.eventType}
              value={draft.eventType ?? ''}
              onChange={(v) => set('eventType', (v || undefined) as IQueueFilter['eventType'])}
              options={[{ value: '', text: strings.queueAll }, ...options(strings, 'eventType', EVENT_TYPE_KEYS)]}
            />
            <Select
              id="sakerhet-queue-authority"
              label={strings.queueAuthority}
              value={draft.authority}
              onChange={(v) => set('authority', v as IQueueFilter['authority'])}
              options={QUEUE_AUTHORITIES.map((k) => ({ value: k, text: k === 'all' ? strings.queueAll : k === 'any' ? strings.queueAuthorityAny : label(strings, 'authority', k) }))}
            />
            <TextInput id="sakerhet-queue-from" type="date" label={strings.queueFrom} value={draft.from ?? ''} onChange={(v) => set('from', v || undefined)} />
            <TextInput id="sakerhet-queue-to" type="date" label={strings.queueTo} value={draft.to ?? ''} onChange={(v) => set('to', v || undefined)} />
            <Select
              id="sakerhet-queue-sort"
              label={strings.queueSort}
              value={draft.sort}
              onChange={(v) => set('sort', v as IQueueFilter['sort'])}
              options={QUEUE_SORTS.map((k) => ({ value: k, text: (strings as unknown as Record<string, string>)[`queueSort_${k}`] }))}
            />
            <div className={classes.wide}>
              <SearchField id="sakerhet-queue-search" label={strings.queueSearch} value={draft.text} onChange={(v) => set('text', v)} />
            </div>
            <div className={classes.wide}>
              <CheckboxField
                id="sakerhet-queue-new"
                label={since ? format(strings.queueNewSince, formatDateTime(since, locale, shown.timeZone)) : strings.queueNewSinceFirst}
                checked={draft.newSince}
                onChange={(v) => set('newSince', v)}
              />
            </div>
            <div className={classes.buttons}>
              <Button type="submit" primary>
                {strings.queueApply}
              </Button>
              <RouteLink to={{ name: 'queue' }}>{strings.queueClear}</RouteLink>
            </div>
          </form>
          {areaNotHandled && <Notice kind="warning">{strings.queueAreaNotHandled}</Notice>}
          <Heading depth={1} className={classes.results} tabIndex={-1} ref={resultsRef} id="sakerhet-queue-results">
            {strings.queueResults}
          </Heading>
          <LiveRegion kind="status">
            {view.status === 'loading' ? strings.loadingQueue : page && (page.total === 0 ? strings.queueNone : format(strings.queueShowing, (page.page - 1) * 50 + 1, (page.page - 1) * 50 + page.rows.length, page.total))}
          </LiveRegion>
          {page && page.total > 0 && (
            <>
              <div className={classes.toolbar}>
                <Button onClick={doExport} disabled={exporting} icon="ExcelDocument">
                  {exporting ? strings.queueExporting : strings.queueExport}
                </Button>
                <p className={classes.help}>{strings.queueExportNote}</p>
              </div>
              <LiveRegion kind={exportMessage && !exportMessage.ok ? 'alert' : 'status'}>{exportMessage && <Notice kind={exportMessage.ok ? 'success' : 'error'}>{exportMessage.text}</Notice>}</LiveRegion>
              <QueueRows rows={page.rows} view={data!} now={now} />
              {page.pages > 1 && (
                <nav className={classes.pager} aria-label={strings.queuePages}>
                  {page.page > 1 && (
                    <RouteLink to={{ name: 'queue', filter: { ...filter, page: page.page - 1 } }} onClick={goToPage(page.page - 1)}>
                      {strings.queuePrevious}
                    </RouteLink>
                  )}
                  <span aria-current="page">{format(strings.queuePage, page.page, page.pages)}</span>
                  {page.page < page.pages && (
                    <RouteLink to={{ name: 'queue', filter: { ...filter, page: page.page + 1 } }} onClick={goToPage(page.page + 1)}>
                      {strings.queueNext}
                    </RouteLink>
                  )}
                </nav>
              )}
            </>
          )}
        </TimeZoneContext.Provider>
      )}
    </>
  );
}

/** One page of reports: a table, or a list of cards on a narrow screen. */
function QueueRows({ rows, view, now }: { rows: IQueueRow[]; view: IQueueView; now: Date }): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const lang = useContentLang();
  const zone = view.timeZone;
  return (
    <>
      <div className={classes.scroller} role="region" aria-labelledby="sakerhet-queue-results" tabIndex={0}>
        <table className={classes.table}>
          <caption>{strings.queueResults}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.queueNumber}</th>
              <th scope="col">{strings.reportTitle}</th>
              <th scope="col">{strings.area}</th>
              <th scope="col">{strings.severity}</th>
              <th scope="col">{strings.queueDeadline}</th>
              <th scope="col">{strings.status}</th>
              <th scope="col">{strings.eventType}</th>
              <th scope="col">{strings.occurredAt}</th>
              <th scope="col">{strings.queueModified}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="num">{r.id}</td>
                <td lang={lang}>
                  <RouteLink to={{ name: 'reportDetail', id: r.id }}>{r.title}</RouteLink>
                </td>
                <td lang={lang}>{areaTitle(view, r.areaId)}</td>
                <td>{label(strings, 'severity', r.severity)}</td>
                <td>
                  <DeadlineCell row={r} now={now} zone={zone} />
                </td>
                <td>
                  <StatusBadge tone={statusTone(r.status)}>{label(strings, 'incidentStatus', r.status)}</StatusBadge>
                </td>
                <td>{label(strings, 'eventType', r.eventType)}</td>
                <td>
                  <time dateTime={isoDate(r.occurredAt, zone)}>{formatDate(r.occurredAt, locale, zone)}</time>
                </td>
                <td>
                  <time dateTime={isoDate(r.modified, zone)}>{formatDate(r.modified, locale, zone)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className={classes.cards} aria-labelledby="sakerhet-queue-results">
        {rows.map((r) => (
          <li key={r.id} className={classes.card}>
            <Heading depth={2} className={classes.cardTitle}>
              <RouteLink to={{ name: 'reportDetail', id: r.id }}>
                <ListText>{r.title}</ListText>
              </RouteLink>
            </Heading>
            <p className={classes.cardFacts}>
              <span>
                {strings.queueNumber} {r.id}
              </span>
              <span>{label(strings, 'severity', r.severity)}</span>
              <StatusBadge tone={statusTone(r.status)}>{label(strings, 'incidentStatus', r.status)}</StatusBadge>
              <ListText>{areaTitle(view, r.areaId)}</ListText>
            </p>
            <p className={classes.cardFacts}>
              <span>
                {strings.queueDeadline}: <DeadlineCell row={r} now={now} zone={zone} />
              </span>
              <span>
                {strings.occurredAt}: <time dateTime={isoDate(r.occurredAt, zone)}>{formatDate(r.occurredAt, locale, zone)}</time>
              </span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
