import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { useHost } from '../../hooks/useHost';
import { statusColors } from '../../app/theme';

export type StatusTone = 'good' | 'warning' | 'bad' | 'neutral';

const useStyles = makeStyles((theme) => ({
  badge: {
    display: 'inline-block',
    padding: '1px 8px',
    borderRadius: 12,
    border: '1px solid currentColor',
    fontSize: theme.fonts.small.fontSize,
    fontWeight: 600,
    whiteSpace: 'nowrap',
    lineHeight: '18px'
  }
}));

/** A status as text in a coloured outline; the text carries the meaning, the colour only helps. */
export function StatusBadge({ tone, children }: { tone: StatusTone; children: React.ReactNode }): JSX.Element {
  const classes = useStyles();
  const { theme } = useHost();
  return (
    <span className={classes.badge} style={{ color: statusColors(theme)[tone] }}>
      {children}
    </span>
  );
}
