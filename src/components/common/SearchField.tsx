import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { controlStyle } from './styles';

const useStyles = makeStyles((theme) => ({
  field: { display: 'grid', gap: 4, maxWidth: 480 },
  label: { fontWeight: 600 },
  box: { position: 'relative', display: 'flex', alignItems: 'center' },
  icon: { position: 'absolute', left: 8, color: theme.semanticColors.inputPlaceholderText, pointerEvents: 'none' },
  input: [controlStyle(theme), { width: '100%', boxSizing: 'border-box', padding: '4px 8px 4px 30px' }]
}));

export interface ISearchFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
}

/** A labelled search input; Escape clears it, as the platform's search fields do. */
export function SearchField({ id, label, value, onChange, placeholder }: ISearchFieldProps): JSX.Element {
  const classes = useStyles();
  return (
    <div className={classes.field}>
      <label className={classes.label} htmlFor={id}>
        {label}
      </label>
      <div className={classes.box}>
        <Icon iconName="Search" className={classes.icon} aria-hidden="true" />
        <input
          id={id}
          className={classes.input}
          type="search"
          value={value}
          placeholder={placeholder}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && value) {
              e.preventDefault();
              onChange('');
            }
          }}
        />
      </div>
    </div>
  );
}
