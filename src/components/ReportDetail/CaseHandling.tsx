import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useContentLang, useStrings, useTimeZone } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import { useLeaveGuard } from '../../hooks/useLeaveGuard';
import { parseDay, resolveWallClock, TimeZone, wallClockIn } from '../../model/calendar';
import { allowedNextStatuses, openActions } from '../../model/caseRules';
import { ACTIONS_LIST, fieldOf, INCIDENTS_LIST } from '../../model/schema';
import type { IAction, IArea, IIncidentDetail, IncidentStatusKey, IPerson, IRisk } from '../../model/types';
import { toServiceError, ServiceError } from '../../services/errors';
import { Button } from '../common/Button';
import { errorMessage } from '../common/errorMessage';
import { formatDate, formatDateTime, formatDay, isoDate } from '../common/format';
import { formatNodes } from '../common/formatNodes';
import { Heading } from '../common/Heading';
import { label } from '../common/labels';
import { ListText } from '../common/ListText';
import { LiveRegion } from '../common/LiveRegion';
import { Notice } from '../common/Notice';
import { Select } from '../common/Select';
import { StatusBadge } from '../common/StatusBadge';
import { TextInput } from '../common/TextInput';
import { useFocusFallback } from '../common/useFocusFallback';
import { PeoplePicker, usePeopleChoices } from './PeoplePicker';
import { RouteLink } from '../common/RouteLink';

