import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useAsync } from '../../hooks/useAsync';
import { TimeZoneContext } from '../../hooks/contexts';
import { useAnnounceUser, useContentLang, useRouter, useStrings } from '../../hooks/useHost';
import { useLeaveGuard } from '../../hooks/useLeaveGuard';
import { useServices } from '../../hooks/useServices';
import { riskDocumentTitle } from '../../app/documentTitle';
import { isDueForReview } from '../../analytics/risks';
import { dayIn, parseDay } from '../../model/calendar';
import { ACTIONS_LIST, fieldOf } from '../../model/schema';
import type { IAction, IPerson, IRisk, IRiskAssessment } from '../../model/types';
import type { IRiskView } from '../../services/interfaces';
import { toServiceError } from '../../services/errors';
import { Button } from '../common/Button';
import { ErrorState } from '../common/ErrorState';
import { errorMessage } from '../common/errorMessage';
import { formatDate, formatDateTime, isoDate } from '../common/format';
import { formatNodes } from '../common/formatNodes';
import { Heading } from '../common/Heading';
import { label } from '../common/labels';
import { ListText } from '../common/ListText';
import { LiveRegion } from '../common/LiveRegion';
import { LoadingState } from '../common/LoadingState';
import { Notice } from '../common/Notice';
import { RouteLink } from '../common/RouteLink';
import { StatusBadge } from '../common/StatusBadge';
import { cardListStyles, narrowerThan, tableStyle } from '../common/styles';
import { TextInput } from '../common/TextInput';
import { ViewTitle } from '../common/ViewTitle';
import { PeoplePicker, usePeopleChoices } from '../ReportDetail/PeoplePicker';
import { AssessmentFields, assessmentFormChanged, checkAssessmentForm, emptyAssessmentForm, firstAssessmentProblem, IAssessmentForm, IAssessmentProblems, newAssessmentOf } from './AssessmentFields';
import { changedRiskFields, checkRiskForm, firstProblem, IRiskForm, IRiskProblems, mergeRiskForms, riskChangesOf, riskFormOf, RiskFields } from './RiskFields';
import { LevelBadge, riskStatusTone } from './RiskTable';

