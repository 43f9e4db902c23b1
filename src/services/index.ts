import { ActionService } from './ActionService';
import { AreaService } from './AreaService';
import { DocumentService } from './DocumentService';
import { DraftKeyService } from './DraftKeyService';
import { GoalService } from './GoalService';
import { RiskService } from './RiskService';
import { OutcomeService } from './OutcomeService';
import { IncidentService } from './IncidentService';
import type { INotificationOptions, NotificationService } from './NotificationService';
import { reportLinks } from './reportLinks';
import type { INotificationResult, INotificationService, IServices, ISetupService } from './interfaces';
import { SessionCache, sharedCache } from './SessionCache';
import { SiteService } from './SiteService';
import { onRetry, type SPFI } from './sp';
import { loadStrings } from '../loc';
import { INCIDENTS_LIST } from '../model/schema';
import { UserService } from './UserService';
import { ViewService } from './ViewService';

export interface ISharePointServices extends IServices {
  areas: AreaService;
  goals: GoalService;
  documents: DocumentService;
  incidents: IncidentService;
  actions: ActionService;
  users: UserService;
  views: ViewService;
  site: SiteService;
  draftKeys: DraftKeyService;
  outcomes: OutcomeService;
  risks: RiskService;
}

/**
 * The product's services for one site. Web parts on one page share the session cache of their
 * site, so the areas and the current user are fetched once per page.
 *
 * @param siteUrl server-relative URL of the site, e.g. /sites/sakerhet
 * @param notify the Graph client, the site's language and the reports' address for e-mail
 *   notifications; without a Graph client nothing is sent (NotificationService)
 */
export function createServices(sp: SPFI, siteUrl: string, cache: SessionCache = sharedCache(siteUrl), notify: Partial<INotificationOptions> = {}): ISharePointServices {
  const areas = new AreaService(sp, siteUrl, cache);
  const users = new UserService(sp, siteUrl, cache);
  const goals = new GoalService(sp, siteUrl);
  const documents = new DocumentService(sp, siteUrl);
  const site = new SiteService(sp, cache);
  const actions = new ActionService(sp, siteUrl, () => site.timeZone());
  const incidents = new IncidentService(sp, siteUrl, () => users.getCurrentUser(), actions);
  const risks = new RiskService(sp, siteUrl, () => site.timeZone());
  const views = new ViewService(sp, cache, areas, users, goals, documents, incidents, actions, site, risks, siteUrl);
  const draftKeys = new DraftKeyService(sp, siteUrl);
  const outcomes = new OutcomeService(sp, siteUrl, goals, () => areas.getAreas(), () => users.getCurrentUser(), () => site.timeZone());
  // The notifications and their mails load with the first mail (after a report is stored or
  // closed), not with the app shell. One instance per page: it remembers what it has sent.
  let notifier: Promise<NotificationService> | undefined;
  const notifierNow = (): Promise<NotificationService> => {
    if (!notifier) {
      notifier = import(/* webpackChunkName: 'sakerhet-notifications' */ './NotificationService').then(
        (m) =>
          new m.NotificationService(() => areas.getAreas(), () => users.getCurrentUser(), {
            graph: notify.graph,
            strings: notify.strings ?? (() => loadStrings('sv-SE')),
            reportLink: notify.reportLink ?? reportLinks(siteUrl, INCIDENTS_LIST.url)
          })
      );
      // A chunk that did not load sent nothing: the next mail may try to load it again.
      notifier.catch(() => (notifier = undefined));
    }
    return notifier;
  };
  const notLoaded = (): INotificationResult => ({ outcome: 'failed', recipients: 0 });
  const notifications: INotificationService = {
    reportStored: (report) => notifierNow().then((n) => n.reportStored(report), notLoaded),
    reportClosed: (report) => notifierNow().then((n) => n.reportClosed(report), notLoaded)
  };
  // The installation check and its area texts load only when a site owner opens it.
  const setup = (): Promise<ISetupService> => import(/* webpackChunkName: 'sakerhet-setup' */ './SetupService').then((m) => new m.SetupService(sp, siteUrl));
  return { onRetry, areas, users, goals, documents, incidents, actions, views, site, draftKeys, notifications, outcomes, risks, setup };
}

export { SessionCache } from './SessionCache';
export * from './interfaces';
export { ServiceError, toServiceError } from './errors';
export { reportLinks } from './reportLinks';
export type { INotificationOptions } from './NotificationService';
