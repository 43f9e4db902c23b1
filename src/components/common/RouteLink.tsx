import * as React from 'react';
import { Link, ILinkProps } from '@fluentui/react/lib/Link';
import { routePath, Route } from '../../app/routes';
import { useRouter } from '../../hooks/useHost';

export interface IRouteLinkProps extends Omit<ILinkProps, 'href' | 'onClick'> {
  to: Route;
}

/**
 * A link to a place in the app. It is a real link with a real address (#/omrade/…), so it can be
 * opened in a new tab; a plain click navigates inside the app.
 */
export function RouteLink({ to, children, ...rest }: IRouteLinkProps): JSX.Element {
  const router = useRouter();
  const onClick = (e: React.MouseEvent<HTMLElement>): void => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) {
      return;
    }
    e.preventDefault();
    router.navigate(to);
  };
  return (
    <Link href={`#/${routePath(to)}`} onClick={onClick} {...rest}>
      {children}
    </Link>
  );
}
