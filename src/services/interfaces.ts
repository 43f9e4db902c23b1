/**
 * What the React app asks of SharePoint. Components read these through React context, so a test
 * can hand them a fake, and the dev host and the web parts hand them the real PnPjs services.
 */
import type { IIndicatorValue, IReportFacts } from '../analytics/indicators';
import type { CalendarDay, TimeZone } from '../model/calendar';
import type { IQueueFilter, IQueueRow } from '../model/queue';
import type { GoalStatusKey, IAction, IArea, IGoal, IGoverningDocument, IIncident, IIncidentDetail, IncidentStatusKey, INewIncident, IPerson, IRisk, IRiskAssessment, IDirectoryPerson, IRiskScores, RiskStatusKey } from '../model/types';

export interface ICurrentUser {
  id: number;
  displayName: string;
  email: string;
  loginName: string;
  /**
   * May read and handle every report: Override List Behaviors (PermissionKind.CancelCheckout) and
   * Edit Items on Händelser, the permissions SharePoint checks under item-level security.
   */
  canManageReports: boolean;
  /**
   * Handles the reports of every area: the security chief, with Manage Lists on Händelser (the
   * site's Owners group). Area owners handle the areas they own (model/scope.ts).
   */
  handlesAllAreas: boolean;
  /** May edit goals (Edit on Mål). */
  canEditGoals: boolean;
  /** May file reports (Add items on Händelser). */
  canReport: boolean;
  /**
   * May run the installation check and its repairs: Manage Permissions and Manage Lists on the web
   * (Full Control; the site's owners).
   */
  canCheckInstallation: boolean;
}

export interface IAttachmentResult {
  /** The name of the file the user chose. */
  fileName: string;
  /** The name it has in SharePoint (made safe and unique). */
  storedName?: string;
  ok: boolean;
  /** Why it failed, for the user. */
  error?: string;
}

export interface ISubmitResult {
  incident: IIncident;
  attachments: IAttachmentResult[];
}

export interface IAreaService {
  /** All areas in display order; cached for the session. */
  getAreas(): Promise<IArea[]>;
}

export interface IGoalChange {
  // eslint-disable-next-line @rushstack/no-new-null -- null empties the SharePoint field
  outcome?: number | null;
  outcomeComputedAt?: Date;
  outcomeBasis?: number;
  // eslint-disable-next-line @rushstack/no-new-null -- null empties the SharePoint field
  outcomeValidUntil?: Date | null;
  // eslint-disable-next-line @rushstack/no-new-null -- null empties the SharePoint field
  statusOverride?: GoalStatusKey | null;
  statusComment?: string;
  followUp?: string;
}

export interface IGoalService {
  getGoals(areaId: number, period: number): Promise<IGoal[]>;
  /** Saves a change if nobody else saved the goal since it was read (its ETag); else a conflict. */
  updateGoal(goal: IGoal, change: IGoalChange): Promise<IGoal>;
  /**
   * Stores computed outcomes – value, basis, valid-until and `at` – in one round trip, each only if
   * the goal is unchanged since it was read; returns how many were stored.
   */
  storeOutcomes(outcomes: IComputedOutcome[], at: Date): Promise<number>;
}

/** A computed goal's indicator as computed now, to store with the ETag of the goal it was computed for. */
export interface IComputedOutcome {
  goal: IGoal;
  indicator: IIndicatorValue;
}

/** What a person handling a report can change. */
export interface ICaseChange {
  status?: IncidentStatusKey;
  // eslint-disable-next-line @rushstack/no-new-null -- null empties the SharePoint field
  investigatorId?: number | null;
  analysis?: string;
  // eslint-disable-next-line @rushstack/no-new-null -- null empties the SharePoint field
  authorityReportedAt?: Date | null;
  /** The closing message for the reporter ('' empties it). */
  reporterMessage?: string;
  /** The risk of the area's register the event realised (Risk); null unlinks it. */
  // eslint-disable-next-line @rushstack/no-new-null -- null empties the SharePoint field
  riskId?: number | null;
}