const useStyles = makeStyles((theme) => ({
  crumbs: { listStyle: 'none', margin: '0 0 8px', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 6, fontSize: theme.fonts.small.fontSize },
  crumb: { selectors: { '& + &::before': { content: '"›"', marginRight: 6, color: theme.semanticColors.bodySubtext } } },
  kicker: { margin: '0 0 4px', color: theme.semanticColors.bodySubtext },
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none', overflowWrap: 'anywhere' },
  facts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 16rem), 1fr))', gap: '12px 24px', margin: '16px 0' },
  term: { fontWeight: 600, margin: 0 },
  value: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  wide: { gridColumn: '1 / -1' },
  section: { margin: '24px 0', display: 'grid', gap: 12, maxWidth: 960 },
  sectionTitle: { margin: 0, fontSize: theme.fonts.xLarge.fontSize, fontWeight: 600, outline: 'none' },
  row: { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'end' },
  form: { display: 'grid', gap: 16, padding: 16, border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4 },
  help: { margin: 0, color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize },
  // The history's seven columns need a desk's width; narrower, each assessment is a card (issue 14).
  ...cardListStyles(theme, narrowerThan('56rem')),
  table: tableStyle(theme),
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 },
  item: { display: 'grid', gap: 4, padding: '8px 0', borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` },
  addForm: { display: 'grid', gap: 8, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))', alignItems: 'start', border: 0, padding: 0, margin: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: 4, color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize }
}));

const ACTION_TITLE_MAX = fieldOf(ACTIONS_LIST, 'Title').maxLength!;

type Message = { kind: 'success' | 'error' | 'warning'; text: React.ReactNode };

/** Success into the status region, failures into the alert region; both are there before any message. */
function Messages({ message }: { message: Message | undefined }): JSX.Element {
  return (
    <>
      <LiveRegion kind="status">{message?.kind === 'success' && <Notice kind="success">{message.text}</Notice>}</LiveRegion>
      <LiveRegion kind="alert">{message && message.kind !== 'success' && <Notice kind={message.kind}>{message.text}</Notice>}</LiveRegion>
    </>
  );
}

export interface IRiskPageProps {
  id: number;
}

/**
 * One risk: what could happen, its current (fastställd) level before and after measures, when it
 * is next reviewed. For those who handle its area also its assessment history – a re-assessment
 * adds one and keeps the earlier, so the change shows –, its measures and the reports linked to
 * it, and the forms to change, assess and treat it. Every save sends the version it started from.
 */
export default function RiskPage({ id }: IRiskPageProps): JSX.Element {
  const { strings } = useStrings();
  const services = useServices();
  const view = useAsync(() => services.views.loadRisk(id), [services, id]);
  useAnnounceUser(view.status === 'done' ? view.data.user : undefined);
  if (view.status === 'loading') {
    return <LoadingState label={strings.loadingRisk} />;
  }
  if (view.status === 'error') {
    return <ErrorState error={view.error} onRetry={view.reload} recovering={view.recovering} />;
  }
  return (
    <TimeZoneContext.Provider value={view.data.timeZone}>
      <RiskDetail key={view.data.risk.id} view={view.data} />
    </TimeZoneContext.Provider>
  );
}

function RiskDetail({ view }: { view: IRiskView }): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const services = useServices();
  const router = useRouter();
  const lang = useContentLang();
  const { area, handles, timeZone: zone, user } = view;
  const now = React.useMemo(() => new Date(), []);
  const today = dayIn(now, zone);
  const [risk, setRisk] = React.useState<IRisk>(view.risk);
  const [history, setHistory] = React.useState<IRiskAssessment[]>(view.assessments);
  const [actions, setActions] = React.useState<IAction[]>(view.actions);

  /** "Sparades av Erik Holm 8 okt. 2026 10:30." – who saved first, after a conflict. */
  const savedBy = (item: { editor?: IPerson; modified?: Date }): string =>
    item.modified ? (item.editor ? format(strings.savedByAt, item.editor.displayName, formatDateTime(item.modified, locale, zone)) : format(strings.savedAt, formatDateTime(item.modified, locale, zone))) : '';

  // --- The risk's own fields --------------------------------------------------------------
  const [editing, setEditing] = React.useState(false);
  const [form, setForm] = React.useState<IRiskForm>(() => riskFormOf(view.risk, zone));
  // The version the form started from (after a conflict: the one saved first).
  const [editBase, setEditBase] = React.useState<IRisk>(view.risk);
  const [problems, setProblems] = React.useState<IRiskProblems>({});
  const [editMessage, setEditMessage] = React.useState<Message>();
  const [saving, setSaving] = React.useState(false);
  const editButton = React.useRef<HTMLButtonElement>(null);

  // --- Assessments ------------------------------------------------------------------------
  const [assessing, setAssessing] = React.useState(false);
  const [assessment, setAssessment] = React.useState<IAssessmentForm>(() => emptyAssessmentForm(today));
  const [assessProblems, setAssessProblems] = React.useState<IAssessmentProblems>({});
  const [assessMessage, setAssessMessage] = React.useState<Message>();
  const [assessingBusy, setAssessingBusy] = React.useState(false);
  const assessButton = React.useRef<HTMLButtonElement>(null);
  const historyHeading = React.useRef<HTMLHeadingElement>(null);

  // --- Measures ---------------------------------------------------------------------------
  const [draft, setDraft] = React.useState<{ title: string; owner?: IPerson; due: string }>({ title: '', due: '' });
  const [draftProblems, setDraftProblems] = React.useState<{ title?: string; owner?: string; due?: string }>({});
  const [actionMessage, setActionMessage] = React.useState<Message>();
  const [adding, setAdding] = React.useState(false);
  // A person chosen a moment before saving (the risk's owner, a measure's owner) is being added to
  // the site: the save waits for it, then reads the form as last rendered.
  const { trackChoice, isChoosing, waitForChoices } = usePeopleChoices();
  const latest = React.useRef({ form, draft });
  latest.current = { form, draft };
  const [pending, setPending] = React.useState<number[]>([]);
  const actionsHeading = React.useRef<HTMLHeadingElement>(null);

  // Focus after a form opens or closes, or a button the user pressed goes away.
  const focusNext = React.useRef<(() => void) | undefined>();
  React.useLayoutEffect(() => {
    const next = focusNext.current;
    focusNext.current = undefined;
    next?.();
  });

  // Nothing typed is lost: leaving with something unsaved asks first.
  useLeaveGuard(
    (editing && changedRiskFields(riskFormOf(editBase, zone), form).length > 0) || (assessing && assessmentFormChanged(assessment, today)) || draft.title.trim() !== '' || draft.owner !== undefined || draft.due !== ''
  );

  const openEdit = (): void => {
    setForm(riskFormOf(risk, zone));
    setEditBase(risk);
    setProblems({});
    setEditMessage(undefined);
    setEditing(true);
    focusNext.current = () => document.getElementById('sakerhet-risk-edit-title')?.focus();
  };
  const closeEdit = (): void => {
    setEditing(false);
    setProblems({});
    focusNext.current = () => editButton.current?.focus();
  };

  const saveRisk = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    if (saving) {
      return;
    }
    setEditMessage(undefined);
    if (isChoosing() && !(await waitForChoices(setSaving))) {
      return;
    }
    const form = latest.current.form;
    const found = checkRiskForm(form, strings);
    setProblems(found);
    const first = firstProblem(found);
    if (first) {
      document.getElementById(`sakerhet-risk-edit-${first}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await services.risks.updateRisk(editBase, riskChangesOf(riskFormOf(editBase, zone), form));
      setRisk(saved);
      setEditBase(saved);
      setEditing(false);
      setEditMessage({ kind: 'success', text: strings.riskSaved });
      focusNext.current = () => editButton.current?.focus();
    } catch (err) {
      const error = toServiceError(err);
      const fresh = error.kind === 'conflict' ? await services.risks.getRisk(risk.id).catch(() => undefined) : undefined;
      if (fresh) {
        // What this user changed stays; everything else takes what was saved first.
        setForm(mergeRiskForms(riskFormOf(editBase, zone), form, riskFormOf(fresh, zone)));
        setEditBase(fresh);
        setRisk(fresh);
        setEditMessage({ kind: 'warning', text: `${strings.riskConflict} ${savedBy(fresh)}`.trim() });
      } else {
        setEditMessage({ kind: 'error', text: errorMessage(strings, error) });
      }
    } finally {
      setSaving(false);
    }
  };

  const openAssess = (): void => {
    setAssessment(emptyAssessmentForm(today));
    setAssessProblems({});
    setAssessMessage(undefined);
    setAssessing(true);
    focusNext.current = () => document.getElementById('sakerhet-assess-title')?.focus();
  };

  /** After a conflict on the risk: its saved version and the history as it is now. */
  const reload = async (): Promise<IRisk | undefined> => {
    const [fresh, assessments] = await Promise.all([services.risks.getRisk(risk.id), services.risks.getAssessments([risk.id])]).catch(() => [undefined, undefined] as const);
    if (fresh && assessments) {
      setRisk(fresh);
      setHistory(assessments);
    }
    return fresh;
  };

  const saveAssessment = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    if (assessingBusy) {
      return;
    }
    setAssessMessage(undefined);
    const found = checkAssessmentForm(assessment, strings);
    setAssessProblems(found);
    const first = firstAssessmentProblem(found);
    if (first) {
      document.getElementById(`sakerhet-assess-${first}`)?.focus();
      return;
    }
    setAssessingBusy(true);
    try {
      const result = await services.risks.assess(risk, newAssessmentOf(assessment, user.id));
      setRisk(result.risk);
      setHistory((h) => [result.assessment, ...h.filter((a) => a.id !== result.assessment.id)]);
      setAssessing(false);
      setAssessMessage({ kind: 'success', text: result.assessment.status === 'approved' ? strings.assessmentApproved : strings.assessmentSavedDraft });
      focusNext.current = () => historyHeading.current?.focus();
    } catch (err) {
      const error = toServiceError(err);
      if (error.kind === 'conflict') {
        // The assessment is stored as a draft; the risk was saved by someone else first.
        const fresh = await reload();
        setAssessing(false);
        setAssessMessage({ kind: 'warning', text: `${strings.assessmentKeptAsDraft} ${fresh ? savedBy(fresh) : ''}`.trim() });
        focusNext.current = () => historyHeading.current?.focus();
      } else {
        setAssessMessage({ kind: 'error', text: errorMessage(strings, error) });
      }
    } finally {
      setAssessingBusy(false);
    }
  };

  const approve = async (a: IRiskAssessment): Promise<void> => {
    if (assessingBusy) {
      return;
    }
    setAssessingBusy(true);
    setAssessMessage(undefined);
    try {
      const result = await services.risks.approve(risk, a);
      setRisk(result.risk);
      setHistory((h) => h.map((x) => (x.id === a.id ? result.assessment : x)));
      setAssessMessage({ kind: 'success', text: strings.assessmentApproved });
    } catch (err) {
      const error = toServiceError(err);
      const fresh = error.kind === 'conflict' ? await reload() : undefined;
      setAssessMessage({ kind: error.kind === 'conflict' ? 'warning' : 'error', text: error.kind === 'conflict' ? `${strings.riskConflict} ${fresh ? savedBy(fresh) : ''}`.trim() : errorMessage(strings, error) });
    } finally {
      setAssessingBusy(false);
      // The button is gone (approved) or the list has changed: focus to the history's heading.
      focusNext.current = () => historyHeading.current?.focus();
    }
  };

  const addAction = async (): Promise<void> => {
    if (adding) {
      return;
    }
    setActionMessage(undefined);
    if (isChoosing() && !(await waitForChoices(setAdding))) {
      return;
    }
    const draft = latest.current.draft;
    const title = draft.title.trim();
    const found = {
      title: !title ? format(strings.errRequired, strings.actionTitle) : title.length > ACTION_TITLE_MAX ? format(strings.errTooLong, strings.actionTitle, ACTION_TITLE_MAX) : undefined,
      owner: !draft.owner ? format(strings.errRequired, strings.actionOwner) : undefined,
      due: !draft.due ? format(strings.errRequired, strings.actionDue) : !parseDay(draft.due) ? format(strings.errDay, strings.actionDue) : undefined
    };
    setDraftProblems(found);
    const first = (['title', 'owner', 'due'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`sakerhet-risk-action-${first}`)?.focus();
      return;
    }
    setAdding(true);
    try {
      const added = await services.actions.addRiskAction(risk.id, { title, ownerId: draft.owner!.id, dueDate: draft.due });
      setActions((list) => [...list, added]);
      setDraft({ title: '', due: '' });
      setActionMessage({ kind: 'success', text: formatNodes(strings.actionAdded, [<ListText key="t">{added.title}</ListText>]) });
    } catch (err) {
      setActionMessage({ kind: 'error', text: errorMessage(strings, toServiceError(err)) });
    } finally {
      setAdding(false);
    }
  };

  const markDone = async (action: IAction): Promise<void> => {
    if (pending.includes(action.id)) {
      return;
    }
    setActionMessage(undefined);
    setPending((ids) => [...ids, action.id]);
    try {
      const updated = await services.actions.setActionStatus(action, 'done');
      setActions((list) => list.map((a) => (a.id === action.id ? updated : a)));
      setActionMessage({ kind: 'success', text: formatNodes(strings.actionStatusChanged, [<ListText key="t">{updated.title}</ListText>, label(strings, 'actionStatus', updated.status)]) });
    } catch (err) {
      const error = toServiceError(err);
      if (error.kind === 'conflict') {
        const fresh = await services.actions.getRiskActions([risk.id]).catch(() => undefined);
        const theirs = fresh?.find((a) => a.id === action.id);
        if (fresh) {
          setActions(fresh);
        }
        setActionMessage({ kind: 'warning', text: `${strings.actionConflict} ${theirs ? savedBy(theirs) : ''}`.trim() });
      } else {
        setActionMessage({ kind: 'error', text: errorMessage(strings, error) });
      }
    } finally {
      setPending((ids) => ids.filter((x) => x !== action.id));
      // The button is gone (done) or the list has changed: focus to the measures' heading.
      focusNext.current = () => actionsHeading.current?.focus();
    }
  };

  // An assessment's status and, for a draft, the button that approves it: in the table and its cards.
  const assessmentStatus = (a: (typeof history)[number]): JSX.Element => (
    <>
      <StatusBadge tone={a.status === 'approved' ? 'good' : 'warning'}>{label(strings, 'assessmentStatus', a.status)}</StatusBadge>
      {a.status === 'draft' && (
        <>
          {' '}
          <Button onClick={() => approve(a)} disabled={assessingBusy} aria-label={`${strings.approveDraft}: ${a.title}`}>
            {strings.approveDraft}
          </Button>
        </>
      )}
    </>
  );
  const date = (d: Date | undefined): React.ReactNode => (d ? <time dateTime={isoDate(d, zone)}>{formatDate(d, locale, zone)}</time> : strings.noneGiven);
  const facts: [string, React.ReactNode, boolean?][] = [
    [
      strings.area,
      <RouteLink key="a" to={{ name: 'area', areaKey: area.key }}>
        <ListText>{area.title}</ListText>
      </RouteLink>
    ],
    [strings.status, <StatusBadge key="s" tone={riskStatusTone(risk.status)}>{label(strings, 'riskStatus', risk.status)}</StatusBadge>],
    [strings.riskBeforeMeasures, <LevelBadge key="b" score={risk.scores?.before} />],
    [strings.riskAfterMeasures, <LevelBadge key="f" score={risk.scores?.after} />],
    [strings.assessmentDate, date(risk.assessedAt)],
    [
      strings.nextReview,
      <>
        {risk.nextReview ? date(risk.nextReview) : strings.notScheduled}
        {isDueForReview(risk, now, zone) && (
          <>
            {' '}
            <StatusBadge tone="warning">{strings.riskDue}</StatusBadge>
          </>
        )}
      </>
    ],
    [strings.riskOwner, risk.owner?.displayName ?? strings.noneGiven],
    [strings.riskLocation, risk.location ? <ListText key="l">{risk.location}</ListText> : strings.noneGiven],
    [strings.riskThreat, <ListText key="t">{risk.threat}</ListText>, true],
    [strings.riskHarm, <ListText key="h">{risk.harm}</ListText>, true],
    [strings.riskControls, risk.controls ? <ListText key="c">{risk.controls}</ListText> : strings.noneGiven, true]
  ];

  return (
    <>
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
              <ListText>{risk.title}</ListText>
            </li>
          </ol>
        </nav>
      )}
      <p className={classes.kicker}>{strings.riskTitle}</p>
      <ViewTitle className={classes.title} documentTitle={riskDocumentTitle(strings, risk.id)}>
        <ListText>{risk.title}</ListText>
      </ViewTitle>
      <dl className={classes.facts}>
        {facts.map(([term, value, wide]) => (
          <div key={term} className={wide ? classes.wide : undefined}>
            <dt className={classes.term}>{term}</dt>
            <dd className={classes.value}>{value}</dd>
          </div>
        ))}
      </dl>

      {!handles && <Notice kind="info">{strings.riskReadOnly}</Notice>}

      {handles && (
        <section className={classes.section}>
          <Messages message={editMessage} />
          {editing ? (
            <form className={classes.form} onSubmit={saveRisk} noValidate aria-label={strings.editRisk}>
              <p className={classes.help}>{strings.requiredMarked}</p>
              <RiskFields
                idPrefix="sakerhet-risk-edit-"
                form={form}
                problems={problems}
                withStatus
                onChange={(next, field) => {
                  setForm(next);
                  setProblems((p) => ({ ...p, [field]: undefined }));
                }}
                onChoosing={trackChoice}
              />
              <div className={classes.row}>
                <Button primary type="submit" disabled={saving}>
                  {strings.saveRisk}
                </Button>
                <Button onClick={closeEdit}>{strings.cancel}</Button>
              </div>
            </form>
          ) : (
            <div className={classes.row}>
              <Button ref={editButton} onClick={openEdit}>
                {strings.editRisk}
              </Button>
            </div>
          )}
        </section>
      )}

      {handles && (
        <section className={classes.section}>
          <Heading depth={1} className={classes.sectionTitle} id="sakerhet-risk-history" tabIndex={-1} ref={historyHeading}>
            {strings.riskHistoryHeading}
          </Heading>
          <Messages message={assessMessage} />
          {history.length === 0 ? (
            <p className={classes.help}>{strings.riskHistoryNone}</p>
          ) : (
            <div className={classes.scroller} role="region" aria-labelledby="sakerhet-risk-history" tabIndex={0}>
              <table className={classes.table}>
                <thead>
                  <tr>
                    <th scope="col">{strings.assessmentDate}</th>
                    <th scope="col">{strings.assessmentTitle}</th>
                    <th scope="col">{strings.status}</th>
                    <th scope="col">{strings.riskBeforeMeasures}</th>
                    <th scope="col">{strings.riskAfterMeasures}</th>
                    <th scope="col">{strings.assessmentBy}</th>
                    <th scope="col">{strings.assessmentMotivation}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((a) => (
                    <tr key={a.id}>
                      <td>{date(a.assessedAt)}</td>
                      <td lang={lang}>{a.title}</td>
                      <td>{assessmentStatus(a)}</td>
                      <td>
                        <LevelBadge score={a.scores?.before} />
                      </td>
                      <td>
                        <LevelBadge score={a.scores?.after} />
                      </td>
                      <td>{a.assessor?.displayName ?? strings.noneGiven}</td>
                      <td lang={lang} className={classes.value}>
                        {a.motivation}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {history.length > 0 && (
            <ul className={classes.cards} aria-labelledby="sakerhet-risk-history">
              {history.map((a) => (
                <li key={a.id} className={classes.card}>
                  <p className={classes.cardTitle} lang={lang}>
                    {a.title}
                  </p>
                  <p className={classes.cardFacts}>
                    <span>{date(a.assessedAt)}</span>
                    <span>{a.assessor?.displayName ?? strings.noneGiven}</span>
                  </p>
                  <p className={classes.cardFacts}>
                    <span>
                      {strings.riskBeforeMeasures}: <LevelBadge score={a.scores?.before} />
                    </span>
                    <span>
                      {strings.riskAfterMeasures}: <LevelBadge score={a.scores?.after} />
                    </span>
                  </p>
                  {a.motivation && (
                    <p className={`${classes.cardFacts} ${classes.value}`} lang={lang}>
                      {a.motivation}
                    </p>
                  )}
                  <div className={classes.cardFacts}>{assessmentStatus(a)}</div>
                </li>
              ))}
            </ul>
          )}
          {assessing ? (
            <form className={classes.form} onSubmit={saveAssessment} noValidate aria-label={strings.assessRisk}>
              <p className={classes.help}>{strings.requiredMarked}</p>
              <AssessmentFields
                idPrefix="sakerhet-assess-"
                form={assessment}
                problems={assessProblems}
                onChange={(next, field) => {
                  setAssessment(next);
                  setAssessProblems((p) => ({ ...p, [field]: undefined, ...(field === 'residualLikelihood' || field === 'residualConsequence' ? { residualLikelihood: undefined, residualConsequence: undefined } : {}) }));
                }}
              />
              <div className={classes.row}>
                <Button primary type="submit" disabled={assessingBusy}>
                  {strings.saveAssessment}
                </Button>
                <Button
                  onClick={() => {
                    setAssessing(false);
                    focusNext.current = () => assessButton.current?.focus();
                  }}
                >
                  {strings.cancel}
                </Button>
              </div>
            </form>
          ) : (
            <div className={classes.row}>
              <Button ref={assessButton} icon="Add" onClick={openAssess}>
                {strings.assessRisk}
              </Button>
            </div>
          )}
        </section>
      )}

      {handles && (
        <section className={classes.section}>
          <Heading depth={1} className={classes.sectionTitle} id="sakerhet-risk-actions" tabIndex={-1} ref={actionsHeading}>
            {strings.actionsHeading}
          </Heading>
          {actions.length === 0 ? (
            <p className={classes.help}>{strings.noActions}</p>
          ) : (
            <ul className={classes.list}>
              {actions.map((a) => (
                <li key={a.id} className={classes.item}>
                  <span>
                    <strong lang={lang}>{a.title}</strong> <StatusBadge tone={a.status === 'done' ? 'good' : a.status === 'ongoing' ? 'warning' : 'neutral'}>{label(strings, 'actionStatus', a.status)}</StatusBadge>
                  </span>
                  <span className={classes.help}>
                    {strings.actionOwner}: {a.owner?.displayName ?? strings.noneGiven} · {strings.actionDue}: {date(a.dueDate)}
                  </span>
                  {a.status !== 'done' && (
                    <span className={classes.row}>
                      <Button onClick={() => markDone(a)} disabled={pending.includes(a.id)} aria-label={`${strings.markDone}: ${a.title}`}>
                        {strings.markDone}
                      </Button>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Messages message={actionMessage} />
          <fieldset className={classes.addForm}>
            <legend className={classes.legend}>{strings.addAction}</legend>
            <TextInput
              id="sakerhet-risk-action-title"
              label={strings.actionTitle}
              required
              value={draft.title}
              lang={lang}
              onChange={(v) => {
                setDraft((d) => ({ ...d, title: v }));
                setDraftProblems((p) => ({ ...p, title: undefined }));
              }}
              error={draftProblems.title}
            />
            <PeoplePicker
              id="sakerhet-risk-action-owner"
              label={strings.actionOwner}
              required
              value={draft.owner}
              onChange={(p) => {
                setDraft((d) => ({ ...d, owner: p }));
                setDraftProblems((x) => ({ ...x, owner: undefined }));
              }}
              onChoosing={trackChoice}
              error={draftProblems.owner}
            />
            <TextInput
              id="sakerhet-risk-action-due"
              type="date"
              label={strings.actionDue}
              required
              value={draft.due}
              onChange={(v) => {
                setDraft((d) => ({ ...d, due: v }));
                setDraftProblems((p) => ({ ...p, due: undefined }));
              }}
              error={draftProblems.due}
            />
            <div>
              <Button icon="Add" onClick={() => addAction()} disabled={adding}>
                {strings.addAction}
              </Button>
            </div>
          </fieldset>
        </section>
      )}

      {handles && (
        <section className={classes.section}>
          <Heading depth={1} className={classes.sectionTitle} id="sakerhet-risk-reports">
            {strings.riskReportsHeading}
          </Heading>
          {view.reports.length === 0 ? (
            <p className={classes.help}>{strings.riskReportsNone}</p>
          ) : (
            <ul>
              {view.reports.map((r) => (
                <li key={r.id}>
                  <RouteLink to={{ name: 'reportDetail', id: r.id }}>
                    <ListText>{r.title}</ListText>
                  </RouteLink>
                  {r.occurredAt && <> · {date(r.occurredAt)}</>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

