import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { FieldError } from '../common/FieldLabel';

const useStyles = makeStyles((theme) => ({
  fieldset: { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: '8px 16px 12px', margin: 0, minWidth: 0 },
  // A thicker edge as well as the colour: the state survives Windows' forced colours.
  invalid: { borderColor: theme.semanticColors.errorText, borderWidth: 2 },
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
 *
 * The group is a named radiogroup (its legend) that says whether it is required and invalid, and
 * each radio says so too – required, invalid, and the error read with the option's own help –
 * because screen readers read a radio's states when it gets focus, and some never read the
 * group's.
 */
export function RadioGroup({ id, legend, options, value, onChange, required, error }: IRadioGroupProps): JSX.Element {
  const classes = useStyles();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={`${classes.fieldset} ${error ? classes.invalid : ''}`}
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-required={required || undefined}
      aria-invalid={!!error || undefined}
      aria-describedby={errorId}
    >
      <legend className={classes.legend} id={`${id}-legend`}>
        {legend}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      <div className={classes.options}>
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          const describedBy = [o.help && `${optionId}-help`, errorId].filter(Boolean).join(' ') || undefined;
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
                required={required}
                aria-invalid={!!error || undefined}
                aria-describedby={describedBy}
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
        <FieldError id={`${id}-error`}>
          {error}
        </FieldError>
      )}
    </fieldset>
  );
}
