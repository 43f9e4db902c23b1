import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';

const useStyles = makeStyles((theme) => ({
  label: { fontWeight: 600 },
  required: { color: theme.semanticColors.errorText },
  error: { margin: 0, color: theme.semanticColors.errorText, fontSize: theme.fonts.small.fontSize, fontWeight: 600 }
}));

export interface IFieldLabelProps {
  htmlFor: string;
  id?: string;
  /** Shows the asterisk the forms explain ("Fält markerade med * …"); the field says "required" itself (aria-required). */
  required?: boolean;
  children: React.ReactNode;
}

/** A field's visible label, with the asterisk of a required field kept out of its name. */
export function FieldLabel({ htmlFor, id, required, children }: IFieldLabelProps): JSX.Element {
  const classes = useStyles();
  return (
    <label className={classes.label} htmlFor={htmlFor} id={id}>
      {children}
      {required && (
        <span className={classes.required} aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </label>
  );
}

/** A field's error, as plain text the field points to (aria-describedby); the form decides what interrupts. */
export function FieldError({ id, children }: { id: string; children: React.ReactNode }): JSX.Element {
  const classes = useStyles();
  return (
    <p id={id} className={classes.error}>
      {children}
    </p>
  );
}