const useStyles = makeStyles((theme) => ({
  section: { margin: '24px 0', padding: 16, border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, display: 'grid', gap: 16, maxWidth: 760 },
  title: { margin: 0, fontSize: theme.fonts.xLarge.fontSize, fontWeight: 600 },
  help: { margin: 0, color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize },
  row: { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'end' },
  actions: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 },
  action: { display: 'grid', gap: 4, padding: '8px 0', borderBottom: `1px solid ${theme.semanticColors.bodyDivider}`, outline: 'none', selectors: { ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}` } } },
  actionHead: { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' },
  addForm: { display: 'grid', gap: 8, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))', alignItems: 'start', border: 0, padding: 0, margin: 0, minWidth: 0 },
  addLegend: { padding: 0, marginBottom: 4, color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize },
  addButton: { alignSelf: 'end' },
  wide: { gridColumn: '1 / -1' },
  diff: { margin: '4px 0 0', paddingLeft: 20 },
  readOnly: { margin: 0, display: 'grid', gap: 12, selectors: { dt: { fontWeight: 600 }, dd: { margin: 0 } } },
  text: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  riskRow: { display: 'grid', gap: 4 }
}));

const ACTION_TITLE_MAX = fieldOf(ACTIONS_LIST, 'Title').maxLength!;
const ANALYSIS_MAX = fieldOf(INCIDENTS_LIST, 'Analysis').maxLength!;
const MESSAGE_MAX = fieldOf(INCIDENTS_LIST, 'ReporterMessage').maxLength!;

export interface ICaseForm {
  status: IncidentStatusKey;
  investigator?: IPerson;
  analysis: string;
  /** yyyy-mm-dd or empty. */
  reportedOn: string;
  /** The closing message for the reporter. */
  reporterMessage: string;
  /** The id of the risk the event realised, or '' for none. */
  riskId: string;
}

type CaseField = keyof ICaseForm;

/** An action as typed in the form: 'yyyy-mm-dd' or empty for the due date. */
interface IActionDraft {
  title: string;
  owner?: IPerson;
  due: string;
}
type IActionProblems = { [K in 'title' | 'owner' | 'due']?: string };
const CASE_FIELDS: CaseField[] = ['status', 'investigator', 'analysis', 'reportedOn', 'reporterMessage', 'riskId'];

function sameValue(field: CaseField, a: ICaseForm, b: ICaseForm): boolean {
  return field === 'investigator' ? a.investigator?.id === b.investigator?.id : a[field] === b[field];
}

/** Whether the form holds something the saved report does not. */
export function caseFormChanged(saved: ICaseForm, form: ICaseForm): boolean {
  return CASE_FIELDS.some((f) => !sameValue(f, saved, form));
}

/**
 * A three-way merge after a conflict: what this user changed since `base` wins; everything else
 * takes the other owner's saved value. Returns the fields the other owner changed.
 */
export function mergeCaseForms(base: ICaseForm, mine: ICaseForm, theirs: ICaseForm): { merged: ICaseForm; theirChanges: CaseField[] } {
  const merged = { ...theirs };
  for (const field of CASE_FIELDS) {
    if (!sameValue(field, mine, base)) {
      (merged as Record<CaseField, unknown>)[field] = mine[field];
    }
  }
  return { merged, theirChanges: CASE_FIELDS.filter((f) => !sameValue(f, theirs, base)) };
}

function formOfIn(report: IIncidentDetail, zone: TimeZone): ICaseForm {
  return {
    status: report.status,
    investigator: report.investigator,
    analysis: report.analysis,
    reportedOn: report.authorityReportedAt ? wallClockIn(report.authorityReportedAt, zone).date : '',
    reporterMessage: report.reporterMessage,
    riskId: report.riskId ? String(report.riskId) : ''
  };
}

/**
 * The day an authority was notified, stored as noon of that day in the site's zone: a date and time
 * column, so a time is needed, and noon is the same day in every zone of the site's calendar.
 */
function reportedOnInstant(day: string, zone: TimeZone): Date | undefined {
  const r = resolveWallClock(day, '12:00', zone);
  return r.kind === 'exact' ? r.instant : undefined;
}

export interface ICaseHandlingProps {
  report: IIncidentDetail;
  actions: IAction[];
  /** The report's area (its risk register, to link the report to the risk it realised). */
  area?: IArea;
  /** The area's risks, highest level first (none: only unlinking is offered). */
  risks?: IRisk[];
  onChanged(report: IIncidentDetail): void;
}

/**
 * Case handling for people who handle reports: status (Ny → Under utredning → Åtgärd pågår →
 * Avslutad), investigator, analysis, the authority notification and the actions. Every save sends
 * the version it started from; if someone else saved first, the user sees their version and
 * decides – nothing is overwritten silently.
 */
export function CaseHandling({ report, actions: initialActions, area, risks = [], onChanged }: ICaseHandlingProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const services = useServices();
  const zone = useTimeZone();
  const formOf = (r: IIncidentDetail): ICaseForm => formOfIn(r, zone);
  const [form, setForm] = React.useState<ICaseForm>(() => formOf(report));
  const [base, setBase] = React.useState<IIncidentDetail>(report);
  const [actions, setActions] = React.useState<IAction[]>(initialActions);
  const [saving, setSaving] = React.useState(false);
  // diff: what the other owner saved, as [field, value, whether the value is list text].
  // note: a quiet word after a save (the reporter could not be told by e-mail).
  const [message, setMessage] = React.useState<{ kind: 'success' | 'error' | 'warning'; text: string; diff?: [string, string, boolean][]; note?: string } | undefined>();
  const [draft, setDraft] = React.useState<IActionDraft>({ title: '', due: '' });
  const [draftErrors, setDraftErrors] = React.useState<IActionProblems>({});
  // One field of the new action changed: keep it, and clear that field's error.
  const changeDraft =
    <K extends keyof IActionDraft>(key: K): ((value: IActionDraft[K]) => void) =>
    (value) => {
      setDraft((d) => ({ ...d, [key]: value }));
      setDraftErrors((e) => ({ ...e, [key]: undefined }));
    };
  const [adding, setAdding] = React.useState(false);
  const [pending, setPending] = React.useState<number[]>([]);
  const [actionError, setActionError] = React.useState<React.ReactNode>();
  const [editing, setEditing] = React.useState<IActionDraft & { id: number }>();
  const [editErrors, setEditErrors] = React.useState<IActionProblems>({});
  const actionsHeading = React.useRef<HTMLHeadingElement>(null);
  // A removed action's buttons are gone: focus to the actions' heading.
  const focusActions = React.useRef(false);
  React.useLayoutEffect(() => {
    if (focusActions.current) {
      focusActions.current = false;
      actionsHeading.current?.focus();
    }
  }, [actions]);
  // "Ändra" opens the form in place: focus to its first field.
  const editingId = editing?.id;
  React.useLayoutEffect(() => {
    if (editingId !== undefined) {
      document.getElementById(`sakerhet-edit-action-${editingId}-title`)?.focus();
    }
  }, [editingId]);
  const [actionNotice, setActionNotice] = React.useState<React.ReactNode>();
  // People being added to the site as they are chosen: a save or a new or changed action waits for them.
  const { trackChoice, choicesSettled, isChoosing, waitForChoices } = usePeopleChoices();
  // What the form holds as last rendered: after waiting for a choice, a save reads it from here.
  const latest = React.useRef({ form, draft, editing });
  latest.current = { form, draft, editing };
  const contentLang = useContentLang();
  const root = React.useRef<HTMLElement>(null);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );
  // "Markera som pågående/klar" go away when used: focus goes to the action's remaining button,
  // or to the action itself when it is done.
  useFocusFallback(root, (lost) => {
    const item = root.current?.querySelector<HTMLElement>(`[data-action="${lost.getAttribute('data-action-id')}"]`);
    return item?.querySelector('button') ?? item ?? undefined;
  });
  const flagged = report.lexMaria || report.workEnvironmentReport || report.policeReport;
  const open = openActions(actions);
  // A closed report is read-only until the user chooses to reopen it.
  const [reopening, setReopening] = React.useState(false);
  const readOnly = base.status === 'closed' && !reopening;
  const heading = React.useRef<HTMLHeadingElement>(null);
  const reopenButton = React.useRef<HTMLButtonElement>(null);
  // Where focus goes once the form has switched between read-only and editable (the control the
  // user pressed is gone by then).
  const focusAfterSwitch = React.useRef<'status' | 'reopen' | 'heading' | undefined>();
  React.useLayoutEffect(() => {
    const target = focusAfterSwitch.current;
    focusAfterSwitch.current = undefined;
    if (target === 'status') {
      document.getElementById('sakerhet-case-status')?.focus();
    } else if (target === 'reopen') {
      reopenButton.current?.focus();
    } else if (target === 'heading') {
      heading.current?.focus();
    }
  }, [readOnly]);
  // Nothing typed is lost: leaving with edits that are not saved asks first.
  const editedAction = editing && actions.find((a) => a.id === editing.id);
  const unsaved =
    caseFormChanged(formOf(base), form) ||
    draft.title.trim() !== '' ||
    draft.owner !== undefined ||
    draft.due !== '' ||
    (!!editing && !!editedAction && (editing.title !== editedAction.title || editing.owner?.id !== editedAction.owner?.id || editing.due !== isoDate(editedAction.dueDate, zone)));
  useLeaveGuard(unsaved);

  /** A linked risk's title; a risk that is not in the area's register now by its number. */
  const riskName = (id: string): string => risks.find((r) => String(r.id) === id)?.title ?? `${strings.riskTitle} ${id}`;
  /** "Saved by Erik Holm 8 okt. 2025 10:30." – who saved first, after a conflict. */
  const savedBy = (item: { editor?: IPerson; modified?: Date }): string =>
    item.modified ? (item.editor ? format(strings.savedByAt, item.editor.displayName, formatDateTime(item.modified, locale, zone)) : format(strings.savedAt, formatDateTime(item.modified, locale, zone))) : '';

  const save = async (): Promise<void> => {
    setSaving(true);
    setMessage(undefined);
    if (!(await choicesSettled())) {
      // A person chosen just now could not be added to the site: nothing is saved until the user
      // has seen why (the picker's status region) and chosen again or not.
      setSaving(false);
      return;
    }
    const form = latest.current.form;
    try {
      const saved = await services.incidents.updateCase(base, {
        status: form.status,
        investigatorId: form.investigator ? form.investigator.id : null,
        analysis: form.analysis,
        authorityReportedAt: form.reportedOn ? reportedOnInstant(form.reportedOn, zone) ?? null : null,
        reporterMessage: form.reporterMessage,
        riskId: form.riskId ? Number(form.riskId) : null
      });
      if (saved.status === 'closed') {
        // The form becomes read-only and the save button goes: focus to the section's heading.
        focusAfterSwitch.current = 'heading';
      }
      setBase(saved);
      setForm(formOf(saved));
      setReopening(false);
      onChanged(saved);
      setMessage({ kind: 'success', text: strings.caseSaved });
      if (saved.status !== base.status) {
        // The area's computed goals count statuses and closing days: stored afresh for everyone who
        // reads them (staff cannot compute them). In the background; it never fails the save.
        services.outcomes.reportChanged(saved).catch(() => undefined);
      }
      if (saved.status === 'closed' && base.status !== 'closed') {
        // The reporter of a named report hears by e-mail (never of an anonymous one). If the mail
        // cannot go, the report is closed all the same; the owner gets a quiet word.
        services.notifications
          .reportClosed(saved)
          .then((sent) => {
            if (mounted.current && (sent.outcome === 'notApproved' || sent.outcome === 'failed')) {
              setMessage((m) => (m?.kind === 'success' ? { ...m, note: strings.reporterNotNotified } : m));
            }
          })
          .catch(() => undefined);
      }
    } catch (err) {
      const error = toServiceError(err);
      if (error.kind === 'conflict') {
        // Show what they saved. Fields this user changed keep their value; the rest take the
        // other owner's, so saving again never undoes a change this user did not make.
        const fresh = await services.incidents.getReport(report.id).catch(() => undefined);
        if (fresh) {
          const { merged, theirChanges } = mergeCaseForms(formOf(base), form, formOf(fresh));
          const diff = theirChanges.map((field): [string, string, boolean] => {
            const theirs = formOf(fresh);
            switch (field) {
              case 'status':
                return [strings.status, label(strings, 'incidentStatus', theirs.status), false];
              case 'investigator':
                return [strings.investigator, theirs.investigator?.displayName ?? strings.noneGiven, false];
              case 'analysis':
                return theirs.analysis ? [strings.analysis, theirs.analysis, true] : [strings.analysis, strings.noneGiven, false];
              case 'reportedOn':
                return [strings.authorityReportedAt, theirs.reportedOn || strings.noneGiven, false];
              case 'reporterMessage':
                return theirs.reporterMessage ? [strings.reporterMessage, theirs.reporterMessage, true] : [strings.reporterMessage, strings.noneGiven, false];
              case 'riskId':
                return theirs.riskId ? [strings.caseRisk, riskName(theirs.riskId), true] : [strings.caseRisk, strings.caseRiskNone, false];
            }
          });
          setBase(fresh);
          setForm(merged);
          onChanged(fresh);
          setMessage({ kind: 'warning', text: `${strings.caseConflict} ${savedBy(fresh)}`.trim(), diff });
        } else {
          setMessage({ kind: 'error', text: errorMessage(strings, error) });
        }
      } else if (error.kind === 'rule' && error.code === 'openActions') {
        setMessage({ kind: 'error', text: strings.cannotCloseOpenActions });
      } else {
        setMessage({ kind: 'error', text: errorMessage(strings, error) });
      }
    } finally {
      setSaving(false);
    }
  };

  /**
   * An action as typed, checked: each field says what is wrong with it by its visible label, and
   * focus goes to the first (ids `${prefix}title`, `${prefix}owner`, `${prefix}due`).
   */
  const checkAction = (typed: IActionDraft, prefix: string): { title: string; due?: string; problems: IActionProblems; ok: boolean } => {
    // Klart senast is a date-only column: the day itself, stored as the site's midnight.
    const due = parseDay(typed.due) ? typed.due : undefined;
    const title = typed.title.trim();
    const problems = {
      title: !title ? format(strings.errRequired, strings.actionTitle) : title.length > ACTION_TITLE_MAX ? format(strings.errTooLong, strings.actionTitle, ACTION_TITLE_MAX) : undefined,
      owner: !typed.owner ? format(strings.errRequired, strings.actionOwner) : undefined,
      due: !due ? format(strings.errRequired, strings.actionDue) : undefined
    };
    const first = (['title', 'owner', 'due'] as const).find((f) => problems[f]);
    if (first) {
      document.getElementById(`${prefix}${first}`)?.focus();
    }
    return { title, due, problems, ok: !first };
  };

  /** After a conflict on an action: what the other owner saved, and who and when. */
  const actionConflict = async (action: IAction): Promise<React.ReactNode> => {
    const fresh = await services.actions.getActions(report.id).catch(() => undefined);
    if (!fresh) {
      return strings.actionConflict;
    }
    setActions(fresh);
    const theirs = fresh.find((a) => a.id === action.id);
    return (
      <>
        {strings.actionConflict} {theirs && savedBy(theirs)}
      </>
    );
  };

  const saveEdit = async (action: IAction): Promise<void> => {
    if (!editing || pending.includes(action.id)) {
      return;
    }
    setActionError(undefined);
    setActionNotice(undefined);
    // Its new owner may still be being added to the site.
    const pendingWhile = (on: boolean): void => setPending((ids) => (on ? [...ids, action.id] : ids.filter((id) => id !== action.id)));
    if (isChoosing() && !(await waitForChoices(pendingWhile))) {
      return;
    }
    const typed = latest.current.editing;
    if (!typed) {
      return;
    }
    const checked = checkAction(typed, `sakerhet-edit-action-${action.id}-`);
    setEditErrors(checked.problems);
    if (!checked.ok) {
      return;
    }
    setPending((ids) => [...ids, action.id]);
    try {
      const updated = await services.actions.updateAction(action, { title: checked.title, ownerId: typed.owner!.id, dueDate: checked.due! });
      setActions((list) => list.map((a) => (a.id === action.id ? updated : a)));
      setEditing(undefined);
      setActionNotice(formatNodes(strings.actionUpdated, [<ListText key="t">{updated.title}</ListText>]));
    } catch (err) {
      const error = toServiceError(err);
      // What this owner typed stays in the form; the list shows the other owner's version.
      setActionError(error.kind === 'conflict' ? await actionConflict(action) : errorMessage(strings, error));
    } finally {
      setPending((ids) => ids.filter((id) => id !== action.id));
    }
  };

  const remove = async (action: IAction): Promise<void> => {
    if (pending.includes(action.id)) {
      return;
    }
    setActionError(undefined);
    setActionNotice(undefined);
    setPending((ids) => [...ids, action.id]);
    try {
      await services.actions.removeAction(action);
      focusActions.current = true;
      setActions((list) => list.filter((a) => a.id !== action.id));
      setActionNotice(formatNodes(strings.actionRemoved, [<ListText key="t">{action.title}</ListText>]));
    } catch (err) {
      const error = toServiceError(err);
      setActionError(
        error.kind === 'conflict' ? await actionConflict(action) : error.kind === 'rule' && error.code === 'actionStarted' ? strings.actionStarted : errorMessage(strings, error)
      );
    } finally {
      setPending((ids) => ids.filter((id) => id !== action.id));
    }
  };

  const addAction = async (): Promise<void> => {
    if (adding) {
      return;
    }
    setActionError(undefined);
    setActionNotice(undefined);
    // Its owner may still be being added to the site.
    if (isChoosing() && !(await waitForChoices(setAdding))) {
      return;
    }
    const typed = latest.current.draft;
    const { title, due, problems, ok } = checkAction(typed, 'sakerhet-action-');
    setDraftErrors(problems);
    if (!ok) {
      return;
    }
    setAdding(true);
    try {
      const added = await services.actions.addAction(report.id, { title, ownerId: typed.owner!.id, dueDate: due! });
      setActions((list) => [...list, added]);
      setDraft({ title: '', due: '' });
      setActionNotice(formatNodes(strings.actionAdded, [<ListText key="t">{added.title}</ListText>]));
    } catch (err) {
      setActionError(errorMessage(strings, err instanceof ServiceError ? err : toServiceError(err)));
    } finally {
      setAdding(false);
    }
  };

  const move = async (action: IAction, status: IAction['status']): Promise<void> => {
    if (pending.includes(action.id)) {
      return;
    }
    setActionError(undefined);
    setActionNotice(undefined);
    setPending((ids) => [...ids, action.id]);
    try {
      const updated = await services.actions.setActionStatus(action, status);
      setActions((list) => list.map((a) => (a.id === action.id ? updated : a)));
      setActionNotice(formatNodes(strings.actionStatusChanged, [<ListText key="t">{updated.title}</ListText>, label(strings, 'actionStatus', updated.status)]));
    } catch (err) {
      const error = toServiceError(err);
      if (error.kind === 'conflict') {
        // Someone else changed this action: show theirs.
        const fresh = await services.actions.getActions(report.id).catch(() => undefined);
        if (fresh) {
          setActions(fresh);
        }
      }
      setActionError(errorMessage(strings, error));
    } finally {
      setPending((ids) => ids.filter((id) => id !== action.id));
    }
  };

  const riskOptions = [{ value: '', text: strings.caseRiskNone }, ...risks.map((r) => ({ value: String(r.id), text: r.title, lang: contentLang }))];
  if (form.riskId && !risks.some((r) => String(r.id) === form.riskId)) {
    riskOptions.push({ value: form.riskId, text: riskName(form.riskId), lang: contentLang });
  }

  const statusOptions = allowedNextStatuses(base.status).map((s) => ({ value: s, text: label(strings, 'incidentStatus', s) }));

  return (
    <section className={classes.section} aria-labelledby="sakerhet-case" ref={root}>
      <Heading depth={1} className={classes.title} id="sakerhet-case" tabIndex={-1} ref={heading}>
        {strings.caseHeading}
      </Heading>
      <p className={classes.help}>{strings.caseIntro}</p>
      {/* Both regions are there from the start; a message inserted with its region is often not read. */}
      <LiveRegion kind="status">
        {message?.kind === 'success' && <Notice kind="success">{message.text}</Notice>}
        {message?.kind === 'success' && message.note && <Notice kind="info">{message.note}</Notice>}
      </LiveRegion>
      <LiveRegion kind="alert">
        {message && message.kind !== 'success' && (
          <Notice kind={message.kind}>
            {message.text}
            {message.diff && message.diff.length > 0 && (
              <ul className={classes.diff}>
                {message.diff.map(([field, value, listText]) => (
                  <li key={field}>
                    {field}: {listText ? <ListText>{value}</ListText> : value}
                  </li>
                ))}
              </ul>
            )}
          </Notice>
        )}
      </LiveRegion>
      {readOnly ? (
        <>
          <Notice kind="info">{strings.caseClosedReadOnly}</Notice>
          <dl className={classes.readOnly}>
            <div>
              <dt>{strings.status}</dt>
              <dd>
                {label(strings, 'incidentStatus', base.status)}
                {base.closedAt && <> ({format(strings.closedOn, formatDate(base.closedAt, locale, zone))})</>}
              </dd>
            </div>
            <div>
              <dt>{strings.investigator}</dt>
              <dd>{base.investigator?.displayName ?? strings.noneGiven}</dd>
            </div>
            <div>
              <dt>{strings.analysis}</dt>
              <dd className={classes.text}>{base.analysis ? <ListText>{base.analysis}</ListText> : strings.noneGiven}</dd>
            </div>
            <div>
              <dt>{strings.reporterMessage}</dt>
              <dd className={classes.text}>{base.reporterMessage ? <ListText>{base.reporterMessage}</ListText> : strings.noneGiven}</dd>
            </div>
            <div>
              <dt>{strings.caseRisk}</dt>
              <dd>{form.riskId ? <RouteLink to={{ name: 'risk', id: Number(form.riskId) }}><ListText>{riskName(form.riskId)}</ListText></RouteLink> : strings.caseRiskNone}</dd>
            </div>
            {flagged && (
              <div>
                <dt>{strings.authorityReportedAt}</dt>
                <dd>{form.reportedOn ? formatDay(form.reportedOn, locale) : strings.noneGiven}</dd>
              </div>
            )}
          </dl>
          <div className={classes.row}>
            <Button
              ref={reopenButton}
              onClick={() => {
                focusAfterSwitch.current = 'status';
                setReopening(true);
                setForm((f) => ({ ...f, status: 'investigating' }));
              }}
            >
              {strings.reopenCase}
            </Button>
          </div>
        </>
      ) : (
        <>
          <div className={classes.row}>
            <Select id="sakerhet-case-status" label={strings.status} value={form.status} onChange={(v) => setForm((f) => ({ ...f, status: v as IncidentStatusKey }))} options={statusOptions} />
            {base.closedAt && <span>{format(strings.closedOn, formatDate(base.closedAt, locale, zone))}</span>}
          </div>
          {form.status === 'closed' && base.status !== 'closed' && open.length > 0 && <Notice kind="warning">{strings.cannotCloseOpenActions}</Notice>}
          <PeoplePicker
            id="sakerhet-case-investigator"
            label={strings.investigator}
            value={form.investigator}
            onChange={(p) => setForm((f) => ({ ...f, investigator: p }))}
            onChoosing={trackChoice}
          />
          <TextInput
            id="sakerhet-case-analysis"
            label={strings.analysis}
            multiline
            rows={5}
            value={form.analysis}
            onChange={(v) => setForm((f) => ({ ...f, analysis: v }))}
            description={strings.analysisHelp}
            lang={contentLang}
            error={form.analysis.length > ANALYSIS_MAX ? format(strings.errTooLong, strings.analysis, ANALYSIS_MAX) : undefined}
          />
          <TextInput
            id="sakerhet-case-reporter-message"
            label={strings.reporterMessage}
            multiline
            rows={3}
            value={form.reporterMessage}
            onChange={(v) => setForm((f) => ({ ...f, reporterMessage: v }))}
            description={strings.reporterMessageHelp}
            lang={contentLang}
            error={form.reporterMessage.length > MESSAGE_MAX ? format(strings.errTooLong, strings.reporterMessage, MESSAGE_MAX) : undefined}
          />
          <div className={classes.riskRow}>
            <Select id="sakerhet-case-risk" label={strings.caseRisk} value={form.riskId} onChange={(v) => setForm((f) => ({ ...f, riskId: v }))} options={riskOptions} describedBy="sakerhet-case-risk-help" />
            <p className={classes.help} id="sakerhet-case-risk-help">
              {strings.caseRiskHelp}
            </p>
            <span className={classes.row}>
              {form.riskId && (
                <RouteLink to={{ name: 'risk', id: Number(form.riskId) }}>
                  {strings.openRisk}: <ListText>{riskName(form.riskId)}</ListText>
                </RouteLink>
              )}
              {area && (
                <RouteLink to={{ name: 'newRisk', areaKey: area.key, reportId: report.id }}>{strings.createRiskFromReport}</RouteLink>
              )}
            </span>
          </div>
          {flagged && (
            <div className={classes.row}>
              <TextInput id="sakerhet-case-reported" type="date" label={strings.authorityReportedAt} value={form.reportedOn} onChange={(v) => setForm((f) => ({ ...f, reportedOn: v }))} />
            </div>
          )}
          <div className={classes.row}>
            <Button primary onClick={() => save()} disabled={saving || form.analysis.length > ANALYSIS_MAX || form.reporterMessage.length > MESSAGE_MAX}>
              {strings.saveCase}
            </Button>
            {reopening && (
              <Button
                onClick={() => {
                  focusAfterSwitch.current = 'reopen';
                  setReopening(false);
                  setForm(formOf(base));
                }}
              >
                {strings.cancel}
              </Button>
            )}
          </div>
        </>
      )}

      <Heading depth={2} className={classes.title} tabIndex={-1} ref={actionsHeading}>
        {strings.actionsHeading}
      </Heading>
      {actions.length === 0 ? (
        <p className={classes.help}>{strings.noActions}</p>
      ) : (
        <ul className={classes.actions}>
          {actions.map((a) => (
            <li key={a.id} className={classes.action} data-action={a.id} tabIndex={-1}>
              <span className={classes.actionHead}>
                <strong lang={contentLang}>{a.title}</strong>
                <StatusBadge tone={a.status === 'done' ? 'good' : a.status === 'ongoing' ? 'warning' : 'neutral'}>{label(strings, 'actionStatus', a.status)}</StatusBadge>
              </span>
              <span className={classes.help}>
                {strings.actionOwner}: {a.owner?.displayName ?? strings.noneGiven} · {strings.actionDue}: <time dateTime={isoDate(a.dueDate, zone)}>{formatDate(a.dueDate, locale, zone)}</time>
                {a.status === 'done' && a.completedAt && (
                  <>
                    {' · '}
                    {format(strings.actionCompletedOn, formatDate(a.completedAt, locale, zone))}
                  </>
                )}
              </span>
              {!readOnly && editing?.id === a.id && (
                <fieldset className={classes.addForm}>
                  <legend className={classes.addLegend}>{strings.editAction}</legend>
                  <TextInput
                    id={`sakerhet-edit-action-${a.id}-title`}
                    label={strings.actionTitle}
                    required
                    value={editing.title}
                    lang={contentLang}
                    onChange={(v) => {
                      setEditing((e) => e && { ...e, title: v });
                      setEditErrors((e) => ({ ...e, title: undefined }));
                    }}
                    error={editErrors.title}
                  />
                  <PeoplePicker
                    id={`sakerhet-edit-action-${a.id}-owner`}
                    label={strings.actionOwner}
                    required
                    value={editing.owner}
                    onChange={(p) => {
                      setEditing((e) => e && { ...e, owner: p });
                      setEditErrors((e) => ({ ...e, owner: undefined }));
                    }}
                    error={editErrors.owner}
                    onChoosing={trackChoice}
                  />
                  <TextInput
                    id={`sakerhet-edit-action-${a.id}-due`}
                    type="date"
                    label={strings.actionDue}
                    required
                    value={editing.due}
                    onChange={(v) => {
                      setEditing((e) => e && { ...e, due: v });
                      setEditErrors((e) => ({ ...e, due: undefined }));
                    }}
                    error={editErrors.due}
                  />
                  <span className={`${classes.row} ${classes.wide}`}>
                    <Button primary onClick={() => saveEdit(a)} disabled={pending.includes(a.id)} data-action-id={a.id}>
                      {strings.saveAction}
                    </Button>
                    <Button
                      onClick={() => {
                        setEditing(undefined);
                        setEditErrors({});
                      }}
                      data-action-id={a.id}
                    >
                      {strings.cancel}
                    </Button>
                  </span>
                </fieldset>
              )}
              {!readOnly && editing?.id !== a.id && a.status !== 'done' && (
                <span className={classes.row}>
                  {a.status === 'planned' && (
                    <Button onClick={() => move(a, 'ongoing')} disabled={pending.includes(a.id)} data-action-id={a.id}>
                      {strings.markOngoing}
                    </Button>
                  )}
                  <Button onClick={() => move(a, 'done')} disabled={pending.includes(a.id)} data-action-id={a.id}>
                    {strings.markDone}
                  </Button>
                  <Button
                    onClick={() => {
                      setEditing({ id: a.id, title: a.title, owner: a.owner, due: isoDate(a.dueDate, zone) });
                      setEditErrors({});
                    }}
                    disabled={pending.includes(a.id) || (editing !== undefined && editing.id !== a.id)}
                    data-action-id={a.id}
                  >
                    {strings.editAction}
                  </Button>
                  {a.status === 'planned' && (
                    <Button onClick={() => remove(a)} disabled={pending.includes(a.id)} data-action-id={a.id}>
                      {strings.removeAction}
                    </Button>
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <LiveRegion kind="status">{actionNotice && <Notice kind="success">{actionNotice}</Notice>}</LiveRegion>
      <LiveRegion kind="alert">{actionError && <Notice kind="error">{actionError}</Notice>}</LiveRegion>
      {!readOnly && (
        <fieldset className={classes.addForm}>
          <legend className={classes.addLegend}>{strings.addAction}</legend>
          <p className={`${classes.help} ${classes.wide}`}>
            {strings.requiredMarked}
          </p>
          <TextInput
            id="sakerhet-action-title"
            label={strings.actionTitle}
            required
            value={draft.title}
            onChange={changeDraft('title')}
            error={draftErrors.title}
          />
          <PeoplePicker
            id="sakerhet-action-owner"
            label={strings.actionOwner}
            required
            value={draft.owner}
            onChange={changeDraft('owner')}
            error={draftErrors.owner}
            onChoosing={trackChoice}
          />
          <TextInput
            id="sakerhet-action-due"
            type="date"
            label={strings.actionDue}
            required
            value={draft.due}
            onChange={changeDraft('due')}
            error={draftErrors.due}
          />
          <div className={classes.addButton}>
            <Button icon="Add" onClick={() => addAction()} disabled={adding}>
              {strings.addAction}
            </Button>
          </div>
        </fieldset>
      )}
    </section>
  );
}
