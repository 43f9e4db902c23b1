import * as React from 'react';
import { Link } from '@fluentui/react/lib/Link';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useAsync } from '../../hooks/useAsync';
import { TimeZoneContext } from '../../hooks/contexts';
import { useAnnounceUser, useContentLang, useRouter, useStrings } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import { DocumentItem } from '../Documents/DocumentItem';
import { GoalTable } from '../Goals/GoalTable';
import { ErrorState } from '../common/ErrorState';
import { Notice } from '../common/Notice';
import { CATEGORY_MAX } from '../../services/mapping';
import { Heading } from '../common/Heading';
import { ListText } from '../common/ListText';
import { ViewTitle } from '../common/ViewTitle';
import { LoadingState } from '../common/LoadingState';
import { RouteButton } from '../common/RouteButton';
import { RouteLink } from '../common/RouteLink';
import { ReportTable } from '../MyReports/ReportTable';
import { RiskTable } from '../Risks/RiskTable';
import { isDueForReview } from '../../analytics/risks';

const useStyles = makeStyles((theme) => ({
  crumbs: { listStyle: 'none', margin: '0 0 8px', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 6, fontSize: theme.fonts.small.fontSize },
  crumb: { selectors: { '& + &::before': { content: '"›"', marginRight: 6, color: theme.semanticColors.bodySubtext } } },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 12, margin: '0 0 16px' },
  title: { margin: 0, fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 18rem), 1fr))',
    gap: '12px 24px',
    margin: '0 0 24px'
  },
  fact: { margin: 0 },
  factTerm: { fontWeight: 600, margin: '0 0 4px' },
  factValue: { margin: 0, whiteSpace: 'pre-line' },
  section: { margin: '0 0 28px' },
  sectionTitle: { margin: '0 0 8px', fontSize: theme.fonts.xLarge.fontSize, fontWeight: 600 },
  laws: { margin: 0, paddingLeft: 20 },
  docs: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 },
  muted: { color: theme.semanticColors.bodySubtext },
  links: { listStyle: 'none', margin: '0 0 12px', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '4px 24px' }
}));


export interface IAreaPageProps {
  areaKey: string;
}