export interface INewAction {
  title: string;
  ownerId: number;
  /** The last day, on the site's calendar ('yyyy-mm-dd'). */
  dueDate: CalendarDay;
}

export interface IActionService {
  getActions(incidentId: number): Promise<IAction[]>;
  addAction(incidentId: number, action: INewAction): Promise<IAction>;
  /** Moves an action on (planerad → pågår → klar); a conflict if someone else saved it first. */
  setActionStatus(action: IAction, status: IAction['status']): Promise<IAction>;
  /** Changes an action's title, owner and due date; a conflict if someone else saved it first. */
  updateAction(action: IAction, change: INewAction): Promise<IAction>;
  /**
   * Removes a planned action (one that has started or is done stays, as a record of the work);
   * a conflict if someone else saved it first, a rule error ('actionStarted') if it is not planned.
   */
  removeAction(action: IAction): Promise<void>;
  /** An action decided to treat a risk (riskhanteringsåtgärd): it belongs to the risk, not to a report. */
  addRiskAction(riskId: number, action: INewAction): Promise<IAction>;
  /** A risk's actions, by due date. */
  getRiskActions(riskIds: readonly number[]): Promise<IAction[]>;
}

/** A new risk in an area's register; it starts as Identifierad. */
export interface INewRisk {
  areaId: number;
  title: string;
  threat: string;
  harm: string;
  location?: string;
  controls?: string;
  ownerId?: number;
  /** The last day of the first review, on the site's calendar. */
  nextReview?: CalendarDay;
}

export interface IRiskChanges {
  title?: string;
  threat?: string;
  harm?: string;
  location?: string;
  controls?: string;
  /** 0 clears it. */
  ownerId?: number;
  status?: RiskStatusKey;
  /** '' clears it. */
  nextReview?: CalendarDay;
}

export interface INewAssessment {
  title: string;
  scores: IRiskScores;
  /** The day it was made, on the site's calendar. */
  assessedAt: CalendarDay;
  motivation?: string;
  assessorId?: number;
  /** Fastställ at once (the register then shows it), or keep it a draft only owners see. */
  approve: boolean;
}

/** A report as a risk page lists it: no reporter, no description; only what an owner needs to open it. */
export interface ILinkedReport {
  id: number;
  title: string;
  occurredAt?: Date;
}

/**
 * The risk register (Risker) and its assessment history (Riskbedömningar), services/RiskService.ts.
 * Every method throws ServiceError: 'invalid' for input the form should have caught (code
 * 'riskIncomplete' or 'assessmentIncomplete'), 'conflict' when someone saved the risk first (412),
 * 'forbidden' without rights.
 */
export interface IRiskService {
  getRisk(id: number): Promise<IRisk>;
  /** Every assessment of the given risks, newest first (drafts included: owners only). */
  getAssessments(riskIds: readonly number[]): Promise<IRiskAssessment[]>;
  /** Records a risk (Identifierad). */
  addRisk(risk: INewRisk): Promise<IRisk>;
  /** Saves changes with the ETag the risk was read with. */
  updateRisk(risk: IRisk, changes: IRiskChanges): Promise<IRisk>;
  /** Adds an assessment (the earlier ones stay); with `approve` it becomes the risk's current one. */
  assess(risk: IRisk, assessment: INewAssessment): Promise<{ risk: IRisk; assessment: IRiskAssessment }>;
  /** Fastställer a draft: its figures become the risk's. */
  approve(risk: IRisk, draft: IRiskAssessment): Promise<{ risk: IRisk; assessment: IRiskAssessment }>;
}

export interface IDocumentService {
  getDocuments(): Promise<IGoverningDocument[]>;
}

