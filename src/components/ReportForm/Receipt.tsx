import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useRouter, useStrings, useTimeZone } from '../../hooks/useHost';
import type { IArea, IIncident } from '../../model/types';
import type { IAttachmentResult } from '../../services/interfaces';
import { Button } from '../common/Button';
import { formatDateTime } from '../common/format';
import { Heading } from '../common/Heading';
import { label } from '../common/labels';
import { Notice } from '../common/Notice';

const useStyles = makeStyles((theme) => ({
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: '16px 0' },
  term: { fontWeight: 600 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  messages: { display: 'grid', gap: 8, margin: '12px 0' },
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

/** What was saved: the reporter sees the report as SharePoint stored it, and any attachment to retry. */
export function Receipt({ incident, area, attachments, files, onRetryAttachment, onAnother }: IReceiptProps): JSX.Element {
  const classes = useStyles();
  const { strings, locale } = useStrings();
  const zone = useTimeZone();
  const router = useRouter();
  const heading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => heading.current?.focus(), []);
  const saved = attachments.filter((a) => a.ok).length;
  const failed = attachments.filter((a) => !a.ok);
  return (
    <>
      <Heading depth={0} className={classes.title} tabIndex={-1} ref={heading}>
        {strings.receiptHeading}
      </Heading>
      <p>{format(strings.receiptText, incident.title, area?.title ?? '')}</p>
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
      <div className={classes.messages} role="status">
        {saved > 0 && <Notice kind="success">{format(strings.attachmentsSaved, saved)}</Notice>}
        {failed.map((a) => {
          const file = files.find((f) => f.name === a.fileName);
          return (
            <Notice
              key={a.fileName}
              kind="warning"
              actions={file ? <Button onClick={() => onRetryAttachment(file).catch(() => undefined)}>{format(strings.retryAttachment, a.fileName)}</Button> : undefined}
            >
              {format(strings.attachmentFailed, a.fileName)}
            </Notice>
          );
        })}
      </div>
      <div className={classes.actions}>
        <Button primary onClick={() => router.navigate({ name: 'myReports' })}>
          {strings.viewMyReports}
        </Button>
        <Button onClick={onAnother}>{strings.reportAnother}</Button>
      </div>
    </>
  );
}
