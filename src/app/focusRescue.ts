import * as React from 'react';

/**
 * A safety net under WCAG 2.4.3: when the control that had focus leaves the page (a view reloads
 * after "Försök igen", a list re-renders), the browser puts focus on the page's body and a
 * keyboard or screen reader user is thrown back to the top of the page. After every change to the
 * app's DOM, this checks whether that just happened and calls `rescue` to put focus somewhere that
 * makes sense.
 *
 * Components that know a better place set focus themselves in a layout effect, in the same commit
 * that removes the control; the net (a MutationObserver, called after the commit) then finds focus
 * already placed and does nothing.
 */
export function useFocusRescue(root: React.RefObject<HTMLElement>, rescue: () => void): void {
  const rescueRef = React.useRef(rescue);
  rescueRef.current = rescue;
  React.useEffect(() => {
    const element = root.current;
    if (!element || typeof MutationObserver === 'undefined') {
      return undefined;
    }
    // The app's element that had focus last, while focus is in the app.
    let last: Element | undefined;
    const onFocusIn = (e: FocusEvent): void => {
      last = e.target as Element;
    };
    const onFocusOut = (e: FocusEvent): void => {
      // Focus went somewhere else on the page (another web part, SharePoint's own bar): not ours to move.
      if (e.relatedTarget instanceof Node && !element.contains(e.relatedTarget)) {
        last = undefined;
      }
    };
    const onPointerDown = (e: Event): void => {
      // A click outside the app, even on nothing focusable: the user chose to leave.
      if (!(e.target instanceof Node) || !element.contains(e.target)) {
        last = undefined;
      }
    };
    const observer = new MutationObserver(() => {
      const active = document.activeElement;
      if (last && !last.isConnected && (!active || active === document.body)) {
        last = undefined;
        rescueRef.current();
      }
    });
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointerDown, true);
    observer.observe(element, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [root]);
}
