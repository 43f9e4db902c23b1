import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format, IStrings } from '../../loc';
import { useAsync } from '../../hooks/useAsync';
import { useAnnounceUser, useStrings } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import type { IRepairResult, ISetupIssue, ISetupReport } from '../../services/interfaces';
import { toServiceError } from '../../services/errors';
import { Button } from '../common/Button';
import { ErrorState } from '../common/ErrorState';
import { errorMessage } from '../common/errorMessage';
import { Heading } from '../common/Heading';
import { LiveRegion } from '../common/LiveRegion';
import { LoadingState } from '../common/LoadingState';
import { Notice } from '../common/Notice';
import { ViewTitle } from '../common/ViewTitle';

const useStyles = makeStyles((theme) => ({
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  intro: { maxWidth: '70ch', margin: '0 0 16px' },
  section: { margin: '24px 0 0' },
  sectionTitle: { margin: '0 0 8px', fontSize: theme.fonts.xLarge.fontSize, fontWeight: 600 },
  list: { margin: '0 0 12px', paddingLeft: 20, maxWidth: '80ch', selectors: { li: { margin: '0 0 8px' } } },
  how: { display: 'block', color: theme.semanticColors.bodySubtext },
  actions: { display: 'flex', flexWrap: 'wrap', gap: 8, margin: '12px 0' },
  result: { margin: '12px 0' }
}));

/** The issue as a sentence of the user's language. */
export function issueText(strings: IStrings, issue: ISetupIssue): string {
  const list = issue.listTitle ?? '';
  const subject = issue.subject ?? '';
  switch (issue.kind) {
    case 'listMissing':
      return format(strings.setupListMissing, list, subject);
    case 'fieldMissing':
      return format(strings.setupFieldMissing, list, subject);
    case 'fieldType':
      return format(strings.setupFieldType, list, subject, issue.expected ?? '', issue.actual ?? '');
    case 'fieldRequired':
      return format(issue.expected === 'true' ? strings.setupFieldRequiredOn : strings.setupFieldRequiredOff, list, subject);
    case 'fieldIndexed':
      return format(strings.setupFieldIndexed, list, subject);
    case 'fieldChoices':
      return format(strings.setupFieldChoices, list, subject, issue.expected ?? '');
    case 'deleteBehavior':
      return format(strings.setupDeleteBehavior, list, subject);
    case 'itemLevelSecurity':
      return format(strings.setupItemLevelSecurity, list);
    case 'attachments':
      return format(strings.setupAttachments, list);
    case 'levelMissing':
      return format(strings.setupLevelMissing, subject);
    case 'levelPermissions':
      return format(strings.setupLevelPermissions, subject);
    case 'groupMissing':
      return format(strings.setupGroupMissing, subject);
    case 'groupEmpty':
      return format(strings.setupGroupEmpty, subject);
    case 'associatedGroupMissing':
      return format(strings.setupAssociatedGroupMissing, subject === 'owners' ? strings.setupOwners : subject === 'members' ? strings.setupMembers : strings.setupVisitors);
    case 'inheritsPermissions':
      return format(strings.setupInheritsPermissions, list);
    case 'assignmentMissing':
      return format(strings.setupAssignmentMissing, list, subject, issue.expected ?? '');
    case 'assignmentExtra':
      return format(strings.setupAssignmentExtra, list, subject, issue.actual ?? '');
    case 'areasMissing':
      return format(strings.setupAreasMissing, list, subject, issue.expected ?? '');
  }
}

/** What the site owner does by hand, for the issues the check cannot repair. */
function howText(strings: IStrings, issue: ISetupIssue): string | undefined {
  switch (issue.kind) {
    case 'listMissing':
      return strings.setupListMissingHow;
    case 'fieldType':
      return format(strings.setupFieldTypeHow, issue.subject ?? '');
    case 'groupEmpty':
      return format(strings.setupGroupEmptyHow, issue.subject ?? '');
    case 'associatedGroupMissing':
      return strings.setupAssociatedGroupMissingHow;
    default:
      return undefined;
  }
}

