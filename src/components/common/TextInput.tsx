import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { FieldError, FieldLabel } from './FieldLabel';
import { controlStyle } from './styles';

const useStyles = makeStyles((theme) => ({
  field: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 4, minWidth: 0 },
  control: [
    controlStyle(theme),
    {
      width: '100%',
      boxSizing: 'border-box',
      padding: '5px 8px',
      colorScheme: theme.isInverted ? 'dark' : 'light',
      selectors: { '&[aria-invalid="true"]': { borderColor: theme.semanticColors.errorText, borderWidth: 2 } }
    }
  ],
  textarea: { resize: 'vertical', lineHeight: '1.4' },
  help: { margin: 0, color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize }
}));

export interface ITextInputProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  /** Help under the field, read with it by screen readers. */
  description?: string;
  error?: string;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'date' | 'time';
  autoComplete?: string;
  /** Mark invalid without a message of its own (the message is elsewhere, e.g. for a fieldset). */
  invalid?: boolean;
  /** Ids of further text that describes the field (e.g. its fieldset's error), read after its own. */
  describedBy?: string;
  /** The language of the value, when it is list text in another language than the UI. */
  lang?: string;
}

/**
 * A labelled text field. Errors are plain text tied to the field (aria-describedby and
 * aria-invalid), not alerts: the form's error summary is the one place that interrupts.
 */
export function TextInput(props: ITextInputProps): JSX.Element {
  const classes = useStyles();
  const { id, label, value, onChange, required, description, error, multiline, rows = 4, type = 'text', autoComplete, invalid } = props;
  const describedBy = [description && `${id}-help`, error && `${id}-error`, props.describedBy].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: `${classes.control} ${multiline ? classes.textarea : ''}`,
    value,
    required,
    'aria-required': required || undefined,
    'aria-invalid': !!error || invalid || undefined,
    'aria-describedby': describedBy,
    lang: props.lang
  };
  return (
    <div className={classes.field}>
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />
      )}
      {description && (
        <p id={`${id}-help`} className={classes.help}>
          {description}
        </p>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  );
}
