import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useContentLang, useStrings, useTimeZone } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import { useLeaveGuard } from '../../hooks/useLeaveGuard';
import type { IIncidentDetail } from '../../model/types';
import { ADDITION_MAX } from '../../services/IncidentService';
import { toServiceError } from '../../services/errors';
import { Button } from '../common/Button';
import { errorMessage } from '../common/errorMessage';
import { formatDate, formatDateTime, isoDate } from '../common/format';
import { formatNodes } from '../common/formatNodes';
import { Heading } from '../common/Heading';
import { label } from '../common/labels';
import { ListText } from '../common/ListText';
import { LiveRegion } from '../common/LiveRegion';
import { Notice } from '../common/Notice';
import { TextInput } from '../common/TextInput';

const useStyles = makeStyles((theme) => ({
  section: { margin: '24px 0', padding: 16, border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, display: 'grid', gap: 12, maxWidth: 760 },
  title: { margin: 0, fontSize: theme.fonts.xLarge.fontSize, fontWeight: 600 },
  subtitle: { margin: 0, fontSize: theme.fonts.large.fontSize, fontWeight: 600 },
  p: { margin: 0 },
  text: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  quote: { margin: 0, paddingLeft: 12, borderLeft: `4px solid ${theme.semanticColors.bodyDivider}`, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  row: { display: 'flex', gap: 8, flexWrap: 'wrap' }
}));

/** Since when the report has its status: the last change, or its sending if it never changed. */
export function statusSince(report: Pick<IIncidentDetail, 'statusChangedAt' | 'created'>): Date {
  return report.statusChangedAt ?? report.created;
}

export interface IReporterFeedbackProps {
  report: IIncidentDetail;
  onChanged(report: IIncidentDetail): void;
}

/**
 * What the reporter sees of the handling of her own report – its status and since when, the
 * closing date and the owner's closing message (never the analysis) – and where she adds
 * information after sending it.
 */
export function ReporterFeedback({ report, onChanged }: IReporterFeedbackProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const zone = useTimeZone();
  const lang = useContentLang();
  const services = useServices();
  const [text, setText] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const [message, setMessage] = React.useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const [problem, setProblem] = React.useState<string | undefined>();
  // Leaving with a half-written addition asks first, as case handling does.
  useLeaveGuard(text.trim() !== '');
  const since = statusSince(report);
  const tooLong = text.length > ADDITION_MAX;

  const add = async (): Promise<void> => {
    setMessage(undefined);
    if (!text.trim()) {
      setProblem(format(strings.errRequired, strings.addInformationLabel));
      return;
    }
    setProblem(undefined);
    setSaving(true);
    try {
      const saved = await services.incidents.addInformation(report, text, zone);
      setText('');
      onChanged(saved);
      setMessage({ kind: 'success', text: strings.addInformationDone });
    } catch (err) {
      const error = toServiceError(err);
      // What she typed stays in the field whatever went wrong.
      setMessage({ kind: 'error', text: error.kind === 'invalid' && error.code === 'tooLong' ? strings.addInformationTooLong : errorMessage(strings, error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={classes.section} aria-labelledby="sakerhet-feedback">
      <Heading depth={1} className={classes.title} id="sakerhet-feedback">
        {strings.feedbackHeading}
      </Heading>
      <p className={classes.p}>
        {formatNodes(strings.feedbackStatus, [
          <strong key="s">{label(strings, 'incidentStatus', report.status)}</strong>,
          <time key="t" dateTime={isoDate(since, zone)}>
            {formatDateTime(since, locale, zone)}
          </time>
        ])}
      </p>
      {report.status === 'closed' ? (
        <>
          {report.closedAt && <p className={classes.p}>{format(strings.feedbackClosed, formatDate(report.closedAt, locale, zone))}</p>}
          {report.reporterMessage ? (
            <>
              <Heading depth={2} className={classes.subtitle}>
                {strings.feedbackMessage}
              </Heading>
              <p className={classes.quote} lang={lang}>
                <ListText>{report.reporterMessage}</ListText>
              </p>
            </>
          ) : (
            <p className={classes.p}>{strings.feedbackNoMessage}</p>
          )}
        </>
      ) : (
        <p className={classes.p}>{strings.feedbackOpen}</p>
      )}
      {report.reporterAddition && (
        <>
          <Heading depth={2} className={classes.subtitle}>
            {strings.reporterAddition}
          </Heading>
          <p className={classes.quote} lang={lang}>
            <ListText>{report.reporterAddition}</ListText>
          </p>
        </>
      )}
      <Heading depth={2} className={classes.subtitle} id="sakerhet-add-information">
        {strings.addInformationHeading}
      </Heading>
      {report.anonymous && <p className={classes.p}>{strings.addInformationAnonymous}</p>}
      <TextInput
        id="sakerhet-add-information-text"
        label={strings.addInformationLabel}
        multiline
        rows={4}
        value={text}
        onChange={(v) => {
          setText(v);
          setProblem(undefined);
        }}
        description={strings.addInformationHelp}
        error={problem ?? (tooLong ? format(strings.errTooLong, strings.addInformationLabel, ADDITION_MAX) : undefined)}
      />
      <div className={classes.row}>
        <Button primary onClick={() => add()} disabled={saving || tooLong}>
          {strings.addInformationButton}
        </Button>
      </div>
      {/* Both regions are there from the start; a message inserted with its region is often not read. */}
      <LiveRegion kind="status">{message?.kind === 'success' && <Notice kind="success">{message.text}</Notice>}</LiveRegion>
      <LiveRegion kind="alert">{message?.kind === 'error' && <Notice kind="error">{message.text}</Notice>}</LiveRegion>
    </section>
  );
}
