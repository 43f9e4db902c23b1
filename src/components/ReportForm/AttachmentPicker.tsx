import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { FieldError } from '../common/FieldLabel';
import { format } from '../../loc';
import { useStrings } from '../../hooks/useHost';
import { Button, useButtonClassNames } from '../common/Button';
import { visuallyHiddenStyle } from '../common/styles';
import { useFocusFallback } from '../common/useFocusFallback';
import { fileProblem, MAX_FILE_MB, MAX_FILES } from './validation';

const useStyles = makeStyles((theme) => ({
  root: { display: 'grid', gap: 6 },
  label: { fontWeight: 600 },
  help: { margin: 0, color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize },
  // The platform's file input, out of sight but focusable and operable: its own text ("No file
  // chosen", in the browser's language) contradicted the list of chosen files. Its label is the
  // visible button, with the input's focus ring.
  input: [visuallyHiddenStyle, { selectors: { ':focus-visible + label': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: '2px' } } }],
  choose: { justifySelf: 'start' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 4 },
  // A camera's long file name wraps; "Ta bort" keeps its width.
  file: { display: 'flex', alignItems: 'center', gap: 8 },
  fileName: { flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' },
  remove: { flex: '0 0 auto', whiteSpace: 'nowrap' },
  problem: { color: theme.semanticColors.errorText },
}));

export interface IAttachmentPickerProps {
  id: string;
  files: File[];
  onChange(files: File[]): void;
  error?: string;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** Photos and PDFs for a report: chosen with the platform's file picker, listed, removable. */
export function AttachmentPicker({ id, files, onChange, error }: IAttachmentPickerProps): JSX.Element {
  const classes = useStyles();
  const buttons = useButtonClassNames();
  const { strings } = useStrings();
  const input = React.useRef<HTMLInputElement>(null);
  const root = React.useRef<HTMLDivElement>(null);
  // "Ta bort" goes with its file: focus goes back to choosing files.
  useFocusFallback(root, () => input.current ?? undefined);
  const add = (list: FileList | null): void => {
    if (!list) {
      return;
    }
    const added = Array.from(list).filter((f) => !files.some((x) => x.name === f.name && x.size === f.size));
    onChange([...files, ...added]);
    if (input.current) {
      input.current.value = '';
    }
  };
  return (
    <div className={classes.root} ref={root}>
      <label className={classes.label} htmlFor={id}>
        {strings.fieldAttachments} ({strings.optional})
      </label>
      <p id={`${id}-help`} className={classes.help}>
        {format(strings.fieldAttachmentsHelp, MAX_FILES, MAX_FILE_MB)}
      </p>
      <input
        ref={input}
        id={id}
        className={classes.input}
        type="file"
        multiple
        accept="image/*,.heic,.heif,application/pdf"
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        aria-invalid={!!error || undefined}
        onChange={(e) => add(e.target.files)}
      />
      <label htmlFor={id} className={`${buttons.secondary} ${classes.choose}`}>
        <Icon iconName="Attach" aria-hidden="true" />
        {files.length > 0 ? strings.chooseMoreFiles : strings.chooseFiles}
      </label>
      {files.length > 0 && (
        <ul className={classes.list} aria-label={strings.fieldAttachments}>
          {files.map((f) => {
            const problem = fileProblem(f, strings);
            return (
              <li key={`${f.name}-${f.size}`} className={classes.file}>
                <Icon iconName="Attach" aria-hidden="true" />
                <span className={problem ? `${classes.fileName} ${classes.problem}` : classes.fileName}>
                  {f.name} ({size(f.size)}){problem ? ` – ${problem}` : ''}
                </span>
                <span className={classes.remove}>
                  <Button icon="Delete" aria-label={format(strings.removeFile, f.name)} onClick={() => onChange(files.filter((x) => x !== f))}>
                    {strings.remove}
                  </Button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <FieldError id={`${id}-error`}>
          {error}
        </FieldError>
      )}
    </div>
  );
}