function IssueList({ issues, label }: { issues: ISetupIssue[]; label: string }): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  return (
    <ul className={classes.list} aria-label={label}>
      {issues.map((issue, i) => {
        const how = howText(strings, issue);
        return (
          <li key={i}>
            {issueText(strings, issue)}
            {how && <span className={classes.how}>{how}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The installation check, for the site's owners: every difference between the site and what the
 * product needs, in plain words; one action repairs what SharePoint lets the owner repair over
 * REST, and what must be done by hand says how.
 */
export function InstallationCheck(): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const services = useServices();
  const check = useAsync(async () => (await services.setup()).check(), [services]);
  // The check's data does not carry the user; the navigation needs them (Att hantera, Lägesbild).
  const me = useAsync(() => services.users.getCurrentUser(), [services]);
  useAnnounceUser(me.status === 'done' ? me.data : undefined);
  const [report, setReport] = React.useState<ISetupReport | undefined>(undefined);
  const [repairing, setRepairing] = React.useState(false);
  const [result, setResult] = React.useState<IRepairResult | undefined>(undefined);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const shown = report ?? (check.status === 'done' ? check.data : undefined);

  const repair = async (): Promise<void> => {
    if (repairing) {
      return;
    }
    setRepairing(true);
    setFailure(undefined);
    setResult(undefined);
    try {
      const done = await (await services.setup()).repair();
      setResult(done);
      setReport(done.report);
    } catch (err) {
      setFailure(errorMessage(strings, toServiceError(err)));
    } finally {
      setRepairing(false);
    }
  };

  const auto = shown?.issues.filter((i) => i.repair === 'auto') ?? [];
  const manual = shown?.issues.filter((i) => i.repair === 'manual') ?? [];
  return (
    <>
      <ViewTitle className={classes.title}>{strings.installationHeading}</ViewTitle>
      <p className={classes.intro}>{strings.installationIntro}</p>
      {check.status === 'loading' && <LoadingState label={strings.installationChecking} />}
      {check.status === 'error' && <ErrorState error={check.error} message={check.error.kind === 'forbidden' ? strings.installationNotOwner : undefined} onRetry={check.reload} />}
      <LiveRegion kind="status" className={classes.result}>
        {repairing ? strings.installationRepairing : result ? format(strings.installationRepaired, result.repaired.length) : ''}
      </LiveRegion>
      <LiveRegion kind="alert">
        {failure ? failure : result && result.failed.length > 0 ? format(strings.installationRepairFailed, result.failed.map((f) => `${issueText(strings, f.issue)} (${errorMessage(strings, f.error)})`).join(' ')) : ''}
      </LiveRegion>
      {shown && (
        <>
          {shown.issues.length === 0 ? (
            <Notice kind="success">{strings.installationAllGood}</Notice>
          ) : (
            <Notice kind="warning">{format(strings.installationSummary, shown.issues.length, auto.length, manual.length)}</Notice>
          )}
          {!shown.canRepair && auto.length > 0 && (
            <div className={classes.section}>
              <Notice kind="info">{strings.installationNoRights}</Notice>
            </div>
          )}
          {auto.length > 0 && (
            <section className={classes.section}>
              <Heading depth={1} className={classes.sectionTitle}>
                {strings.installationAutoHeading}
              </Heading>
              <IssueList issues={auto} label={strings.installationAutoHeading} />
              {shown.canRepair && (
                <div className={classes.actions}>
                  <Button primary icon="CheckMark" onClick={repair} disabled={repairing}>
                    {repairing ? strings.installationRepairing : format(strings.installationRepair, auto.length)}
                  </Button>
                </div>
              )}
            </section>
          )}
          {manual.length > 0 && (
            <section className={classes.section}>
              <Heading depth={1} className={classes.sectionTitle}>
                {strings.installationManualHeading}
              </Heading>
              <IssueList issues={manual} label={strings.installationManualHeading} />
            </section>
          )}
          <div className={classes.actions}>
            <Button icon="Refresh" onClick={() => { setReport(undefined); setResult(undefined); check.reload(); }} disabled={repairing}>
              {strings.installationRecheck}
            </Button>
          </div>
        </>
      )}
    </>
  );
}
