import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useAsync } from '../../hooks/useAsync';
import { TimeZoneContext } from '../../hooks/contexts';
import { useAnnounceUser, useRouter, useStrings } from '../../hooks/useHost';
import { useLeaveGuard } from '../../hooks/useLeaveGuard';
import { useServices } from '../../hooks/useServices';
import type { IIncidentDetail, IRisk } from '../../model/types';
import { toServiceError } from '../../services/errors';
import { Button } from '../common/Button';
import { ErrorState } from '../common/ErrorState';
import { errorMessage } from '../common/errorMessage';
import { ListText } from '../common/ListText';
import { LiveRegion } from '../common/LiveRegion';
import { LoadingState } from '../common/LoadingState';
import { Notice } from '../common/Notice';
import { RouteLink } from '../common/RouteLink';
import { usePeopleChoices } from '../ReportDetail/PeoplePicker';
import { ViewTitle } from '../common/ViewTitle';
import { changedRiskFields, checkRiskForm, EMPTY_RISK_FORM, firstProblem, IRiskForm, IRiskProblems, newRiskOf, RiskFields } from './RiskFields';

const useStyles = makeStyles((theme) => ({
  crumbs: { listStyle: 'none', margin: '0 0 8px', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 6, fontSize: theme.fonts.small.fontSize },
  crumb: { selectors: { '& + &::before': { content: '"›"', marginRight: 6, color: theme.semanticColors.bodySubtext } } },
  title: { margin: '0 0 12px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  help: { margin: '0 0 12px', color: theme.semanticColors.bodySubtext },
  form: { display: 'grid', gap: 16, maxWidth: 760 },
  row: { display: 'flex', flexWrap: 'wrap', gap: 12 }
}));

/** A new risk's form, filled from the report it is created from. */
function formFrom(report: IIncidentDetail | undefined): IRiskForm {
  return report ? { ...EMPTY_RISK_FORM, title: report.title, threat: report.description, location: report.location } : EMPTY_RISK_FORM;
}

export interface INewRiskProps {
  areaKey: string;
  /** The report of the area the risk is created from; it is linked to the new risk. */
  reportId?: number;
}

/**
 * Records a risk in an area's register (area owners, deputies, the security chief). From a
 * report, the form starts with the report's title, what happened and where, and the report is
 * linked to the new risk with the report's own ETag. A refused save keeps everything typed.
 */
export default function NewRisk({ areaKey, reportId }: INewRiskProps): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const services = useServices();
  const router = useRouter();
  const view = useAsync(() => services.views.loadNewRisk(areaKey, reportId), [services, areaKey, reportId]);
  useAnnounceUser(view.status === 'done' ? view.data.user : undefined);
  const report = view.status === 'done' ? view.data.report : undefined;
  const [form, setForm] = React.useState<IRiskForm>(EMPTY_RISK_FORM);
  const start = React.useMemo(() => formFrom(report), [report]);
  const [started, setStarted] = React.useState(false);
  React.useEffect(() => {
    if (view.status === 'done' && !started) {
      setForm(start);
      setStarted(true);
    }
  }, [view.status, start, started]);
  const [problems, setProblems] = React.useState<IRiskProblems>({});
  const [saving, setSaving] = React.useState(false);
  // An owner chosen a moment before saving is being added to the site: the save waits for it and
  // then reads the form as last rendered.
  const { trackChoice, isChoosing, waitForChoices } = usePeopleChoices();
  const latestForm = React.useRef(form);
  latestForm.current = form;
  const [error, setError] = React.useState<string>();
  // Stored, but the report could not be linked: the risk exists; say so and offer it.
  const [unlinked, setUnlinked] = React.useState<{ risk: IRisk; reason: string }>();
  const [created, setCreated] = React.useState<IRisk>();
  useLeaveGuard(started && !created && !unlinked && changedRiskFields(start, form).length > 0);
  // Once stored (and linked), on to the risk's page – after the guard has seen that nothing is unsaved.
  React.useEffect(() => {
    if (created) {
      router.navigate({ name: 'risk', id: created.id });
    }
  }, [created, router]);

  if (view.status === 'loading') {
    return <LoadingState label={strings.loadingRisk} />;
  }
  if (view.status === 'error') {
    return <ErrorState error={view.error} message={view.error.kind === 'notFound' && !reportId ? strings.areaNotFound : undefined} onRetry={view.reload} recovering={view.recovering} />;
  }
  const { area, handles, timeZone } = view.data;

  const save = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    if (saving) {
      return;
    }
    setError(undefined);
    if (isChoosing() && !(await waitForChoices(setSaving))) {
      return;
    }
    const form = latestForm.current;
    const found = checkRiskForm(form, strings);
    setProblems(found);
    const first = firstProblem(found);
    if (first) {
      document.getElementById(`sakerhet-risk-${first}`)?.focus();
      return;
    }
    setSaving(true);
    let risk: IRisk;
    try {
      risk = await services.risks.addRisk(newRiskOf(form, area.id));
    } catch (err) {
      setError(errorMessage(strings, toServiceError(err)));
      setSaving(false);
      return;
    }
    if (report) {
      try {
        await services.incidents.updateCase(report, { riskId: risk.id });
      } catch (err) {
        const failure = toServiceError(err);
        setUnlinked({ risk, reason: failure.kind === 'conflict' ? strings.caseConflict : errorMessage(strings, failure) });
        setSaving(false);
        return;
      }
    }
    setCreated(risk);
  };

  return (
    <TimeZoneContext.Provider value={timeZone}>
      {router.mode === 'app' && (
        <nav aria-label={strings.breadcrumb}>
          <ol className={classes.crumbs}>
            <li className={classes.crumb}>
              <RouteLink to={{ name: 'overview' }}>{strings.appTitle}</RouteLink>
            </li>
            <li className={classes.crumb}>
              <RouteLink to={{ name: 'area', areaKey: area.key }}>
                <ListText>{area.title}</ListText>
              </RouteLink>
            </li>
            <li className={classes.crumb} aria-current="page">
              {strings.newRiskHeading}
            </li>
          </ol>
        </nav>
      )}
      <ViewTitle className={classes.title}>{strings.newRiskHeading}</ViewTitle>
      {!handles ? (
        <Notice kind="info">{strings.riskOnlyHandlers}</Notice>
      ) : (
        <form className={classes.form} onSubmit={save} noValidate>
          {report && (
            <p className={classes.help}>
              {format(strings.riskFromReport, report.id)} <RouteLink to={{ name: 'reportDetail', id: report.id }}><ListText>{report.title}</ListText></RouteLink>
            </p>
          )}
          <p className={classes.help}>{strings.requiredMarked}</p>
          <RiskFields
            idPrefix="sakerhet-risk-"
            form={form}
            problems={problems}
            onChange={(next, field) => {
              setForm(next);
              setProblems((p) => ({ ...p, [field]: undefined }));
            }}
            onChoosing={trackChoice}
          />
          <LiveRegion kind="alert">
            {error && <Notice kind="error">{error}</Notice>}
            {unlinked && (
              <Notice kind="warning">
                {format(strings.riskLinkFailed, unlinked.reason)} <RouteLink to={{ name: 'risk', id: unlinked.risk.id }}>{strings.openRisk}</RouteLink>
              </Notice>
            )}
          </LiveRegion>
          {!unlinked && (
            <div className={classes.row}>
              <Button primary type="submit" disabled={saving}>
                {strings.saveRisk}
              </Button>
            </div>
          )}
        </form>
      )}
    </TimeZoneContext.Provider>
  );
}
