import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { useRouter, useStrings } from '../../hooks/useHost';
import { Button } from '../common/Button';

const useStyles = makeStyles((theme) => ({
  dialog: {
    maxWidth: 'min(32rem, calc(100vw - 32px))',
    boxSizing: 'border-box',
    padding: 24,
    border: `1px solid ${theme.semanticColors.bodyDivider}`,
    borderRadius: 4,
    color: theme.semanticColors.bodyText,
    background: theme.semanticColors.bodyBackground,
    selectors: { '::backdrop': { background: 'rgba(0, 0, 0, 0.4)' }, '@media (forced-colors: active)': { border: '2px solid CanvasText' } }
  },
  title: { margin: '0 0 8px', fontSize: theme.fonts.large.fontSize, fontWeight: 600 },
  text: { margin: '0 0 16px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: 12 }
}));

/**
 * "You have unsaved changes": asked when the user leaves a view whose edits are not saved (see
 * useLeaveGuard). A native modal dialog: the page behind it is inert, Escape means "stay", and
 * focus starts on the safe answer and returns where it was when the user stays. Browsers without
 * showModal get the same element open in the page.
 */
export function LeaveDialog(): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const { leaving } = useRouter();
  const dialog = React.useRef<HTMLDialogElement>(null);
  const stayButton = React.useRef<HTMLButtonElement>(null);
  const before = React.useRef<HTMLElement | undefined>();
  const stayed = React.useRef(false);

  React.useLayoutEffect(() => {
    const element = dialog.current;
    if (!leaving || !element) {
      return undefined;
    }
    before.current = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    stayed.current = false;
    if (typeof element.showModal === 'function') {
      if (!element.open) {
        element.showModal();
      }
    } else {
      element.setAttribute('open', '');
    }
    stayButton.current?.focus();
    return () => {
      if (typeof element.close === 'function' && element.open) {
        element.close();
      }
      // Back to where the user was, once the modal dialog no longer makes the page inert.
      const back = before.current;
      if (stayed.current && back && back.isConnected) {
        back.focus();
      }
    };
  }, [leaving]);

  if (!leaving) {
    return <></>;
  }
  const stay = (): void => {
    stayed.current = true;
    leaving.stay();
  };
  return (
    <dialog
      ref={dialog}
      className={classes.dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="sakerhet-leave-title"
      aria-describedby="sakerhet-leave-text"
      onCancel={(e) => {
        // Escape: stay, and let React remove the dialog.
        e.preventDefault();
        stay();
      }}
    >
      <h2 id="sakerhet-leave-title" className={classes.title}>
        {strings.leaveTitle}
      </h2>
      <p id="sakerhet-leave-text" className={classes.text}>
        {strings.leaveText}
      </p>
      <div className={classes.buttons}>
        <Button primary ref={stayButton} onClick={stay}>
          {strings.leaveStay}
        </Button>
        <Button onClick={() => leaving.leave()}>{strings.leaveGo}</Button>
      </div>
    </dialog>
  );
}
