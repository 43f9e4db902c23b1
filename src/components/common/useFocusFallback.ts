import * as React from 'react';

/**
 * Keeps focus in a component when the control that had it goes away (WCAG 2.4.3): a button that
 * is replaced when pressed ("Markera som klar", "Försök nu"), a list option chosen with Enter. The
 * browser would put focus on the page's body and send a keyboard user back to the top of the page.
 *
 * `container` is the component's own element, which outlives its controls; after every render of
 * the component, if the element last focused inside it has left the page and focus is nowhere,
 * `target(lost)` says where focus goes instead (`lost` is the removed element, e.g. to read its
 * data attributes). Runs as a layout effect: focus is placed in the same commit, before the screen
 * reader or the shell's wider safety net sees the body.
 */
export function useFocusFallback(container: React.RefObject<HTMLElement>, target: (lost: Element) => HTMLElement | undefined): void {
  const last = React.useRef<Element | null>(null);
  const targetRef = React.useRef(target);
  targetRef.current = target;
  React.useEffect(() => {
    const element = container.current;
    if (!element) {
      return undefined;
    }
    const onFocusIn = (e: FocusEvent): void => {
      last.current = e.target as Element;
    };
    const onFocusOut = (e: FocusEvent): void => {
      // Focus moved on to something real outside the component: nothing of ours to keep.
      if (e.relatedTarget instanceof Node && !element.contains(e.relatedTarget)) {
        last.current = null;
      }
    };
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    return () => {
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
    };
  }, [container]);
  React.useLayoutEffect(() => {
    const lost = last.current;
    const active = document.activeElement;
    if (lost && !lost.isConnected && (!active || active === document.body)) {
      last.current = null;
      targetRef.current(lost)?.focus();
    }
  });
}
