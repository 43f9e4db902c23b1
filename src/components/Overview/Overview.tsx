import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useAsync } from '../../hooks/useAsync';
import { useAnnounceUser, useContentLang, useStrings } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import type { IArea } from '../../model/types';
import { ErrorState } from '../common/ErrorState';
import { firstSentence } from '../common/format';
import { Heading } from '../common/Heading';
import { ListText } from '../common/ListText';
import { ViewTitle } from '../common/ViewTitle';
import { LoadingState } from '../common/LoadingState';
import { RouteButton } from '../common/RouteButton';
import { RouteLink } from '../common/RouteLink';
import { matchesSearch } from '../../model/search';
import { REPORT_FLAGS } from '../../model/schema';
import type { ReportFlagKey } from '../../model/types';
import { SearchField } from '../common/SearchField';
import { StatusBadge } from '../common/StatusBadge';

const useStyles = makeStyles((theme) => ({
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  intro: { maxWidth: '70ch', margin: '0 0 16px' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: 12,
    padding: 16,
    margin: '0 0 24px',
    background: theme.palette.neutralLighter,
    border: `1px solid ${theme.semanticColors.bodyDivider}`,
    borderRadius: 4
  },
  actionsText: { margin: 0, flex: '1 1 20ch' },
  sectionTitle: { margin: '0 0 8px', fontSize: theme.fonts.xLarge.fontSize, fontWeight: 600 },
  count: { margin: '8px 0 12px', color: theme.semanticColors.bodySubtext },
  grid: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: 12,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 17rem), 1fr))'
  },
  card: {
    height: '100%',
    boxSizing: 'border-box',
    padding: 16,
    border: `1px solid ${theme.semanticColors.bodyDivider}`,
    borderRadius: 4,
    background: theme.semanticColors.bodyBackground,
    display: 'flex',
    flexDirection: 'column',
    gap: 8
  },
  cardTitle: { margin: 0, fontSize: theme.fonts.large.fontSize, fontWeight: 600 },
  cardText: { margin: 0, flexGrow: 1 },
  owner: { margin: 0, color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize }
}));

function openLabel(strings: ReturnType<typeof useStrings>['strings'], count: number, own: boolean): string {
  if (count === 0) {
    return strings.openReportsNone;
  }
  if (own) {
    return count === 1 ? strings.ownOpenReportsOne : format(strings.ownOpenReportsMany, count);
  }
  return count === 1 ? strings.openReportsOne : format(strings.openReportsMany, count);
}

/** Start page: the 14 areas, a search over them, and the ways in to reporting and documents. */
export function Overview(): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const services = useServices();
  const view = useAsync(() => services.views.loadStart(), [services]);
  useAnnounceUser(view.status === 'done' ? view.data.user : undefined);
  const [query, setQuery] = React.useState('');
  const lang = useContentLang();

  const matching = (areas: IArea[]): IArea[] =>
    // Also by what one would report there ("hot", "lex maria", "stickskada"): the area's report
    // categories, its laws and the authority duties its reports carry (issue 14).
    areas.filter((a) =>
      matchesSearch(
        query,
        a.title,
        a.purpose,
        a.scope,
        a.ownerRole,
        a.owner?.displayName,
        a.key,
        ...a.reportCategories,
        ...a.laws,
        ...REPORT_FLAGS.filter((f) => a.reportFlags.includes(f.key as ReportFlagKey)).map((f) => f.value)
      )
    );

  return (
    <>
      <ViewTitle className={classes.title}>
        {strings.appTitle}
      </ViewTitle>
      <p className={classes.intro}>{strings.appIntro}</p>
      <div className={classes.actions}>
        <p className={classes.actionsText}>{strings.reportIntro}</p>
        <RouteButton primary to={{ name: 'report' }} icon="Send">
          {strings.reportEvent}
        </RouteButton>
        <RouteButton to={{ name: 'documents' }} icon="Page">
          {strings.navDocuments}
        </RouteButton>
        <RouteButton to={{ name: 'myReports' }}>{strings.navMyReports}</RouteButton>
        {view.status === 'done' && view.data.user.canManageReports && <RouteButton to={{ name: 'queue' }}>{strings.navQueue}</RouteButton>}
        {view.status === 'done' && view.data.user.canManageReports && <RouteButton to={{ name: 'situation' }}>{strings.navSituation}</RouteButton>}
        {view.status === 'done' && view.data.user.canCheckInstallation && <RouteButton to={{ name: 'installationCheck' }}>{strings.installationHeading}</RouteButton>}
      </div>
      <Heading depth={1} className={classes.sectionTitle}>
        {strings.overviewHeading}
      </Heading>
      {view.status === 'loading' && <LoadingState label={strings.loadingAreas} />}
      {view.status === 'error' && <ErrorState error={view.error} onRetry={view.reload} recovering={view.recovering} />}
      {view.status === 'done' && view.data.areas.length === 0 && <p>{strings.noAreasYet}</p>}
      {view.status === 'done' && view.data.areas.length > 0 && (
        <>
          <SearchField id="sakerhet-area-search" label={strings.searchAreas} placeholder={strings.searchAreasPlaceholder} value={query} onChange={setQuery} />
          <p className={classes.count} role="status">
            {matching(view.data.areas).length === 0 ? format(strings.noAreasMatch, query) : format(strings.areasShown, matching(view.data.areas).length, view.data.areas.length)}
          </p>
          <ul className={classes.grid}>
            {matching(view.data.areas).map((area) => {
              const open = view.data.openCounts.get(area.id) ?? 0;
              return (
                <li key={area.id}>
                  <article className={classes.card} aria-labelledby={`sakerhet-area-${area.id}`}>
                    <Heading depth={2} className={classes.cardTitle} id={`sakerhet-area-${area.id}`}>
                      <RouteLink to={{ name: 'area', areaKey: area.key }}>
                        <ListText>{area.title}</ListText>
                      </RouteLink>
                    </Heading>
                    <p className={classes.cardText} lang={lang}>
                      {firstSentence(area.purpose)}
                    </p>
                    <p className={classes.owner}>
                      <Icon iconName="Shield" aria-hidden="true" /> {strings.ownerLabel}: <ListText>{area.ownerRole}</ListText>
                      {area.owner ? ` – ${area.owner.displayName}` : ''}
                    </p>
                    <div>
                      <StatusBadge tone={open > 0 ? 'warning' : 'neutral'}>{openLabel(strings, open, !view.data.handledAreaIds.has(area.id))}</StatusBadge>
                    </div>
                  </article>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
