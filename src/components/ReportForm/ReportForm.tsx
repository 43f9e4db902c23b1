import * as React from 'react';
import { Link } from '@fluentui/react/lib/Link';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { FieldError } from '../common/FieldLabel';
import { format, IStrings } from '../../loc';
import { useAsync } from '../../hooks/useAsync';
import { TimeZoneContext } from '../../hooks/contexts';
import { useAnnounceUser, useContentLang, useRouter, useStrings } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import { resolveWallClock, TimeZone } from '../../model/calendar';
import { EVENT_TYPES, SEVERITIES } from '../../model/schema';
import type { IArea } from '../../model/types';
import { toServiceError } from '../../services/errors';
import type { ICurrentUser, IReportFormView, IServices } from '../../services/interfaces';
import { Button } from '../common/Button';
import { CheckboxField } from '../common/CheckboxField';
import { errorMessage } from '../common/errorMessage';
import { ErrorState } from '../common/ErrorState';
import { formatDateTime } from '../common/format';
import { Heading } from '../common/Heading';
import { LiveRegion } from '../common/LiveRegion';
import { ViewTitle } from '../common/ViewTitle';
import { label } from '../common/labels';
import { LoadingState } from '../common/LoadingState';
import { Notice } from '../common/Notice';
import { Select } from '../common/Select';
import { TextInput } from '../common/TextInput';
import { AttachmentPicker } from './AttachmentPicker';
import { RadioGroup } from './RadioGroup';
import { Receipt } from './Receipt';
import { AreaFinder } from './AreaFinder';
import { useFocusFallback } from '../common/useFocusFallback';
import { IDraftVault, IStoredDraft, openDraftVault } from './draftVault';
import { useDraft } from './useDraft';
import { useSubmit } from './useSubmit';
import { DraftField, IReportDraft, MAX_LENGTH, toNewIncident, validateReport, ValidationErrors } from './validation';

const useStyles = makeStyles((theme) => ({
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  intro: { margin: '0 0 16px', maxWidth: '70ch' },
  form: { display: 'grid', gap: 20, maxWidth: 720 },
  row: { display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 10rem), 1fr))' },
  summary: { outline: 'none', selectors: { ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: '2px' } } },
  summaryTitle: { margin: 0, fontSize: theme.fonts.medium.fontSize, fontWeight: 600 },
  summaryList: { margin: '4px 0 0', paddingLeft: 20, display: 'grid', gap: 4 },
  // Targets of at least 24 × 24 px (WCAG 2.2, 2.5.8), however short the text.
  summaryLink: { display: 'inline-block', minHeight: 24, minWidth: 24, lineHeight: '24px' },
  fieldset: { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: '8px 16px 16px', margin: 0, display: 'grid', gap: 12 },
  legend: { fontWeight: 600, padding: '0 4px' },
  help: { margin: 0, color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize },
  actions: { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' },
  confirm: { margin: '12px 0 0', padding: 12, border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4 },
  confirmText: { margin: '0 0 8px', fontWeight: 600, outline: 'none' },
  status: { margin: 0 },
  messages: { display: 'grid', gap: 8 }
}));

const FIELD_ORDER: DraftField[] = ['areaKey', 'eventType', 'title', 'when', 'location', 'description', 'immediateAction', 'severity', 'attachments'];
const FIELD_IDS: Record<string, string> = {
  areaKey: 'sakerhet-report-area',
  eventType: 'sakerhet-report-type',
  title: 'sakerhet-report-title',
  when: 'sakerhet-report-date',
  location: 'sakerhet-report-location',
  description: 'sakerhet-report-description',
  immediateAction: 'sakerhet-report-action',
  severity: 'sakerhet-report-severity',
  attachments: 'sakerhet-report-files'
};

function counter(strings: IStrings, value: string, max: number): string {
  const left = max - value.length;
  return left >= 0 ? format(strings.charactersLeft, left) : format(strings.charactersOver, -left);
}

export interface IReportFormProps {
  /** The area the form opens for; the user can choose another. */
  areaKey?: string;
}

interface IDrafts {
  /** Where the draft is kept on this device, encrypted for the user; undefined: in memory only. */
  vault?: IDraftVault;
  /** The draft the vault held when the form opened. */
  stored?: IStoredDraft;
}

