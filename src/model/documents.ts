import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from './schema';

/** The validity filter's values: "in force" (the default), one state, or everything (''). */
export const DOCUMENT_VALIDITIES = ['current', 'expiring', 'expired'] as const;
export type DocumentValidityFilter = (typeof DOCUMENT_VALIDITIES)[number] | '';

/**
 * The governing documents' filter. `area`: an area's key, 'all-areas' (documents for every area) or
 * '' (any); `type` and `status` are the schema's choice keys, '' for any.
 */
export interface IDocumentFilter {
  text: string;
  type: string;
  area: string;
  status: string;
  /** 'current' (the default): in force today – not a draft, not repealed, begun and not ended. */
  validity: DocumentValidityFilter;
}

/** Staff see the documents in force; drafts and repealed ones on request (issue 14). */
export const DEFAULT_DOCUMENT_FILTER: IDocumentFilter = { text: '', type: '', area: '', status: '', validity: 'current' };

const KEY = /^[a-z0-9-]{1,40}$/;
const ALL = 'alla';

/**
 * The filter an address names: the area from the path (dokument/<area>), the rest from its query
 * (typ, status, giltighet, q); what cannot be read takes the default.
 */
export function parseDocumentQuery(area: string | undefined, query: string): IDocumentFilter {
  const p = new URLSearchParams(query);
  const get = (name: string): string => p.get(name) ?? '';
  const validity = get('giltighet');
  return {
    area: area && KEY.test(area) ? area : '',
    type: DOCUMENT_TYPES.some((t) => t.key === get('typ')) ? get('typ') : '',
    status: DOCUMENT_STATUSES.some((s) => s.key === get('status')) ? get('status') : '',
    validity: validity === ALL ? '' : (DOCUMENT_VALIDITIES as readonly string[]).includes(validity) ? (validity as DocumentValidityFilter) : DEFAULT_DOCUMENT_FILTER.validity,
    text: get('q').slice(0, 100)
  };
}

/** The query string of a filter (the area goes in the path), defaults left out. */
export function documentQuery(filter: Partial<IDocumentFilter>): string {
  const f = { ...DEFAULT_DOCUMENT_FILTER, ...filter };
  const p = new URLSearchParams();
  if (f.type) {
    p.set('typ', f.type);
  }
  if (f.status) {
    p.set('status', f.status);
  }
  if (f.validity !== DEFAULT_DOCUMENT_FILTER.validity) {
    p.set('giltighet', f.validity || ALL);
  }
  if (f.text.trim()) {
    p.set('q', f.text.trim());
  }
  return p.toString();
}
