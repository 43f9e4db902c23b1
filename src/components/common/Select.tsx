import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { FieldLabel } from './FieldLabel';
import { controlStyle } from './styles';

const useStyles = makeStyles((theme) => ({
  // minmax(0, 1fr): the column is the field's width, not its widest option's (a long area name
  // otherwise made the select overflow its grid cell and cover the next filter).
  field: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 4, minWidth: 0 },
  select: [controlStyle(theme), { maxWidth: '100%' }]
}));

export interface ISelectOption {
  value: string;
  text: string;
  /** The option's language, when it is list content in another language than the UI. */
  lang?: string;
}

export interface ISelectProps {
  id: string;
  label: string;
  value: string;
  options: ISelectOption[];
  onChange(value: string): void;
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
}

/**
 * A native select in the theme's colours: the platform's own list is the most usable one with
 * keyboards, screen readers and phones, and costs nothing to load.
 */
export function Select({ id, label, value, options, onChange, required, describedBy, invalid }: ISelectProps): JSX.Element {
  const classes = useStyles();
  return (
    <div className={classes.field}>
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      <select
        id={id}
        className={classes.select}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-required={required}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}