/**
 * The form's data, then the user's draft vault, opened with her key from SharePoint. A key that
 * SharePoint cannot give now (busy, unreachable) fails the view, which tries again by itself; one
 * it refuses (e.g. a site without Utkastnycklar) leaves the form working with the draft in memory.
 */
async function loadForm(services: IServices): Promise<IReportFormView & IDrafts> {
  const view = await services.views.loadReportForm();
  if (!view.user.canReport) {
    return view;
  }
  let secret: string;
  try {
    secret = await services.draftKeys.getKey(view.user);
  } catch (err) {
    if (toServiceError(err).transient) {
      throw err;
    }
    return view;
  }
  const vault = await openDraftVault(secret, view.user.id);
  return { ...view, vault, stored: vault && (await vault.read()) };
}

export default function ReportForm({ areaKey }: IReportFormProps): JSX.Element {
  const { strings } = useStrings();
  const services = useServices();
  const view = useAsync(() => loadForm(services), [services]);
  useAnnounceUser(view.status === 'done' ? view.data.user : undefined);
  if (view.status === 'loading') {
    return <LoadingState label={strings.loading} />;
  }
  if (view.status === 'error') {
    return <ErrorState error={view.error} onRetry={view.reload} recovering={view.recovering} />;
  }
  if (!view.data.user.canReport) {
    return (
      <Notice kind="warning">{strings.cannotReport}</Notice>
    );
  }
  return (
    <TimeZoneContext.Provider value={view.data.timeZone}>
      <ReportFormBody areas={view.data.areas} user={view.data.user} areaKey={areaKey ?? ''} zone={view.data.timeZone} vault={view.data.vault} stored={view.data.stored} />
    </TimeZoneContext.Provider>
  );
}

/**
 * While the receipt shows, the address is the sent report's page: a reload (or a shared ward
 * computer's next user pressing Reload) shows the report as stored, never an empty form that looks
 * as if nothing was sent.
 */
function useSentAddress(id: number | undefined): void {
  const router = useRouter();
  React.useEffect(() => {
    if (id !== undefined) {
      router.replaceAddress?.({ name: 'reportDetail', id });
    }
  }, [router, id]);
}

interface IBodyProps extends IDrafts {
  areas: IArea[];
  user: ICurrentUser;
  areaKey: string;
  /** The site's time zone: the date and time are the site's clock. */
  zone: TimeZone;
}

