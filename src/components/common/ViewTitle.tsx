import * as React from 'react';
import { routePath } from '../../app/routes';
import { ViewTitleContext } from '../../hooks/contexts';
import { useRouter } from '../../hooks/useHost';
import { Heading } from './Heading';

export interface IViewTitleProps {
  className?: string;
  children: React.ReactNode;
  /**
   * The view's name for the page title (WCAG 2.4.2), when the heading is not plain text – list
   * content marked with its language, or a report's own title, which is kept out of the browser's
   * history on shared computers.
   */
  documentTitle?: string;
  /** Take focus when it appears even without navigation (a view that replaces another in place, like the receipt). */
  focusOnMount?: boolean;
}

/**
 * A view's title. After the user navigates, it takes focus when it appears (also after the view's
 * data has loaded, and when the place changes within the same view), so a screen reader announces
 * where they are and Tab continues from there. It also names the view for the page title.
 */
export function ViewTitle({ className, children, documentTitle, focusOnMount }: IViewTitleProps): JSX.Element {
  const { focusRequest, route } = useRouter();
  const setViewTitle = React.useContext(ViewTitleContext);
  const ref = React.useRef<HTMLHeadingElement>(null);
  const path = routePath(route);
  const text = documentTitle ?? (typeof children === 'string' ? children : undefined);

  // Layout effects: focus is placed in the same commit that removed what had it, before anything
  // else (the shell's focus rescue) looks at where it went.
  React.useLayoutEffect(() => {
    if (focusOnMount) {
      focusRequest.current = false;
      ref.current?.focus();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  React.useLayoutEffect(() => {
    if (focusRequest.current && ref.current) {
      focusRequest.current = false;
      ref.current.focus();
    }
  }, [focusRequest, path]);
  React.useEffect(() => {
    if (text) {
      setViewTitle(path, text);
    }
  }, [setViewTitle, path, text]);

  return (
    <Heading depth={0} className={className} tabIndex={-1} ref={ref} data-view-title="">
      {children}
    </Heading>
  );
}