export interface IIncidentService {
  /**
   * Files a report. Safe to call again with the same ReportId: a report that was already stored
   * (its answer lost on the way back) is found and returned instead of stored twice.
   */
  submit(report: INewIncident): Promise<IIncident>;
  /**
   * Adds one attachment to a stored report; safe to retry.
   * @param taken names already used by the report's other attachments
   */
  addAttachment(itemId: number, file: File, taken?: string[]): Promise<IAttachmentResult>;
  getMyReports(): Promise<IIncident[]>;
  getReport(id: number): Promise<IIncidentDetail>;
  /**
   * Saves a case-handling change if nobody else saved the report since it was read (its ETag),
   * else a conflict; refuses to close a report with actions that are not done.
   */
  updateCase(report: IIncident, change: ICaseChange): Promise<IIncidentDetail>;
  /** The reporter adds information to her own report (IncidentService.addInformation). */
  addInformation(report: IIncident, text: string, zone: TimeZone): Promise<IIncidentDetail>;
}

export interface IUserService {
  /** The signed-in user and what SharePoint lets them do; cached for the session. */
  getCurrentUser(): Promise<ICurrentUser>;
  /**
   * People of the organisation's directory whose name or e-mail starts with the text, as
   * SharePoint's own people picker finds them (users only, not groups); at most 8.
   */
  searchPeople(text: string): Promise<IDirectoryPerson[]>;
  /** The site user for a directory person, added to the site if they are not one yet (ensureUser). */
  ensurePerson(person: IDirectoryPerson): Promise<IPerson>;
}

export interface IStartView {
  /** The site's time zone (IANA), from its regional settings: the calendar of every date shown. */
  timeZone: TimeZone;
  areas: IArea[];
  user: ICurrentUser;
  /** Open reports per area id: all of them in the areas the user handles, elsewhere their own. */
  openCounts: Map<number, number>;
  /** The areas whose reports the user handles (model/scope.ts). */
  handledAreaIds: Set<number>;
}

export interface IAreaView {
  area: IArea;
  /** The user handles this area's reports (its owner, deputy, or the security chief). */
  handlesArea: boolean;
  user: ICurrentUser;
  /** The site's time zone (IANA), from its regional settings: the calendar of every date shown. */
  timeZone: TimeZone;
  /** This year on the site's calendar: the goals' period. */
  period: number;
  goals: IGoal[];
  documents: IGoverningDocument[];
  /** The area's latest reports (for those who handle it), or the user's own reports in the area. */
  reports: IIncident[];
  /**
   * The area's risk register as the user may read it (its fastställda figures only): empty for
   * those SharePoint gives no access to Risker (staff, unless the region has opened it).
   */
  risks: IRisk[];
}

export interface IDocumentsView {
  /** The site's time zone (IANA), from its regional settings: the calendar of every date shown. */
  timeZone: TimeZone;
  areas: IArea[];
  user: ICurrentUser;
  documents: IGoverningDocument[];
}

export interface IReportFormView {
  /** The site's time zone (IANA), from its regional settings: the calendar of every date shown. */
  timeZone: TimeZone;
  areas: IArea[];
  user: ICurrentUser;
}

export interface ICaseView {
  /** The site's time zone (IANA), from its regional settings: the calendar of every date shown. */
  timeZone: TimeZone;
  areas: IArea[];
  user: ICurrentUser;
  report: IIncidentDetail;
  /** The user handles the report's area: case handling is offered. */
  handles: boolean;
  /** Actions (only for people who handle the report's area). */
  actions: IAction[];
  /** The area's risk register, to link the report to the risk it realised (only for people who handle the report's area). */
  risks: IRisk[];
}

/**
 * One risk. Its history, measures and linked reports only for those who handle its area (its
 * owner, deputy, the security chief); anyone else reads the risk item alone, with its fastställda
 * figures – never a draft assessment.
 */
export interface IRiskView {
  /** The site's time zone (IANA), from its regional settings: the calendar of every date shown. */
  timeZone: TimeZone;
  areas: IArea[];
  area: IArea;
  user: ICurrentUser;
  risk: IRisk;
  /** The user handles the risk's area: may edit, assess and add measures. */
  handles: boolean;
  /** Every assessment, newest first, drafts included (handlers only). */
  assessments: IRiskAssessment[];
  /** The risk's measures (Åtgärder with Risk), by due date (handlers only). */
  actions: IAction[];
  /** Reports linked to the risk, of the areas the user handles (handlers only). */
  reports: ILinkedReport[];
}