function ReportFormBody({ areas, user, areaKey, zone, vault, stored }: IBodyProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const services = useServices();
  const router = useRouter();
  const contentLang = useContentLang();
  const { draft, update, reset, restoredFrom } = useDraft(vault, stored, areaKey, zone);
  const [files, setFiles] = React.useState<File[]>([]);
  const [errors, setErrors] = React.useState<ValidationErrors>({});
  // Submits that found errors. The summary takes focus once per submit – never while the user
  // corrects a field (that took focus out of the field after its first letter).
  const [failedSubmits, setFailedSubmits] = React.useState(0);
  const summary = React.useRef<HTMLDivElement>(null);
  const submitButton = React.useRef<HTMLButtonElement>(null);
  const form = React.useRef<HTMLFormElement>(null);
  const [confirmingClear, setConfirmingClear] = React.useState(false);
  const clearButton = React.useRef<HTMLButtonElement>(null);
  const clearQuestion = React.useRef<HTMLParagraphElement>(null);
  React.useLayoutEffect(() => {
    if (confirmingClear) {
      clearQuestion.current?.focus();
    }
  }, [confirmingClear]);
  const submitter = useSubmit(services, () => reset(draft.areaKey));
  const area = areas.find((a) => a.key === draft.areaKey);
  const phase = submitter.state.phase;
  useSentAddress(submitter.state.phase === 'done' ? submitter.state.incident.id : undefined);
  const busy = phase === 'saving' || phase === 'waiting' || phase === 'uploading';

  // Re-check fields the user has already been told about, as they fix them.
  const change = (patch: Partial<IReportDraft>): void => {
    update(patch);
    if (failedSubmits > 0) {
      setErrors(validateReport({ ...draft, ...patch }, areas, files, strings, zone, locale));
    }
  };

  React.useLayoutEffect(() => {
    if (failedSubmits > 0) {
      summary.current?.focus();
    }
  }, [failedSubmits]);

  // "Försök nu" and "Avbryt" go away when pressed: focus stays with the report's own button.
  useFocusFallback(form, () => submitButton.current ?? undefined);

  const onSubmit = (e: React.FormEvent): void => {
    e.preventDefault();
    if (busy) {
      return;
    }
    const found = validateReport(draft, areas, files, strings, zone, locale);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailedSubmits((n) => n + 1);
      return;
    }
    setFailedSubmits(0);
    submitter.submit(toNewIncident(draft, area!, zone), files).catch(() => undefined);
  };

  if (submitter.state.phase === 'done') {
    return (
      <Receipt
        incident={submitter.state.incident}
        area={areas.find((a) => a.id === (submitter.state.phase === 'done' ? submitter.state.incident.areaId : 0))}
        attachments={submitter.state.attachments}
        files={submitter.state.files}
        onRetryAttachment={(f) => submitter.retryAttachment(f)}
        onAnother={() => {
          // The receipt goes; the new form's title takes focus.
          router.focusRequest.current = true;
          setFiles([]);
          submitter.reset();
          router.replaceAddress?.(router.route);
        }}
      />
    );
  }

  const errorFor = (field: DraftField): string | undefined => errors[field];
  const describedBy = (...ids: (string | false | undefined)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;

  return (
    <>
      <ViewTitle className={classes.title}>
        {strings.reportFormHeading}
      </ViewTitle>
      <p className={classes.intro}>{strings.reportFormIntro}</p>
      {!vault && <Notice kind="warning">{strings.draftNotKept}</Notice>}
      {restoredFrom && (
        <Notice kind="info" role="status">
          {format(strings.draftRestored, formatDateTime(restoredFrom, locale, zone))}
        </Notice>
      )}
      <form className={classes.form} onSubmit={onSubmit} noValidate ref={form}>
        {failedSubmits > 0 && Object.keys(errors).length > 0 && (
          // Not a live region: it is announced by taking focus, once per submit. A live region would
          // read the whole list again at every keystroke that changes it.
          <div ref={summary} tabIndex={-1} className={classes.summary} role="group" aria-labelledby="sakerhet-report-summary">
            <Notice kind="error">
              <Heading depth={1} id="sakerhet-report-summary" className={classes.summaryTitle}>
                {strings.validationSummary}
              </Heading>
              <ul className={classes.summaryList}>
                {FIELD_ORDER.filter((f) => errors[f]).map((f) => (
                  <li key={f}>
                    <Link
                      className={classes.summaryLink}
                      href={`#${FIELD_IDS[f]}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(FIELD_IDS[f])?.focus();
                      }}
                    >
                      {errors[f]}
                    </Link>
                  </li>
                ))}
              </ul>
            </Notice>
          </div>
        )}

        <div>
          <Select
            id={FIELD_IDS.areaKey}
            label={strings.chooseArea}
            required
            value={draft.areaKey}
            onChange={(v) => change({ areaKey: v, category: '' })}
            options={[{ value: '', text: strings.chooseAreaPlaceholder }, ...areas.map((a) => ({ value: a.key, text: a.title, lang: contentLang }))]}
            invalid={!!errorFor('areaKey')}
            describedBy={errorFor('areaKey') ? `${FIELD_IDS.areaKey}-error` : undefined}
          />
          {errorFor('areaKey') && (
            <FieldError id={`${FIELD_IDS.areaKey}-error`}>
              {errorFor('areaKey')}
            </FieldError>
          )}
          <AreaFinder areas={areas} onChoose={(key, category) => change({ areaKey: key, category })} />
        </div>

        <RadioGroup
          id={FIELD_IDS.eventType}
          legend={strings.fieldEventType}
          required
          value={draft.eventType}
          onChange={(v) => change({ eventType: v as IReportDraft['eventType'] })}
          options={EVENT_TYPES.map((t) => ({ value: t.key, label: label(strings, 'eventType', t.key), help: label(strings, 'eventTypeHelp', t.key) }))}
          error={errorFor('eventType')}
        />

        <TextInput
          id={FIELD_IDS.title}
          label={strings.fieldTitle}
          required
          value={draft.title}
          onChange={(v) => change({ title: v })}
          description={`${strings.fieldTitleHelp} ${counter(strings, draft.title, MAX_LENGTH.title)}`}
          error={errorFor('title')}
          autoComplete="off"
        />

        {area && area.reportCategories.length > 0 && (
          <Select
            id="sakerhet-report-category"
            label={`${strings.fieldCategory} (${strings.optional})`}
            value={draft.category}
            onChange={(v) => change({ category: v })}
            options={[{ value: '', text: strings.fieldCategoryNone }, ...area.reportCategories.map((c) => ({ value: c, text: c, lang: contentLang }))]}
          />
        )}

        <fieldset className={classes.fieldset} aria-describedby={describedBy('sakerhet-report-when-help', errorFor('when') && 'sakerhet-report-when-error')}>
          <legend className={classes.legend}>
            {strings.occurredAt}
            <span aria-hidden="true"> *</span>
          </legend>
          <p id="sakerhet-report-when-help" className={classes.help}>
            {strings.fieldWhenHelp}
          </p>
          <div className={classes.row}>
            <TextInput
              id={FIELD_IDS.when}
              type="date"
              label={strings.fieldDate}
              required
              value={draft.date}
              onChange={(v) => change({ date: v, repeatedTime: undefined })}
              invalid={!!errorFor('when')}
              describedBy={errorFor('when') ? 'sakerhet-report-when-error' : undefined}
            />
            <TextInput
              id="sakerhet-report-time"
              type="time"
              label={strings.fieldTime}
              required
              value={draft.time}
              onChange={(v) => change({ time: v, repeatedTime: undefined })}
              invalid={!!errorFor('when')}
              describedBy={errorFor('when') ? 'sakerhet-report-when-error' : undefined}
            />
          </div>
          {resolveWallClock(draft.date, draft.time, zone).kind === 'repeated' && (
            <RadioGroup
              id="sakerhet-report-repeated"
              legend={strings.repeatedTimeLegend}
              required
              value={draft.repeatedTime ?? ''}
              onChange={(v) => change({ repeatedTime: v as IReportDraft['repeatedTime'] })}
              options={[
                { value: 'earlier', label: strings.repeatedTimeEarlier },
                { value: 'later', label: strings.repeatedTimeLater }
              ]}
            />
          )}
          {errorFor('when') && (
            <FieldError id="sakerhet-report-when-error">
              {errorFor('when')}
            </FieldError>
          )}
        </fieldset>

        <TextInput
          id={FIELD_IDS.location}
          label={strings.fieldLocation}
          required
          value={draft.location}
          onChange={(v) => change({ location: v })}
          description={strings.fieldLocationHelp}
          error={errorFor('location')}
        />

        <TextInput
          id={FIELD_IDS.description}
          label={strings.fieldDescription}
          required
          multiline
          rows={6}
          value={draft.description}
          onChange={(v) => change({ description: v })}
          description={`${strings.fieldDescriptionHelp} ${counter(strings, draft.description, MAX_LENGTH.description)}`}
          error={errorFor('description')}
        />

        <TextInput
          id={FIELD_IDS.immediateAction}
          label={`${strings.fieldImmediateAction} (${strings.optional})`}
          multiline
          rows={3}
          value={draft.immediateAction}
          onChange={(v) => change({ immediateAction: v })}
          description={`${strings.fieldImmediateActionHelp} ${counter(strings, draft.immediateAction, MAX_LENGTH.immediateAction)}`}
          error={errorFor('immediateAction')}
        />

        <RadioGroup
          id={FIELD_IDS.severity}
          legend={strings.fieldSeverity}
          required
          value={draft.severity}
          onChange={(v) => change({ severity: v as IReportDraft['severity'] })}
          options={SEVERITIES.map((s) => ({ value: s.key, label: label(strings, 'severity', s.key), help: label(strings, 'severityHelp', s.key) }))}
          error={errorFor('severity')}
        />

        {area && area.reportFlags.length > 0 && (
          <fieldset className={classes.fieldset}>
            <legend className={classes.legend}>{strings.flagsHeading}</legend>
            {area.reportFlags.includes('lexMaria') && (
              <CheckboxField id="sakerhet-flag-lexmaria" label={strings.flagLexMaria} help={strings.flagLexMariaHelp} checked={draft.lexMaria} onChange={(v) => change({ lexMaria: v })} />
            )}
            {area.reportFlags.includes('workEnvironmentAuthority') && (
              <CheckboxField
                id="sakerhet-flag-aml"
                label={strings.flagWorkEnvironmentAuthority}
                help={strings.flagWorkEnvironmentAuthorityHelp}
                checked={draft.workEnvironmentReport}
                onChange={(v) => change({ workEnvironmentReport: v })}
              />
            )}
            {area.reportFlags.includes('policeReport') && (
              <CheckboxField id="sakerhet-flag-police" label={strings.flagPoliceReport} help={strings.flagPoliceReportHelp} checked={draft.policeReport} onChange={(v) => change({ policeReport: v })} />
            )}
          </fieldset>
        )}

        <AttachmentPicker id={FIELD_IDS.attachments} files={files} onChange={(f) => setFiles(f)} error={errorFor('attachments')} />

        <CheckboxField id="sakerhet-anonymous" label={strings.fieldAnonymous} help={strings.fieldAnonymousHelp} checked={draft.anonymous} onChange={(v) => change({ anonymous: v })} />

        <div className={classes.messages}>
          <LiveRegion kind="status" className={classes.status}>
            {phase === 'saving' && <Notice kind="info">{submitter.state.phase === 'saving' && submitter.state.retry ? format(strings.retryingThrottled, submitter.state.retry) : strings.savingReport}</Notice>}
            {submitter.state.phase === 'waiting' && (
              <Notice kind="warning">
                {strings.retryWaiting}{' '}
                {/* A timer is a live region that stays silent: the count is there to look at, not read out every second. */}
                <span role="timer" aria-live="off">
                  {format(strings.retryCountdown, submitter.state.seconds)}
                </span>
              </Notice>
            )}
            {submitter.state.phase === 'uploading' && <Notice kind="info">{format(strings.uploadingAttachments, submitter.state.done + 1, submitter.state.total)}</Notice>}
          </LiveRegion>
          <LiveRegion kind="alert">
            {submitter.state.phase === 'failed' && (
              <Notice kind="error">
                {errorMessage(strings, submitter.state.error)} {strings.saveFailedKept}
              </Notice>
            )}
          </LiveRegion>
        </div>

        {/* The buttons stay where they are while the report is sent, so focus stays with them. */}
        <div className={classes.actions}>
          <Button primary type="submit" disabled={busy} icon="Send" ref={submitButton}>
            {busy ? strings.submitting : strings.submit}
          </Button>
          {phase === 'waiting' && (
            <span className={classes.actions}>
              <Button onClick={submitter.retryNow}>{strings.retryNow}</Button>
              <Button onClick={submitter.cancel}>{strings.cancel}</Button>
            </span>
          )}
          {!confirmingClear && (
            <Button disabled={busy} onClick={() => setConfirmingClear(true)} ref={clearButton}>
              {strings.clearDraft}
            </Button>
          )}
        </div>
        {/* Clearing throws away what was written: asked first, in place (focus goes to the question). */}
        {confirmingClear && (
          <div role="group" aria-labelledby="sakerhet-clear-question" className={classes.confirm}>
            <p id="sakerhet-clear-question" className={classes.confirmText} tabIndex={-1} ref={clearQuestion}>
              {strings.clearDraftQuestion}
            </p>
            <div className={classes.actions}>
              <Button
                onClick={() => {
                  reset(areaKey);
                  setFiles([]);
                  setErrors({});
                  setFailedSubmits(0);
                  setConfirmingClear(false);
                  form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
                }}
              >
                {strings.clearDraftConfirm}
              </Button>
              <Button
                onClick={() => {
                  setConfirmingClear(false);
                  window.setTimeout(() => clearButton.current?.focus());
                }}
              >
                {strings.cancel}
              </Button>
            </div>
          </div>
        )}
      </form>
    </>
  );
}
