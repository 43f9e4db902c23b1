import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useRouter, useStrings, useTimeZone } from '../../hooks/useHost';
import type { IArea, IIncident } from '../../model/types';
import type { IAttachmentResult } from '../../services/interfaces';
import { Button } from '../common/Button';
import { formatDateTime } from '../common/format';
import { formatNodes } from '../common/formatNodes';
import { label } from '../common/labels';
import { ListText } from '../common/ListText';
import { LiveRegion } from '../common/LiveRegion';
import { Notice } from '../common/Notice';
import { useFocusFallback } from '../common/useFocusFallback';
import { ViewTitle } from '../common/ViewTitle';

const useStyles = makeStyles((theme) => ({
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: '16px 0' },
  term: { fontWeight: 600 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  messages: { display: 'grid', gap: 8, margin: '12px 0', outline: 'none' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: 12 }
}));

export interface IReceiptProps {
  incident: IIncident;
  area?: IArea;
  attachments: IAttachmentResult[];
  files: File[];
  onRetryAttachment(file: File): Promise<void>;
  onAnother(): void;
}

/**
 * What was saved: the reporter sees the report as SharePoint stored it, and any attachment to
 * retry. It replaces the form in place, so its title takes focus and names the page.
 */
export function Receipt({ incident, area, attachments, files, onRetryAttachment, onAnother }: IReceiptProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const zone = useTimeZone();
  const router = useRouter();
  const root = React.useRef<HTMLDivElement>(null);
  const messages = React.useRef<HTMLDivElement>(null);
  const [retrying, setRetrying] = React.useState<string[]>([]);
  // An attachment that is saved on retry takes its button with it: focus goes to the messages,
  // where the live region has just said it is saved.
  useFocusFallback(root, () => messages.current ?? undefined);
  const saved = attachments.filter((a) => a.ok).length;
  const failed = attachments.filter((a) => !a.ok);
  const retry = (file: File): void => {
    setRetrying((names) => [...names, file.name]);
    onRetryAttachment(file)
      .catch(() => undefined)
      .finally(() => setRetrying((names) => names.filter((n) => n !== file.name)));
  };
  return (
    <div ref={root}>
      <ViewTitle className={classes.title} focusOnMount>
        {strings.receiptHeading}
      </ViewTitle>
      <p>{formatNodes(strings.receiptText, [<ListText key="t">{incident.title}</ListText>, <ListText key="a">{area?.title ?? ''}</ListText>])}</p>
      <dl className={classes.facts}>
        <dt className={classes.term}>{strings.reportIdLabel}</dt>
        <dd className={classes.value}>{incident.reportId.slice(0, 8).toUpperCase()}</dd>
        <dt className={classes.term}>{strings.status}</dt>
        <dd className={classes.value}>{label(strings, 'incidentStatus', incident.status)}</dd>
        <dt className={classes.term}>{strings.eventType}</dt>
        <dd className={classes.value}>{label(strings, 'eventType', incident.eventType)}</dd>
        <dt className={classes.term}>{strings.occurredAt}</dt>
        <dd className={classes.value}>{formatDateTime(incident.occurredAt, locale, zone)}</dd>
      </dl>
      <div className={classes.messages} ref={messages} tabIndex={-1}>
        <LiveRegion kind="status" className={classes.messages}>
        {saved > 0 && <Notice kind="success">{format(strings.attachmentsSaved, saved)}</Notice>}
        {failed.map((a) => {
          const file = files.find((f) => f.name === a.fileName);
          return (
            <Notice
              key={a.fileName}
              kind="warning"
              actions={
                file ? (
                  <Button onClick={() => retry(file)} disabled={retrying.includes(file.name)}>
                    {format(strings.retryAttachment, a.fileName)}
                  </Button>
                ) : undefined
              }
            >
              {format(strings.attachmentFailed, a.fileName)}
            </Notice>
          );
        })}
        </LiveRegion>
      </div>
      <div className={classes.actions}>
        <Button primary onClick={() => router.navigate({ name: 'myReports' })}>
          {strings.viewMyReports}
        </Button>
        <Button onClick={onAnother}>{strings.reportAnother}</Button>
      </div>
    </div>
  );
}