/** The work queue: the reports of the areas the user handles that pass the query's filter. */
export interface IQueueView {
  /** The site's time zone (IANA), from its regional settings: the calendar of every date shown. */
  timeZone: TimeZone;
  areas: IArea[];
  /** The areas whose reports the user handles (model/scope.ts). */
  handled: IArea[];
  user: ICurrentUser;
  /** Unsorted; search, sort and pages are model/queue.ts's. */
  rows: IQueueRow[];
}

/** What the export adds to a queue row. */
export interface IQueueDetail {
  description: string;
  investigator?: string;
  /** Only for reports that are not anonymous. */
  reporter?: string;
}

/** Everything the lägesbild and the säkerhetsberättelse compute from, for a year and the one before. */
export interface ISituationView {
  /** A year of the site's calendar. */
  year: number;
  /** The site's time zone (IANA), from its regional settings: the calendar of every date shown. */
  timeZone: TimeZone;
  areas: IArea[];
  user: ICurrentUser;
  goals: IGoal[];
  /** Reports that occurred in the year or the year before. */
  facts: IReportFacts[];
  /** The risk register as it is now (fastställda figures only); empty for those who may not read it. */
  risks: IRisk[];
  /** Risk actions not yet done, for the late measures. */
  riskActions: IAction[];
}

export interface IAnnualReportView extends ISituationView {
  /** The owners' analyses of the year's reports, by report id. */
  analyses: Map<number, string>;
  /** Actions completed during the year (on reports and on risks). */
  completedActions: IAction[];
  /** Fastställda risk assessments of the year and the year before. */
  assessments: IRiskAssessment[];
}

export interface INewRiskView {
  /** The site's time zone (IANA), from its regional settings: the calendar of every date shown. */
  timeZone: TimeZone;
  areas: IArea[];
  area: IArea;
  user: ICurrentUser;
  /** The user handles the area (only then may they record a risk in it). */
  handles: boolean;
  /** The report the risk is created from, when there is one (a report of the area). */
  report?: IIncidentDetail;
}

export interface IMyReportsView {
  /** The site's time zone (IANA), from its regional settings: the calendar of every date shown. */
  timeZone: TimeZone;
  areas: IArea[];
  user: ICurrentUser;
  reports: IIncident[];
}

/** Each view's data in as few SharePoint round trips as possible (one $batch where it can). */
export interface IViewService {
  loadStart(): Promise<IStartView>;
  loadArea(areaKey: string): Promise<IAreaView>;
  loadDocuments(): Promise<IDocumentsView>;
  loadMyReports(): Promise<IMyReportsView>;
  loadReportForm(): Promise<IReportFormView>;
  loadCase(id: number): Promise<ICaseView>;
  /** One risk of the register (IRiskView); 'notFound' or 'forbidden' where the user may not read it. */
  loadRisk(id: number): Promise<IRiskView>;
  /** A new risk's form for an area the user handles; with a report of the area, that report to create it from. */
  loadNewRisk(areaKey: string, reportId?: number): Promise<INewRiskView>;
  /** Without a year: the site's current year (known once the site's time zone is). */
  loadSituation(year?: number): Promise<ISituationView>;
  loadAnnualReport(year: number): Promise<IAnnualReportView>;
  /**
   * The work queue's reports for a filter (its text, sort and page aside).
   * @param since the user's previous visit, for "new since my last visit"
   */
  loadQueue(filter: IQueueFilter, since?: Date): Promise<IQueueView>;
  /** Descriptions, investigators and (not anonymous only) reporters of the queue's reports, by id, for the export. */
  loadQueueDetails(filter: IQueueFilter, since?: Date): Promise<Map<number, IQueueDetail>>;
}

/** The key that encrypts the user's report drafts on her device; only she can read it. */
export interface IDraftKeyService {
  /** The user's key (base64, 32 bytes), made on first use. @throws ServiceError */
  getKey(me: ICurrentUser): Promise<string>;
}

