import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { makeStyles } from '@fluentui/react/lib/Theme';

const useStyles = makeStyles((theme) => {
  const base = {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    gap: 8,
    minHeight: 32,
    padding: '4px 16px',
    borderRadius: 2,
    font: 'inherit',
    fontWeight: 600 as const,
    textDecoration: 'none',
    cursor: 'pointer',
    boxSizing: 'border-box' as const,
    border: '1px solid',
    selectors: {
      ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: '2px' },
      '&[aria-disabled="true"]': {
        cursor: 'default',
        opacity: 0.55,
        // Opacity alone may not say "unavailable" in Windows' forced colours; the system's GrayText does.
        selectors: { '@media (forced-colors: active)': { color: 'GrayText', borderColor: 'GrayText' } }
      },
      '@media (forced-colors: active)': { borderColor: 'ButtonText' }
    }
  };
  return {
    primary: {
      ...base,
      color: theme.semanticColors.primaryButtonText,
      background: theme.semanticColors.primaryButtonBackground,
      borderColor: theme.semanticColors.primaryButtonBackground,
      selectors: {
        ...base.selectors,
        ':hover:not([aria-disabled="true"])': { background: theme.semanticColors.primaryButtonBackgroundHovered, color: theme.semanticColors.primaryButtonTextHovered }
      }
    },
    secondary: {
      ...base,
      color: theme.semanticColors.buttonText,
      background: theme.semanticColors.buttonBackground,
      borderColor: theme.semanticColors.buttonBorder,
      selectors: {
        ...base.selectors,
        ':hover:not([aria-disabled="true"])': { background: theme.semanticColors.buttonBackgroundHovered, color: theme.semanticColors.buttonTextHovered }
      }
    }
  };
});

/**
 * The buttons' looks, for an element that must look like a button without being one: the label of
 * a visually hidden file input (AttachmentPicker).
 */
export function useButtonClassNames(): { primary: string; secondary: string } {
  return useStyles();
}

interface ICommon {
  primary?: boolean;
  icon?: string;
  children: React.ReactNode;
}

export type IButtonProps = ICommon & React.ButtonHTMLAttributes<HTMLButtonElement>;
export type ILinkButtonProps = ICommon & React.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/**
 * A plain HTML button in the theme's colours. Fluent UI's buttons bring menus, callouts and focus
 * zones along; the views need none of that, and the app shell stays small.
 *
 * `disabled` never becomes the native attribute: a natively disabled button loses focus to the
 * page's body (WCAG 2.4.3) – "Spara" pressed with the keyboard would leave the user nowhere while
 * it saves. The button stays focusable, says it is unavailable (aria-disabled) and ignores
 * clicks, Enter and Space, and a submit button does not submit its form.
 */
export const Button = React.forwardRef<HTMLButtonElement, IButtonProps>(function Button({ primary, icon, children, type = 'button', disabled, onClick, ...rest }, ref) {
  const classes = useStyles();
  const click = (e: React.MouseEvent<HTMLButtonElement>): void => {
    if (disabled) {
      e.preventDefault();
      return;
    }
    onClick?.(e);
  };
  return (
    <button ref={ref} type={type} className={primary ? classes.primary : classes.secondary} aria-disabled={disabled || undefined} onClick={click} {...rest}>
      {icon && <Icon iconName={icon} aria-hidden="true" />}
      {children}
    </button>
  );
});

/** A link that looks like a button (it goes somewhere rather than doing something). */
export function LinkButton({ primary, icon, children, ...rest }: ILinkButtonProps): JSX.Element {
  const classes = useStyles();
  return (
    <a className={primary ? classes.primary : classes.secondary} {...rest}>
      {icon && <Icon iconName={icon} aria-hidden="true" />}
      {children}
    </a>
  );
}
