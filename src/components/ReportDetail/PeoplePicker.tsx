import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { controlStyle, visuallyHiddenStyle } from '../common/styles';
import { format } from '../../loc';
import { useStrings } from '../../hooks/useHost';
import { useServices } from '../../hooks/useServices';
import type { IDirectoryPerson, IPerson } from '../../model/types';
import { toServiceError } from '../../services/errors';
import { errorMessage } from '../common/errorMessage';
import { Button } from '../common/Button';
import { FieldError, FieldLabel } from '../common/FieldLabel';
import { LiveRegion } from '../common/LiveRegion';

const useStyles = makeStyles((theme) => ({
  field: { display: 'grid', gap: 4, position: 'relative', maxWidth: 420 },
  chosen: { display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' },
  input: [
    controlStyle(theme),
    { selectors: { '&[aria-invalid="true"]': { borderColor: theme.semanticColors.errorText, borderWidth: 2 } } }
  ],
  value: [controlStyle(theme), { flex: '1 1 12rem', minWidth: 0, background: theme.semanticColors.bodyBackground }],
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
  option: {
    padding: '6px 8px',
    cursor: 'pointer',
    selectors: {
      '&[aria-selected="true"]': {
        background: theme.palette.themePrimary,
        color: theme.palette.white,
        // Forced colours would paint every option alike: the highlighted one takes the system's
        // own highlight colours, as the platform's list boxes do, and an outline besides.
        selectors: { '@media (forced-colors: active)': { forcedColorAdjust: 'none', background: 'Highlight', color: 'HighlightText', outline: '2px solid CanvasText', outlineOffset: '-2px' } }
      }
    }
  },
  // "No person found" is shown where the suggestions would be; a count of suggestions is read, not shown.
  empty: { padding: '6px 8px', color: theme.semanticColors.bodySubtext, border: `1px solid ${theme.semanticColors.inputBorder}` },
  hidden: visuallyHiddenStyle
}));

export interface IPeoplePickerProps {
  id: string;
  label: string;
  value?: IPerson;
  onChange(person: IPerson | undefined): void;
  required?: boolean;
  /** A message tied to the field (aria-describedby), e.g. that it must be filled in. */
  error?: string;
  /**
   * Told when a chosen person is being added to the site (ensureUser, a request to SharePoint):
   * the promise settles once onChange has had the person (true) or the choice failed (false, said
   * in the field's status region), so a save started meanwhile can wait instead of leaving them out.
   */
  onChoosing?(choice: Promise<boolean>): void;
}

/**
 * People being added to the site as they are chosen (PeoplePicker's onChoosing, ensureUser): a
 * form's save waits for them with `choicesSettled()`, so a person chosen a moment before is never
 * left out. `choicesSettled` answers false when a choice failed (its picker says why): save nothing.
 * After waiting, read the form from a ref of the latest render, not from the save's closure.
 */
export function usePeopleChoices(): {
  trackChoice(choice: Promise<boolean>): void;
  choicesSettled(): Promise<boolean>;
  /** Whether a choice is pending: when not, a save goes on at once, in the same event. */
  isChoosing(): boolean;
  /** choicesSettled, with `busy(true)` while waiting and `busy(false)` after. */
  waitForChoices(busy: (on: boolean) => void): Promise<boolean>;
} {
  const choosing = React.useRef(new Set<Promise<boolean>>());
  const trackChoice = React.useCallback((choice: Promise<boolean>): void => {
    choosing.current.add(choice);
    choice.then(
      () => choosing.current.delete(choice),
      () => choosing.current.delete(choice)
    );
  }, []);
  const choicesSettled = React.useCallback(async (): Promise<boolean> => {
    let ok = true;
    while (choosing.current.size > 0) {
      const now = [...choosing.current];
      ok = (await Promise.all(now)).every(Boolean) && ok;
      now.forEach((c) => choosing.current.delete(c));
    }
    return ok;
  }, []);
  const isChoosing = React.useCallback((): boolean => choosing.current.size > 0, []);
  const waitForChoices = React.useCallback(
    async (busy: (on: boolean) => void): Promise<boolean> => {
      busy(true);
      try {
        return await choicesSettled();
      } finally {
        busy(false);
      }
    },
    [choicesSettled]
  );
  return { trackChoice, choicesSettled, isChoosing, waitForChoices };
}

/**
 * Chooses a person by name or e-mail from the organisation's directory, as SharePoint's own people
 * picker does (IUserService.searchPeople); the chosen person becomes a site user if they are not
 * one yet (ensurePerson), since a person column takes a site user. A combobox with a list of suggestions that works
 * with the keyboard (arrows, Enter, Escape) and announces itself to screen readers – how many
 * people were found, or that nobody was. A chosen person is shown in a read-only field with the
 * same label, which takes focus when the choice is made, so focus never falls to the page while
 * the search field goes away; removing the person brings the search field back with focus.
 */
export function PeoplePicker({ id, label, value, onChange, required, error, onChoosing }: IPeoplePickerProps): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const services = useServices();
  const [text, setText] = React.useState('');
  const [results, setResults] = React.useState<IDirectoryPerson[]>([]);
  // The person being added to the site, and why adding the last one failed.
  const [adding, setAdding] = React.useState<IDirectoryPerson>();
  const [failure, setFailure] = React.useState<string>();
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );
  const [searched, setSearched] = React.useState(false);
  const [active, setActive] = React.useState(0);
  const [open, setOpen] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  const chosen = React.useRef<HTMLInputElement>(null);
  // Where focus goes after the next render: the chosen person's field, or the search field.
  const focusNext = React.useRef<'chosen' | 'search'>();

  React.useEffect(() => {
    setSearched(false);
    setFailure(undefined);
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
            setSearched(true);
          }
        },
        (err: unknown) => {
          // Said in the live region that is already there; what was typed stays.
          if (current) {
            setResults([]);
            setFailure(format(strings.peopleSearchFailed, errorMessage(strings, toServiceError(err))));
          }
        }
      );
    }, 200);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text, services, strings]);

  React.useLayoutEffect(() => {
    if (focusNext.current === 'chosen' && value) {
      chosen.current?.focus();
    } else if (focusNext.current === 'search' && !value) {
      input.current?.focus();
    }
    focusNext.current = undefined;
  }, [value]);

  /** Adds the chosen person to the site's users and hands them on; false when SharePoint refused. */
  const addToSite = async (person: IDirectoryPerson): Promise<boolean> => {
    setAdding(person);
    setFailure(undefined);
    try {
      const sitePerson = await services.users.ensurePerson(person);
      if (!mounted.current) {
        return false;
      }
      focusNext.current = 'chosen';
      onChange(sitePerson);
      setText('');
      setOpen(false);
      return true;
    } catch (err) {
      // Focus stays in the search field; the reason is read out in the region that is already there.
      if (mounted.current) {
        setFailure(format(strings.personNotAdded, person.displayName, errorMessage(strings, toServiceError(err))));
      }
      return false;
    } finally {
      if (mounted.current) {
        setAdding(undefined);
      }
    }
  };

  const choose = (person: IDirectoryPerson): void => {
    // One person at a time: a second click while the first is being added does nothing.
    if (adding) {
      return;
    }
    const choice = addToSite(person);
    onChoosing?.(choice);
  };

  const errorId = error ? `${id}-error` : undefined;
  const labelElement = (
    <FieldLabel htmlFor={id} id={`${id}-label`} required={required}>
      {label}
    </FieldLabel>
  );
  const errorElement = errorId && <FieldError id={errorId}>{error}</FieldError>;

  if (value) {
    return (
      <div className={classes.field}>
        {labelElement}
        <span className={classes.chosen}>
          <input ref={chosen} id={id} className={classes.value} readOnly value={value.displayName} aria-required={required || undefined} aria-describedby={errorId} />
          <Button
            icon="Cancel"
            aria-label={format(strings.clearPerson, value.displayName)}
            onClick={() => {
              focusNext.current = 'search';
              onChange(undefined);
            }}
          >
            {strings.remove}
          </Button>
        </span>
        {errorElement}
      </div>
    );
  }

  const listId = `${id}-list`;
  const showList = open && text.trim().length >= 2 && results.length > 0;
  const noneFound = open && searched && text.trim().length >= 2 && results.length === 0;
  const announcement = failure ?? (!searched || text.trim().length < 2 ? '' : results.length === 0 ? strings.noPersonFound : format(strings.peopleFound, results.length));
  return (
    <div className={classes.field}>
      {labelElement}
      <input
        ref={input}
        id={id}
        className={classes.input}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? `${id}-opt-${active}` : undefined}
        aria-busy={adding ? true : undefined}
        aria-required={required || undefined}
        aria-invalid={!!error || undefined}
        aria-describedby={errorId}
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
          } else if (e.key === 'Enter' && showList && results[active]) {
            e.preventDefault();
            choose(results[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
      />
      {errorElement}
      {/* There from the start, so that "no person found" and the count are announced when they come. */}
      <LiveRegion kind="status" className={noneFound || failure ? classes.empty : classes.hidden}>
        {announcement}
      </LiveRegion>
      {showList && (
        <ul className={classes.list} id={listId} role="listbox" aria-labelledby={`${id}-label`}>
          {results.map((person, i) => (
            <li
              key={person.key}
              id={`${id}-opt-${i}`}
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
