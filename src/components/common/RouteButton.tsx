import * as React from 'react';
import { Route, routePath } from '../../app/routes';
import { useRouter } from '../../hooks/useHost';
import { LinkButton } from './Button';

export interface IRouteButtonProps {
  to: Route;
  primary?: boolean;
  icon?: string;
  children: React.ReactNode;
}

/** A button-styled link to a place in the app (see RouteLink). */
export function RouteButton({ to, primary, icon, children }: IRouteButtonProps): JSX.Element {
  const router = useRouter();
  const onClick = (e: React.MouseEvent<HTMLAnchorElement>): void => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) {
      return;
    }
    e.preventDefault();
    router.navigate(to);
  };
  return (
    <LinkButton href={`#/${routePath(to)}`} onClick={onClick} primary={primary} icon={icon}>
      {children}
    </LinkButton>
  );
}
