import * as React from 'react';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { makeStyles } from '@fluentui/react/lib/Theme';

const useStyles = makeStyles((theme) => ({
  root: { padding: '24px 0', color: theme.semanticColors.bodyText }
}));

/** A labelled spinner, announced to screen readers, so nothing is blank while waiting. */
export function LoadingState({ label }: { label: string }): JSX.Element {
  const classes = useStyles();
  return (
    <div className={classes.root} role="status" aria-live="polite">
      <Spinner size={SpinnerSize.medium} label={label} labelPosition="right" />
    </div>
  );
}
