import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { useAsync } from '../../hooks/useAsync';
import { TimeZoneContext } from '../../hooks/contexts';
import { useAnnounceUser, useStrings } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import { ErrorState } from '../common/ErrorState';
import { ViewTitle } from '../common/ViewTitle';
import { LoadingState } from '../common/LoadingState';
import { RouteButton } from '../common/RouteButton';
import { changedAfter, ReportTable } from './ReportTable';
import { previousVisit } from '../common/lastVisit';
import { formatDateTime } from '../common/format';
import { format } from '../../loc';

const useStyles = makeStyles((theme) => ({
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  intro: { margin: '0 0 16px' },
  empty: { display: 'grid', gap: 12, justifyItems: 'start' }
}));

/** The user's own reports and where each one is in handling. */
export function MyReports(): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const services = useServices();
  const view = useAsync(() => services.views.loadMyReports(), [services]);
  useAnnounceUser(view.status === 'done' ? view.data.user : undefined);
  const user = view.status === 'done' ? view.data.user : undefined;
  // Her previous visit on this device: reports whose status changed since then are marked.
  const since = React.useMemo(() => (user ? { at: previousVisit(user, new Date(), 'myReports') } : undefined), [user]);
  const changed = view.status === 'done' && since ? view.data.reports.filter((r) => changedAfter(r, since.at)).length : 0;
  return (
    <>
      <ViewTitle className={classes.title}>
        {strings.myReportsHeading}
      </ViewTitle>
      <p className={classes.intro}>{strings.myReportsIntro}</p>
      {view.status === 'loading' && <LoadingState label={strings.loadingReports} />}
      {view.status === 'error' && <ErrorState error={view.error} onRetry={view.reload} recovering={view.recovering} />}
      {view.status === 'done' &&
        (view.data.reports.length === 0 ? (
          <div className={classes.empty}>
            <p>{strings.noOwnReports}</p>
            <RouteButton primary to={{ name: 'report' }} icon="Send">
              {strings.reportEvent}
            </RouteButton>
          </div>
        ) : (
          <TimeZoneContext.Provider value={view.data.timeZone}>
            <p className={classes.intro}>
              {since?.at ? format(strings.myReportsChangedCount, changed, formatDateTime(since.at, locale, view.data.timeZone)) : strings.myReportsChangedFirst}
            </p>
            <ReportTable reports={view.data.reports} areas={view.data.areas} caption={strings.myReportsHeading} feedback={{ changedAfter: since?.at }} />
          </TimeZoneContext.Provider>
        ))}
    </>
  );
}
