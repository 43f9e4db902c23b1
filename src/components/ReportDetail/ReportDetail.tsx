import * as React from 'react';
import { Link } from '@fluentui/react/lib/Link';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { useAsync } from '../../hooks/useAsync';
import { TimeZoneContext } from '../../hooks/contexts';
import { useAnnounceUser, useRouter, useStrings, useViewSection } from '../../hooks/useHost';
import { reportDocumentTitle } from '../../app/documentTitle';
import { useServices } from '../../hooks/useServices';
import { ErrorState } from '../common/ErrorState';
import { fileHref } from '../common/fileHref';
import { formatDateTime, isoDate } from '../common/format';
import { formatNodes } from '../common/formatNodes';
import { ViewTitle } from '../common/ViewTitle';
import { label } from '../common/labels';
import { ListText } from '../common/ListText';
import { LoadingState } from '../common/LoadingState';
import { RouteLink } from '../common/RouteLink';
import { StatusBadge } from '../common/StatusBadge';
import { statusTone } from '../MyReports/ReportTable';
import type { IIncidentDetail } from '../../model/types';
import { CaseHandling } from './CaseHandling';
import { ReporterFeedback } from './ReporterFeedback';

const useStyles = makeStyles((theme) => ({
  back: { margin: '0 0 12px' },
  kicker: { margin: '0 0 4px', color: theme.semanticColors.bodySubtext },
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none', overflowWrap: 'anywhere' },
  facts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 16rem), 1fr))', gap: '12px 24px', margin: '16px 0' },
  term: { fontWeight: 600, margin: 0 },
  value: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  wide: { gridColumn: '1 / -1' }
}));

export interface IReportDetailProps {
  id: number;
}

/** One report, for its reporter or someone who handles reports. Text is shown as text. */
export default function ReportDetail({ id }: IReportDetailProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const services = useServices();
  const router = useRouter();
  const view = useAsync(() => services.views.loadCase(id), [services, id]);
  useAnnounceUser(view.status === 'done' ? view.data.user : undefined);
  // Handling someone's report belongs to "Att hantera"; reading her own, to "Mina rapporter".
  const handling = view.status === 'done' && view.data.user.canManageReports && view.data.handles;
  useViewSection(view.status === 'done' ? (handling ? 'queue' : 'myReports') : undefined);
  const [changed, setChanged] = React.useState<IIncidentDetail | undefined>();
  if (view.status === 'loading') {
    return <LoadingState label={strings.loadingReport} />;
  }
  if (view.status === 'error') {
    return (
      <ErrorState
        error={view.error}
        message={view.error.kind === 'notFound' || view.error.kind === 'forbidden' ? strings.reportNotFound : undefined}
        onRetry={view.reload}
        recovering={view.recovering}
        wayOn={router.mode === 'app' ? { to: { name: 'myReports' }, label: strings.backToMyReports } : undefined}
      />
    );
  }
  const { areas, actions, timeZone } = view.data;
  // Case handling only in the areas the user handles; elsewhere an area owner is a reporter like anyone.
  const handles = handling;
  const r = changed && changed.id === view.data.report.id ? changed : view.data.report;
  const area = areas.find((a) => a.id === r.areaId);
  // Her own report: a reader who does not handle it can only read her own (item-level security).
  const own = r.reporter?.id === view.data.user.id;
  const flags = [r.lexMaria && strings.flagLexMaria, r.workEnvironmentReport && strings.flagWorkEnvironmentAuthority, r.policeReport && strings.flagPoliceReport].filter(Boolean) as string[];
  const facts: [string, React.ReactNode, boolean?][] = [
    [strings.status, <StatusBadge key="s" tone={statusTone(r.status)}>{label(strings, 'incidentStatus', r.status)}</StatusBadge>],
    [
      strings.area,
      area ? (
        <RouteLink to={{ name: 'area', areaKey: area.key }}>
          <ListText>{area.title}</ListText>
        </RouteLink>
      ) : (
        ''
      )
    ],
    [strings.eventType, label(strings, 'eventType', r.eventType)],
    [strings.category, r.category ? <ListText key="c">{r.category}</ListText> : strings.noneGiven],
    [strings.severity, label(strings, 'severity', r.severity)],
    [strings.occurredAt, <time key="o" dateTime={isoDate(r.occurredAt, timeZone)}>{formatDateTime(r.occurredAt, locale, timeZone)}</time>],
    [strings.location, <ListText key="l">{r.location}</ListText>],
    [strings.reported, <time key="c" dateTime={isoDate(r.created, timeZone)}>{formatDateTime(r.created, locale, timeZone)}</time>],
    [strings.reporter, r.reporter?.displayName ?? strings.anonymousReporter],
    [strings.reportIdLabel, r.reportId.slice(0, 8).toUpperCase()],
    [strings.description, <ListText key="d">{r.description}</ListText>, true],
    [strings.immediateAction, r.immediateAction ? <ListText key="i">{r.immediateAction}</ListText> : strings.noneGiven, true],
    [strings.authorityFlags, flags.length ? flags.join('; ') : strings.noneGiven, true],
    // For the people who handle it: what the reporter added after sending, and when (she sees it in her feedback section).
    ...(handles && r.reporterAddition
      ? ([
          [
            strings.reporterAddition,
            <>
              <ListText>{r.reporterAddition}</ListText>
              {r.reporterAddedAt && (
                <>
                  {'\n'}
                  {formatNodes(strings.reporterAddedAt, [
                    <time key="a" dateTime={isoDate(r.reporterAddedAt, timeZone)}>
                      {formatDateTime(r.reporterAddedAt, locale, timeZone)}
                    </time>
                  ])}
                </>
              )}
            </>,
            true
          ]
        ] as [string, React.ReactNode, boolean][])
      : []),
    [
      strings.attachments,
      r.attachments.length ? (
        <ul key="a">
          {r.attachments.map((a) => (
            <li key={a.url}>
              <Link href={fileHref(a.url)} target="_blank" rel="noopener noreferrer">
                {a.fileName}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        strings.noneGiven
      ),
      true
    ]
  ];
  return (
    <TimeZoneContext.Provider value={timeZone}>
      {/* A way back from every report page (single-view web parts have the shell's own). */}
      {router.mode === 'app' && (
        <p className={classes.back}>
          {handles ? <RouteLink to={{ name: 'queue' }}>{strings.backToQueue}</RouteLink> : <RouteLink to={{ name: 'myReports' }}>{strings.backToMyReports}</RouteLink>}
        </p>
      )}
      <p className={classes.kicker}>{strings.reportDetailHeading}</p>
      <ViewTitle className={classes.title} documentTitle={reportDocumentTitle(strings, r.id)}>
        <ListText>{r.title}</ListText>
      </ViewTitle>
      <dl className={classes.facts}>
        {facts.map(([term, value, wide]) => (
          <div key={term} className={wide ? classes.wide : undefined}>
            <dt className={classes.term}>{term}</dt>
            <dd className={classes.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {handles && <CaseHandling report={r} actions={actions} area={area} risks={view.data.risks} onChanged={setChanged} />}
      {!handles && own && <ReporterFeedback report={r} onChanged={setChanged} />}
    </TimeZoneContext.Provider>
  );
}
