import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';

const useStyles = makeStyles((theme) => ({
  row: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 8px', alignItems: 'start' },
  input: {
    margin: '3px 0 0',
    width: 18,
    height: 18,
    accentColor: theme.palette.themePrimary,
    selectors: { ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: '2px' } }
  },
  label: { cursor: 'pointer' },
  help: { gridColumn: '2', margin: 0, color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize }
}));

export interface ICheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  help?: string;
}

/** A native checkbox with its label and an explanation read with it. */
export function CheckboxField({ id, label, checked, onChange, help }: ICheckboxFieldProps): JSX.Element {
  const classes = useStyles();
  return (
    <div className={classes.row}>
      <input className={classes.input} type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={help ? `${id}-help` : undefined} />
      <label className={classes.label} htmlFor={id}>
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className={classes.help}>
          {help}
        </p>
      )}
    </div>
  );
}
