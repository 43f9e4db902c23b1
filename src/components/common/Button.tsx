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
      '&[aria-disabled="true"], :disabled': { cursor: 'default', opacity: 0.55 },
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
        ':hover:not(:disabled)': { background: theme.semanticColors.primaryButtonBackgroundHovered, color: theme.semanticColors.primaryButtonTextHovered }
      }
    },
    secondary: {
      ...base,
      color: theme.semanticColors.buttonText,
      background: theme.semanticColors.buttonBackground,
      borderColor: theme.semanticColors.buttonBorder,
      selectors: {
        ...base.selectors,
        ':hover:not(:disabled)': { background: theme.semanticColors.buttonBackgroundHovered, color: theme.semanticColors.buttonTextHovered }
      }
    }
  };
});

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
 */
export function Button({ primary, icon, children, type = 'button', ...rest }: IButtonProps): JSX.Element {
  const classes = useStyles();
  return (
    <button type={type} className={primary ? classes.primary : classes.secondary} {...rest}>
      {icon && <Icon iconName={icon} aria-hidden="true" />}
      {children}
    </button>
  );
}

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
