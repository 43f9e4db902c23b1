import * as React from 'react';
import { makeStyles } from '@fluentui/react/lib/Theme';
import { format } from '../../loc';
import { useAsync } from '../../hooks/useAsync';
import { TimeZoneContext } from '../../hooks/contexts';
import { useAnnounceUser, useContentLang, useRouter, useStrings } from '../../hooks/useHost';
import { DEFAULT_DOCUMENT_FILTER, documentQuery, IDocumentFilter } from '../../model/documents';
import { useServices } from '../../hooks/useServices';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../../model/schema';
import type { TimeZone } from '../../model/calendar';
import type { IArea, IGoverningDocument } from '../../model/types';
import { Button } from '../common/Button';
import { ErrorState } from '../common/ErrorState';
import { ViewTitle } from '../common/ViewTitle';
import { label } from '../common/labels';
import { LoadingState } from '../common/LoadingState';
import { matchesSearch } from '../../model/search';
import { SearchField } from '../common/SearchField';
import { Select } from '../common/Select';
import { DocumentItem } from './DocumentItem';
import { validityOf } from './validity';

const useStyles = makeStyles((theme) => ({
  title: { margin: '0 0 8px', fontSize: theme.fonts.xxLarge.fontSize, fontWeight: 600, outline: 'none' },
  intro: { margin: '0 0 16px', maxWidth: '70ch' },
  filters: {
    border: `1px solid ${theme.semanticColors.bodyDivider}`,
    borderRadius: 4,
    padding: 16,
    margin: '0 0 12px',
    display: 'grid',
    gap: 12,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
    alignItems: 'end'
  },
  legend: { fontWeight: 600, padding: '0 4px' },
  searchField: { gridColumn: '1 / -1' },
  count: { margin: '8px 0', color: theme.semanticColors.bodySubtext },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }
}));

type IFilters = IDocumentFilter;

/**
 * The documents a filter lets through. "In force" (validity 'current', the default) is begun, not
 * ended and not repealed (validityOf), and not a draft: a draft governs nothing yet.
 * @param now the moment "today" is taken from, on the site's calendar (`zone`, IANA)
 */
export function filterDocuments(docs: IGoverningDocument[], areas: IArea[], f: IFilters, now: Date, zone: TimeZone): IGoverningDocument[] {
  return docs.filter((d) => {
    if (f.type && d.documentType !== f.type) {
      return false;
    }
    if (f.status && d.status !== f.status) {
      return false;
    }
    if (f.area === 'all-areas' && d.areaIds.length > 0) {
      return false;
    }
    if (f.area && f.area !== 'all-areas') {
      const id = areas.find((a) => a.key === f.area)?.id;
      if (d.areaIds.length > 0 && (id === undefined || !d.areaIds.includes(id))) {
        return false;
      }
    }
    if (f.validity) {
      const v = validityOf(d, now, zone);
      if (f.validity === 'current' ? (v !== 'current' && v !== 'expiring') || d.status === 'draft' : v !== f.validity) {
        return false;
      }
    }
    return matchesSearch(f.text, d.title, d.registrationNumber, d.fileName);
  });
}

export interface IDocumentsProps {
  /** Start filtered to one area (from an area page or the web part's setting). */
  areaKey?: string;
  /** The rest of the filter, from the address. */
  filter?: Partial<IDocumentFilter>;
}

/** The governing documents library: browse and search by type, area, status and validity. */
export function Documents({ areaKey, filter }: IDocumentsProps): JSX.Element {
  const classes = useStyles();
  const { strings } = useStrings();
  const services = useServices();
  const view = useAsync(() => services.views.loadDocuments(), [services]);
  useAnnounceUser(view.status === 'done' ? view.data.user : undefined);
  const router = useRouter();
  const [filters, setFilters] = React.useState<IFilters>(() => ({ ...DEFAULT_DOCUMENT_FILTER, ...filter, area: areaKey ?? '' }));
  // The filter lives in the address too (in place, not a history entry per keystroke): a reload or
  // a shared link shows the same list, and Back returns to it.
  const { replaceAddress } = router;
  React.useEffect(() => {
    const { area, ...rest } = filters;
    replaceAddress?.({ name: 'documents', areaKey: area || undefined, filter: rest });
  }, [filters, replaceAddress]);
  const now = React.useMemo(() => new Date(), []);
  const lang = useContentLang();
  const set =
    (key: keyof IFilters): ((value: string) => void) =>
    (value: string): void =>
      setFilters((f) => ({ ...f, [key]: value }));

  return (
    <>
      <ViewTitle className={classes.title}>
        {strings.documentsHeading}
      </ViewTitle>
      <p className={classes.intro}>{strings.documentsIntro}</p>
      {view.status === 'loading' && <LoadingState label={strings.loadingDocuments} />}
      {view.status === 'error' && <ErrorState error={view.error} onRetry={view.reload} recovering={view.recovering} />}
      {view.status === 'done' && (
        <TimeZoneContext.Provider value={view.data.timeZone}>
          <fieldset className={classes.filters}>
            <legend className={classes.legend}>{strings.filters}</legend>
            <div className={classes.searchField}>
              <SearchField id="sakerhet-doc-search" label={strings.searchDocuments} value={filters.text} onChange={set('text')} />
            </div>
            <Select
              id="sakerhet-doc-type"
              label={strings.filterType}
              value={filters.type}
              onChange={set('type')}
              options={[{ value: '', text: strings.all }, ...DOCUMENT_TYPES.map((t) => ({ value: t.key, text: label(strings, 'documentType', t.key) }))]}
            />
            <Select
              id="sakerhet-doc-area"
              label={strings.filterArea}
              value={filters.area}
              onChange={set('area')}
              options={[{ value: '', text: strings.all }, { value: 'all-areas', text: strings.allAreasOnly }, ...view.data.areas.map((a) => ({ value: a.key, text: a.title, lang }))]}
            />
            <Select
              id="sakerhet-doc-status"
              label={strings.filterStatus}
              value={filters.status}
              onChange={set('status')}
              options={[{ value: '', text: strings.all }, ...DOCUMENT_STATUSES.map((s) => ({ value: s.key, text: label(strings, 'documentStatus', s.key) }))]}
            />
            <Select
              id="sakerhet-doc-validity"
              label={strings.filterValidity}
              value={filters.validity}
              onChange={set('validity')}
              options={[
                { value: 'current', text: strings.validityCurrent },
                { value: '', text: strings.validityAll },
                { value: 'expiring', text: strings.validityExpiring },
                { value: 'expired', text: strings.validityExpired }
              ]}
            />
            <div>
              <Button onClick={() => setFilters(() => DEFAULT_DOCUMENT_FILTER)} disabled={documentQuery(filters) === '' && !filters.area}>
                {strings.clearFilters}
              </Button>
            </div>
          </fieldset>
          {(() => {
            const shown = filterDocuments(view.data.documents, view.data.areas, filters, now, view.data.timeZone);
            return (
              <>
                <p className={classes.count} role="status">
                  {shown.length === 0 ? strings.noDocumentsMatch : format(strings.documentsShown, shown.length, view.data.documents.length)}
                </p>
                {filters.validity === 'current' && <p className={classes.count}>{strings.documentsInForceOnly}</p>}
                <ul className={classes.list}>
                  {shown.map((d) => (
                    <li key={d.id}>
                      <DocumentItem doc={d} areas={view.data.areas} now={now} depth={1} />
                    </li>
                  ))}
                </ul>
              </>
            );
          })()}
        </TimeZoneContext.Provider>
      )}
    </>
  );
}
