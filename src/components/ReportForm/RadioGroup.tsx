import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';

const useStyles = makeStyles((theme) => ({
  fieldset: { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: '8px 16px 12px', margin: 0, minWidth: 0 },
  invalid: { borderColor: theme.semanticColors.errorText },
  legend: { fontWeight: 600, padding: '0 4px' },
  options: { display: 'grid', gap: 6, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 15rem), 1fr))' },
  option: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '0 8px', alignItems: 'start', padding: '4px 0' },
  input: {
    margin: '4px 0 0',
    width: 18,
    height: 18,
    accentColor: theme.palette.themePrimary,
    selectors: { ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: '2px' } }
  },
  label: { fontWeight: 600, cursor: 'pointer' },
  help: { gridColumn: '2', color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize },
  error: { margin: '8px 0 0', color: theme.semanticColors.errorText, fontSize: theme.fonts.small.fontSize }
}));

export interface IRadioOption {
  value: string;
  label: string;
  help?: string;
}

export interface IRadioGroupProps {
  id: string;
  legend: string;
  options: IRadioOption[];
  value: string;
  onChange(value: string): void;
  required?: boolean;
  error?: string;
}

/**
 * Native radio buttons in a fieldset, each with its explanation: arrow keys, screen readers and
 * phones all know them. The first radio carries the group's id so an error link can focus it.
 */
export function RadioGroup({ id, legend, options, value, onChange, required, error }: IRadioGroupProps): JSX.Element {
  const classes = useStyles();
  return (
    <fieldset className={`${classes.fieldset} ${error ? classes.invalid : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className={classes.legend}>
        {legend}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      <div className={classes.options} role="radiogroup" aria-required={required} aria-invalid={!!error || undefined}>
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div key={o.value} className={classes.option}>
              <input
                className={classes.input}
                type="radio"
                id={optionId}
                name={id}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                aria-describedby={o.help ? `${optionId}-help` : undefined}
              />
              <label className={classes.label} htmlFor={optionId}>
                {o.label}
              </label>
              {o.help && (
                <span id={`${optionId}-help`} className={classes.help}>
                  {o.help}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {error && (
        <p id={`${id}-error`} className={classes.error}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
