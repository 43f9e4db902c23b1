import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useContentLang, useStrings } from '../../hooks/useHost';
import { matchesSearch } from '../../model/search';
import type { IArea } from '../../model/types';
import { Button } from '../common/Button';
import { LiveRegion } from '../common/LiveRegion';
import { SearchField } from '../common/SearchField';

const useStyles = makeStyles((theme) => ({
  root: { margin: '8px 0 0' },
  summary: { cursor: 'pointer', color: theme.semanticColors.link, width: 'fit-content' },
  body: { display: 'grid', gap: 8, margin: '8px 0 0' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 12px' },
  why: { color: theme.semanticColors.bodySubtext, fontSize: theme.fonts.small.fontSize, overflowWrap: 'anywhere' }
}));

/** At most this many suggestions: a short list to choose from, not the whole register. */
const MAX_SUGGESTIONS = 5;

export interface IAreaFinderProps {
  areas: IArea[];
  /** The area chosen, with the report category the words matched (if one did). */
  onChoose(areaKey: string, category: string): void;
}

/**
 * "Which area is a patient threatening me?": the reporter describes what happened in a few words
 * and is offered the areas whose report categories, scope or purpose use them, with the category
 * that matched – chosen with one press (issue 14). Out of the way until asked for.
 */
export function AreaFinder({ areas, onChoose }: IAreaFinderProps): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const lang = useContentLang();
  const [query, setQuery] = React.useState('');
  const [chosen, setChosen] = React.useState('');
  const suggestions = query.trim()
    ? areas
        .map((a) => ({ area: a, category: a.reportCategories.find((c) => matchesSearch(query, c)) }))
        .filter(({ area, category }) => category !== undefined || matchesSearch(query, area.title, area.scope, area.purpose, ...area.reportCategories))
        // Areas whose own report category matches first: that is where such a report belongs.
        .sort((a, b) => Number(b.category !== undefined) - Number(a.category !== undefined))
        .slice(0, MAX_SUGGESTIONS)
    : [];
  return (
    <details className={classes.root}>
      <summary className={classes.summary}>{strings.areaFinderToggle}</summary>
      {/* Enter in the search field must not send the report. */}
      <div className={classes.body} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && e.preventDefault()}>
        <SearchField id="sakerhet-area-finder" label={strings.areaFinderLabel} value={query} onChange={setQuery} placeholder={strings.areaFinderPlaceholder} />
        <LiveRegion kind="status">{query.trim() ? (suggestions.length ? format(strings.areaFinderCount, suggestions.length) : strings.areaFinderNone) : chosen}</LiveRegion>
        {suggestions.length > 0 && (
          <ul className={classes.list} aria-label={strings.areaFinderLabel}>
            {suggestions.map(({ area, category }) => (
              <li key={area.id} className={classes.item}>
                <Button
                  onClick={() => {
                    onChoose(area.key, category ?? '');
                    setQuery('');
                    setChosen(format(strings.areaFinderChosen, area.title));
                  }}
                >
                  <span lang={lang}>{area.title}</span>
                </Button>
                {category && (
                  <span className={classes.why} lang={lang}>
                    {category}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
