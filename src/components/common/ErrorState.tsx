import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { useRouter, useStrings } from '../../hooks/useHost';
import type { Route } from '../../app/routes';
import type { ServiceError } from '../../services/errors';
import { Button } from './Button';
import { errorMessage } from './errorMessage';
import { Notice } from './Notice';
import { RouteLink } from './RouteLink';

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
  /**
   * Where to go instead, when trying again cannot help (not found, no permission). Without it, the
   * whole-section app offers the overview.
   */
  wayOn?: { to: Route; label: string };
}

/**
 * Says in plain words what happened (never a bare "something went wrong") and offers a way on:
 * trying again where that can help, otherwise a place to go.
 */
export function ErrorState({ error, message, onRetry, recovering, wayOn }: IErrorStateProps): JSX.Element {
  const { strings } = useStrings();
  const router = useRouter();
  const classes = useStyles();
  const canRetry = onRetry && error.kind !== 'forbidden' && error.kind !== 'notFound';
  const way = canRetry ? undefined : wayOn ?? (router.mode === 'app' ? { to: { name: 'overview' } as Route, label: strings.backToOverview } : undefined);
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
          ) : way ? (
            <RouteLink to={way.to}>{way.label}</RouteLink>
          ) : undefined
        }
      >
        {message ?? errorMessage(strings, error)}
        {recovering && <> {strings.errorRecovering}</>}
      </Notice>
    </div>
  );
}
