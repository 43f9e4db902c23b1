import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { controlStyle } from '../common/styles';
import { format } from '../../loc';
import { useStrings } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import type { IPerson } from '../../model/types';
import { Button } from '../common/Button';

const useStyles = makeStyles((theme) => ({
  field: { display: 'grid', gap: 4, position: 'relative', maxWidth: 420 },
  label: { fontWeight: 600 },
  chosen: { display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' },
  input: controlStyle(theme),
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    border: `1px solid ${theme.semanticColors.inputBorder}`,
    background: theme.semanticColors.bodyBackground,
    position: 'absolute',
    top: '100%',
    left: 0,
    right: 0,
    zIndex: 10
  },
  option: { padding: '6px 8px', cursor: 'pointer', selectors: { '&[aria-selected="true"]': { background: theme.palette.themePrimary, color: theme.palette.white } } },
  empty: { padding: '6px 8px', color: theme.semanticColors.bodySubtext }
}));

export interface IPeoplePickerProps {
  id: string;
  label: string;
  value?: IPerson;
  onChange(person: IPerson | undefined): void;
}

/**
 * Chooses a person of the site by name or e-mail: a combobox with a list of suggestions that works
 * with the keyboard (arrows, Enter, Escape) and announces itself to screen readers.
 */
export function PeoplePicker({ id, label, value, onChange }: IPeoplePickerProps): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const services = useServices();
  const [text, setText] = React.useState('');
  const [results, setResults] = React.useState<IPerson[]>([]);
  const [active, setActive] = React.useState(0);
  const [open, setOpen] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    if (text.trim().length < 2) {
      setResults([]);
      return undefined;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      services.users.searchPeople(text).then(
        (people) => {
          if (current) {
            setResults(people);
            setActive(0);
            setOpen(true);
          }
        },
        () => current && setResults([])
      );
    }, 200);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text, services]);

  const choose = (person: IPerson): void => {
    onChange(person);
    setText('');
    setOpen(false);
  };

  if (value) {
    return (
      <div className={classes.field}>
        <span className={classes.label} id={`${id}-label`}>
          {label}
        </span>
        <span className={classes.chosen}>
          <span>{value.displayName}</span>
          <Button
            icon="Cancel"
            aria-label={format(strings.clearPerson, value.displayName)}
            onClick={() => {
              onChange(undefined);
              window.setTimeout(() => input.current?.focus(), 0);
            }}
          >
            {strings.remove}
          </Button>
        </span>
      </div>
    );
  }

  const listId = `${id}-list`;
  return (
    <div className={classes.field}>
      <label className={classes.label} htmlFor={id}>
        {label}
      </label>
      <input
        ref={input}
        id={id}
        className={classes.input}
        role="combobox"
        aria-expanded={open && text.trim().length >= 2}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && results[active] ? `${id}-opt-${results[active].id}` : undefined}
        placeholder={strings.searchPerson}
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open && results[active]) {
            e.preventDefault();
            choose(results[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
      />
      {open && text.trim().length >= 2 && (
        <ul className={classes.list} id={listId} role="listbox" aria-label={label}>
          {results.length === 0 && (
            <li className={classes.empty} role="option" aria-selected={false} aria-disabled>
              {strings.noPersonFound}
            </li>
          )}
          {results.map((person, i) => (
            <li
              key={person.id}
              id={`${id}-opt-${person.id}`}
              role="option"
              aria-selected={i === active}
              className={classes.option}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(person);
              }}
            >
              {person.displayName}
              {person.email ? ` (${person.email})` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
