import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { useHost } from '../../hooks/useHost';
import { statusColors } from '../../app/theme';

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

const ICON: Record<NoticeKind, string> = { info: 'Info', success: 'Completed', warning: 'Warning', error: 'ErrorBadge' };

const useStyles = makeStyles((theme) => ({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: 10,
    padding: '8px 12px',
    borderLeft: '4px solid',
    border: '1px solid',
    borderLeftWidth: 4,
    borderRadius: 2,
    background: theme.palette.neutralLighter,
    color: theme.semanticColors.bodyText
  },
  icon: { fontSize: 16, marginTop: 3, flexShrink: 0 },
  body: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }
}));

export interface INoticeProps {
  kind: NoticeKind;
  children: React.ReactNode;
  /** Buttons under the message. */
  actions?: React.ReactNode;
  /** `alert` interrupts a screen reader (errors); `status` waits politely. */
  role?: 'alert' | 'status';
}

/** A message with an icon and a coloured edge; the words carry the meaning. */
export function Notice({ kind, children, actions, role }: INoticeProps): JSX.Element {
  const classes = useStyles();
  const { theme } = useHost();
  const colors = statusColors(theme);
  const color = kind === 'error' ? colors.bad : kind === 'warning' ? colors.warning : kind === 'success' ? colors.good : colors.neutral;
  return (
    <div className={classes.root} style={{ borderColor: color }} role={role}>
      <Icon iconName={ICON[kind]} className={classes.icon} style={{ color }} aria-hidden="true" />
      <div className={classes.body}>
        {children}
        {actions && <div className={classes.actions}>{actions}</div>}
      </div>
    </div>
  );
}
