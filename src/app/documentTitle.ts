/**
 * The page title (WCAG 2.4.2: pages have titles that describe topic or purpose), per host.
 *
 * - **Teams tab**: the app is the whole document Teams shows, so the title always names the view:
 *   "Mina rapporter – Säkerhet".
 * - **SharePoint, the whole-section web part** (it owns the address: `#/omrade/…`): where it moves
 *   to another view the page has in effect become another page, so the view's name goes in front
 *   of the page's own title: "Brandsäkerhet – Säkerhet – Ledningssystemet". On its start view the
 *   page's title is left as the page's author gave it, and when the web part goes away the title
 *   it set is taken back.
 * - **SharePoint, a single-view web part** (area, documents, report form, lägesbild): it is one part
 *   of a page whose title belongs to the page and its author, and other web parts may sit beside
 *   it; two parts rewriting `document.title` would fight and the title would describe whichever
 *   wrote last. It never touches the title.
 *
 * A report's own title is never put in the page title: it would land in the browser's history on a
 * shared ward computer ("Rapport 42" is used instead).
 */
import type { IStrings } from '../loc';
import { format } from '../loc';
import type { Route } from './routes';
import { sameRoute } from './routes';

/** The view's name before it has loaded (an area's name comes with its data). */
export function routeTitle(route: Route, strings: IStrings): string {
  switch (route.name) {
    case 'overview':
      return strings.appTitle;
    case 'area':
      return strings.area;
    case 'documents':
      return strings.documentsHeading;
    case 'report':
      return strings.reportFormHeading;
    case 'myReports':
      return strings.myReportsHeading;
    case 'reportDetail':
      return reportDocumentTitle(strings, route.id);
    case 'risk':
      return riskDocumentTitle(strings, route.id);
    case 'newRisk':
      return strings.newRiskHeading;
    case 'situation':
      return strings.situationHeading;
    case 'annualReport':
      return format(strings.annualReportHeading, route.year);
    case 'installationCheck':
      return strings.installationHeading;
    case 'queue':
      return strings.queueHeading;
    case 'notFound':
      return strings.pageNotFoundTitle;
  }
}

/** "Risk 12": a risk's page title (its text stays out of the browser's history, as a report's does). */
export function riskDocumentTitle(strings: IStrings, id: number): string {
  return `${strings.riskTitle} ${id}`;
}

/** "Rapport 42": a report's page title without its content. */
export function reportDocumentTitle(strings: IStrings, id: number): string {
  return `${strings.reportDetailHeading} ${id}`;
}

export interface ITitlePlace {
  host: 'sharepoint' | 'teams';
  routing: 'hash' | 'memory';
  route: Route;
  home: Route;
  /** The view's name. */
  view: string;
  /** The page's title when the app started (SharePoint's page title). */
  pageTitle: string;
}

/** The page title for a place, or undefined when the app must leave the title alone. */
export function documentTitle(place: ITitlePlace, strings: IStrings): string | undefined {
  const join = (...parts: string[]): string => parts.filter((p, i) => p && parts.indexOf(p) === i).join(' – ');
  if (place.host === 'teams') {
    return join(place.view, strings.appTitle);
  }
  if (place.routing === 'hash') {
    return sameRoute(place.route, place.home) && place.pageTitle ? place.pageTitle : join(place.view, place.pageTitle);
  }
  return undefined;
}
