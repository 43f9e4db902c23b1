import * as React from 'react';
import { useRouter, useStrings } from '../hooks/useHost';
import { routePath } from './routes';
import { LoadingState } from '../components/common/LoadingState';
import { Overview } from '../components/Overview';
import { AreaPage } from '../components/AreaPage';
import { Documents } from '../components/Documents';
import { MyReports } from '../components/MyReports';
import { NotFound } from '../components/common/NotFound';

// The report form and a single report's page load on demand: most visits only read.
const ReportForm = React.lazy(() => import(/* webpackChunkName: 'sakerhet-report-form' */ '../components/ReportForm'));
const ReportDetail = React.lazy(() => import(/* webpackChunkName: 'sakerhet-report-detail' */ '../components/ReportDetail'));
// The lägesbild and the säkerhetsberättelse are for the people who handle reports.
const Situation = React.lazy(() => import(/* webpackChunkName: 'sakerhet-situation' */ '../components/Situation'));
const AnnualReport = React.lazy(() => import(/* webpackChunkName: 'sakerhet-annual-report' */ '../components/AnnualReport'));
// The installation check is for the site's owners, once per deployment or upgrade.
const InstallationCheck = React.lazy(() => import(/* webpackChunkName: 'sakerhet-installation-check' */ '../components/InstallationCheck'));
// A risk's page and the form for a new risk: for area owners mostly, so on demand.
const RiskPage = React.lazy(() => import(/* webpackChunkName: 'sakerhet-risk' */ '../components/Risks/RiskPage'));
const NewRisk = React.lazy(() => import(/* webpackChunkName: 'sakerhet-risk' */ '../components/Risks/NewRisk'));
const Queue = React.lazy(() => import(/* webpackChunkName: 'sakerhet-queue' */ '../components/Queue'));

export function ViewSwitch(): JSX.Element {
  const { route } = useRouter();
  const { strings } = useStrings();
  switch (route.name) {
    case 'overview':
      return <Overview />;
    case 'area':
      return <AreaPage areaKey={route.areaKey} />;
    case 'documents':
      // A new address (Back to another filter, a link from an area) starts the view afresh from it.
      return <Documents key={routePath(route)} areaKey={route.areaKey} filter={route.filter} />;
    case 'myReports':
      return <MyReports />;
    case 'report':
      return (
        <React.Suspense fallback={<LoadingState label={strings.loading} />}>
          <ReportForm areaKey={route.areaKey} />
        </React.Suspense>
      );
    case 'reportDetail':
      return (
        <React.Suspense fallback={<LoadingState label={strings.loadingReport} />}>
          <ReportDetail id={route.id} />
        </React.Suspense>
      );
    case 'risk':
      return (
        <React.Suspense fallback={<LoadingState label={strings.loadingRisk} />}>
          <RiskPage id={route.id} />
        </React.Suspense>
      );
    case 'newRisk':
      return (
        <React.Suspense fallback={<LoadingState label={strings.loadingRisk} />}>
          <NewRisk areaKey={route.areaKey} reportId={route.reportId} />
        </React.Suspense>
      );
    case 'situation':
      return (
        <React.Suspense fallback={<LoadingState label={strings.loadingSituation} />}>
          <Situation year={route.year} areaKey={route.areaKey} />
        </React.Suspense>
      );
    case 'annualReport':
      return (
        <React.Suspense fallback={<LoadingState label={strings.loadingAnnualReport} />}>
          <AnnualReport year={route.year} />
        </React.Suspense>
      );
    case 'installationCheck':
      return (
        <React.Suspense fallback={<LoadingState label={strings.installationChecking} />}>
          <InstallationCheck />
        </React.Suspense>
      );
    case 'queue':
      return (
        <React.Suspense fallback={<LoadingState label={strings.loadingQueue} />}>
          <Queue filter={route.filter} />
        </React.Suspense>
      );
    case 'notFound':
      return <NotFound path={route.path} />;
  }
}
