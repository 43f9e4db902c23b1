import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { useStrings } from '../../hooks/useHost';
import { format } from '../../loc';
import { Notice } from './Notice';
import { RouteLink } from './RouteLink';
import { ViewTitle } from './ViewTitle';

const useStyles = makeStyles((theme) => ({
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' }
}));

/**
 * An address of the app's (#/…) that names no place: says so and offers the overview, rather than
 * silently showing the overview as if the link had worked (issue 14).
 * @param path the address as typed, shown as text (never as markup)
 */
export function NotFound({ path }: { path: string }): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  return (
    <>
      <ViewTitle className={classes.title}>{strings.pageNotFoundTitle}</ViewTitle>
      <Notice kind="warning" actions={<RouteLink to={{ name: 'overview' }}>{strings.backToOverview}</RouteLink>}>
        {format(strings.pageNotFound, path)}
      </Notice>
    </>
  );
}