/**
 * What became of one notification. Never an exception: a notification that fails never fails the
 * report it is about.
 * - sent: Microsoft Graph accepted the mail (202 Accepted)
 * - anonymous: the report is anonymous, so nothing was sent (it would name the reporter to the
 *   owner, or the owner to the reporter's mailbox)
 * - noRecipient: nobody to send to (no owner with an e-mail address, or only the sender herself)
 * - duplicate: this page already sent (or tried to send) this notification; it is never sent twice
 * - notApproved: Graph refused (403): the admin has not approved Mail.Send, or the sender has no
 *   mailbox or licence
 * - failed: throttled (429) after the Graph client's own retries, unavailable, a network failure or
 *   an answer that was lost; not tried again, since a lost answer may mean the mail went out
 * - unavailable: this host has no Graph client (tests, or a host without SPFx's MSGraphClientV3)
 */
export type NotificationOutcome = 'sent' | 'anonymous' | 'noRecipient' | 'duplicate' | 'notApproved' | 'failed' | 'unavailable';

export interface INotificationResult {
  outcome: NotificationOutcome;
  /** How many addresses the mail went to (0 unless sent). */
  recipients: number;
  /** Graph's HTTP status when it answered with an error. */
  status?: number;
}

/**
 * E-mail about reports, sent through Microsoft Graph as the signed-in user (POST /me/sendMail).
 * Each call resolves with what happened and never rejects.
 */
export interface INotificationService {
  /**
   * A report was stored (newly, or found stored by a retried submit): its area's owners get a link
   * to it with area, event type and severity, unless it is anonymous. Once per report and page.
   */
  reportStored(report: IIncident): Promise<INotificationResult>;
  /**
   * An owner closed a report: its reporter gets a link to it, unless it is anonymous. Once per
   * closing (report and ClosedAt) and page.
   */
  reportClosed(report: IIncident): Promise<INotificationResult>;
}

/** What became of computing and storing an area's goal outcomes after a write (never a failure of the write). */
export interface IOutcomeRefresh {
  /**
   * stored: every computed goal of the area and year was stored; nothingToCompute: it has none;
   * notHandled: the user does not read all of the area's reports (staff, another area's owner), so
   * nothing was asked; failed: reading or writing failed, or some goal was saved by someone meanwhile.
   */
  outcome: 'stored' | 'nothingToCompute' | 'notHandled' | 'failed';
  /** How many goals were stored. */
  stored: number;
}

export interface IOutcomeService {
  /**
   * A report was stored or its status changed: its area's computed goals of the year it occurred
   * in (site's calendar) are computed from all the area's reports and stored, if this user handles
   * the area. Never rejects.
   */
  reportChanged(report: Pick<IIncident, 'areaId' | 'occurredAt'>): Promise<IOutcomeRefresh>;
}

/**
 * The part of SPFx's MSGraphClientV3 the product uses: `client.api(path).post(body)`. An error
 * carries the HTTP status as `statusCode` (the Graph JavaScript client's GraphError; -1 when no
 * answer came).
 */
export interface IGraphClient {
  api(path: string): { post(content: unknown): Promise<unknown> };
}

export interface IServices {
  /** Tells when a request is being retried (throttling, unavailable), so the UI can say so. */
  onRetry(listener: (attempt: number, status: string) => void): () => void;
  areas: IAreaService;
  notifications: INotificationService;
  /** Computed goal outcomes, stored after the writes that change them. */
  outcomes: IOutcomeService;
  draftKeys: IDraftKeyService;
  goals: IGoalService;
  documents: IDocumentService;
  incidents: IIncidentService;
  actions: IActionService;
  users: IUserService;
  views: IViewService;
  risks: IRiskService;
  /** The installation check, loaded when a site owner opens it. */
  setup(): Promise<ISetupService>;
}

export interface ISetupService {
  /** Every difference between the site and what the product needs. */
  check(): Promise<ISetupReport>;
  /** Repairs what can be repaired with the owner's rights, then checks again. */
  repair(): Promise<IRepairResult>;
}

export type { ISetupIssue, ISetupReport, IRepairResult, SetupIssueKind } from './SetupService';
import type { ISetupReport, IRepairResult } from './SetupService';