/** One security area: what it covers, who owns it, the laws, this year's goals, its documents and reports. */
export function AreaPage({ areaKey }: IAreaPageProps): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const services = useServices();
  const router = useRouter();
  const view = useAsync(() => services.views.loadArea(areaKey), [services, areaKey]);
  useAnnounceUser(view.status === 'done' ? view.data.user : undefined);
  const now = React.useMemo(() => new Date(), []);
  const lang = useContentLang();

  if (view.status === 'loading') {
    return <LoadingState label={strings.loadingArea} />;
  }
  if (view.status === 'error') {
    return <ErrorState error={view.error} message={view.error.kind === 'notFound' ? strings.areaNotFound : undefined} onRetry={view.reload} recovering={view.recovering} />;
  }
  const { area, goals, documents, reports, risks, user, timeZone, period: year, handlesArea } = view.data;
  const due = risks.filter((r) => isDueForReview(r, now, timeZone)).length;

  return (
    <TimeZoneContext.Provider value={timeZone}>
      {router.mode === 'app' && (
        <nav aria-label={strings.breadcrumb}>
          <ol className={classes.crumbs}>
            <li className={classes.crumb}>
              <RouteLink to={{ name: 'overview' }}>{strings.appTitle}</RouteLink>
            </li>
            <li className={classes.crumb} aria-current="page">
              <ListText>{area.title}</ListText>
            </li>
          </ol>
        </nav>
      )}
      <div className={classes.top}>
        <ViewTitle className={classes.title} documentTitle={area.title}>
          <ListText>{area.title}</ListText>
        </ViewTitle>
        {user.canReport && (
          <RouteButton primary to={{ name: 'report', areaKey: area.key }} icon="Send">
            {strings.reportEvent}
          </RouteButton>
        )}
      </div>

      {handlesArea &&
        (area.unusableCategories ?? []).map((c) => (
          <Notice key={c} kind="warning">
            {format(strings.categoryTooLong, c, CATEGORY_MAX)}
          </Notice>
        ))}

      <dl className={classes.facts}>
        {[
          [strings.scope, area.scope],
          [strings.purpose, area.purpose],
          [strings.responsibility, area.responsibility]
        ].map(([term, value]) => (
          <div key={term} className={classes.fact}>
            <dt className={classes.factTerm}>{term}</dt>
            <dd className={classes.factValue} lang={lang}>
              {value}
            </dd>
          </div>
        ))}
        <div className={classes.fact}>
          <dt className={classes.factTerm}>{strings.areaOwner}</dt>
          <dd className={classes.factValue}>
            <ListText>{area.ownerRole}</ListText>
            {area.owner && (
              <>
                <br />
                {area.owner.email ? <Link href={`mailto:${area.owner.email}`}>{area.owner.displayName}</Link> : area.owner.displayName}
              </>
            )}
          </dd>
        </div>
      </dl>

      <section className={classes.section}>
        <Heading depth={1} className={classes.sectionTitle} id="sakerhet-laws">
          {strings.laws}
        </Heading>
        {area.laws.length ? (
          <ul className={classes.laws} lang={lang}>
            {area.laws.map((law) => (
              <li key={law}>{law}</li>
            ))}
          </ul>
        ) : (
          <p className={classes.muted}>{strings.noLaws}</p>
        )}
      </section>

      <section className={classes.section}>
        <Heading depth={1} className={classes.sectionTitle} id="sakerhet-goals">
          {format(strings.goalsHeading, year)}
        </Heading>
        {goals.length === 0 ? (
          <p className={classes.muted}>{format(strings.noGoals, year)}</p>
        ) : (
          <GoalTable rows={goals.map((goal) => ({ goal }))} label={format(strings.goalsHeading, year)} />
        )}
      </section>

      {/* The register as SharePoint lets the user read it: nothing for staff unless the region has opened it. */}
      {(handlesArea || risks.length > 0) && (
        <section className={classes.section}>
          <Heading depth={1} className={classes.sectionTitle} id="sakerhet-risks">
            {strings.areaRisksHeading}
          </Heading>
          {handlesArea && (
            <p>
              <RouteButton to={{ name: 'newRisk', areaKey: area.key }} icon="Add">
                {strings.newRiskHeading}
              </RouteButton>
            </p>
          )}
          {risks.length === 0 ? (
            <p className={classes.muted}>{strings.areaRisksNone}</p>
          ) : (
            <>
              {due > 0 && <p>{format(strings.riskDueCount, due)}</p>}
              <RiskTable risks={risks} caption={strings.areaRisksCaption} now={now} />
            </>
          )}
        </section>
      )}

      <section className={classes.section}>
        <Heading depth={1} className={classes.sectionTitle} id="sakerhet-docs">
          {strings.areaDocuments}
        </Heading>
        {documents.length === 0 ? (
          <p className={classes.muted}>{strings.noAreaDocuments}</p>
        ) : (
          <ul className={classes.docs}>
            {documents.map((d) => (
              <li key={d.id}>
                <DocumentItem doc={d} areas={[area]} now={now} depth={2} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <RouteLink to={{ name: 'documents', areaKey: area.key }}>{strings.allDocuments}</RouteLink>
        </p>
      </section>

      <section className={classes.section}>
        <Heading depth={1} className={classes.sectionTitle} id="sakerhet-reports">
          {handlesArea ? strings.latestReports : strings.yourReportsInArea}
        </Heading>
        {handlesArea && (
          <ul className={classes.links}>
            <li>
              <RouteLink to={{ name: 'queue', filter: { area: area.key } }}>
                {strings.areaQueueLink}: <ListText>{area.title}</ListText>
              </RouteLink>
            </li>
            <li>
              <RouteLink to={{ name: 'situation', year, areaKey: area.key }}>
                {strings.navSituation}: <ListText>{area.title}</ListText>
              </RouteLink>
            </li>
          </ul>
        )}
        {reports.length === 0 ? (
          <p className={classes.muted}>{handlesArea ? strings.noReportsInArea : strings.noOwnReportsInArea}</p>
        ) : (
          <ReportTable reports={reports} areas={[area]} caption={handlesArea ? strings.latestReports : strings.yourReportsInArea} showReporter={handlesArea} showArea={false} />
        )}
      </section>
    </TimeZoneContext.Provider>
  );
}
