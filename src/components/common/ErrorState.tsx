import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { useStrings } from '../../hooks/useHost';
import type { ServiceError } from '../../services/errors';
import { Button } from './Button';
import { errorMessage } from './errorMessage';
import { Notice } from './Notice';

const useStyles = makeStyles({
  root: { margin: '16px 0' }
});

export interface IErrorStateProps {
  error: ServiceError;
  /** Shown instead of the generic text, e.g. for an area that does not exist. */
  message?: string;
  onRetry?: () => void;
  /** The view tries again by itself (useAsync): say so, so nobody needs to keep pressing. */
  recovering?: boolean;
}

/** Says what went wrong and what to do; offers to try again where that can help. */
export function ErrorState({ error, message, onRetry, recovering }: IErrorStateProps): JSX.Element {
  const { strings } = useStrings();
  const classes = useStyles();
  const canRetry = onRetry && error.kind !== 'forbidden' && error.kind !== 'notFound';
  return (
    <div className={classes.root}>
      <Notice
        kind="error"
        role="alert"
        actions={
          canRetry ? (
            <Button icon="Refresh" onClick={onRetry}>
              {strings.retry}
            </Button>
          ) : undefined
        }
      >
        <strong>{strings.errorTitle}. </strong>
        {message ?? errorMessage(strings, error)}
        {recovering && <> {strings.errorRecovering}</>}
      </Notice>
    </div>
  );
}
