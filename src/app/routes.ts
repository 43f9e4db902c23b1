import { IQueueFilter, parseQueueQuery, queueQuery } from '../model/queue';
import { documentQuery, IDocumentFilter, parseDocumentQuery } from '../model/documents';

/**
 * The app's places, and their URLs. The whole-section web part keeps the place in the URL's hash
 * (so links can be shared and the back button works); single-view web parts keep it in memory.
 * Teams deep links use the same paths as subEntityId, e.g. "omrade/patientsakerhet".
 */
export type Route =
  | { name: 'overview' }
  | { name: 'area'; areaKey: string }
  /** The filter other than the area lives in the query: dokument/brandsakerhet?typ=routine&giltighet=alla. */
  | { name: 'documents'; areaKey?: string; filter?: Partial<IDocumentFilter> }
  | { name: 'report'; areaKey?: string }
  | { name: 'myReports' }
  | { name: 'reportDetail'; id: number }
  /** One risk of an area's register: risk/12. */
  | { name: 'risk'; id: number }
  /** A new risk in an area's register, perhaps from a report of the area: ny-risk/patientsakerhet[/30]. */
  | { name: 'newRisk'; areaKey: string; reportId?: number }
  | { name: 'situation'; year?: number; areaKey?: string }
  | { name: 'annualReport'; year: number }
  | { name: 'installationCheck' }
  /** The work queue ("Att hantera"); its filter lives in the address: att-hantera?status=all&sort=severity. */
  | { name: 'queue'; filter?: Partial<IQueueFilter> }
  /** An address in the app's part of the URL (#/…) that names no place: said so, not silently the overview. */
  | { name: 'notFound'; path: string };

export function routePath(route: Route): string {
  switch (route.name) {
    case 'overview':
      return '';
    case 'area':
      return `omrade/${encodeURIComponent(route.areaKey)}`;
    case 'documents': {
      const query = documentQuery(route.filter ?? {});
      return `${route.areaKey ? `dokument/${encodeURIComponent(route.areaKey)}` : 'dokument'}${query ? `?${query}` : ''}`;
    }
    case 'report':
      return route.areaKey ? `rapportera/${encodeURIComponent(route.areaKey)}` : 'rapportera';
    case 'myReports':
      return 'mina-rapporter';
    case 'reportDetail':
      return `rapport/${route.id}`;
    case 'risk':
      return `risk/${route.id}`;
    case 'newRisk':
      return `ny-risk/${encodeURIComponent(route.areaKey)}${route.reportId === undefined ? '' : `/${route.reportId}`}`;
    case 'situation':
      // Without a year: the site's current year, which the view learns with the site's time zone.
      return ['lagesbild', route.year, route.areaKey && encodeURIComponent(route.areaKey)].filter((p) => p !== undefined && p !== '').join('/');
    case 'annualReport':
      return `sakerhetsberattelse/${route.year}`;
    case 'installationCheck':
      return 'installationskontroll';
    case 'queue': {
      const query = queueQuery(route.filter ?? {});
      return query ? `att-hantera?${query}` : 'att-hantera';
    }
    case 'notFound':
      return route.path;
  }
}

/**
 * The place an address names, or "not found" for an address that names none. Only the app's own
 * part of the hash (#/…) is the app's: a SharePoint page's own anchors (#a-heading) are not.
 * @returns undefined when the address is not the app's (no place was asked for)
 */
export function routeOfAddress(hash: string): Route | undefined {
  const path = hash.replace(/^#/, '');
  if (!path.startsWith('/') || path === '/') {
    return undefined;
  }
  return parseRoute(path) ?? { name: 'notFound', path: path.replace(/^\//, '').slice(0, 200) };
}

function year(value: string | undefined): number | undefined {
  return value && /^20\d{2}$/.test(value) ? Number(value) : undefined;
}

/** Parses "#/omrade/x", "/omrade/x" or "omrade/x"; undefined when it names no place. */
export function parseRoute(path: string | undefined): Route | undefined {
  const whole = (path ?? '').replace(/^#?\/?/, '');
  const queue = /^att-hantera\/?(?:\?(.*))?$/.exec(whole);
  if (queue) {
    return { name: 'queue', filter: parseQueueQuery(queue[1] ?? '') };
  }
  const documents = /^dokument(?:\/([a-z0-9-]{1,40}))?\/?\?(.*)$/.exec(whole);
  if (documents) {
    const { area, ...filter } = parseDocumentQuery(documents[1], documents[2]);
    return { name: 'documents', areaKey: area || undefined, filter };
  }
  const clean = whole.replace(/\/$/, '');
  const [head, arg, ...rest] = clean.split('/');
  if (head === 'lagesbild' && rest.length <= 1) {
    // lagesbild, lagesbild/2026, lagesbild/2026/patientsakerhet or lagesbild/patientsakerhet (this year)
    const y = year(arg);
    const key = y === undefined && rest.length === 0 ? arg : rest[0];
    if ((y === undefined && rest.length > 0) || (key !== undefined && !/^[a-z0-9-]{1,40}$/.test(key))) {
      return undefined;
    }
    return { name: 'situation', year: y, areaKey: key };
  }
  if (head === 'ny-risk' && rest.length <= 1) {
    // ny-risk/<area> or ny-risk/<area>/<report id>
    if (!arg || !/^[a-z0-9-]{1,40}$/.test(arg) || (rest.length === 1 && !/^\d{1,9}$/.test(rest[0]))) {
      return undefined;
    }
    return rest.length === 1 ? { name: 'newRisk', areaKey: arg, reportId: Number(rest[0]) } : { name: 'newRisk', areaKey: arg };
  }
  if (rest.length > 0) {
    return undefined;
  }
  let value: string | undefined;
  try {
    value = arg === undefined ? undefined : decodeURIComponent(arg);
  } catch {
    return undefined;
  }
  // Keys are short ASCII slugs; anything else is not a place (and never reaches a query).
  if (value !== undefined && !/^[a-z0-9-]{1,40}$/.test(value)) {
    return undefined;
  }
  switch (head) {
    case '':
      return arg === undefined ? { name: 'overview' } : undefined;
    case 'omrade':
      return value ? { name: 'area', areaKey: value } : undefined;
    case 'dokument':
      return { name: 'documents', areaKey: value };
    case 'rapportera':
      return { name: 'report', areaKey: value };
    case 'mina-rapporter':
      return value === undefined ? { name: 'myReports' } : undefined;
    case 'installationskontroll':
      return value === undefined ? { name: 'installationCheck' } : undefined;
    case 'rapport':
      return value && /^\d{1,9}$/.test(value) ? { name: 'reportDetail', id: Number(value) } : undefined;
    case 'risk':
      return value && /^\d{1,9}$/.test(value) ? { name: 'risk', id: Number(value) } : undefined;
    case 'sakerhetsberattelse':
      return year(value) ? { name: 'annualReport', year: year(value)! } : undefined;
    default:
      return undefined;
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return routePath(a) === routePath(b);
}
